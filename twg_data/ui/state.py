"""Widget values that survive a change of page."""

from __future__ import annotations

import streamlit as st

_KEPT = "_kept_widget_values"


def _keep(key: str) -> None:
    st.session_state[_KEPT][key] = st.session_state[key]


def kept(key: str, default: object) -> dict:
    """Widget arguments (key, on_change) that keep its value when the user visits another
    page or a filter hides it: Streamlit drops the value of a widget it does not draw.

    Use as `st.text_input("Note", **ui.kept("note_x", ""))`; pass no `value`.
    """
    store = st.session_state.setdefault(_KEPT, {})
    if key not in st.session_state:
        st.session_state[key] = store.get(key, default)
    return {"key": key, "on_change": _keep, "args": (key,)}
