"""Facilitator mode: the Workshop page (and the participants' Vote page) exist only where the
server's operator set a secret, and the Workshop page only for a session that entered it.

The operator sets `TWG_FACILITATOR_SECRET` (or `facilitator_secret` in
`.streamlit/secrets.toml`). A facilitator opens the dashboard with `?facilitator` and enters
the secret in the sidebar; the comparison takes constant time, and wrong secrets make each
session and each client address wait longer and longer, as for curators (`guesses`). Where
facilitator mode is off, both addresses answer "page not found" and nothing says that
workshops exist.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import os
import time

import streamlit as st

from twg_data.i18n import _, format_count
from twg_data.text import fmt
from twg_data.ui import curator, guesses, link

SECRET_ENV = "TWG_FACILITATOR_SECRET"
SECRET_KEY = "facilitator_secret"
_SIGNED_IN = "_facilitator_signed_in"
_ASKED = "_facilitator_sign_in_asked"
_ENTERED = "facilitator_secret_entered"
_FAILURES = "_facilitator_failures"
_WAIT = "_facilitator_wait"  # the last refusal's wait: (why, until when)
log = logging.getLogger("twg_data.facilitator")
clock = time.time


def _secret() -> str:
    if os.environ.get(SECRET_ENV):
        return os.environ[SECRET_ENV]
    try:
        return str(st.secrets.get(SECRET_KEY, "") or "")
    except Exception:  # no secrets.toml at all: facilitator mode is off
        return ""


def enabled() -> bool:
    """Whether the operator turned facilitator (workshop) mode on for this server."""
    return bool(_secret())


def signed_in() -> bool:
    """Whether this session entered the facilitator secret (where the mode is on)."""
    return enabled() and bool(st.session_state.get(_SIGNED_IN))


def _matches(entered: str) -> bool:
    digest = hashlib.sha256(entered.encode("utf-8")).digest()
    return hmac.compare_digest(digest, hashlib.sha256(_secret().encode("utf-8")).digest())


def _check() -> None:
    entered = st.session_state.get(_ENTERED, "")
    st.session_state[_ENTERED] = ""
    now, address = clock(), "facilitator:" + curator.client_address()
    session = st.session_state.get(_FAILURES, guesses.Failures())
    wait = max(session.wait(now), guesses.ADDRESSES.get(address).wait(now))
    if wait > 0:
        st.session_state[_WAIT] = ("too_soon", now + wait)
        log.warning("facilitator sign-in not checked: too soon (client=%s)", address)
    elif _matches(entered):
        st.session_state[_SIGNED_IN] = True
        st.session_state[_ASKED] = False
        st.session_state.pop(_FAILURES, None)
        guesses.ADDRESSES.forget(address)
        log.info("facilitator signed in (client=%s)", address)
    else:
        session = session.one_more(now)
        st.session_state[_FAILURES] = session
        by_address = guesses.ADDRESSES.failed(address, now)
        st.session_state[_WAIT] = ("wrong", now + max(session.wait(now), by_address.wait(now)))
        log.warning("facilitator sign-in refused: wrong secret (client=%s)", address)


def _show_refusal() -> None:
    why, until = st.session_state.pop(_WAIT, ("", 0.0))
    seconds = format_count(max(0, math.ceil(until - clock())))
    if why == "wrong":
        st.sidebar.error(_("Wrong secret: not signed in."))
        if until > clock():
            note = _("After several wrong secrets, the next one is checked in {seconds} s.")
            st.sidebar.warning(fmt(note, seconds=seconds), icon=":material/timer:")
    elif why == "too_soon":
        note = _("Not checked: after several wrong secrets, try again in {seconds} s.")
        st.sidebar.error(fmt(note, seconds=seconds), icon=":material/timer:")


def ask_to_sign_in() -> None:
    """Show the facilitator's sign-in form in the sidebar (what `?facilitator` does)."""
    st.session_state[_ASKED] = True


def gate() -> bool:
    """Handle `?facilitator` (a sign-in form in the sidebar); True for a signed-in
    facilitator."""
    if not enabled():
        return False
    if link.holds(link.FACILITATOR):
        link.drop(link.FACILITATOR)
        ask_to_sign_in()
    if signed_in():
        return True
    if st.session_state.get(_ASKED):
        with st.sidebar.form("facilitator_sign_in"):
            st.text_input(_("Facilitator secret"), type="password", key=_ENTERED)
            st.form_submit_button(_("Sign in as facilitator"), on_click=_check)
        _show_refusal()
    return False


def pages(workshop: st.Page, vote: st.Page) -> list[st.Page]:
    """Where facilitator mode is on: the Vote page (hidden from the navigation, reached by
    the join code's link) and, for a signed-in facilitator, the Workshop page; a session not
    signed in finds at the Workshop page's address how to sign in. Where it is off: nothing."""
    if not enabled():
        return []
    if gate():
        return [workshop, vote]
    again = st.Page(
        sign_in_again,
        title=workshop.title,
        url_path=workshop.url_path,
        icon=workshop.icon,
        visibility="hidden",
    )
    return [again, vote]


def sign_in_again() -> None:
    """What the Workshop page's address shows a session that is not signed in."""
    st.title(_("Workshop"))
    st.info(
        _(
            "This page is for a signed-in facilitator. A reload or a new tab starts a new "
            "session, which must sign in again: use the form in the sidebar (or open the "
            "dashboard's address with `?facilitator`)."
        ),
        icon=":material/lock:",
    )
    st.button(_("Sign in as facilitator"), on_click=ask_to_sign_in, type="primary")
