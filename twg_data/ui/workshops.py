"""What the Workshop and Vote pages share: the workshop store (one per server process and
address, cached as a resource), the points with their labels in the language, the app's
address for the join link, and a refusal's reason in words."""

from __future__ import annotations

import dataclasses
import os

import pandas as pd
import streamlit as st

from twg_data.brief.items import Selection
from twg_data.brief.priorities import HEADING, Priorities
from twg_data.filters import Filters
from twg_data.i18n import _
from twg_data.text import fmt
from twg_data.ui import facilitator
from twg_data.ui.cache import per_data
from twg_data.ui.meeting import meetings_in_data
from twg_data.workshop import comments, qr, results
from twg_data.workshop import store as workshop_store
from twg_data.workshop.records import Workshop

URL_ENV = "TWG_PUBLIC_URL"  # the address participants' phones reach the server at


@st.cache_resource(show_spinner=False)
def _store(address: str) -> workshop_store.WorkshopStore:
    return workshop_store.open_store(address)


def store() -> workshop_store.WorkshopStore:
    """The workshop store `TWG_WORKSHOP_DB` names (opened, and migrated, once per process)."""
    return _store(workshop_store.default_address())


def points(workshop: Workshop) -> pd.DataFrame:
    """The workshop's points with their labels, texts and passages in this run's language."""
    found = tuple(store().points(workshop.id))
    return per_data(results.point_rows, workshop.meeting_id, found)


def with_priorities(filters: Filters, selection: Selection) -> Selection:
    """The selection, with the results of a workshop on the meeting shown if the facilitator
    chooses one (where workshop mode is on and there are any): the brief then carries them in
    its "Workshop priorities" section."""
    found = _priorities(filters)
    return selection if found is None else dataclasses.replace(selection, priorities=found)


def _priorities(filters: Filters) -> Priorities | None:
    if not facilitator.enabled():
        return None
    meeting = (filters.meetings or tuple(meetings_in_data()))[:1]
    found = [w for w in store().workshops() if (w.meeting_id,) == meeting]
    if not found:
        return None
    names = [_("None"), *(f"{w.title} · {w.held_on} · {w.code}" for w in found)]
    picked = st.selectbox(
        _(HEADING),
        names,
        help=_("A workshop's results, in a section of their own, cited as the workshop's."),
    )
    if picked == names[0]:
        return None
    chosen = found[names.index(picked) - 1]
    return results.priorities(
        chosen,
        points(chosen),
        store().totals(chosen.id),
        store().voters(chosen.id),
        store().comments(chosen.id),
    )


def join_url(code: str) -> str:
    """The address a participant's phone opens: `TWG_PUBLIC_URL` (what the room can reach,
    e.g. the laptop's address on the room's network), else the address this browser used."""
    base = os.environ.get(URL_ENV) or str(st.context.url or "http://localhost:8501")
    return qr.join_url(base, code)


def refusal_text(reason: str) -> str:
    """Why the store refused, in words for the person who asked."""
    if reason == workshop_store.UNKNOWN:
        return _("No workshop has this code. Check the code on the screen.")
    if reason == workshop_store.EXPIRED:
        return _("This workshop's code has expired.")
    if reason == workshop_store.NOT_OPEN:
        return _("Voting has not opened yet. Wait for the facilitator.")
    if reason == workshop_store.CLOSED:
        return _("Voting is closed: votes and comments are no longer taken.")
    if reason == workshop_store.NOT_JOINED:
        return _("This session has not joined the workshop: reload it.")
    if reason == workshop_store.BAD_POINT:
        return _("This ballot names a point that is not put to the room.")
    if reason == workshop_store.BAD_VALUE:
        return _("A priority goes from 1 to 5.")
    if reason == workshop_store.TOO_MANY_DOTS:
        return _("That is more dots than you have: take some off another point.")
    if reason == workshop_store.BAD_SETUP:
        return _("A workshop needs a title, one point at least (40 at most) and 1 to 20 dots.")
    if reason == comments.EMPTY:
        return _("The text is empty.")
    if reason == comments.CONTROL:
        return _("The text holds control characters that cannot be shown; type it again.")
    if reason == comments.TOO_LONG:
        return fmt(_("Keep it under {n} characters."), n=comments.MAX_CHARACTERS)
    return _("The request was refused.")
