"""Which language this run speaks: `?lang=` in the URL, else the sidebar's choice kept for
the session, else the browser's language (`st.context.locale`), else English."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from twg_data import i18n
from twg_data.i18n import N_
from twg_data.text import Markdown, md
from twg_data.ui import link

PARAM = link.LANGUAGE
_CHOSEN = "_language"
# The switch's label, written in every language at once: whoever reads one of them finds it.
SWITCH_LABEL = N_("Language")


def _session_language() -> str | None:
    """The session's language, for code that runs without app.py (a fragment's rerun)."""
    if get_script_run_ctx() is None:
        return None
    return st.session_state.get(_CHOSEN)


i18n.fall_back_to(_session_language)


def _from_url() -> str | None:
    return i18n.parse(link.value(PARAM))


def choose() -> str:
    """Set and return this run's language (call once per run, before anything is written)."""
    chosen = _from_url() or st.session_state.get(_CHOSEN) or i18n.parse(st.context.locale)
    language = i18n.set_language(chosen)
    st.session_state[_CHOSEN] = language
    return language


def _switched() -> None:
    chosen = st.session_state["language_switch"] or st.session_state.get(_CHOSEN)
    st.session_state[_CHOSEN] = chosen  # a second click on the chosen one keeps it
    link.show(PARAM, None if chosen == i18n.DEFAULT else chosen)


def switch() -> None:
    """The sidebar's language switch; the choice goes into the URL with the filters."""
    # Set only when it differs: a value set through st.session_state is sent to the browser
    # as a change, and the browser then redraws the widget.
    if st.session_state.get("language_switch") != i18n.language():
        st.session_state["language_switch"] = i18n.language()
    st.sidebar.segmented_control(
        switch_label(),
        list(i18n.LANGUAGES),
        format_func=lambda language: md(i18n.LANGUAGES[language]),
        key="language_switch",
        on_change=_switched,
    )


def switch_label() -> Markdown:
    """The switch's label in each language, English first: 'Language · Idioma · Langue'
    (escaped: a catalog's text is drawn as written)."""
    return md(" · ".join(i18n.translations(code).gettext(SWITCH_LABEL) for code in i18n.LANGUAGES))


def unknown_in_url() -> str | None:
    """A `?lang=` value the dashboard does not speak, taken out of the link (None if the link
    names no language, or one it speaks)."""
    value = link.value(PARAM)
    if value is None or i18n.parse(value):
        return None
    link.drop(PARAM)
    return value
