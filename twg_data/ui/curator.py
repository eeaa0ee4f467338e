"""Curator mode: the Curate page exists only where the server's operator set a secret, and
only for a session that entered it.

The operator sets `TWG_CURATOR_SECRET` (or `curator_secret` in `.streamlit/secrets.toml`).
A curator opens the dashboard with `?curator` and enters the secret in the sidebar
(`sign_in`: constant-time comparison, refusals logged, a growing wait after wrong secrets).
A reload of `/curate` starts a session that is not signed in: the address then says how to
sign in again. Where curator mode is off, the address answers "page not found" and nothing
says that curation exists.
"""

from __future__ import annotations

import streamlit as st

from twg_data.i18n import N_, _
from twg_data.ui import link, sign_in

CURATOR = sign_in.Role(
    name=link.CURATOR,
    secret_env="TWG_CURATOR_SECRET",
    secret_key="curator_secret",
    secret_label=N_("Curator secret"),
    button_label=N_("Sign in as curator"),
)
SECRET_ENV = CURATOR.secret_env
enabled, signed_in, gate = CURATOR.enabled, CURATOR.signed_in, CURATOR.gate
ask_to_sign_in, sign_out = CURATOR.ask_to_sign_in, CURATOR.sign_out
client_address = sign_in.client_address


def pages(curate: st.Page) -> list[st.Page]:
    """The Curate page for a signed-in curator. Where curator mode is on, a session that is
    not signed in finds at its address (hidden from the navigation) how to sign in again;
    where it is off, nothing."""
    shown = CURATOR.page(curate, sign_in_again)
    return [shown] if shown is not None else []


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
    CURATOR.sign_in_button()
