"""Every question the app, the CLI and the exports ask the database: one function, one statement.

Each function takes a DuckDB connection (or cursor) and the one `Filters` object and returns a
pandas DataFrame. Values travel as named parameters (`$city`); the only text composed into SQL
is what the filter dimensions and the vocabulary declare, never user input. Aggregation
happens here, in SQL. Modules: `people`, `meetings`, `points`, `across` (comparisons across
meetings); `derived` holds the tables the build computes; `base` what they share.
"""

import inspect
from collections.abc import Callable

import pandas as pd

from twg_data.filters import Filters
from twg_data.queries.across import (
    key_points_per_meeting,
    participation_by_organization_type,
    participation_by_region,
    returning_cities,
    returning_organizations,
    returning_people,
    returns,
)
from twg_data.queries.base import Connection
from twg_data.queries.derived import DERIVED_TABLES
from twg_data.queries.meetings import (
    citation_facts,
    meetings,
    objectives,
    reports,
    session_timeline,
    sessions,
    sources,
    table_rows,
)
from twg_data.queries.people import (
    cities,
    filter_options,
    headline_figures,
    missing_practice_communities,
    missing_regions,
    organizations,
    participants,
    participants_by_country,
    participants_by_organization_type,
    participants_by_practice_community,
    participants_by_region,
    speakers,
)
from twg_data.queries.points import (
    brief_points,
    entry_points,
    framing,
    key_point_categories,
    key_point_targets,
)
from twg_data.queries.vocabulary import country_names, translated_labels
from twg_data.vocabulary import NOT_STATED, PRESENTER_ROLE

__all__ = [
    "Connection",
    "NOT_STATED",
    "PRESENTER_ROLE",
    "DERIVED_TABLES",
    "filter_options",
    "headline_figures",
    "participants",
    "participants_by_region",
    "participants_by_country",
    "participants_by_organization_type",
    "participants_by_practice_community",
    "organizations",
    "missing_regions",
    "missing_practice_communities",
    "speakers",
    "cities",
    "meetings",
    "objectives",
    "sessions",
    "session_timeline",
    "sources",
    "table_rows",
    "reports",
    "citation_facts",
    "key_point_categories",
    "entry_points",
    "framing",
    "key_point_targets",
    "brief_points",
    "participation_by_region",
    "participation_by_organization_type",
    "returning_people",
    "returning_organizations",
    "returning_cities",
    "returns",
    "key_points_per_meeting",
    "translated_labels",
    "country_names",
]


def questions() -> dict[str, Callable[[Connection, Filters], pd.DataFrame]]:
    """Every question asked under the filters, `(con, filters)`, by name in the order above:
    what the tests run under each filter and the benchmarks time."""
    found = {}
    for name in __all__:
        function = globals()[name]
        if inspect.isfunction(function) and list(inspect.signature(function).parameters) == [
            "con",
            "filters",
        ]:
            found[name] = function
    return found
