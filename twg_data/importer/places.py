"""Countries and cities a report names, recognised against the data and a country library.

Countries come from `country_converter`'s table (`twg_data.countries`: ISO codes, UN M49
numeric codes, the UN region each belongs to and a name pattern per country). The UN
sub-region of a country is read from the data's own M49 list (`regions.csv`) and the
sub-region of an intermediate region (`South America` belongs to `Latin America and the
Caribbean`) from the countries already curated, or, for one not yet curated, as the region's
one sub-region the library never gives as a country's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from twg_data.countries import library
from twg_data.importer.identity import normal


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    m49_code: str
    sub_region: str  # empty when it cannot be told from the library and the data
    intermediate_region: str


class Places:
    """The data's cities and countries, and every country of the library."""

    def __init__(self, tables: dict[str, list[dict[str, str]]]) -> None:
        self.countries = {row["iso3"]: row for row in tables["countries"]}
        self.cities: list[dict[str, str]] = []
        self._city_names: dict[str, dict[str, str]] = {}
        for city in tables["cities"]:
            self.add_city(city)
        self._sub_regions = {row["sub_region"]: row for row in tables["regions"]}
        self._parents = {
            row["intermediate_region"]: row["sub_region"]
            for row in tables["countries"]
            if row["intermediate_region"]
        }
        self._patterns = [(re.compile(row["regex"], re.IGNORECASE), row) for row in library()]

    def add_city(self, city: dict[str, str]) -> None:
        """A city the place names resolve to from now on (by its name and its aliases)."""
        self.cities.append(city)
        for name in [city["name"], *_split(city.get("aliases", ""))]:
            self._city_names.setdefault(normal(name), city)

    def city(self, text: str) -> dict[str, str] | None:
        """The data's city this text names (name or alias, ignoring accents and case)."""
        return self._city_names.get(normal(text))

    def country(self, text: str) -> Country | None:
        """The country this text names exactly (a whole segment such as 'Colombia.')."""
        text = text.strip().rstrip(".").strip()
        if not text or len(text.split()) > 6:
            return None
        for row in self.countries.values():
            if normal(row["name"]) == normal(text):
                return self._curated(row)
        for pattern, row in self._patterns:
            match = pattern.search(text)
            if match and match.group(0) and len(match.group(0)) >= len(text) * 0.5:
                if row["ISO3"] in self.countries:
                    return self._curated(self.countries[row["ISO3"]])
                return self._from_library(row)
        return None

    def _curated(self, row: dict[str, str]) -> Country:
        return Country(
            row["iso3"], row["name"], row["m49_code"], row["sub_region"], row["intermediate_region"]
        )

    def _from_library(self, row: dict[str, str]) -> Country:
        lowest = row["UNregion"]
        if lowest in self._sub_regions:
            return Country(row["ISO3"], row["name_short"], row["ISOnumeric"].zfill(3), lowest, "")
        return Country(
            row["ISO3"],
            row["name_short"],
            row["ISOnumeric"].zfill(3),
            self._parents.get(lowest) or self._parent_by_region(row["continent"]),
            lowest,
        )

    def _parent_by_region(self, continent: str) -> str:
        """The region's one sub-region that is never a country's own (else unknown: '')."""
        lowest = {row["UNregion"] for row in library()}
        candidates = [
            name
            for name, row in self._sub_regions.items()
            if continent and row["region"].startswith(continent) and name not in lowest
        ]
        return candidates[0] if len(candidates) == 1 else ""


def _split(aliases: str) -> list[str]:
    return [alias.strip() for alias in aliases.split("|") if alias.strip()]
