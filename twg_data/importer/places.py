"""Countries and cities a report names, recognised against the data, a country library and a
gazetteer; never a list typed here.

Countries come from `country_converter`'s table (`twg_data.countries`: ISO codes, UN M49
numeric codes, the UN region each belongs to and a name pattern per country) and from their
CLDR names in English, Spanish and French (Babel: 'Suiza', 'Sénégal'). The UN sub-region of a
country is read from the data's own M49 list (`regions.csv`) and the sub-region of an
intermediate region (`South America` belongs to `Latin America and the Caribbean`) from the
countries already curated, or, for one not yet curated, as the region's one sub-region the
library never gives as a country's own.

Cities come from the data (name or alias) and from GeoNames (`gazetteer`): a city the data
holds is found by any of its GeoNames names too ('Ginebra' is the data's Geneva), and a new
city gets its country and coordinates from GeoNames.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from babel import Locale

from twg_data.countries import library
from twg_data.importer import gazetteer
from twg_data.importer.gazetteer import GeoCity
from twg_data.importer.identity import normal

LANGUAGES = ("en", "es", "fr")
KNOWN_CITY = 100_000  # a city no country or context confirms must have this many people


@dataclass(frozen=True)
class Country:
    """A country as the data holds it: ISO code, name, UN M49 code and sub-region."""

    iso3: str
    name: str
    m49_code: str
    sub_region: str  # empty when it cannot be told from the library and the data
    intermediate_region: str


@cache
def _cldr_names() -> dict[str, str]:
    """Normalised CLDR country name (en, es, fr) -> ISO alpha-3."""
    by_alpha2 = {row["ISO2"]: row["ISO3"] for row in library()}
    names: dict[str, str] = {}
    for language in LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if code in by_alpha2:
                names.setdefault(normal(name), by_alpha2[code])
    return names


class Places:
    """The data's cities and countries, every country of the library, and GeoNames' cities."""

    def __init__(self, tables: dict[str, list[dict[str, str]]]) -> None:
        self.countries = {row["iso3"]: row for row in tables["countries"]}
        self.cities: list[dict[str, str]] = []
        self._city_names: dict[str, dict[str, str]] = {}
        self._geonames: dict[int, dict[str, str]] | None = None
        for city in tables["cities"]:
            self.add_city(city)
        self._sub_regions = {row["sub_region"]: row for row in tables["regions"]}
        self._parents = {
            row["intermediate_region"]: row["sub_region"]
            for row in tables["countries"]
            if row["intermediate_region"]
        }
        self._patterns = [(re.compile(row["regex"], re.IGNORECASE), row) for row in library()]
        self._by_iso3 = {row["ISO3"]: row for row in library()}
        self._countries_named: dict[str, Country | None] = {}  # text -> country, as read

    def add_city(self, city: dict[str, str]) -> None:
        """A city the place names resolve to from now on (by its name and its aliases)."""
        self.cities.append(city)
        for name in [city["name"], *_split(city.get("aliases", ""))]:
            self._city_names.setdefault(normal(name), city)
        if self._geonames is not None:
            self._link(city)

    def city_named(self, text: str) -> dict[str, str] | None:
        """The data's city whose name or alias this is, exactly (accents and case aside)."""
        return self._city_names.get(normal(text))

    def _any_name(self, text: str, country: str | None) -> GeoCity | None:
        """The GeoNames city any of whose names this is (for a city the data holds)."""
        text = text.strip().rstrip(".")
        if not text or len(text.split()) > 4 or not text[:1].isupper():
            return None
        return gazetteer.city(text, country, minimum=0 if country else KNOWN_CITY)

    def city(self, text: str, country: str | None = None) -> dict[str, str] | None:
        """The data's city this text names: by its name or an alias, or by a GeoNames name of
        the same city ('Genève' for Geneva), also with a district's letters after it ('Bogotá
        D.C.', 'México D.F.'); in `country` (alpha-3) when given."""
        short = re.sub(r"(?:\s+(?:[A-Z]\.){1,3}|\s+D\.?[CF]\.?)$", "", text.strip())
        if short != text.strip() and short:
            found = self.city(short, country)
            if found:
                return found
        found = self._city_names.get(normal(text))
        if found and (not country or found["country_iso3"] in ("", country)):
            return found
        geo = self._any_name(text, country)
        if geo is None:
            return None
        return self._linked().get(geo.geonameid)

    def geo_city(self, text: str, country: str | None = None) -> GeoCity | None:
        """The GeoNames city this text names (in `country` when given, by any of its names;
        else only a city of 100,000 people or more by its own name, that no other city of that
        name rivals)."""
        text = text.strip().rstrip(".")
        if not text or len(text.split()) > 4 or not text[:1].isupper():
            return None
        if country:
            return gazetteer.city(text, country)
        return gazetteer.city(text, None, minimum=KNOWN_CITY, own_name=True)

    def _linked(self) -> dict[int, dict[str, str]]:
        if self._geonames is None:
            self._geonames = {}
            for city in self.cities:
                self._link(city)
        return self._geonames

    def _link(self, city: dict[str, str]) -> None:
        geo = gazetteer.city(city["name"], city.get("country_iso3") or None, minimum=KNOWN_CITY)
        if geo is not None and self._geonames is not None:
            self._geonames.setdefault(geo.geonameid, city)

    def country(self, text: str) -> Country | None:
        """The country this text names exactly (a whole segment such as 'Colombia.', 'Suiza',
        'Sénégal', '(Kenya)')."""
        if text not in self._countries_named:
            self._countries_named[text] = self._country(text)
        return self._countries_named[text]

    def _country(self, text: str) -> Country | None:
        text = text.strip().strip("()[]").rstrip(".").strip()
        if not text or len(text.split()) > 6 or not text[:1].isupper():
            return None
        key = normal(text)
        for row in self.countries.values():
            if normal(row["name"]) == key:
                return self._curated(row)
        iso3 = _cldr_names().get(key)
        if iso3 is None and not gazetteer.cities(text):  # 'Kuwait City' is a city
            for pattern, row in self._patterns:
                match = pattern.search(text)
                if match and match.group(0) and len(match.group(0)) >= len(text) * 0.75:
                    iso3 = row["ISO3"]
                    break
        if iso3 is None:
            return None
        return self.country_of(iso3)

    def country_of(self, iso3: str) -> Country | None:
        """The country with this ISO alpha-3 code, curated or from the library."""
        if iso3 in self.countries:
            return self._curated(self.countries[iso3])
        row = self._by_iso3.get(iso3)
        return self._from_library(row) if row else None

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
