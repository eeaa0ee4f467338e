"""The link: the one module that reads and writes the URL's parameters.

A shared link holds the filters (one parameter per `filters.DIMENSIONS`), the language
(`?lang=<code>`; nothing for English) and the meeting a page of one meeting's details shows
(`?shown_meeting=`), the projector view (`?view=projector`) and the Search page's query and
facets (`?q=`, `?hit_city=`, ...); `?curator` asks for the curator's sign-in, `?facilitator` for
the facilitator's, and `?code=` is the workshop join code a participant's QR code holds.
Everything else reads them here and writes them through `show_filters`, `show` and `drop`.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from twg_data import i18n
from twg_data.filters import Filters
from twg_data.search.find import FACETS

LANGUAGE = "lang"
SHOWN_MEETING = "shown_meeting"
CURATOR = "curator"
FACILITATOR = "facilitator"
WORKSHOP_CODE = "code"
VIEW = "view"
SEARCH_QUERY = "q"
# A facet chosen on the Search page: `?hit_city=bogota`.
SEARCH_FACETS = {name: f"hit_{name}" for name in FACETS}
# Parameters that are not filters, kept in the link beside them while the filters change.
KEPT_PARAMS = (SHOWN_MEETING, WORKSHOP_CODE, VIEW, SEARCH_QUERY, *SEARCH_FACETS.values())
# Parameters that are not filters but travel with them in a shared link.
PAGE_PARAMS = (*KEPT_PARAMS, LANGUAGE)


def params() -> dict[str, list[str]]:
    """The link's parameters as they are now, each with its values."""
    return {name: st.query_params.get_all(name) for name in st.query_params}


def value(name: str) -> str | None:
    """A parameter's (first) value; None when the link does not hold it."""
    return st.query_params.get(name)


def holds(name: str) -> bool:
    """Whether the link holds the parameter (with or without a value)."""
    return name in st.query_params


def language_params() -> dict[str, list[str]]:
    """What the link holds for this run's language: nothing for English, the default."""
    language = i18n.language()
    return {} if language == i18n.DEFAULT else {LANGUAGE: [language]}


def show_filters(filters: Filters) -> None:
    """Make the link hold these filters and this run's language, keeping the meeting shown
    and the workshop code, the view and the search."""
    current = params()
    wanted = {
        **filters.to_query_params(),
        **language_params(),
        **{name: current[name] for name in KEPT_PARAMS if name in current},
    }
    if current != wanted:
        st.query_params.from_dict(wanted)


def show(name: str, shown: str | None) -> None:
    """Make the link hold one value of a parameter that is not a filter (or not, for None)."""
    if shown is None:
        drop(name)
    elif st.query_params.get_all(name) != [shown]:
        st.query_params[name] = shown


def drop(name: str) -> None:
    """Take a parameter out of the link."""
    if name in st.query_params:
        del st.query_params[name]


def page_address(url_path: str, meeting_id: str) -> str:
    """The address of a page showing one meeting, in this run's language (relative to the
    app's root): `sessions?shown_meeting=twg-2015-bogota` and the language, if not the default."""
    wanted = {SHOWN_MEETING: meeting_id, **{k: v[0] for k, v in language_params().items()}}
    return f"{url_path}?{urlencode(wanted)}"
