"""Every curated table, defined once: validation, DDL, dictionary and data package follow it.

The tables are declared by topic, as the queries are: `schema_meetings` (the meetings
themselves), `schema_people` (who took part and where from), `schema_points` (what the
meetings said); their building blocks are in `schema_model`.
"""

from __future__ import annotations

from twg_data.schema_meetings import MEETING_TABLES
from twg_data.schema_model import DUCKDB_TYPES, Column, Reference, Table
from twg_data.schema_people import PEOPLE_TABLES
from twg_data.schema_points import POINT_TABLES

__all__ = ["DUCKDB_TYPES", "TABLES", "TABLES_BY_NAME", "Column", "Reference", "Table"]

# In this order the build loads them and the dictionary, the data package and the data set
# list them.
TABLES: tuple[Table, ...] = (*MEETING_TABLES, *PEOPLE_TABLES, *POINT_TABLES)

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
