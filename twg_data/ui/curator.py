"""Curator mode: the Curate page exists only where the server's operator set a secret, and
only for a session that entered it.

The operator sets `TWG_CURATOR_SECRET` (or `curator_secret` in `.streamlit/secrets.toml`).
A curator opens the dashboard with `?curator` and enters the secret in the sidebar; the
comparison takes constant time. A wrong secret is refused and logged with the time and the
client address, and after the first one each session and each address waits longer and longer
before its next secret is even checked (`guesses`). A reload of `/curate` starts a session that
is not signed in: the address then says how to sign in again. Where curator mode is off, the
address answers "page not found" and nothing says that curation exists.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import math
import os
import time
from datetime import UTC, datetime

import streamlit as st

from twg_data.i18n import _, format_count
from twg_data.text import fmt
from twg_data.ui import guesses, link

SECRET_ENV = "TWG_CURATOR_SECRET"
SECRET_KEY = "curator_secret"
_SIGNED_IN = "_curator_signed_in"
_ASKED = "_curator_sign_in_asked"
_ENTERED = "curator_secret_entered"
_FAILURES = "_curator_failures"  # this session's wrong secrets (guesses.Failures)
_REFUSED = "_curator_refused"  # the last refusal: (why, until when the next check waits)
log = logging.getLogger("twg_data.curator")
clock = time.time  # what "now" is (tests set their own)


def _secret() -> str:
    if os.environ.get(SECRET_ENV):
        return os.environ[SECRET_ENV]
    try:
        return str(st.secrets.get(SECRET_KEY, "") or "")
    except Exception:  # no secrets.toml at all: curator mode is off
        return ""


def enabled() -> bool:
    """Whether the operator turned curator mode on for this server."""
    return bool(_secret())


def signed_in() -> bool:
    """Whether this session entered the secret (on a server where curator mode is on)."""
    return enabled() and bool(st.session_state.get(_SIGNED_IN))


def _address(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_address() -> str:
    """Where the sign-in comes from: the connection's address; for a connection from this
    machine (a reverse proxy on the laptop), the last address the proxy added to
    `X-Forwarded-For`; else `local`."""
    peer = st.context.ip_address  # None for a connection from this machine
    if isinstance(peer, str) and (found := _address(peer)):
        return found
    hops = (st.context.headers.get("X-Forwarded-For") or "").split(",")
    return _address(hops[-1]) or "local"


def _matches(entered: str) -> bool:
    """The secret's check, in constant time whatever the lengths (digests are compared)."""
    digest = hashlib.sha256(entered.encode("utf-8")).digest()
    return hmac.compare_digest(digest, hashlib.sha256(_secret().encode("utf-8")).digest())


def _when(now: float) -> str:
    return datetime.fromtimestamp(now, UTC).isoformat(timespec="seconds")


def _check() -> None:
    entered = st.session_state.get(_ENTERED, "")
    st.session_state[_ENTERED] = ""
    now, address = clock(), client_address()
    session = st.session_state.get(_FAILURES, guesses.Failures())
    wait = max(session.wait(now), guesses.ADDRESSES.get(address).wait(now))
    if wait > 0:  # too soon: not even checked
        st.session_state[_REFUSED] = ("too_soon", now + wait)
        log.warning(
            "curator sign-in not checked: too soon after wrong secrets "
            "(time=%s, client=%s, checked again in %d s)",
            _when(now),
            address,
            math.ceil(wait),
        )
    elif _matches(entered):
        st.session_state[_SIGNED_IN] = True
        st.session_state[_ASKED] = False
        st.session_state.pop(_FAILURES, None)
        guesses.ADDRESSES.forget(address)
        log.info("curator signed in (time=%s, client=%s)", _when(now), address)
    else:
        session = session.one_more(now)
        st.session_state[_FAILURES] = session
        by_address = guesses.ADDRESSES.failed(address, now)
        wait = max(session.wait(now), by_address.wait(now))
        st.session_state[_REFUSED] = ("wrong", now + wait)
        log.warning(
            "curator sign-in refused: wrong secret (time=%s, client=%s, wrong in a row: %d "
            "in this session, %d from this address; next check in %d s)",
            _when(now),
            address,
            session.count,
            by_address.count,
            math.ceil(wait),
        )


def _show_refusal() -> None:
    why, until = st.session_state.pop(_REFUSED, ("", 0.0))
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
    """Show the sign-in form in the sidebar (what `?curator` does)."""
    st.session_state[_ASKED] = True


def gate() -> bool:
    """Handle `?curator` (a sign-in form in the sidebar); True for a signed-in curator."""
    if not enabled():
        return False
    if link.holds(link.CURATOR):
        link.drop(link.CURATOR)
        ask_to_sign_in()
    if signed_in():
        return True
    if st.session_state.get(_ASKED):
        with st.sidebar.form("curator_sign_in"):
            st.text_input(_("Curator secret"), type="password", key=_ENTERED)
            st.form_submit_button(_("Sign in as curator"), on_click=_check)
        _show_refusal()
    return False


def pages(curate: st.Page) -> list[st.Page]:
    """The Curate page for a signed-in curator. Where curator mode is on, a session that is
    not signed in finds at its address (hidden from the navigation) how to sign in again;
    where it is off, nothing."""
    if gate():
        return [curate]
    if not enabled():
        return []
    again = st.Page(
        sign_in_again,
        title=curate.title,
        url_path=curate.url_path,
        icon=curate.icon,
        visibility="hidden",
    )
    return [again]


def sign_in_again() -> None:
    """What the Curate page's address shows a session that is not signed in, where curator
    mode is on: a reload or a new tab starts a new session, which must sign in again."""
    st.title(_("Curate: add a meeting"))
    st.info(
        _(
            "This page is for a signed-in curator. A reload or a new tab starts a new session, "
            "which is not signed in: sign in again with the form in the sidebar (or open the "
            "dashboard's address with `?curator`), then come back to this page."
        ),
        icon=":material/lock:",
    )
    st.button(_("Sign in as curator"), on_click=ask_to_sign_in, type="primary")


def sign_out() -> None:
    """End this session's curator sign-in."""
    st.session_state[_SIGNED_IN] = False
