"""One page of many: a page number and the span of items it shows."""

from __future__ import annotations

import streamlit as st

from twg_data.curating.review import page_count, page_span
from twg_data.i18n import _, format_count
from twg_data.text import fmt


def pager(total: int, size: int, key: str) -> tuple[int, int, int]:
    """A page chooser for `total` items, `size` a page (nothing when one page holds them):
    the page and its span [start, stop)."""
    pages = page_count(total, size)
    if st.session_state.get(key, 1) > pages:  # fewer items than when it was chosen
        st.session_state[key] = pages
    page = 1
    if pages > 1:
        left, right = st.columns([1, 3], vertical_alignment="bottom")
        page = int(left.number_input(_("Page"), 1, pages, key=key, step=1))
        start, stop = page_span(total, size, page)
        right.caption(
            fmt(
                _("{first}–{last} of {total} ({pages} pages)"),
                first=format_count(start + 1),
                last=format_count(stop),
                total=format_count(total),
                pages=format_count(pages),
            )
        )
    start, stop = page_span(total, size, page)
    return page, start, stop
