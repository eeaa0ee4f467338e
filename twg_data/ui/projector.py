"""The projector view: a page as a wall shows it, read from the back of a room.

One switch, kept in the link (`?view=projector`) like the filters, so a facilitator opens the
projected screen from a link. It hides the sidebar, the app's header and the controls (filters,
toggles, downloads, editors) and enlarges the text; charts are drawn larger by
`charts.for_wall`. Each page keeps its headline content: its title, the filters in force, its
figures, charts and tables. A button at the top leaves the view: the sidebar is hidden.
"""

from __future__ import annotations

import streamlit as st

from twg_data.i18n import _
from twg_data.ui import link

PROJECTOR = "projector"
_SWITCH = "projector_switch"
_LEAVE = "projector_leave"  # the container of the button that leaves the view

# What a wall does not need: the sidebar, the app's chrome, and every control on the page.
_HIDDEN = ", ".join(
    f'[data-testid="{test_id}"]'
    for test_id in (
        "stSidebar",
        "stSidebarCollapsedControl",
        "stExpandSidebarButton",
        "stHeader",
        "stToolbar",
        "stDecoration",
        "stDownloadButton",
        "stToggle",
        "stCheckbox",
        "stSelectbox",
        "stSlider",
        "stMultiSelect",
        "stSegmentedControl",
        "stTextInput",
        "stFileUploader",
        "stDataEditor",
        "stButton",
    )
)
# A page marks a group of controls a wall does not need with a container whose key ends in
# `_controls` (the Agenda brief's table of choices and downloads).
CONTROLS = "_controls"
_WALL_CSS = (
    f'{_HIDDEN}, [class*="st-key-"][class*="{CONTROLS}"] {{ display: none !important; }}'
    f' .st-key-{_LEAVE} [data-testid="stButton"] {{ display: block !important; }}'
    # Text a third larger: Streamlit sizes its text in rem, from the root's font size.
    " html { font-size: 24px !important; }"
    ' [data-testid="stMainBlockContainer"] { max-width: 100%; padding: 1.5rem 3rem; }'
    ' [data-testid="stCaptionContainer"] { font-size: 0.9rem; }'
)


def on() -> bool:
    """Whether this run draws the projector view (the link holds `?view=projector`)."""
    return link.value(link.VIEW) == PROJECTOR


def _set(wanted: bool) -> None:
    link.show(link.VIEW, PROJECTOR if wanted else None)


def _switched() -> None:
    _set(bool(st.session_state[_SWITCH]))


def _left() -> None:
    st.session_state[_SWITCH] = False
    _set(False)


def switch() -> None:
    """The sidebar's switch; the choice goes into the link."""
    if st.session_state.get(_SWITCH) != on():
        st.session_state[_SWITCH] = on()
    st.sidebar.toggle(
        _("Projector view"),
        key=_SWITCH,
        on_change=_switched,
        help=_(
            "For a wall: hides the sidebar and the controls and enlarges the text and the "
            "charts. The link keeps it, so the projected screen can be opened from a link."
        ),
    )


def wall() -> None:
    """In the projector view, its style and the button that leaves it (else nothing)."""
    if not on():
        return
    st.html(f"<style>{_WALL_CSS}</style>")
    with st.container(key=_LEAVE, horizontal=True, horizontal_alignment="right"):
        st.button(
            _("Leave projector view"),
            on_click=_left,
            icon=":material/close_fullscreen:",
            type="tertiary",
        )
