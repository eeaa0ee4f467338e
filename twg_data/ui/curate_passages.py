"""The report's passages on the Curate page, a page at a time, each with what the curator
may say it is: a tag (key point, speaker, participant, session, objective, framing, nothing),
a one-click tag a sentence suggests, and taking a tag back."""

from __future__ import annotations

import streamlit as st

from twg_data.curating import review
from twg_data.i18n import N_, _, format_count
from twg_data.importer.draft import Hint
from twg_data.importer.passages import Passage
from twg_data.importer.tagging import KINDS
from twg_data.text import Markdown, code, fmt, md
from twg_data.ui import curate
from twg_data.ui.paging import pager

KIND_LABELS = {
    "key_point": N_("key point"),
    "speaker": N_("speaker"),
    "participant": N_("participant"),
    "session": N_("session"),
    "objective": N_("objective"),
    "framing": N_("framing"),
    "nothing": N_("nothing (remove what was drafted from it)"),
}
SHOW_LABELS = {"all": N_("All"), "suggested": N_("Suggested tags"), "tagged": N_("Tagged")}
SCOPES = ("meeting", "twg")
FRAMING_KINDS = ("dimension", "setting")
REPORT_HEIGHT = 900  # pixels: the passages scroll beside the draft
_FORM = "_curate_tag_form"  # the passage whose tag form is open
_WHOLE = "_curate_whole"  # passages shown whole
_NORMAL = "_curate_normal"  # (draft, the passages' texts folded for search)


def show(working: curate.Working) -> None:
    """The passages found by the curator's words and choice, one page of them."""
    draft = working.draft
    find, which = st.columns([1, 1], vertical_alignment="bottom")
    words = find.text_input(
        _("Find passages"), key="curate_find", placeholder=_("words in the passage")
    )
    shown = which.segmented_control(
        _("Show"),
        review.SHOW,
        format_func=lambda s: _(SHOW_LABELS[s]),
        default="all",
        key="curate_show",
        required=True,
    )
    passages = review.passages_shown(draft, words, shown or "all", _folded(working))
    if not passages:
        st.info(_("No passage is of that kind or holds these words."))
        return
    _page, start, stop = pager(len(passages), review.PASSAGES_A_PAGE, "curate_passage_page")
    hints = review.hints_by_passage(draft)
    with st.container(height=REPORT_HEIGHT):
        for passage in passages[start:stop]:
            _passage(working, passage, hints.get(passage.source_id, []))


def _folded(working: curate.Working) -> list[str] | None:
    """The passages' texts folded for search, made once per draft (they never change)."""
    kept = st.session_state.get(_NORMAL)
    if kept is None or kept[0] != working.work.name:
        kept = (working.work.name, review.folded(working.draft))
        st.session_state[_NORMAL] = kept
    return kept[1]


def _toggle_whole(source_id: str) -> None:
    whole = st.session_state.setdefault(_WHOLE, set())
    whole.symmetric_difference_update({source_id})


def _open_form(source_id: str | None) -> None:
    st.session_state[_FORM] = source_id


def tag_summary(kind: str, options: dict[str, str]) -> Markdown:
    """A tag in words: 'Tagged as key point (category recommendation)'."""
    given = ", ".join(f"{name} {value}" for name, value in options.items() if value)
    text = fmt(_("Tagged as **{kind}**"), kind=_(KIND_LABELS[kind]))
    return Markdown(text + (" (" + md(given) + ")" if given else ""))


def _hint_options(hint: Hint) -> dict[str, str]:
    return {"category": hint.value} if hint.kind == "key_point" else {"role": hint.value}


def _passage(working: curate.Working, passage: Passage, hints: list[Hint]) -> None:
    source_id = passage.source_id
    with st.container(border=True):
        st.caption(fmt(_("{source} · {section}"), source=code(source_id), section=passage.section))
        whole = source_id in st.session_state.get(_WHOLE, set())
        st.markdown(md(passage.text if whole else review.shortened(passage.text)))
        found = working.draft.tags.get(source_id)
        if found is not None:
            st.markdown(tag_summary(found.kind, found.options))
        with st.container(horizontal=True):
            for index, hint in enumerate(hints):
                if found is not None and found.kind == hint.kind:
                    continue
                st.button(
                    fmt(_("Tag as {value}"), value=hint.value),
                    key=f"hint_{source_id}_{index}",
                    help=fmt(_("Suggested by the words “{words}”"), words=hint.words),
                    on_click=curate.tag_passage,
                    args=(source_id, hint.kind),
                    kwargs=_hint_options(hint),
                    icon=":material/lightbulb:",
                )
            st.button(_("Tag…"), key=f"tag_{source_id}", on_click=_open_form, args=(source_id,))
            if found is not None:
                st.button(
                    _("Untag"),
                    key=f"untag_{source_id}",
                    on_click=curate.untag_passage,
                    args=(source_id,),
                )
            if len(passage.text) > review.SHORT:
                label = (
                    _("Show less")
                    if whole
                    else fmt(_("Show all ({n} characters)"), n=format_count(len(passage.text)))
                )
                st.button(
                    label, key=f"whole_{source_id}", on_click=_toggle_whole, args=(source_id,)
                )
        refused = curate.refusal(source_id)
        if refused:
            st.error(md(refused), icon=":material/block:")
        if st.session_state.get(_FORM) == source_id:
            _tag_form(source_id)


@st.fragment
def _tag_form(source_id: str) -> None:
    """What the passage is, with what that kind needs; the choice of kind redraws only this
    form, Tag the whole page."""
    working = curate.current()
    if working is None:
        return
    choices = review.tag_choices(working.draft, curate.data_tables())
    kind = st.segmented_control(
        _("What is this passage?"),
        KINDS,
        format_func=lambda k: _(KIND_LABELS[k]),
        default="key_point",
        key=f"tag_kind_{source_id}",
        required=True,
    )
    options: dict[str, str] = {}
    if kind == "key_point":
        options["category"] = st.selectbox(
            _("Category"), choices.categories, key=f"tag_category_{source_id}"
        )
    elif kind == "speaker":
        options["role"] = st.selectbox(
            _("Role"), choices.roles, key=f"tag_role_{source_id}", accept_new_options=True
        )
        titles = dict(choices.sessions)
        options["session_id"] = st.selectbox(
            _("Session"),
            ["", *titles],
            format_func=lambda s: titles[s] if s else _("the meeting as a whole"),
            key=f"tag_session_{source_id}",
        )
    elif kind == "session":
        start, end = st.columns(2)
        hours = _("HH:MM, if the passage gives none")
        options["start_time"] = start.text_input(
            _("Start time"), key=f"tag_start_{source_id}", placeholder=hours
        )
        options["end_time"] = end.text_input(
            _("End time"), key=f"tag_end_{source_id}", placeholder=hours
        )
    elif kind == "objective":
        options["scope"] = st.selectbox(_("Scope"), SCOPES, key=f"tag_scope_{source_id}")
    elif kind == "framing":
        options["kind"] = st.selectbox(_("Kind"), FRAMING_KINDS, key=f"tag_framing_{source_id}")
        options["label"] = st.text_input(_("Label"), key=f"tag_label_{source_id}")
    with st.container(horizontal=True):
        if st.button(_("Tag"), key=f"tag_apply_{source_id}", type="primary"):
            curate.tag_passage(
                source_id,
                kind or "key_point",
                **{name: (value or "").strip() for name, value in options.items()},
            )
            if curate.refusal(source_id) is None:
                _open_form(None)
            st.rerun()
        if st.button(_("Close"), key=f"tag_close_{source_id}"):
            _open_form(None)
            st.rerun()
