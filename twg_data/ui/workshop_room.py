"""The participant's side of a workshop (the Vote page): join by the code (from the QR code's
link, or typed), see the points in the language with their passages, vote and change the
vote until voting closes, add a comment for the facilitator to approve, read approved ones.

A participant is an anonymous token kept in the session (one per workshop joined); nothing
asks for a name or an address."""

from __future__ import annotations

import math
import time

import streamlit as st

from twg_data.i18n import _, format_count
from twg_data.text import fmt, md
from twg_data.ui import guesses, link, sign_in
from twg_data.ui.workshops import points, refusal_text, store
from twg_data.workshop import results
from twg_data.workshop import store as workshop_store
from twg_data.workshop.records import Workshop, WorkshopError

_CODE = "workshop_code_typed"
_TOKENS = "_workshop_tokens"  # workshop id -> this session's participant token
_WRONG = "_workshop_wrong_code"  # the last code refused, and why
_FAILURES = "_workshop_code_failures"  # this session's wrong codes (guesses.Failures)
clock = time.time  # what "now" is (tests set their own)


def joined() -> Workshop | None:
    """The workshop whose code the link holds or the participant typed (with a message when
    the code names none, or has expired); None until then."""
    if not st.session_state.get(_CODE):
        st.session_state[_CODE] = link.value(link.WORKSHOP_CODE) or ""
    with st.form("workshop_join"):
        st.text_input(_("Workshop code"), key=_CODE, max_chars=20)
        st.form_submit_button(_("Join"))
    code = st.session_state.get(_CODE)
    if not code:
        st.info(_("Type the code shown on the screen, or scan its QR code."))
        return None
    return _look_up(code)


def _look_up(code: str) -> Workshop | None:
    """The workshop of a code. Wrong codes make the session and the client address wait
    longer and longer before the next is even looked up (as wrong curator secrets do), so
    codes cannot be tried in bulk; the same wrong code shown again is not counted again."""
    last_wrong, reason = st.session_state.get(_WRONG, ("", ""))
    if code == last_wrong:
        st.error(refusal_text(reason))
        return None
    now, address = clock(), "workshop:" + sign_in.client_address()
    failures = st.session_state.get(_FAILURES, guesses.Failures())
    wait = max(failures.wait(now), guesses.ADDRESSES.get(address).wait(now))
    if wait > 0:
        note = _("Too many wrong codes: try again in {seconds} s.")
        st.error(fmt(note, seconds=format_count(math.ceil(wait))), icon=":material/timer:")
        return None
    try:
        workshop = store().by_code(code)
    except WorkshopError as error:
        if error.reason == workshop_store.UNKNOWN:
            st.session_state[_FAILURES] = failures.one_more(now)
            guesses.ADDRESSES.failed(address, now)
        st.session_state[_WRONG] = (code, error.reason)
        st.error(refusal_text(error.reason))
        return None
    link.show(link.WORKSHOP_CODE, workshop.code)
    return workshop


def token(workshop: Workshop) -> str:
    """This session's anonymous token in the workshop (joined on first use)."""
    tokens = st.session_state.setdefault(_TOKENS, {})
    if workshop.id not in tokens:
        tokens[workshop.id] = store().join(workshop.id)
    return tokens[workshop.id]


def _method_note(workshop: Workshop) -> str:
    if workshop.method == "dots":
        return fmt(_("Share {n} dots among the points: more dots, more priority."), n=workshop.dots)
    return _("Give each point a priority from 1 (low) to 5 (high), or leave it without one.")


def ballot(workshop: Workshop) -> None:
    """The points with their passages and a vote each; the ballot is sent as a whole and
    replaces the previous one, until voting closes. A fragment: sending a ballot reruns only
    this part of the page, not the whole app (a hundred phones send at once)."""
    st.fragment(_ballot)(workshop.id)


def _ballot(workshop_id: str) -> None:
    workshop = store().workshop(workshop_id)  # as it is now: voting may have closed
    st.subheader(md(workshop.title))
    if workshop.status == "closed":
        st.warning(refusal_text("closed"), icon=":material/lock:")
    elif workshop.status == "draft":
        st.info(refusal_text("not_open"), icon=":material/hourglass_empty:")
    st.caption(_method_note(workshop))
    mine = token(workshop)
    recorded = store().ballot(workshop.id, mine)
    shown = points(workshop)
    with st.form("workshop_ballot"):
        values = {}
        for row in shown.itertuples():
            st.markdown(fmt("**{label}**", label=row.label))
            if row.source == "room":
                st.caption(_(results.SOURCES[row.source]))
            elif row.passage:
                with st.expander(_("Passage in the report")):
                    st.markdown(md(row.passage))
            label = fmt(_("Your vote for: {point}"), point=row.label)
            if workshop.method == "dots":
                values[row.point_id] = st.number_input(
                    label, 0, workshop.dots, recorded.get(row.point_id, 0), key=row.point_id
                )
            else:
                # Plain labels as options (no format_func): they follow the language.
                options = [_("No priority"), "1", "2", "3", "4", "5"]  # 1 to PRIORITY_MAX
                picked = st.radio(
                    label,
                    options,
                    index=recorded.get(row.point_id, 0),
                    horizontal=True,
                    key=row.point_id,
                )
                values[row.point_id] = options.index(picked)
        sent = st.form_submit_button(
            _("Send my vote"), type="primary", disabled=workshop.status != "open"
        )
    if sent:
        try:
            store().submit(workshop.id, mine, {p: int(v) for p, v in values.items()})
        except WorkshopError as error:
            st.error(refusal_text(error.reason))
        else:
            st.success(_("Your vote is recorded. You may change it until voting closes."))


def comment(workshop: Workshop) -> None:
    """A short comment for the facilitator to approve; the approved comments (a fragment,
    as the ballot)."""
    st.fragment(_comment)(workshop.id)


def _comment(workshop_id: str) -> None:
    workshop = store().workshop(workshop_id)
    if workshop.status != "closed":
        with st.form("workshop_comment", clear_on_submit=True):
            text = st.text_area(_("A short comment (shown once the facilitator approves it)"))
            if st.form_submit_button(_("Send the comment")):
                try:
                    store().add_comment(workshop.id, token(workshop), text)
                except WorkshopError as error:
                    st.error(refusal_text(error.reason))
                else:
                    st.success(_("Thank you: the facilitator will read it."))
    approved = store().comments(workshop.id)
    if approved:
        st.subheader(_("Comments from the room"))
        for item in approved:
            st.markdown(md(item.text))
