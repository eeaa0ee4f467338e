"""The Curate page before a draft is open: the upload form, the import's progress while its
worker process runs (with Cancel), and the drafts kept on the server, to reopen."""

from __future__ import annotations

import time
from datetime import datetime

import streamlit as st

from twg_data.curating import jobs
from twg_data.curating.workfolder import FAILED, READY, RUNNING, STAGES, WorkDraft
from twg_data.i18n import N_, _
from twg_data.importer.reader import MAX_BYTES, SUFFIXES, ReportError
from twg_data.text import code, fmt, md
from twg_data.ui import curate

STAGE_LABELS = {
    STAGES[0]: N_("starting"),
    STAGES[1]: N_("reading the data"),
    STAGES[2]: N_("reading the report"),
    STAGES[3]: N_("recognising sessions, speakers, key points and participants"),
    STAGES[4]: N_("saving the draft"),
}
POLL_SECONDS = 1.0
MEETING_ID_KEY = "curate_meeting_id"


def upload_form() -> None:
    """The report and the new meeting's id; the import starts in a worker process."""
    st.markdown(
        _(
            "Upload a meeting's report. The dashboard reads it and drafts the meeting's rows, "
            "each beside the passage it comes from; nothing reaches the data until you apply it."
        )
    )
    message = curate.failure()
    if message:
        st.error(md(message), icon=":material/error:")
    with st.form("curate_upload"):
        upload = st.file_uploader(
            _("Report"), type=[s.lstrip(".") for s in SUFFIXES], max_upload_size=MAX_BYTES >> 20
        )
        meeting_id = st.text_input(
            _("Meeting id"), key=MEETING_ID_KEY, placeholder=_("e.g. twg-2016-kampala")
        )
        drafted = st.form_submit_button(_("Draft the meeting"), type="primary")
    if drafted:
        if upload is None or not meeting_id.strip():
            st.error(_("Choose a report and give the meeting a new id."))
        else:
            try:
                curate.start(upload.name, upload.getvalue(), meeting_id)
            except ReportError as error:
                st.error(md(str(error)), icon=":material/error:")
            else:
                st.rerun()


@st.fragment(run_every=POLL_SECONDS)
def progress(work: WorkDraft) -> None:
    """The running import's stage, redrawn every second; the whole page again once it has
    finished (the draft opens, or its message shows)."""
    if curate.settle(work) != RUNNING:
        _back_to_the_form()
        st.rerun()
    status = work.status()
    stage = STAGES.index(status.stage) if status.stage in STAGES else 0
    seconds = max(0, round(time.time() - status.started))
    st.progress(
        (stage + 1) / (len(STAGES) + 1),
        text=fmt(
            _("Importing {report} as **{meeting}**: {stage} ({seconds} s)"),
            report=code(status.report),
            meeting=status.meeting_id,
            stage=_(STAGE_LABELS.get(status.stage, STAGE_LABELS[STAGES[0]])),
            seconds=seconds,
        ),
    )
    st.caption(
        _(
            "The import runs on the server apart from this page: you may leave it, reload, "
            "or come back later; the draft is kept until you apply or discard it."
        )
    )
    if st.button(_("Cancel the import"), key="curate_cancel", icon=":material/cancel:"):
        curate.cancel(work)
        _back_to_the_form()
        st.rerun()


def _back_to_the_form() -> None:
    """The upload form shown again holds the meeting id it was given (for another try)."""
    st.session_state[MEETING_ID_KEY] = curate.typed_meeting_id()


def _started(seconds: float) -> str:
    return datetime.fromtimestamp(seconds).strftime("%Y-%m-%d %H:%M")


def drafts_on_server() -> None:
    """The drafts kept on the server: open one, follow or cancel an import, remove one."""
    kept = curate.drafts()
    if not kept:
        return
    st.subheader(_("Drafts on the server"))
    st.caption(_("Kept until applied or removed; any signed-in curator may open one."))
    watched = curate.watching()
    for work in kept:
        if work == watched:
            continue
        status = jobs.state(work)
        with st.container(border=True, horizontal=True, vertical_alignment="center"):
            line = fmt(
                _("**{meeting}** from {report}, started {when}"),
                meeting=status.meeting_id,
                report=code(status.report),
                when=_started(status.started),
            )
            if status.state == RUNNING:
                line += " · " + _("importing")
            elif status.state == FAILED:
                line += " · " + fmt(_("failed: {why}"), why=status.why().text)
            else:
                line += " · " + md(", ".join(f"{n} {t}" for t, n in status.counts.items()))
            st.markdown(line, width="stretch")
            if status.state == READY and st.button(_("Open"), key=f"open_{work.name}"):
                curate.open_draft(work.name)
                st.rerun()
            if status.state == RUNNING:
                if st.button(_("Follow"), key=f"follow_{work.name}"):
                    curate.watch(work.name)
                    st.rerun()
                if st.button(_("Cancel the import"), key=f"cancel_{work.name}"):
                    curate.cancel(work)
                    st.rerun()
            elif st.button(_("Remove"), key=f"remove_{work.name}"):
                work.remove()
                st.rerun()
