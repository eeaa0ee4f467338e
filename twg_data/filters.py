"""The one filter object: what the sidebar, the URL, the queries, the CLI and the exports speak.

A filter dimension describes itself: the column it tests, how it matches, its scope, and the
SQL that lists its values for the sidebar. `Filters` gets one field per dimension, and the WHERE
clauses are built from the dimensions with named DuckDB parameters (`$city`), so adding a
dimension is one `Dimension(...)` below (and its test).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, make_dataclass, replace
from typing import NamedTuple

from twg_data.i18n import N_

MAX_VALUE_LENGTH = 200

# Scopes, from broad to narrow. A meeting dimension applies to every row of a meeting; a place
# dimension to cities and to people (through their city or country); a person dimension only
# to people.
MEETING, PLACE, PERSON = "meeting", "place", "person"


class Option(NamedTuple):
    """One value a filter offers, in parts, as `queries.filter_options` reads it
    (`labels.option` names it)."""

    value: str
    name: str  # what it is called in the data (English vocabulary, a city, a country)
    code: str | None  # an ISO code or an organization's acronym
    number: int | None  # a meeting's number
    sort: str  # the order the sidebar lists options in (a meeting's: its ISO date)


@dataclass(frozen=True)
class Dimension:
    """One way to filter: what it is called, what it tests, how its values are listed."""

    field: str  # attribute of Filters
    param: str  # URL query parameter, CLI flag (`--param`) and SQL parameter (`$param`)
    label: str  # what the sidebar calls it
    scope: str  # MEETING, PLACE or PERSON
    column: str  # column tested, in participant_facts (and place_facts for places)
    # SELECT value, name, code, number, sort: the values the data holds, in parts (for the
    # sidebar and link checks); `labels.option` names them by `label_kind`.
    options: str
    label_kind: str  # `meeting`, `country`, `city`, `organization`, or a vocabulary's kind
    holds_list: bool = False  # the column holds a list (a person's roles): match any of them

    @property
    def person_level(self) -> bool:
        """True when it can only apply to people, not to places."""
        return self.scope == PERSON

    def condition(self, alias: str = "") -> str:
        """The SQL condition for this dimension, with its named parameter."""
        column = f"{alias}.{self.column}" if alias else self.column
        if self.holds_list:
            return f"list_has_any({column}, ${self.param}::VARCHAR[])"
        return f"list_contains(${self.param}::VARCHAR[], {column})"


# Places count when a meeting names them: its venue, a participant's city, a delegation.
_PLACES_IN_MEETINGS = "city_id IN (SELECT city_id FROM cities_in_meetings)"


def _named_places(column: str) -> str:
    """Options of a place column that is its own name (region, sub-region): the values of the
    places meetings name and of the people's places."""
    return f"""SELECT {column}, {column}, NULL, NULL, {column} FROM place_facts
        WHERE {column} IS NOT NULL AND {_PLACES_IN_MEETINGS}
        UNION SELECT {column}, {column}, NULL, NULL, {column} FROM participant_facts
        WHERE {column} IS NOT NULL"""


def _named(column: str, value: str, table: str = "participant_facts") -> str:
    """Options of a person column whose name is its label (organization type, ...)."""
    return f"""SELECT {value}, {column}, NULL, NULL, {column}
           FROM {table} WHERE {value} IS NOT NULL"""


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "meetings",
        "meeting",
        N_("Meeting"),
        MEETING,
        "meeting_id",
        """SELECT meeting_id, ci.name, NULL, meeting_number, strftime(date, '%Y-%m-%d')
            FROM meetings m LEFT JOIN cities ci ON ci.city_id = m.city_id""",
        "meeting",
    ),
    Dimension(
        "regions", "region", N_("Region"), PLACE, "region", _named_places("region"), "region"
    ),
    Dimension(
        "sub_regions",
        "sub_region",
        N_("Sub-region"),
        PLACE,
        "sub_region",
        _named_places("sub_region"),
        "sub_region",
    ),
    Dimension(
        "countries",
        "country",
        N_("Country"),
        PLACE,
        "iso3",
        f"""SELECT iso3, country, iso3, NULL, country FROM participant_facts
            WHERE iso3 IS NOT NULL
            UNION SELECT iso3, country, iso3, NULL, country FROM place_facts
            WHERE iso3 IS NOT NULL AND {_PLACES_IN_MEETINGS}""",
        "country",
    ),
    Dimension(
        "cities",
        "city",
        N_("City"),
        PLACE,
        "city_id",
        f"""SELECT city_id, city, iso3, NULL, city
            FROM place_facts WHERE {_PLACES_IN_MEETINGS}""",
        "city",
    ),
    Dimension(
        "organizations",
        "organization",
        N_("Organization"),
        PERSON,
        "organization_id",
        """SELECT organization_id, organization, organization_acronym, NULL,
                  coalesce(organization_acronym, organization)
           FROM participant_facts WHERE organization_id IS NOT NULL""",
        "organization",
    ),
    Dimension(
        "organization_types",
        "organization_type",
        N_("Organization type"),
        PERSON,
        "organization_type_id",
        _named("organization_type", "organization_type_id"),
        "organization_type",
    ),
    Dimension(
        "practice_communities",
        "practice_community",
        N_("Practice community"),
        PERSON,
        "practice_community_id",
        _named("practice_community", "practice_community_id"),
        "practice_community",
    ),
    Dimension(
        "roles",
        "role",
        N_("Role"),
        PERSON,
        "roles",
        _named("role", "role", "(SELECT unnest(roles) AS role FROM participant_facts)"),
        "role",
        holds_list=True,
    ),
)
DIMENSIONS_BY_PARAM = {d.param: d for d in DIMENSIONS}


