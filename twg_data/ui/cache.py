"""Results for pages, cached per arguments and per served database."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

import pandas as pd

from twg_data import i18n, localise, queries
from twg_data.filters import Filters
from twg_data.summaries import SUMMARIES
from twg_data.ui.database import _Database, database

T = TypeVar("T")


class _Results:
    """Results by key, shared by every session of the process: the most recently used kept,
    at most `size`; one computation per key at a time (other sessions wait for it).

    Results are shared, not copied (as st.cache_data would: unpickling the 100,000
    participants took 35-150 ms a hit). A hit is a dict lookup: st.cache_resource took
    ~0.1 ms a hit, and hashing a Filters object ~0.4 ms, at ~25 lookups a rerun.
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[tuple, object] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[tuple, threading.Lock] = {}

    def get(self, key: tuple, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            computing = self._computing.setdefault(key, threading.Lock())
        with computing:
            with self._lock:
                if key in self._items:
                    return self._items[key]
            value = compute()
            with self._lock:
                self._items[key] = value
                while len(self._items) > self._size:
                    self._items.popitem(last=False)
                self._computing.pop(key, None)
            return value


_RESULTS = _Results(size=256)


def _call(db: _Database, function: Callable[..., T], args: tuple) -> Callable[[], T]:
    def compute() -> T:
        with db.con.cursor() as cursor:
            return function(cursor, *args)

    return compute


def per_data(function: Callable[..., T], *args: object) -> T:
    """`function(cursor, *args)`, cached per arguments and per served database (new data, new
    results). The result is shared between reruns and sessions: read it, never modify it."""
    db = database().db
    name = f"{function.__module__}.{function.__qualname__}"
    owner = getattr(function, "__self__", None)  # a bound method: whose (e.g. which summary)
    if owner is not None:
        name += f":{getattr(owner, 'name', id(owner))}"
    # Keyed by the arguments' repr: Filters and Selection are frozen and normalised, so equal
    # arguments have equal reprs. And by language: labels and text differ in each.
    key = (name, repr(args), db.served, i18n.language())
    return _RESULTS.get(key, _call(db, function, args))


def query(function: Callable[[queries.Connection, Filters], pd.DataFrame], filters: Filters):
    """A `twg_data.queries` function's frame under filters (cached; never modify it)."""
    return per_data(function, filters)


def _rows(_cursor, function, filters: Filters) -> list:
    return list(query(function, filters).itertuples(index=False))


def rows(function: Callable[[queries.Connection, Filters], pd.DataFrame], filters: Filters):
    """A query's rows as named tuples, in its order: what a page loops over, made once per
    filters and data rather than on every rerun (cached; never modify them)."""
    return per_data(_rows, function, filters)


def _grouped(_cursor, function, filters: Filters, by: str) -> dict[object, list]:
    groups: dict[object, list] = {}
    for row in rows(function, filters):
        groups.setdefault(getattr(row, by), []).append(row)
    return groups


def grouped(
    function: Callable[[queries.Connection, Filters], pd.DataFrame], filters: Filters, by: str
) -> dict[object, list]:
    """A query's rows grouped by the value of one column, each group in query order
    (cached; never modify them)."""
    return per_data(_grouped, function, filters, by)


def labels() -> localise.Labels:
    """The current language's vocabulary labels and country names (cached)."""
    return per_data(localise.labels)


def summary(name: str, filters: Filters) -> pd.DataFrame:
    """A summary's rows exactly as shown and downloaded (shared: never modify it)."""
    return per_data(SUMMARIES[name].frame, filters)


def table(table_name: str, filters: Filters) -> pd.DataFrame:
    """A curated table as stored (meeting filter applied); shared, never modify it."""
    return per_data(queries.table_rows, table_name, filters)
