"""Results for pages, cached per arguments and per served database, and files made on click."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import streamlit as st

from twg_data import brief, docx_brief, export, queries
from twg_data.filters import Filters
from twg_data.summaries import SUMMARIES
from twg_data.ui.database import _Database, database

T = TypeVar("T")


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


def table(table_name: str, filters: Filters) -> pd.DataFrame:
    """A curated table as stored (meeting filter applied); shared, never modify it."""
    return per_data(queries.table_rows, table_name, filters)


def _with_cursor(db: _Database, produce):
    """A download's data, made only when the user clicks (Streamlit calls it then)."""

    def deferred() -> bytes:
        with db.con.cursor() as cursor:
            return produce(cursor)

    return deferred


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
