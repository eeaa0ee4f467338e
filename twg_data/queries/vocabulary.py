"""The curated vocabulary's Spanish labels, beside the English each replaces."""

from __future__ import annotations

import pandas as pd

from twg_data.queries.base import Connection, _frame


def spanish_labels(con: Connection) -> pd.DataFrame:
    """kind, english, spanish: one row per curated label that has its Spanish (no filters: a
    label is the same under any filter, so this is not one of `questions()`)."""
    return _frame(
        con,
        """
        SELECT 'sub_region' AS kind, sub_region AS english, sub_region_es AS spanish
        FROM regions WHERE sub_region_es IS NOT NULL
        UNION ALL
        SELECT DISTINCT 'region', region, region_es FROM regions WHERE region_es IS NOT NULL
        UNION ALL
        SELECT 'organization_type', label, label_es FROM organization_types
        WHERE label_es IS NOT NULL
        UNION ALL
        SELECT 'practice_community', label, label_es FROM practice_communities
        WHERE label_es IS NOT NULL
        UNION ALL
        SELECT 'category', label, label_es FROM key_point_categories WHERE label_es IS NOT NULL
        UNION ALL
        SELECT 'category', singular, singular_es FROM key_point_categories
        WHERE singular_es IS NOT NULL
        UNION ALL
        SELECT 'role', role, label_es FROM roles WHERE label_es IS NOT NULL
        UNION ALL
        SELECT 'description', description, description_es FROM organization_types
        WHERE description_es IS NOT NULL
        UNION ALL
        SELECT 'description', description, description_es FROM practice_communities
        WHERE description_es IS NOT NULL
        UNION ALL
        SELECT 'description', description, description_es FROM key_point_categories
        WHERE description_es IS NOT NULL
        ORDER BY kind, english
        """,
        {},
    )


def country_names(con: Connection) -> pd.DataFrame:
    """iso3 and English name of every country (its name in another language comes from CLDR)."""
    return _frame(con, "SELECT iso3, name FROM countries ORDER BY iso3", {})
