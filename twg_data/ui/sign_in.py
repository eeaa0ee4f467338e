"""Signing in to a mode the server's operator turned on with a secret: curator mode (the
Curate page, `ui.curator`) and facilitator mode (the Workshop page, `ui.facilitator`).

The operator sets the mode's environment variable (or its key in `.streamlit/secrets.toml`).
Someone opens the dashboard with the mode's link parameter (`?curator`, `?facilitator`) and
enters the secret in the sidebar; the comparison takes constant time. A wrong secret is
refused and logged with the time and the client address, and after the first one each session
and each address waits longer and longer before its next secret is even checked (`guesses`).
Where the mode is off, its pages' addresses answer "page not found" and nothing names it.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import streamlit as st

from twg_data.i18n import _, format_count
from twg_data.text import fmt
from twg_data.ui import guesses, link

clock = time.time  # what "now" is (tests set their own)


def matches(secret: str, entered: str) -> bool:
    """The secret's check, in constant time whatever the lengths (digests are compared)."""
    digest = hashlib.sha256(entered.encode("utf-8")).digest()
    return hmac.compare_digest(digest, hashlib.sha256(secret.encode("utf-8")).digest())


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


def _when(now: float) -> str:
    return datetime.fromtimestamp(now, UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Role:
    """A mode someone signs in to: its name (its link parameter, its log's name and its
    session keys), where
    the operator sets its secret, its form's words (marked for translation), and whose wrong
    secrets an address's wait counts (`scope`, so one mode's guesses do not slow the other)."""

    name: str
    secret_env: str
    secret_key: str
    secret_label: str
    button_label: str
    scope: str = ""

    @property
    def entered_key(self) -> str:
        """The session key of the secret's text input."""
        return f"{self.name}_secret_entered"

    @property
    def _log(self) -> logging.Logger:
        return logging.getLogger(f"twg_data.{self.name}")

    def _key(self, what: str) -> str:
        return f"_{self.name}_{what}"

    def secret(self) -> str:
        """The operator's secret ('' where the mode is off)."""
        if os.environ.get(self.secret_env):
            return os.environ[self.secret_env]
        try:
            return str(st.secrets.get(self.secret_key, "") or "")
        except Exception:  # no secrets.toml at all: the mode is off
            return ""

    def enabled(self) -> bool:
        """Whether the operator turned the mode on for this server."""
        return bool(self.secret())

    def signed_in(self) -> bool:
        """Whether this session entered the secret (on a server where the mode is on)."""
        return self.enabled() and bool(st.session_state.get(self._key("signed_in")))

    def ask_to_sign_in(self) -> None:
        """Show the sign-in form in the sidebar (what the mode's link parameter does)."""
        st.session_state[self._key("sign_in_asked")] = True

    def sign_out(self) -> None:
        """End this session's sign-in."""
        st.session_state[self._key("signed_in")] = False

    def _check(self) -> None:
        entered = st.session_state.get(self.entered_key, "")
        st.session_state[self.entered_key] = ""
        now, address = clock(), self.scope + client_address()
        session = st.session_state.get(self._key("failures"), guesses.Failures())
        wait = max(session.wait(now), guesses.ADDRESSES.get(address).wait(now))
        if wait > 0:  # too soon: not even checked
            st.session_state[self._key("refused")] = ("too_soon", now + wait)
            self._log.warning(
                "%s sign-in not checked: too soon after wrong secrets "
                "(time=%s, client=%s, checked again in %d s)",
                self.name,
                _when(now),
                address,
                math.ceil(wait),
            )
        elif matches(self.secret(), entered):
            st.session_state[self._key("signed_in")] = True
            st.session_state[self._key("sign_in_asked")] = False
            st.session_state.pop(self._key("failures"), None)
            guesses.ADDRESSES.forget(address)
            self._log.info("%s signed in (time=%s, client=%s)", self.name, _when(now), address)
        else:
            session = session.one_more(now)
            st.session_state[self._key("failures")] = session
            by_address = guesses.ADDRESSES.failed(address, now)
            wait = max(session.wait(now), by_address.wait(now))
            st.session_state[self._key("refused")] = ("wrong", now + wait)
            self._log.warning(
                "%s sign-in refused: wrong secret (time=%s, client=%s, wrong in a row: %d "
                "in this session, %d from this address; next check in %d s)",
                self.name,
                _when(now),
                address,
                session.count,
                by_address.count,
                math.ceil(wait),
            )

    def _show_refusal(self) -> None:
        why, until = st.session_state.pop(self._key("refused"), ("", 0.0))
        seconds = format_count(max(0, math.ceil(until - clock())))
        if why == "wrong":
            st.sidebar.error(_("Wrong secret: not signed in."))
            if until > clock():
                note = _("After several wrong secrets, the next one is checked in {seconds} s.")
                st.sidebar.warning(fmt(note, seconds=seconds), icon=":material/timer:")
        elif why == "too_soon":
            note = _("Not checked: after several wrong secrets, try again in {seconds} s.")
            st.sidebar.error(fmt(note, seconds=seconds), icon=":material/timer:")

    def gate(self) -> bool:
        """Handle the mode's link parameter (a sign-in form in the sidebar); True for a
        session signed in."""
        if not self.enabled():
            return False
        if link.holds(self.name):
            link.drop(self.name)
            self.ask_to_sign_in()
        if self.signed_in():
            return True
        if st.session_state.get(self._key("sign_in_asked")):
            with st.sidebar.form(f"{self.name}_sign_in"):
                st.text_input(_(self.secret_label), type="password", key=self.entered_key)
                st.form_submit_button(_(self.button_label), on_click=self._check)
            self._show_refusal()
        return False

    def page(self, page: st.Page, sign_in_again: Callable[[], None]) -> st.Page | None:
        """The mode's page for a session signed in; for one that is not, at the same address
        (hidden from the navigation), `sign_in_again`; where the mode is off, None."""
        if self.gate():
            return page
        if not self.enabled():
            return None
        return st.Page(
            sign_in_again,
            title=page.title,
            url_path=page.url_path,
            icon=page.icon,
            visibility="hidden",
        )

    def sign_in_button(self) -> None:
        """The button that shows the sign-in form again (on a page's address, after a
        reload)."""
        st.button(_(self.button_label), on_click=self.ask_to_sign_in, type="primary")
