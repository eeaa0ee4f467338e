"""The curated vocabulary's Spanish labels, beside the English each replaces."""

from __future__ import annotations

import pandas as pd

from twg_data.queries.base import Connection, _frame

# kind, table, English column, Spanish column: where each curated label has its Spanish.
SPANISH_COLUMNS = (
    ("sub_region", "regions", "sub_region", "sub_region_es"),
    ("region", "regions", "region", "region_es"),
    ("organization_type", "organization_types", "label", "label_es"),
    ("practice_community", "practice_communities", "label", "label_es"),
    ("category", "key_point_categories", "label", "label_es"),
    ("category", "key_point_categories", "singular", "singular_es"),
    ("role", "roles", "role", "label_es"),
    ("description", "organization_types", "description", "description_es"),
    ("description", "practice_communities", "description", "description_es"),
    ("description", "key_point_categories", "description", "description_es"),
)


def spanish_labels(con: Connection) -> pd.DataFrame:
    """kind, english, spanish: one row per curated label that has its Spanish (no filters: a
    label is the same under any filter, so this is not one of `questions()`)."""
    selects = " UNION ".join(
        f"SELECT '{kind}' AS kind, {english} AS english, {spanish} AS spanish FROM {table} "
        f"WHERE {spanish} IS NOT NULL"
        for kind, table, english, spanish in SPANISH_COLUMNS
    )
    return _frame(con, f"{selects} ORDER BY kind, english", {})


def country_names(con: Connection) -> pd.DataFrame:
    """iso3 and English name of every country (its name in another language comes from CLDR)."""
    return _frame(con, "SELECT iso3, name FROM countries ORDER BY iso3", {})
