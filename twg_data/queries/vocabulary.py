"""The curated vocabulary in a language, beside the English each label replaces: read from the
schema's translated columns (`Column(..., translated=True)`) and their `<column>_<code>`
translations."""

from __future__ import annotations

import pandas as pd

from twg_data import i18n
from twg_data.queries.base import Connection, _frame
from twg_data.schema import TABLES, Column, Table

TRANSLATED_LABELS = ["kind", "english", "translated"]


def translated_labels(con: Connection, language: str | None = None) -> pd.DataFrame:
    """kind, english, translated: one row per curated label that has its translation in the
    language (default: this run's; the default language has none). No filters: a label is
    the same under any filter, so this is not one of `questions()`."""
    code = language or i18n.language()
    if code not in i18n.translated_languages():
        return pd.DataFrame(columns=TRANSLATED_LABELS)
    selects = " UNION ".join(
        _select(table, column, code) for table in TABLES for column in table.translated
    )
    return _frame(con, f"{selects} ORDER BY kind, english", {})


def _select(table: Table, column: Column, code: str) -> str:
    translation = column.in_language(code).name
    return (
        f"SELECT '{column.kind}' AS kind, {column.name} AS english, {translation} AS translated "
        f"FROM {table.name} WHERE {translation} IS NOT NULL"
    )


def country_names(con: Connection) -> pd.DataFrame:
    """iso3 and English name of every country (its name in another language comes from CLDR)."""
    return _frame(con, "SELECT iso3, name FROM countries ORDER BY iso3", {})
