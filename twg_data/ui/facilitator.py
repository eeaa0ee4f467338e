"""Facilitator mode: the Workshop page (and the participants' Vote page) exist only where the
server's operator set a secret, and the Workshop page only for a session that entered it.

The operator sets `TWG_FACILITATOR_SECRET` (or `facilitator_secret` in
`.streamlit/secrets.toml`). A facilitator opens the dashboard with `?facilitator` and enters
the secret in the sidebar (`sign_in`: constant-time comparison, refusals logged, a growing
wait after wrong secrets, counted apart from the curator's). Where facilitator mode is off,
both addresses answer "page not found" and nothing says that workshops exist.
"""

from __future__ import annotations

import streamlit as st

from twg_data.i18n import N_, _
from twg_data.ui import link, sign_in

FACILITATOR = sign_in.Role(
    name=link.FACILITATOR,
    secret_env="TWG_FACILITATOR_SECRET",
    secret_key="facilitator_secret",
    secret_label=N_("Facilitator secret"),
    button_label=N_("Sign in as facilitator"),
    scope="facilitator:",
)
SECRET_ENV = FACILITATOR.secret_env
enabled, signed_in, gate = FACILITATOR.enabled, FACILITATOR.signed_in, FACILITATOR.gate
ask_to_sign_in = FACILITATOR.ask_to_sign_in


def pages(workshop: st.Page, vote: st.Page) -> list[st.Page]:
    """Where facilitator mode is on: the Vote page (hidden from the navigation, reached by
    the join code's link) and, for a signed-in facilitator, the Workshop page; a session not
    signed in finds at the Workshop page's address how to sign in. Where it is off: nothing."""
    shown = FACILITATOR.page(workshop, sign_in_again)
    return [shown, vote] if shown is not None else []


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
    FACILITATOR.sign_in_button()
