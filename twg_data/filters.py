"""The one filter object: what the sidebar, the URL, the queries, the CLI and the exports speak."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace

MAX_VALUE_LENGTH = 200


@dataclass(frozen=True)
class Dimension:
    field: str  # attribute of Filters
    param: str  # URL query parameter and CLI flag (`--param`)
    label: str  # what the sidebar calls it
    person_level: bool  # True when it can only apply to people, not to places


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("meetings", "meeting", "Meeting", False),
    Dimension("regions", "region", "Region", False),
    Dimension("countries", "country", "Country", False),
    Dimension("cities", "city", "City", False),
    Dimension("organizations", "organization", "Organization", True),
    Dimension("organization_types", "organization_type", "Organization type", True),
    Dimension("practice_communities", "practice_community", "Practice community", True),
    Dimension("roles", "role", "Role", True),
)
DIMENSIONS_BY_PARAM = {d.param: d for d in DIMENSIONS}


@dataclass(frozen=True)
class Filters:
    """Selected values per dimension; an empty tuple means no filter on that dimension."""

    meetings: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    organization_types: tuple[str, ...] = ()
    practice_communities: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

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

    def to_query_params(self) -> dict[str, list[str]]:
        return {d.param: list(self.values(d)) for d in self.active()}

    def describe(self) -> str:
        """One line a reader understands, e.g. `City: bogota; Role: kick-off presenter`."""
        if self.is_empty:
            return "no filters (everything)"
        return "; ".join(f"{d.label}: {', '.join(self.values(d))}" for d in self.active())

    @classmethod
    def from_query_params(
        cls,
        params: Mapping[str, str | list[str]],
        known: Mapping[str, Iterable[str]] | None = None,
        ignore: Iterable[str] = (),
    ) -> tuple[Filters, list[str]]:
        """Parse URL parameters; unknown names and values are dropped, each with a warning.

        `known` maps a parameter to its valid values; without it any short value is accepted.
        """
        warnings: list[str] = []
        selected: dict[str, list[str]] = {}
        ignored = set(ignore)
        for name, raw in params.items():
            if name in ignored:
                continue
            dimension = DIMENSIONS_BY_PARAM.get(name)
            if dimension is None:
                warnings.append(f"{_shorten(name)!r} is not a filter name")
                continue
            valid = set(known[name]) if known is not None and name in known else None
            for value in [raw] if isinstance(raw, str) else raw:
                if value == "":
                    continue
                if len(value) > MAX_VALUE_LENGTH or (valid is not None and value not in valid):
                    warnings.append(
                        f"{name}={_shorten(value)!r} is not a known {dimension.label.lower()}"
                    )
                    continue
                selected.setdefault(dimension.field, []).append(value)
        return cls(**{k: tuple(v) for k, v in selected.items()}), warnings


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
