"""Curator mode: the Curate page exists only where the server's operator set a secret, and
only for a session that entered it.

The operator sets `TWG_CURATOR_SECRET` (or `curator_secret` in `.streamlit/secrets.toml`).
A curator opens the dashboard with `?curator` and enters the secret in the sidebar; the
comparison takes constant time, and a wrong secret is refused and logged. Everyone else
never sees the page, and its address answers "page not found".
"""

from __future__ import annotations

import hmac
import logging
import os

import streamlit as st

from twg_data.i18n import _

SECRET_ENV = "TWG_CURATOR_SECRET"
SECRET_KEY = "curator_secret"
SIGN_IN_PARAM = "curator"
_SIGNED_IN = "_curator_signed_in"
_ASKED = "_curator_sign_in_asked"
log = logging.getLogger("twg_data.curator")


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
    return enabled() and bool(st.session_state.get(_SIGNED_IN))


def _check() -> None:
    entered = st.session_state.get("curator_secret_entered", "")
    if hmac.compare_digest(entered.encode("utf-8"), _secret().encode("utf-8")):
        st.session_state[_SIGNED_IN] = True
        st.session_state[_ASKED] = False
        log.info("curator signed in")
    else:
        st.session_state["curator_refused"] = True
        log.warning("curator sign-in refused: wrong secret")
    st.session_state["curator_secret_entered"] = ""


def gate() -> bool:
    """Handle `?curator` (a sign-in form in the sidebar); True for a signed-in curator."""
    if not enabled():
        return False
    if SIGN_IN_PARAM in st.query_params:
        del st.query_params[SIGN_IN_PARAM]
        st.session_state[_ASKED] = True
    if signed_in():
        return True
    if st.session_state.get(_ASKED):
        with st.sidebar.form("curator_sign_in"):
            st.text_input(_("Curator secret"), type="password", key="curator_secret_entered")
            st.form_submit_button(_("Sign in as curator"), on_click=_check)
        if st.session_state.pop("curator_refused", False):
            st.sidebar.error(_("Wrong secret: not signed in."))
    return False


def sign_out() -> None:
    st.session_state[_SIGNED_IN] = False
