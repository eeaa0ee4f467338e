"""The draft's side of the Curate page: identity questions (the import's, and the curator's
own "Same as ..."), the values left to the curator, and the drafted rows in table editors,
a page of rows at a time, each edit saved to the draft on the server."""

from __future__ import annotations

import streamlit as st

from twg_data.curating import review
from twg_data.i18n import N_, _
from twg_data.importer.edits import PASSAGE, READ_ONLY
from twg_data.text import code, fmt, md
from twg_data.ui import curate
from twg_data.ui.paging import pager

QUESTIONS_A_PAGE = 20
ENTITY_LABELS = {"people": N_("Person"), "organizations": N_("Organization")}


def identity_questions(working: curate.Working) -> None:
    """The import's "Same person?" questions, a page at a time."""
    suggestions = working.draft.suggestions
    if not suggestions:
        return
    st.subheader(_("Same person or organization?"))
    st.caption(_("Each stays new unless you say it is the same as the one named."))
    _page, start, stop = pager(len(suggestions), QUESTIONS_A_PAGE, "curate_question_page")
    for index in range(start, stop):
        suggestion = suggestions[index]
        left, same, different = st.columns([6, 1, 1])
        left.markdown(
            fmt(
                _(
                    "{table}: **{drafted}** (drafted as {drafted_id}) may be **{existing}** "
                    "({existing_id})"
                ),
                table=suggestion.table,
                drafted=suggestion.drafted_name,
                drafted_id=code(suggestion.drafted_id),
                existing=suggestion.existing_name,
                existing_id=code(suggestion.existing_id),
            )
        )
        # Keys name the question, so an answer never lands on the next one.
        name = f"{index}_{suggestion.table}_{suggestion.drafted_id}_{suggestion.existing_id}"
        different.button(
            _("Different"), key=f"reject_{name}", on_click=curate.answer, args=(index, False)
        )
        same.button(_("Same"), key=f"confirm_{name}", on_click=curate.answer, args=(index, True))


def same_as(working: curate.Working) -> None:
    """Merge any drafted person or organization into one the data holds, found by name."""
    with st.expander(_("Same as a person or organization in the data…")):
        table = st.segmented_control(
            _("Which"),
            list(ENTITY_LABELS),
            format_func=lambda t: _(ENTITY_LABELS[t]),
            default="people",
            key="merge_table",
            required=True,
        )
        table = table or "people"
        drafted_words, existing_words = st.columns(2)
        drafted_search = drafted_words.text_input(_("Drafted name"), key="merge_drafted_words")
        existing_search = existing_words.text_input(
            _("Name in the data"), key="merge_existing_words"
        )
        drafted = review.name_matches(working.draft.rows.get(table, []), table, drafted_search)
        existing = review.name_matches(curate.data_tables()[table], table, existing_search)
        drafted_names, existing_names = dict(drafted), dict(existing)
        drafted_id = drafted_words.selectbox(
            _("Drafted"),
            list(drafted_names),
            format_func=lambda key: f"{drafted_names[key]} ({key})",
            key=f"merge_drafted_{table}_{drafted_search}",  # a new search chooses anew
            placeholder=_("type a drafted name above"),
        )
        existing_id = existing_words.selectbox(
            _("Same as"),
            list(existing_names),
            format_func=lambda key: f"{existing_names[key]} ({key})",
            key=f"merge_existing_{table}_{existing_search}",
            placeholder=_("type a name in the data above"),
        )
        st.button(
            _("Merge: the same"),
            key="merge_apply",
            disabled=not (drafted_id and existing_id) or drafted_id == existing_id,
            on_click=curate.merge,
            args=(table, drafted_id or "", existing_id or ""),
        )


def decisions(working: curate.Working) -> None:
    """The values the report left to the curator."""
    if working.draft.decisions:
        st.subheader(_("Left to you"))
        shown = [
            {_("table"): d.table, _("row"): d.key, _("column"): d.column, _("why"): d.why}
            for d in working.draft.decisions
        ]
        st.dataframe(shown, hide_index=True, width="stretch")


def editors(working: curate.Working) -> None:
    """The drafted rows, a tab a table and a page of rows at a time; edits are saved."""
    st.subheader(_("Drafted rows"))
    counts = working.draft.counts()
    tables = [table for table in counts if table != "sources"] + ["sources"] * ("sources" in counts)
    for tab, table in zip(st.tabs([md(table) for table in tables]), tables, strict=True):
        with tab:
            _editor(working, table)


def _editor(working: curate.Working, table: str) -> None:
    rows = working.draft.rows.get(table, [])
    page, _start, _stop = pager(len(rows), review.ROWS_A_PAGE, f"curate_rows_{table}")
    edited = st.data_editor(
        review.page_frame(working.draft, table, page),
        # Drawn anew after a change elsewhere (a tag may move rows): see curate.version.
        key=f"edit_{table}_{page}_{curate.version()}",
        hide_index=True,
        disabled=list(READ_ONLY),
        column_config={PASSAGE: st.column_config.TextColumn("passage", width="large")},
    )
    if review.update_page(working.draft, table, page, edited):
        curate.changed(working, edited=True)
