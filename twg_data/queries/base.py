"""What every query shares: the connection type, the WHERE clauses of the filters (named
parameters), and running a statement into a frame."""

from __future__ import annotations

import duckdb
import pandas as pd

from twg_data.filters import MEETING, PERSON, PLACE, Filters

Connection = duckdb.DuckDBPyConnection

Params = dict[str, object]


def people_where(filters: Filters, alias: str = "") -> tuple[str, Params]:
    """Every active filter (meeting, place and person) as a WHERE condition and its named
    parameters, for rows of people: `participant_facts`, under `alias` when given."""
    return filters.where((MEETING, PLACE, PERSON), alias)


def meeting_where(filters: Filters, alias: str = "") -> tuple[str, Params]:
    """The active meeting filters alone as a WHERE condition and its named parameters, for
    any table with a `meeting_id` column, under `alias` when given."""
    return filters.where((MEETING,), alias)


def place_where(filters: Filters, alias: str = "") -> tuple[str, Params]:
    """The active place filters alone as a WHERE condition and its named parameters, for rows
    of places: `place_facts`, under `alias` when given."""
    return filters.where((PLACE,), alias)


def _frame(con: Connection, sql: str, params: Params) -> pd.DataFrame:
    return con.execute(sql, params).df()
