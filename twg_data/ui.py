"""Streamlit glue shared by every page: the database resource, cached queries, the sidebar
filters mirrored in the URL, tables with their downloads, and safe text.

Pages call these helpers and `twg_data.charts`; they never touch SQL or CSV files.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import duckdb
import pandas as pd
import streamlit as st

from twg_data import brief, docx_brief, export, paths, queries
from twg_data.build import DatabaseStatus, connect, ensure_database, fingerprint
from twg_data.filters import DIMENSIONS, Filters
from twg_data.summaries import SUMMARIES
from twg_data.text import escape_markdown as md

T = TypeVar("T")
MAX_ROWS_SHOWN = 500
MISSING = ""  # how a table shows a value the report does not state (downloads keep it empty)
_FILTER_KEY = "filter_{}"


# --- the database ------------------------------------------------------------------------


@dataclass
class _Database:
    """The process-wide database: one read-only connection, replaced when the CSVs change."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    checked: str | None = None  # fingerprint of the CSVs last checked
    status: DatabaseStatus | None = None
    con: duckdb.DuckDBPyConnection | None = None
    path: Path | None = None  # the database file behind `con`
    served: str = ""  # identity of the data behind `con`, part of every cache key


@st.cache_resource(show_spinner=False)
def _database() -> _Database:
    return _Database()


def refresh_database() -> DatabaseStatus:
    """Check the CSVs (a few `stat` calls); rebuild and reconnect only when they changed.

    app.py calls this once per script run; everything else reads the state it leaves.
    """
    db = _database()
    data_dir = paths.data_dir()
    current = f"{data_dir.resolve()}:{fingerprint(data_dir)}"
    if current != db.checked:
        with db.lock:
            if current != db.checked:
                status = ensure_database(data_dir, paths.db_path(data_dir))
                if status.db_path is not None and (status.rebuilt or status.db_path != db.path):
                    old, db.con, db.path = db.con, connect(status.db_path), status.db_path
                    db.served = f"{status.db_path}:{current}"
                    if old is not None:
                        old.close()
                db.status, db.checked = status, current
    return db.status


def database() -> tuple[DatabaseStatus, _Database]:
    """The database as this run's `refresh_database` left it."""
    db = _database()
    if db.status is None:
        refresh_database()
    return db.status, db


# Results are shared from cache_resource, not copied out of cache_data: a cache_data hit
# unpickles a fresh copy (35-150 ms for 100,000 participants). Callers must not modify them.
@st.cache_resource(show_spinner=False, max_entries=256)
def _cached_call(name: str, args: tuple, served: str, _function, _db: _Database) -> object:
    with _db.con.cursor() as cursor:
        return _function(cursor, *args)


def per_data(function: Callable[..., T], *args: object) -> T:
    """`function(cursor, *args)`, cached per arguments and per served database (new data, new
    results). The result is shared between reruns and sessions: read it, never modify it."""
    _, db = database()
    name = f"{function.__module__}.{function.__qualname__}"
    owner = getattr(function, "__self__", None)  # a bound method: whose (e.g. which summary)
    if owner is not None:
        name += f":{getattr(owner, 'name', id(owner))}"
    return _cached_call(name, args, db.served, function, db)


def query(function: Callable[[queries.Connection, Filters], pd.DataFrame], filters: Filters):
    """A `twg_data.queries` function's frame under filters (cached; never modify it)."""
    return per_data(function, filters)


def summary(name: str, filters: Filters) -> pd.DataFrame:
    """A summary's rows exactly as shown and downloaded (shared: never modify it)."""
    return per_data(SUMMARIES[name].frame, filters)


def _with_cursor(db: _Database, produce):
    """A download's data, made only when the user clicks (Streamlit calls it then)."""

    def deferred() -> bytes:
        with db.con.cursor() as cursor:
            return produce(cursor)

    return deferred


def table(table_name: str, filters: Filters) -> pd.DataFrame:
    """A curated table as stored (meeting filter applied); shared, never modify it."""
    return per_data(queries.table_rows, table_name, filters)


def dataset_zip(filters: Filters):
    """Every curated table and the data dictionary as one ZIP, made on click."""
    _, db = database()
    return _with_cursor(db, lambda cursor: export.dataset_zip(cursor, filters))


def table_csv(table_name: str, filters: Filters):
    """A curated table as CSV, made on click."""
    _, db = database()
    return _with_cursor(
        db, lambda cursor: export.to_csv_bytes(queries.table_rows(cursor, table_name, filters))
    )


