"""The facilitator's side of a workshop (the Workshop page): choose or open a workshop, show
the join code and QR code, open voting, add points raised in the room, watch the results live,
approve comments, close voting and export the results."""

from __future__ import annotations

import streamlit as st

from twg_data import i18n
from twg_data.brief import items
from twg_data.filters import Filters
from twg_data.i18n import _, format_count
from twg_data.text import fmt, md
from twg_data.ui.cache import per_data
from twg_data.ui.workshops import join_url, points, refusal_text, store
from twg_data.workshop import qr, results
from twg_data.workshop.records import Workshop, WorkshopError

_CHOSEN = "workshop_chosen"
_OPENED = "_workshop_opened"  # a workshop just opened: chosen on the next run
LIVE_EVERY = 0.5  # seconds between refreshes of the live results (a vote shows within 2 s)


def _name(workshop: Workshop) -> str:
    """The workshop as the choice lists it: options are drawn as Markdown, the title escaped."""
    return f"{md(workshop.title)} · {workshop.code}"


def chosen() -> Workshop | None:
    """The workshop the facilitator works on: one on this server, or None for a new one."""
    found = {_name(w): w for w in store().workshops()}
    # Plain labels as options (no format_func): the choice survives a change of language.
    options = [_("New workshop"), *found]
    if _OPENED in st.session_state:
        st.session_state[_CHOSEN] = st.session_state.pop(_OPENED)
    if st.session_state.get(_CHOSEN) not in options:
        st.session_state[_CHOSEN] = options[0]
    return found.get(st.selectbox(_("Workshop"), options, key=_CHOSEN))


def setup_form(filters: Filters) -> None:
    """Open a workshop on the meeting shown: its title, method and points (the brief's items;
    key points ticked first)."""
    meeting_id = (filters.meetings or ("",))[0]
    table = per_data(items.choices, filters)
    key_points = items.KINDS["key_point"]
    key_points = _(key_points)
    with st.form("workshop_setup"):
        title = st.text_input(_("Workshop title"), max_chars=120)
        labels = [_(label) for label in results.METHODS.values()]
        picked = st.radio(_("Voting method"), labels, horizontal=True)
        method = list(results.METHODS)[labels.index(picked)]
        dots = st.number_input(_("Dots per participant (dot voting)"), 1, 20, 5)
        refs = st.multiselect(
            _("Points to put to the room"),
            list(table.index),
            default=[ref for ref in table.index if table.section[ref] == key_points],
            format_func=lambda ref: f"{table.item[ref]} ({table.what[ref]})",
        )
        if st.form_submit_button(_("Open the workshop"), type="primary"):
            try:
                opened = store().create(
                    meeting_id=meeting_id or table.index[0].split("/")[0],
                    title=title,
                    method=method,
                    dots=int(dots),
                    refs=refs,
                )
            except WorkshopError as error:
                st.error(refusal_text(error.reason))
            else:
                st.session_state[_OPENED] = _name(opened)
                st.rerun()


def join_panel(workshop: Workshop) -> None:
    """The join code, its address and its QR code, as the room reads them off the screen."""
    url = join_url(workshop.code)
    code_column, qr_column = st.columns([2, 1])
    code_column.markdown(fmt(_("Join code: **{code}**"), code=workshop.code))
    code_column.markdown(fmt(_("Open {url} on a phone, or scan the QR code."), url=url))
    code_column.caption(fmt(_("The code expires at {time} (UTC)."), time=workshop.expires_at[:16]))
    described = fmt(_("QR code for {url} (code {code})"), url=url, code=workshop.code)
    qr_column.image(qr.qr_png(url), caption=described, alt=described, width=240)


def controls(workshop: Workshop) -> None:
    """Open voting, add a point raised in the room, close voting (final)."""
    status = {"draft": _("not open yet"), "open": _("open"), "closed": _("closed")}
    st.markdown(fmt(_("Voting: **{status}**"), status=status[workshop.status]))
    if workshop.status == "draft" and st.button(_("Open voting"), type="primary"):
        store().open_voting(workshop.id)
        st.rerun()
    if workshop.status != "closed":
        with st.form("room_point", clear_on_submit=True):
            text = st.text_input(_("A point raised in the room"), max_chars=500)
            if st.form_submit_button(_("Add the point")):
                try:
                    store().add_room_point(workshop.id, text)
                except WorkshopError as error:
                    st.error(refusal_text(error.reason))
    if workshop.status == "open":
        sure = st.checkbox(_("Closing is final: no vote or comment is taken afterwards."))
        if st.button(_("Close voting"), disabled=not sure):
            store().close_voting(workshop.id)
            st.rerun()


def _results(workshop_id: str) -> None:
    workshop = store().workshop(workshop_id)
    frame = results.totals_frame(points(workshop), store().totals(workshop_id))
    voted = store().voters(workshop_id)
    st.metric(_("Participants who voted"), format_count(voted))
    # A chart's title is plain text (not Markdown): the title as typed.
    title = _("Results: {title} ({method})").format(
        title=workshop.title,
        method=_(results.METHODS[workshop.method]),
    )
    st.vega_lite_chart(results.chart(frame, str(title)), use_container_width=True)
    st.dataframe(frame, hide_index=True)


def live_results(workshop: Workshop) -> None:
    """Totals, a chart and the number who voted; refreshed every half second while voting is
    open."""
    st.subheader(_("Results"))
    every = LIVE_EVERY if workshop.status == "open" else None
    st.fragment(run_every=every)(_results)(workshop.id)


def moderation(workshop: Workshop) -> None:
    """Pending comments, each to approve (shown to the room) or reject; approved ones."""
    st.subheader(_("Comments"))
    pending = store().comments(workshop.id, "pending")
    if not pending:
        st.caption(_("No comment waits for approval."))
    for comment in pending:
        with st.container(border=True):
            st.markdown(md(comment.text))
            approve, reject = st.columns(2)
            if approve.button(_("Approve"), key=f"approve_{comment.id}"):
                store().decide(comment.id, approved=True)
                st.rerun()
            if reject.button(_("Reject"), key=f"reject_{comment.id}"):
                store().decide(comment.id, approved=False)
                st.rerun()
    for comment in store().comments(workshop.id):
        st.markdown(fmt(_("Approved: {text}"), text=comment.text))


def export(workshop: Workshop) -> None:
    """The results as CSV: points and totals, anonymous votes, approved comments, as they
    are when the facilitator clicks (the live results rerun only their own fragment)."""
    found, shown, language = store(), points(workshop), i18n.language()

    def made_on_click() -> bytes:  # Streamlit calls it later, outside this run's context
        with i18n.use(language):
            return results.results_csv(
                found.workshop(workshop.id),
                shown,
                found.totals(workshop.id),
                found.votes(workshop.id),
                found.comments(workshop.id),
            )

    st.download_button(
        _("Download the results (CSV)"),
        data=made_on_click,
        file_name=f"twg-workshop-{workshop.code}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
