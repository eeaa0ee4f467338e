"""The app's own style on every page: where the keyboard is, always visible (WCAG 2.1 AA,
2.4.7 Focus Visible).

Streamlit marks keyboard focus on some elements only (buttons get a soft shadow; links in the
navigation, the filters' inputs and the charts' toolbars get none). Every element focused from
the keyboard gets a 3 px outline in the primary colour (7.7:1 on white), the filters around
their whole box.
"""

from __future__ import annotations

import streamlit as st

FOCUS = "#0b5563"  # the theme's primaryColor (.streamlit/config.toml)
_CSS = (
    f":focus-visible {{ outline: 3px solid {FOCUS} !important; outline-offset: 2px; }}"
    # A filter's text input is small inside its box: the box is outlined instead.
    ' [data-baseweb="select"]:has(input:focus-visible) '
    f"{{ outline: 3px solid {FOCUS}; outline-offset: 2px; border-radius: 0.5rem; }}"
    ' [data-baseweb="select"] input:focus-visible { outline: none !important; }'
)


def apply() -> None:
    """Put the app's style on this run's page (once per run, from app.py)."""
    st.html(f"<style>{_CSS}</style>")
