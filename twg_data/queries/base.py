"""What every query shares: the connection type, the WHERE clauses of the filters (named
parameters), and running a statement into a frame."""

from __future__ import annotations

import duckdb
import pandas as pd

from twg_data.filters import MEETING, PERSON, PLACE, Filters

Connection = duckdb.DuckDBPyConnection

Params = dict[str, object]


def _people_where(filters: Filters, alias: str = "") -> tuple[str, Params]:
    return filters.where((MEETING, PLACE, PERSON), alias)


def _meeting_where(filters: Filters, alias: str = "") -> tuple[str, Params]:
    return filters.where((MEETING,), alias)


def _place_where(filters: Filters, alias: str = "") -> tuple[str, Params]:
    return filters.where((PLACE,), alias)


def _frame(con: Connection, sql: str, params: Params) -> pd.DataFrame:
    return con.execute(sql, params).df()
