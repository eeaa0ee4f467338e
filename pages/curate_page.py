"""Curate: draft a new meeting from its report, review it beside the report, apply it."""

import streamlit as st

from twg_data import ui
from twg_data.i18n import _
from twg_data.importer.apply import ApplyError
from twg_data.ui import curate, curate_passages, curate_start, curate_tables, curator

st.title(_("Curate: add a meeting"))
if not curator.signed_in():  # the page is not even listed then; this is a second lock
    st.error(_("This page is for curators only."))
    st.stop()

working = curate.current()
if working is None:
    watched = curate.watching()
    if watched is not None:
        curate_start.progress(watched)
    else:
        curate_start.upload_form()
    curate_start.drafts_on_server()
    st.stop()

draft = working.draft
st.markdown(
    ui.fmt(
        _("Draft of **{meeting}** from {report}:"),
        meeting=draft.meeting_id,
        report=ui.code(draft.document.name),
    )
    + " "
    + ui.md(", ".join(f"{n} {table}" for table, n in draft.counts().items()))
)
for what in draft.not_found():
    st.warning(
        ui.fmt(_("Not found in the report: {what}."), what=what), icon=":material/search_off:"
    )

report_column, draft_column = st.columns([2, 3])
with report_column:
    st.subheader(_("The report"))
    curate_passages.show(working)
with draft_column:
    curate_tables.identity_questions(working)
    curate_tables.same_as(working)
    curate_tables.decisions(working)
    curate_tables.editors(working)

apply_clicked, close_clicked, discard_clicked = st.columns(3)
if close_clicked.button(_("Close (keep the draft on the server)")):
    curate.close()
    st.rerun()
if discard_clicked.button(_("Discard the draft")):
    curate.discard()
    st.rerun()
if apply_clicked.button(_("Apply to the data"), type="primary"):
    try:
        applied = curate.apply_current()
    except ApplyError as error:
        st.error(ui.md(str(error)), icon=":material/block:")
        if error.problems:
            ui.show_problems(error.problems)
    else:
        st.success(
            ui.fmt(
                _(
                    "Applied {meeting}: {n} file(s) written; "
                    "their previous versions are in {backup}."
                ),
                meeting=applied.meeting_id,
                n=len(applied.files),
                backup=ui.code(str(applied.backup)),
            )
        )
