"""How the dashboard names a value for people, in the run's language: one function per kind
of label, used by the pages, the briefs, citations, downloads and the command line.

Queries return parts and codes (a meeting's number, city and date; a country's name and ISO
code; a filter option's parts); the functions here format them. Nothing parses a label back
into its parts.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from twg_data import countries, i18n
from twg_data.filters import DIMENSIONS, Filters, Option
from twg_data.i18n import N_, _
from twg_data.localise import Labels
from twg_data.text import is_missing
from twg_data.vocabulary import MEETING_WORD

# The parts of a meeting a per-meeting table holds, from which `with_meeting` names it.
MEETING_PARTS = ("meeting_number", "meeting_city", "date")


def _as_date(value) -> dt.date:
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value.date() if isinstance(value, pd.Timestamp | dt.datetime) else value


def day(value) -> str:
    """A date as tables, headings and the brief write it: ISO in English (2015-09-21), the
    language's long form otherwise (21 de septiembre de 2015); "" for no date."""
    if is_missing(value) or value is pd.NaT:
        return ""
    if i18n.language() == i18n.DEFAULT:
        return _as_date(value).isoformat()
    return long_day(value)


def long_day(value) -> str:
    """A date written out, as sessions and citations write it: '5 May 2016',
    '5 de mayo de 2016'; "" for no date."""
    if is_missing(value) or value is pd.NaT:
        return ""
    return i18n.format_day(_as_date(value))


def meeting(number, place: object, date, *, cited: bool = False) -> str:
    """A meeting as the dashboard names it: 'Meeting 2 · Bogotá · 2015-09-21' (in a filter, a
    table, a heading); `cited`, as a reader names it in a citation: 'Meeting 2, Bogotá,
    21 September 2015'. The place is what the caller shows (a city, or 'city, country'); a
    missing number or place is left out."""
    word = _(MEETING_WORD)
    head = word if is_missing(number) or number == "" else f"{word} {int(number)}"
    place = "" if is_missing(place) else str(place)
    if cited:
        return ", ".join(p for p in (head, place, long_day(date)) if p)
    return " · ".join(p for p in (head, place, day(date)) if p)


def with_meeting(frame: pd.DataFrame) -> pd.DataFrame:
    """A per-meeting table (`MEETING_PARTS`) with its meetings named in a `meeting` column,
    after `meeting_id`."""
    names = [
        meeting(number, city, date)
        for number, city, date in zip(*(frame[p] for p in MEETING_PARTS), strict=True)
    ]
    out = frame.copy()
    out.insert(list(out.columns).index("meeting_id") + 1, "meeting", names)
    return out


# How a city took part in the meetings (`took_part_as`), from `queries.cities`' parts.
TOOK_PART = {
    "venue": N_("meeting venue"),
    "people": N_("named participants"),
    "delegation": N_("delegation ({networks})"),
}


def took_part_as(venue: object, people: object, delegation: object) -> str:
    """How a city took part, in the language: 'meeting venue; named participants; delegation
    (GNSC)', from whether it was a venue, its named people and its delegations' networks."""
    said = {
        "venue": not is_missing(venue) and bool(venue),
        "people": not is_missing(people) and int(people) > 0,
        "delegation": not is_missing(delegation) and bool(str(delegation)),
    }
    parts = [_(text) for key, text in TOOK_PART.items() if said[key]]
    if said["delegation"]:  # its networks are data: filled in last, never read as a template
        parts[-1] = parts[-1].format(networks=delegation)
    return "; ".join(parts)


def with_took_part(frame: pd.DataFrame) -> pd.DataFrame:
    """A table of cities (`meeting_venue`, `people`, `delegation`) with `took_part_as`."""
    out = frame.copy()
    out["took_part_as"] = [
        took_part_as(*row)
        for row in zip(frame["meeting_venue"], frame["people"], frame["delegation"], strict=True)
    ]
    return out


# Columns a table's parts are named into, and how (`Summary.frame`).
NAMED_COLUMNS = {"meeting": with_meeting, "took_part_as": with_took_part}


def named(frame: pd.DataFrame, wanted: list[str]) -> pd.DataFrame:
    """The table with every wanted column that is a label of its parts (`NAMED_COLUMNS`)."""
    for column, name in NAMED_COLUMNS.items():
        if column in wanted and column not in frame.columns:
            frame = name(frame)
    return frame


def country(name: str, iso3: str) -> str:
    """A country with its code, its name in the language: 'Mexico (MEX)', 'México (MEX)'."""
    return f"{countries.name(iso3, name)} ({iso3})"


def city(name: str, iso3: object) -> str:
    """A city with its country's code: 'Bogotá (COL)' (the name alone when no country)."""
    return str(name) if is_missing(iso3) else f"{name} ({iso3})"


def organization(name: str, acronym: object) -> str:
    """An organization: 'UNDP · United Nations Development Programme', or its name alone."""
    return str(name) if is_missing(acronym) else f"{acronym} · {name}"


def option(kind: str, found: Option, vocabulary: Labels) -> str:
    """A filter option's label in the language (`Dimension.label_kind` says which kind)."""
    if kind == "meeting":
        return meeting(found.number, found.name, found.sort)
    if kind == "country":
        return country(found.name, found.code or "")
    if kind == "city":
        return city(found.name, found.code)
    if kind == "organization":
        return organization(found.name, found.code)
    return str(vocabulary.value(kind, found.name))


def filter_options(
    options: dict[str, list[Option]], vocabulary: Labels
) -> dict[str, list[tuple[str, str]]]:
    """Each filter's (value, label) pairs, labels in the language, in the order found."""
    kinds = {d.param: d.label_kind for d in DIMENSIONS}
    return {
        param: [(o.value, option(kinds[param], o, vocabulary)) for o in found]
        for param, found in options.items()
    }


def active_filters(
    filters: Filters, options: dict[str, list[tuple[str, str]]]
) -> list[tuple[str, list[tuple[str, str]]]]:
    """The filters in force, as every description of them reads them: per active filter, its
    name in the language and its (value, label) pairs (a value the data lost: itself)."""
    described = []
    for dimension in filters.active():
        labels = dict(options.get(dimension.param, []))
        pairs = [(v, labels.get(v, v)) for v in filters.values(dimension)]
        described.append((_(dimension.label), pairs))
    return described