def summary_csv(name: str, filters: Filters):
    """The summary as the CSV file the CLI writes for the same filters, made on click."""
    _, db = database()
    return _with_cursor(db, lambda cursor: export.export_summary(cursor, name, filters))


def show_data_status() -> bool:
    """Banner for stale data, or the problem list when there is no usable data.

    Returns False when nothing can be shown (no good database exists).
    """
    status, _ = database()
    if status.db_path is None:
        st.error(
            f"The data in `{paths.data_dir()}` cannot be loaded and there is no earlier good "
            "copy to show. Fix these problems and reload the page:"
        )
        show_problems(status)
        return False
    if status.stale:
        st.warning(
            f"The data is stale: the CSVs have {len(status.problems)} problem(s), so the "
            "dashboard shows the last good data. The Data problems page lists them; fixed "
            "files are picked up on the next click, without a restart.",
            icon=":material/warning:",
        )
    return True


def show_problems(status: DatabaseStatus) -> None:
    """The problem list as a table: file, line, column, message."""
    frame = pd.DataFrame(
        [(p.file, p.line, p.column, p.message) for p in status.problems],
        columns=["file", "line", "column", "problem"],
    )
    st.dataframe(frame, hide_index=True, width="stretch", placeholder=MISSING)


def data_problems() -> tuple:
    """The problems of the CSVs on disk now (empty when they are sound)."""
    status, _ = database()
    return status.problems


# --- filters -----------------------------------------------------------------------------


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


# --- text, tables and downloads -----------------------------------------------------------


def download_button(name: str, filters: Filters, label: str | None = None) -> None:
    """Download the summary as CSV: exactly the rows shown under the current filters."""
    spec = SUMMARIES[name]
    st.download_button(
        label or f"Download {spec.title.lower()} (CSV)",
        data=summary_csv(name, filters),
        file_name=f"twg-{name.replace('_', '-')}.csv",
        mime="text/csv",
        key=f"download_{name}",
        icon=":material/download:",
        on_click="ignore",
    )


def summary_table(
    name: str,
    filters: Filters,
    *,
    empty: str = "Nothing matches the current filters.",
    column_config: dict | None = None,
    height: int | str = "auto",
) -> pd.DataFrame:
    """Show a summary as a table (capped, with a note) and its download button."""
    frame = summary(name, filters)
    if frame.empty:
        st.info(empty, icon=":material/search_off:")
        return frame
    show_frame(frame, column_config=column_config, height=height)
    download_button(name, filters)
    return frame


def show_frame(
    frame: pd.DataFrame, *, column_config: dict | None = None, height: int | str = "auto"
) -> None:
    """A table as people read it: at most MAX_ROWS_SHOWN rows (with a note), headers without
    underscores (the CSV keeps snake_case), dates without a time of day."""
    shown = frame.head(MAX_ROWS_SHOWN)
    config: dict = {c: c.replace("_", " ") for c in shown.columns}
    for column in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[column]):
            config[column] = st.column_config.DateColumn(
                column.replace("_", " "), format="YYYY-MM-DD"
            )
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={**config, **(column_config or {})},
        height=height,
        placeholder=MISSING,
    )
    if len(frame) > MAX_ROWS_SHOWN:
        st.caption(
            f"Showing the first {MAX_ROWS_SHOWN:,} of {len(frame):,} rows; "
            "the download holds all of them."
        )


def chart(
    builder: Callable[..., dict],
    function: Callable[[queries.Connection, Filters], pd.DataFrame],
    filters: Filters,
    **options: object,
) -> None:
    """Chart a query's frame (cached) with a `twg_data.charts` builder at full width."""
    st.vega_lite_chart(builder(query(function, filters), **options), width="stretch")


# --- the agenda brief ---------------------------------------------------------------------


def brief_markdown(filters: Filters, selection: brief.Selection) -> str:
    """The agenda brief as Markdown (already escaped: safe to pass to st.markdown)."""
    return per_data(brief.brief_markdown, filters, selection)


def brief_file(form: str, filters: Filters, selection: brief.Selection):
    """The brief as the file the CLI writes: `md`, `docx`, `csv`, or `zip` (the summary pack),
    made when the user clicks (the pack holds every summary: costly at scale)."""
    _, db = database()
    make = {
        "md": brief.brief_markdown,
        "docx": docx_brief.brief_docx,
        "csv": brief.brief_csv,
        "zip": brief.summary_pack,
    }[form]

    def produce(cursor) -> bytes:
        content = make(cursor, filters, selection)
        return content.encode("utf-8") if isinstance(content, str) else content

    return _with_cursor(db, produce)


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
