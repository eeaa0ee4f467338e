"""Widget values that survive a change of page, and which page this run draws."""

from __future__ import annotations

import streamlit as st

_KEPT = "_kept_widget_values"

_PAGE = "_current_page"


def set_current_page(url_path: str) -> None:
    """Note which page this run draws (app.py, once per run)."""
    st.session_state[_PAGE] = url_path


def current_page() -> str | None:
    """The page this run draws (its URL path)."""
    return st.session_state.get(_PAGE)


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


def kept_value(key: str, default: object = None) -> object:
    """A kept widget's value: as drawn last, or as kept while it was not drawn."""
    if key in st.session_state:
        return st.session_state[key]
    return st.session_state.get(_KEPT, {}).get(key, default)


def keep_value(key: str, value: object) -> None:
    """Set a kept widget's value before it is drawn (from a link, or when it is invalid)."""
    st.session_state.setdefault(_KEPT, {})[key] = value
    st.session_state[key] = value
