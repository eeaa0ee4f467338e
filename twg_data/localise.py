"""Tables in the current language: headers from the catalog, curated vocabulary from the
data's translations (`queries.translated_labels`), country names from CLDR. Report text
(names, titles, passages) stays as the report words it. English returns the table unchanged,
so English downloads keep their bytes. Labels built from parts (a meeting, a date, a filter's
options) are `labels`'.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from twg_data import countries, i18n
from twg_data.i18n import _
from twg_data.schema import TABLES
from twg_data.vocabulary import NO_HEADING, NOT_STATED

# Columns that hold curated vocabulary, and which kind of label they hold: a query names each
# after its kind (`organization_type`, `rationale`: every kind the schema's translated columns
# hold), and two by another name.
VALUE_KINDS = {
    **{c.kind: c.kind for table in TABLES for c in table.translated},
    "roles": "role",  # a person's roles, `; `-separated
    "category_label": "category",  # a key point's category as the brief shows it
}
LIST_SEPARATOR = "; "  # a cell holding several values (a person's roles)
MARKERS = (NOT_STATED, NO_HEADING)


@dataclass(frozen=True)
class Labels:
    """English label -> label in the language, per kind of vocabulary, and country names."""

    by_kind: dict[str, dict[str, str]] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # English name -> localised

    @classmethod
    def from_frames(cls, translated: pd.DataFrame, country_names: pd.DataFrame) -> Labels:
        """The current language's labels from `queries.translated_labels` and
        `queries.country_names` (English: none, every label stays)."""
        if i18n.language() == i18n.DEFAULT:
            return cls()
        by_kind: dict[str, dict[str, str]] = {}
        for kind, english, label in translated[["kind", "english", "translated"]].itertuples(
            index=False
        ):
            by_kind.setdefault(kind, {})[english] = label
        names = {
            english: countries.name(iso3, english)
            for iso3, english in country_names[["iso3", "name"]].itertuples(index=False)
        }
        return cls(by_kind, names)

    def value(self, kind: str, english: object) -> object:
        """One value in the language; anything untranslated stays as it is."""
        if not isinstance(english, str):
            return english
        if english in MARKERS:  # '(not stated)': the interface's own words
            return _(english)
        if kind == "country":
            return self.countries.get(english, english)
        table = self.by_kind.get(kind, {})
        if kind == "role" and LIST_SEPARATOR in english:
            return LIST_SEPARATOR.join(table.get(v, v) for v in english.split(LIST_SEPARATOR))
        return table.get(english, english)


def header(column: str) -> str:
    """A column's header in the language (the catalog translates each column name)."""
    return _(column)


def column_label(column: str) -> str:
    """A column's header as people read it, in the language: 'target text' (a download
    keeps `header`'s snake_case)."""
    return header(column).replace("_", " ")


def values(data: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """The table's vocabulary in the current language, its column names kept (what a page
    shows: its headers are labelled apart). English gets the same frame back."""
    if i18n.language() == i18n.DEFAULT:
        return data
    out = data.copy()
    for column in out.columns:
        kind = "country" if column == "country" else VALUE_KINDS.get(column)
        if kind:
            out[column] = out[column].map(lambda v, k=kind: labels.value(k, v))
    return out


def frame(data: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """The table in the current language, headers too (what a download holds). English gets
    the same frame back."""
    if i18n.language() == i18n.DEFAULT:
        return data
    out = values(data, labels)
    return out.rename(columns={c: header(c) for c in out.columns})


def labels(con) -> Labels:
    """The current language's labels, read from the database (English: none)."""
    from twg_data import queries

    if i18n.language() == i18n.DEFAULT:
        return Labels()
    return Labels.from_frames(queries.translated_labels(con), queries.country_names(con))
