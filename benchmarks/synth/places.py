"""The real countries and cities synthetic people come from: read from the CSVs beside this file.

`countries.csv` and `cities.csv` (see README.md here) are sorted by their ids; their `rank`
and `rank_in_country` columns give the prominence that drives the skew of `city_weights()`.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import NamedTuple

import numpy as np

from benchmarks.synth.draw import zipf

FOLDER = Path(__file__).parent


class Country(NamedTuple):
    """A country as synth writes it to `countries`."""

    iso3: str
    name: str
    m49_code: str
    sub_region: str
    intermediate_region: str


class City(NamedTuple):
    """A city as synth writes it to `cities` (coordinates as written in cities.csv)."""

    city_id: str
    name: str
    country_iso3: str
    latitude: str
    longitude: str


def _rows(name: str) -> list[dict[str, str]]:
    with (FOLDER / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _countries() -> list[Country]:
    """The countries in rank order (most prominent first)."""
    rows = sorted(_rows("countries.csv"), key=lambda row: int(row["rank"]))
    return [Country(*(row[f] for f in Country._fields)) for row in rows]


def _cities(countries: list[Country]) -> list[City]:
    """The cities grouped by country in the countries' rank order, then by rank in country."""
    country_rank = {c.iso3: i for i, c in enumerate(countries)}
    rows = sorted(
        _rows("cities.csv"),
        key=lambda row: (country_rank[row["country_iso3"]], int(row["rank_in_country"])),
    )
    return [City(*(row[f] for f in City._fields)) for row in rows]


COUNTRIES = _countries()
CITIES = _cities(COUNTRIES)
CITY_INDEX = {city.city_id: i for i, city in enumerate(CITIES)}


def city_weights() -> np.ndarray:
    """Probability of each city in `CITIES`: Zipf over countries, then over a country's cities."""
    country_rank = {c.iso3: i for i, c in enumerate(COUNTRIES)}
    country_p = zipf(len(COUNTRIES), 1.1)
    by_country: dict[str, list[int]] = {}
    for i, city in enumerate(CITIES):
        by_country.setdefault(city.country_iso3, []).append(i)
    weights = np.zeros(len(CITIES))
    for iso3, members in by_country.items():
        weights[members] = country_p[country_rank[iso3]] * zipf(len(members), 1.3)
    return weights / weights.sum()
