"""The shared filters: the sidebar, the URL mirror (and what a link held that they drop), and
each page's header of filters in force."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import streamlit as st

from twg_data import i18n, labels, localise, queries
from twg_data.filters import DIMENSIONS, Filters, shorten
from twg_data.i18n import _, format_count, ngettext
from twg_data.text import Markdown, code, fmt
from twg_data.ui import language, link, projector
from twg_data.ui.cache import per_data
from twg_data.ui.link import PAGE_PARAMS, SHOWN_MEETING
from twg_data.ui.state import keep_value

_FILTER_KEY = "filter_{}"
_LINK_PROBLEMS = "url_warnings"  # what the link held that was dropped: (kind, param, values)
_QUOTED = 3  # how many of a parameter's dropped values a warning quotes


def _localised_options(cursor) -> dict[str, list[tuple[str, str]]]:
    return labels.filter_options(queries.filter_options(cursor), localise.labels(cursor))


def filter_options() -> dict[str, list[tuple[str, str]]]:
    """(value, label) pairs per filter parameter, from the data; labels in the language."""
    return per_data(_localised_options)


def _clear_url_warnings() -> None:
    st.session_state[_LINK_PROBLEMS] = []


def _reset_filters() -> None:
    for dimension in DIMENSIONS:
        st.session_state[_FILTER_KEY.format(dimension.param)] = []
    _clear_url_warnings()


def _seed_from_url(options: dict[str, list[tuple[str, str]]]) -> None:
    """On a session's first run, take the filters and the meeting shown from the URL; note
    what it holds that is unknown, one note per parameter."""
    params = link.params()
    known = {param: [value for value, _ in pairs] for param, pairs in options.items()}
    filters, dropped = Filters.from_link(params, known, ignore=PAGE_PARAMS)
    for dimension in DIMENSIONS:
        st.session_state[_FILTER_KEY.format(dimension.param)] = list(filters.values(dimension))
    problems = [("values", name, tuple(values)) for name, values in dropped.values.items()]
    if dropped.names:
        problems.append(("names", "", tuple(dropped.names)))
    for shown in params.get(SHOWN_MEETING, [])[:1]:
        if shown in known["meeting"]:
            keep_value(SHOWN_MEETING, shown)
        else:
            problems.append(("values", SHOWN_MEETING, (shown,)))
    if unknown := language.unknown_in_url():
        problems.append(("language", language.PARAM, (unknown,)))
    st.session_state[_LINK_PROBLEMS] = problems
    st.session_state["filters_seeded"] = True


def _quoted(values: tuple[str, ...]) -> str:
    """The first few values as a warning quotes them (each shortened), `…` for the rest."""
    quoted = ", ".join(repr(shorten(value)) for value in values[:_QUOTED])
    return quoted + (", …" if len(values) > _QUOTED else "")


def link_warning(kind: str, param: str, values: tuple[str, ...]) -> Markdown:
    """The warning for what one link parameter held that was dropped."""
    n = len(values)
    if kind == "names":
        note = ngettext(
            "Ignored {n} link parameter the dashboard does not know: {names}.",
            "Ignored {n} link parameters the dashboard does not know: {names}.",
            n,
        )
        return fmt(note, n=format_count(n), names=_quoted(values))
    if kind == "language":
        note = _("Ignored the link parameter {param}={value}: the dashboard speaks {languages}.")
        spoken = ", ".join(f"{name} ({tag})" for tag, name in i18n.LANGUAGES.items())
        return fmt(note, param=code(param), value=_quoted(values), languages=spoken)
    note = ngettext(
        "Ignored {n} value of the link parameter {param} that the data does not know: {values}.",
        "Ignored {n} values of the link parameter {param} that the data does not know: {values}.",
        n,
    )
    return fmt(note, n=format_count(n), param=code(param), values=_quoted(values))


def sidebar_filters() -> Filters:
    """Render the shared filters in the sidebar and mirror them in the URL; return them."""
    options = filter_options()
    if "filters_seeded" not in st.session_state:
        _seed_from_url(options)
    selected = {}
    language.switch()
    projector.switch()
    with st.sidebar:
        st.header(_("Filters"))
        for dimension in DIMENSIONS:
            pairs = options.get(dimension.param, [])
            labels = dict(pairs)
            key = _FILTER_KEY.format(dimension.param)
            # Values that vanished from the data (after an edit) would make the widget fail.
            # Set only when needed: a value set through st.session_state is sent to the
            # browser as a change, and the browser then redraws the widget (all 8, every run).
            chosen = st.session_state.get(key, [])
            known = [v for v in chosen if v in labels]
            if key not in st.session_state or known != chosen:
                st.session_state[key] = known
            selected[dimension.field] = st.multiselect(
                _(dimension.label),
                options=list(labels),
                format_func=labels.__getitem__,
                key=key,
                placeholder=_("All"),
                on_change=_clear_url_warnings,
            )
        st.button(_("Reset filters"), on_click=_reset_filters, icon=":material/restart_alt:")
    filters = Filters(**{name: tuple(values) for name, values in selected.items()})
    # The language too (when not English): a link shared from any page keeps it.
    link.show_filters(filters)
    with st.container():  # a fixed place (see page_header)
        for kind, param, values in st.session_state.get(_LINK_PROBLEMS, []):
            st.warning(link_warning(kind, param, values), icon=":material/link_off:")
    return filters


# The filters app.py's sidebar set for the page this run draws (`in_force`).
_IN_FORCE: ContextVar[Filters | None] = ContextVar("filters_in_force", default=None)


@contextmanager
def in_force(filters: Filters) -> Iterator[Filters]:
    """Run the page with these filters (app.py: the sidebar's); `page_header` returns them."""
    token = _IN_FORCE.set(filters)
    try:
        yield filters
    finally:
        _IN_FORCE.reset(token)


def filters_in_force() -> Filters:
    """The filters this run's page draws under (none outside `in_force`)."""
    return _IN_FORCE.get() or Filters()


def page_header(title: str, *, applies: tuple[str, ...] | None = None, reason: str = "") -> Filters:
    """A page's title and the filters in force, which it returns. With `applies` (the
    Filters fields the page can use), say which active filters cannot apply, and why."""
    filters = filters_in_force()
    st.title(title)
    st.caption(describe_filters(filters))
    # Notes that come and go stand in a container of their own, so the elements below keep
    # their places: the browser then redraws only the elements whose content changed.
    with st.container():
        if applies is not None:
            note_filters_not_applied(filters, applies, reason)
    return filters


def describe_filters(filters: Filters) -> Markdown:
    """The active filters with their display labels."""
    if filters.is_empty:
        return Markdown(_("No filters: everything is shown."))
    parts = [
        fmt(_("{filter}: {values}"), filter=name, values=", ".join(label for _, label in pairs))
        for name, pairs in labels.active_filters(filters, filter_options())
    ]
    return fmt(_("Filtered by {filters}."), filters=Markdown("; ".join(parts)))


def note_filters_not_applied(filters: Filters, applies: tuple[str, ...], reason: str) -> None:
    """Say which active filters this page cannot apply, instead of silently ignoring them."""
    ignored = [_(d.label).lower() for d in filters.active() if d.field not in applies]
    if ignored:
        note = ngettext(
            "The {filters} filter cannot apply here: {reason}",
            "The {filters} filters cannot apply here: {reason}",
            len(ignored),
        )
        st.info(
            fmt(note, filters=", ".join(ignored), reason=reason),
            icon=":material/filter_alt_off:",
        )