class _FilterMethods:
    """Selected values per dimension; an empty tuple means no filter on that dimension."""

    def __post_init__(self) -> None:
        # Normalise so that equal selections make equal (and equally cached) filters.
        for f in fields(self):
            values = getattr(self, f.name)
            if isinstance(values, str):
                values = (values,)
            object.__setattr__(self, f.name, tuple(sorted(set(values))))

    def values(self, dimension: Dimension) -> tuple[str, ...]:
        return getattr(self, dimension.field)

    def with_values(self, dimension: Dimension, values: Iterable[str]) -> Filters:
        return replace(self, **{dimension.field: tuple(values)})

    @property
    def is_empty(self) -> bool:
        return not any(self.values(d) for d in DIMENSIONS)

    def active(self) -> list[Dimension]:
        """Dimensions with at least one value selected."""
        return [d for d in DIMENSIONS if self.values(d)]

    def person_level_active(self) -> list[Dimension]:
        """Active dimensions that describe people (organization, role, ...), not places."""
        return [d for d in self.active() if d.person_level]

    def where(self, scopes: Iterable[str], alias: str = "") -> tuple[str, dict[str, list[str]]]:
        """SQL conditions (joined by AND, starting with `TRUE`) for the active dimensions of
        these scopes, and their named parameters."""
        wanted = set(scopes)
        active = [d for d in self.active() if d.scope in wanted]
        clauses = ["TRUE", *(d.condition(alias) for d in active)]
        return " AND ".join(clauses), {d.param: list(self.values(d)) for d in active}

    def to_query_params(self) -> dict[str, list[str]]:
        return {d.param: list(self.values(d)) for d in self.active()}

    @classmethod
    def from_link(
        cls,
        params: Mapping[str, str | list[str]],
        known: Mapping[str, Iterable[str]] | None = None,
        ignore: Iterable[str] = (),
    ) -> tuple[Filters, LinkProblems]:
        """Parse URL parameters: the filters, and what was dropped (unknown names; per
        parameter, unknown or overlong values, in the link's order).

        `known` maps a parameter to its valid values; without it any short value is accepted.
        """
        problems = LinkProblems()
        selected: dict[str, list[str]] = {}
        ignored = set(ignore)
        for name, raw in params.items():
            if name in ignored:
                continue
            dimension = DIMENSIONS_BY_PARAM.get(name)
            if dimension is None:
                problems.names.append(name)
                continue
            valid = set(known[name]) if known is not None and name in known else None
            for value in [raw] if isinstance(raw, str) else raw:
                if value == "":
                    continue
                if len(value) > MAX_VALUE_LENGTH or (valid is not None and value not in valid):
                    problems.values.setdefault(name, []).append(value)
                    continue
                selected.setdefault(dimension.field, []).append(value)
        return cls(**{k: tuple(v) for k, v in selected.items()}), problems

    @classmethod
    def from_query_params(
        cls,
        params: Mapping[str, str | list[str]],
        known: Mapping[str, Iterable[str]] | None = None,
        ignore: Iterable[str] = (),
    ) -> tuple[Filters, list[str]]:
        """Parse URL parameters (or CLI flags); unknown names and values are dropped, each with
        a warning."""
        filters, problems = cls.from_link(params, known, ignore)
        warnings = []
        for name in params:
            if name in problems.names:
                warnings.append(f"{shorten(name)!r} is not a filter name")
            label = DIMENSIONS_BY_PARAM[name].label.lower() if name in problems.values else ""
            for value in problems.values.get(name, []):
                warnings.append(f"{name}={shorten(value)!r} is not a known {label}")
        return filters, warnings


@dataclass
class LinkProblems:
    """What a link held that the filters dropped: parameters that are no filter, and per
    filter parameter the values the data does not know (or that are too long)."""

    names: list[str] = field(default_factory=list)
    values: dict[str, list[str]] = field(default_factory=dict)


# One field per dimension, in their order: Filters(cities=("bogota",), roles=(...)).
Filters = make_dataclass(
    "Filters",
    [(d.field, tuple[str, ...], field(default=())) for d in DIMENSIONS],
    bases=(_FilterMethods,),
    frozen=True,
)
Filters.__module__ = __name__  # make_dataclass takes `module=` only from Python 3.12


def shorten(text: str, limit: int = 60) -> str:
    """A link value as a warning quotes it: at most `limit` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
