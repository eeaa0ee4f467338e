"""Curate: draft a new meeting from its report, review it beside the report, apply it."""

import streamlit as st

from twg_data import ui
from twg_data.i18n import _
from twg_data.importer.apply import ApplyError
from twg_data.importer.edits import PASSAGE, READ_ONLY, confirm, dismiss, frame, update_rows
from twg_data.importer.reader import MAX_BYTES, SUFFIXES, ReportError
from twg_data.ui import curate, curator

st.title(_("Curate: add a meeting"))
if not curator.signed_in():  # the page is not even listed then; this is a second lock
    st.error(_("This page is for curators only."))
    st.stop()

working = curate.current()
if working is None:
    st.markdown(
        _(
            "Upload a meeting's report. The dashboard reads it and drafts the meeting's rows, "
            "each beside the passage it comes from; nothing reaches the data until you apply it."
        )
    )
    with st.form("curate_upload"):
        upload = st.file_uploader(
            _("Report"), type=[s.lstrip(".") for s in SUFFIXES], max_upload_size=MAX_BYTES >> 20
        )
        meeting_id = st.text_input(_("Meeting id"), placeholder=_("e.g. twg-2016-kampala"))
        drafted = st.form_submit_button(_("Draft the meeting"), type="primary")
    if drafted:
        if upload is None or not meeting_id.strip():
            st.error(_("Choose a report and give the meeting a new id."))
        else:
            try:
                curate.start(upload.name, upload.getvalue(), meeting_id)
                st.rerun()
            except ReportError as error:
                st.error(ui.md(str(error)), icon=":material/error:")
    st.stop()

draft = working.draft
counts = draft.counts()
st.markdown(
    ui.fmt(
        _("Draft of **{meeting}** from {report}:"),
        meeting=draft.meeting_id,
        report=ui.code(draft.document.name),
    )
    + " "
    + ui.md(", ".join(f"{n} {table}" for table, n in counts.items()))
)
for what in draft.not_found():
    st.warning(
        _("Not found in the report: {what}.").format(what=what), icon=":material/search_off:"
    )

report_column, draft_column = st.columns([2, 3])
with report_column:
    st.subheader(_("The report"))
    with st.container(height=700):
        st.text(draft.document.text)

with draft_column:
    if draft.suggestions:
        st.subheader(_("Same person or organization?"))
        st.caption(_("Each stays new unless you say it is the same as the one named."))
        for index, suggestion in enumerate(list(draft.suggestions)):
            left, same, different = st.columns([6, 1, 1])
            left.markdown(
                _(
                    "{table}: **{drafted}** (drafted as `{drafted_id}`) may be **{existing}** "
                    "(`{existing_id}`)"
                ).format(
                    table=suggestion.table,
                    drafted=ui.md(suggestion.drafted_name),
                    drafted_id=suggestion.drafted_id,
                    existing=ui.md(suggestion.existing_name),
                    existing_id=suggestion.existing_id,
                )
            )
            if different.button(_("Different"), key=f"reject_{index}_{suggestion.drafted_id}"):
                dismiss(draft, suggestion)
                st.rerun()
            if same.button(_("Same"), key=f"confirm_{index}_{suggestion.drafted_id}"):
                confirm(
                    draft, suggestion, curate.existing_row(suggestion.table, suggestion.existing_id)
                )
                st.rerun()
    if draft.decisions:
        st.subheader(_("Left to you"))
        st.dataframe([vars(d) for d in draft.decisions], hide_index=True, width="stretch")
    st.subheader(_("Drafted rows"))
    tables = [table for table in counts if table != "sources"] + ["sources"]
    for tab, table in zip(st.tabs(tables), tables, strict=True):
        with tab:
            edited = st.data_editor(
                frame(draft, table),
                key=f"edit_{table}",
                hide_index=True,
                disabled=list(READ_ONLY),
                column_config={PASSAGE: st.column_config.TextColumn("passage", width="large")},
            )
            update_rows(draft, table, edited)

apply_clicked, discard_clicked = st.columns(2)
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
            _(
                "Applied {meeting}: {n} file(s) written; their previous versions are in `{backup}`."
            ).format(meeting=applied.meeting_id, n=len(applied.files), backup=applied.backup)
        )
