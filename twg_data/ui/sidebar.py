"""The shared filters: the sidebar, the URL mirror, and each page's header of filters in force."""

from __future__ import annotations

import streamlit as st

from twg_data import queries
from twg_data.filters import DIMENSIONS, Filters
from twg_data.text import escape_markdown as md
from twg_data.ui.cache import per_data

_FILTER_KEY = "filter_{}"


def filter_options() -> dict[str, list[tuple[str, str]]]:
    """(value, label) pairs per filter parameter, from the data."""
    return per_data(queries.filter_options)


def _clear_url_warnings() -> None:
    st.session_state["url_warnings"] = []


def _reset_filters() -> None:
    for dimension in DIMENSIONS:
        st.session_state[_FILTER_KEY.format(dimension.param)] = []
    _clear_url_warnings()


def _seed_from_url(options: dict[str, list[tuple[str, str]]]) -> None:
    """On a session's first run, take the filters from the URL; warn about what is unknown."""
    params = {name: st.query_params.get_all(name) for name in st.query_params}
    known = {param: [value for value, _ in pairs] for param, pairs in options.items()}
    filters, warnings = Filters.from_query_params(params, known)
    for dimension in DIMENSIONS:
        st.session_state[_FILTER_KEY.format(dimension.param)] = list(filters.values(dimension))
    st.session_state["url_warnings"] = warnings
    st.session_state["filters_seeded"] = True


def sidebar_filters() -> Filters:
    """Render the shared filters in the sidebar and mirror them in the URL; return them."""
    options = filter_options()
    if "filters_seeded" not in st.session_state:
        _seed_from_url(options)
    selected = {}
    with st.sidebar:
        st.header("Filters")
        for dimension in DIMENSIONS:
            pairs = options.get(dimension.param, [])
            labels = dict(pairs)
            key = _FILTER_KEY.format(dimension.param)
            # Values that vanished from the data (after an edit) would make the widget fail.
            st.session_state[key] = [v for v in st.session_state.get(key, []) if v in labels]
            selected[dimension.field] = st.multiselect(
                dimension.label,
                options=list(labels),
                format_func=labels.__getitem__,
                key=key,
                placeholder="All",
                on_change=_clear_url_warnings,
            )
        st.button("Reset filters", on_click=_reset_filters, icon=":material/restart_alt:")
    filters = Filters(**{name: tuple(values) for name, values in selected.items()})
    wanted = filters.to_query_params()
    current = {name: st.query_params.get_all(name) for name in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)
    for warning in st.session_state.get("url_warnings", []):
        st.warning(f"Ignored a link parameter: {md(warning)}.", icon=":material/link_off:")
    st.session_state["filters"] = filters
    return filters


def by_meeting(meeting_ids: list[str]):
    """One section per meeting: the page itself for one meeting, a tab each for several.

    Yields (meeting_id, container); draw a meeting's content inside `with container:`.
    """
    if len(meeting_ids) == 1:
        yield meeting_ids[0], st.container()
        return
    labels = dict(filter_options().get("meeting", []))
    tabs = st.tabs([labels.get(m, m) for m in meeting_ids])
    yield from zip(meeting_ids, tabs, strict=True)


def current_filters() -> Filters:
    """The filters the sidebar set on this run."""
    return st.session_state.get("filters", Filters())


def page_header(title: str, *, applies: tuple[str, ...] | None = None, reason: str = "") -> Filters:
    """A page's title and the filters in force, which it returns. With `applies` (the
    Filters fields the page can use), say which active filters cannot apply, and why."""
    filters = current_filters()
    st.title(title)
    st.caption(describe_filters(filters))
    if applies is not None:
        note_filters_not_applied(filters, applies, reason)
    return filters


def describe_filters(filters: Filters) -> str:
    """The active filters with their display labels."""
    if filters.is_empty:
        return "No filters: everything is shown."
    options = filter_options()
    parts = []
    for dimension in filters.active():
        labels = dict(options.get(dimension.param, []))
        values = ", ".join(labels.get(v, v) for v in filters.values(dimension))
        parts.append(f"{dimension.label}: {values}")
    return "Filtered by " + "; ".join(parts) + "."


def note_filters_not_applied(filters: Filters, applies: tuple[str, ...], reason: str) -> None:
    """Say which active filters this page cannot apply, instead of silently ignoring them."""
    ignored = [d.label.lower() for d in filters.active() if d.field not in applies]
    if ignored:
        st.info(
            f"The {', '.join(ignored)} filter{'s' if len(ignored) > 1 else ''} "
            f"cannot apply here: {reason}",
            icon=":material/filter_alt_off:",
        )
