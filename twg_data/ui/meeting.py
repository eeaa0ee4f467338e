"""One meeting at a time: the switcher of the pages that show a meeting's details.

Such a page (overview facts, sessions, entry points, the agenda brief) shows one of the
meetings the sidebar's Meeting filter allows (all of them when it is empty), by default the
latest; the choice is kept across pages and in the link (`?shown_meeting=`). With one
meeting to show there is no switcher and the filters stay as they are.
"""

from __future__ import annotations

import streamlit as st

from twg_data.filters import DIMENSIONS_BY_PARAM, Filters
from twg_data.i18n import _
from twg_data.text import md
from twg_data.ui import link
from twg_data.ui.database import database
from twg_data.ui.link import SHOWN_MEETING
from twg_data.ui.sidebar import filter_options
from twg_data.ui.state import (
    current_page,
    keep_value,
    kept,
    kept_value,
)

_MEETING = DIMENSIONS_BY_PARAM["meeting"]
_DRAWN_ON = "_shown_meeting_page"  # the page whose switcher was drawn last


def meetings_in_data() -> list[str]:
    """Every meeting's id, in date order (none while there is no usable data)."""
    if database().status.db_path is None:
        return []
    return [value for value, _ in filter_options().get("meeting", [])]


def _offered(filters: Filters) -> dict[str, str]:
    """The meetings the Meeting filter allows (all when it is empty): id -> label, by date."""
    labels = dict(filter_options().get("meeting", []))
    selected = set(filters.values(_MEETING))
    return {m: label for m, label in labels.items() if not selected or m in selected}


def one_meeting(filters: Filters) -> Filters:
    """The filters narrowed to the meeting whose details the page shows, with a switcher
    when there is a choice; unchanged when there is one meeting (or none) to show."""
    labels = _offered(filters)
    offered = list(labels)
    slot = st.container()  # in place whether or not there is a switcher (see page_header)
    if len(offered) <= 1:
        link.show(SHOWN_MEETING, None)
        return filters
    # On another page the switcher is another widget, which would start from its first
    # option: set it from the kept value then. Not on every run: a value set through
    # st.session_state is sent to the browser as a change, which redraws the widget.
    chosen = kept_value(SHOWN_MEETING)
    wanted = chosen if chosen in offered else offered[-1]  # else the latest
    page = current_page()
    if st.session_state.get(SHOWN_MEETING) != wanted or st.session_state.get(_DRAWN_ON) != page:
        keep_value(SHOWN_MEETING, wanted)
        st.session_state[_DRAWN_ON] = page
    shown = slot.selectbox(
        _("Meeting shown"),
        offered,
        format_func=labels.__getitem__,
        help=_(
            "This page shows one meeting at a time, the latest unless you choose another. "
            "The Meeting filter in the sidebar decides which meetings are offered here."
        ),
        **kept(SHOWN_MEETING, offered[-1]),
    )
    link.show(SHOWN_MEETING, shown)
    return filters.with_values(_MEETING, (shown,))


def meeting_slider(filters: Filters, key: str) -> Filters:
    """A slider over the meetings the filters allow, in date order (the latest first chosen);
    the filters narrowed to the meeting chosen. For views that step through meetings."""
    labels = _offered(filters)
    if len(labels) <= 1:
        return filters
    if st.session_state.get(key) not in labels:
        st.session_state[key] = list(labels)[-1]
    # A slider draws its options as Markdown (a selectbox draws them as plain text).
    chosen = st.select_slider(
        _("Meeting"), list(labels), format_func=lambda meeting: md(labels[meeting]), key=key
    )
    return filters.with_values(_MEETING, (chosen,))
