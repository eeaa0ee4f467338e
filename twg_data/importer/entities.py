"""The people, organizations, cities and countries a draft names: the data's own where a
name matches, else new rows with what the report states, and near matches as suggestions."""

from __future__ import annotations

import re

from twg_data.i18n import N_
from twg_data.importer.draft import Decision, Draft
from twg_data.importer.gazetteer import GeoCity
from twg_data.importer.identity import Registry, Suggestion, aliases
from twg_data.importer.passages import Passage
from twg_data.importer.places import Country, Places
from twg_data.text import slug

_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,9}")  # 'UNDP', 'WFP': an organization's acronym


class Entities:
    """The data's people, organizations and places, with the draft's new ones added."""

    def __init__(self, draft: Draft, tables: dict[str, list[dict[str, str]]]) -> None:
        self.draft = draft
        self.places = Places(tables)
        self.people = Registry("people", "person_id", tables["people"])
        self.organizations = Registry(
            "organizations", "organization_id", tables["organizations"], acronyms=True
        )
        for row in draft.rows.get("people", []):
            self.people.add(row)
        for row in draft.rows.get("organizations", []):
            self.organizations.add(row)
        for row in draft.rows.get("cities", []):
            self.places.add_city(row)
        for row in draft.rows.get("countries", []):
            self.places.countries[row["iso3"]] = row

    def is_organization(self, text: str) -> bool:
        """Whether the data (or the draft) holds an organization of this name or acronym."""
        return self.organizations.find(text) is not None

    def person(self, name: str, passage: Passage, also: tuple[str, ...] = ()) -> str:
        """The id of the person this name names (also by `also`: the name as written, the
        initials the report gives); a new row when the data has none."""
        name = name.strip()
        found = self.people.find(name) or next(
            (self.people.find(a) for a in also if a and len(a) > 4 and self.people.find(a)), None
        )
        if found:
            return found
        person_id = self.people.new_id(name)
        near = self.people.near(name)
        extra = " | ".join(dict.fromkeys(a for a in also if a and a != name))
        row = self.draft.add(
            "people", person_id=person_id, name=name, aliases=extra, source_id=passage.source_id
        )
        self.people.add(row)
        if near:
            self.draft.suggestions.append(
                Suggestion(
                    "people", person_id, name, near[0], self.people.rows[near[0]]["name"], near[1]
                )
            )
        return person_id

    def add_alias(self, person_id: str, alias: str) -> None:
        """Another form of a drafted person's name (initials the report gives them)."""
        for row in self.draft.rows.get("people", []):
            if row["person_id"] == person_id and alias not in [row["name"], *aliases(row)]:
                row["aliases"] = " | ".join([*aliases(row), alias])

    def organization(self, name: str, passage: Passage, country: str = "") -> str:
        """The id of the organization this name names, also with the country the line states
        ('Ministry of the Interior' in Mexico is the data's 'Ministry of the Interior,
        Mexico'); a new row when the data has none."""
        found = (
            self.organizations.find(name)
            or (self.organizations.find(f"{name}, {country}") if country else None)
            or self._office_of(name, passage)
        )
        if found:
            return found
        bracketed = re.fullmatch(r"(.+?)\s*\(([A-Za-z][\w&.-]{1,15})\)", name)
        organization_id = self.organizations.new_id(bracketed[2] if bracketed else name)
        near = self.organizations.near(name)
        row = self.draft.add(
            "organizations",
            organization_id=organization_id,
            name=name,
            acronym=bracketed[2] if bracketed else "",
            source_id=passage.source_id,
        )
        self.organizations.add(row)
        for column in ("organization_type_id", "classification_basis"):
            self.draft.decisions.append(
                Decision(
                    "organizations",
                    organization_id,
                    column,
                    N_("a curator's classification: the report names the organization only"),
                )
            )
        if near:
            self.draft.suggestions.append(
                Suggestion(
                    "organizations",
                    organization_id,
                    name,
                    near[0],
                    self.organizations.rows[near[0]]["name"],
                    near[1],
                )
            )
        return organization_id

    def _office_of(self, name: str, passage: Passage) -> str | None:
        """An organization the data holds, named with the country of one of its offices
        ('UN-Habitat Philippines', 'UNDP (Ghana)'): that organization. An acronym the data
        does not hold is the organization too, drafted new ('WFP Kenya' is WFP), while a
        name that reads on ('University of Ghana', 'Bank of Kenya') is left whole."""
        words = name.replace("(", " ").replace(")", " ").split()
        for size in (3, 2, 1):
            if len(words) > size and self.places.country(" ".join(words[-size:])):
                rest = " ".join(words[:-size])
                if found := self.organizations.find(rest):
                    return found
                if _ACRONYM.fullmatch(rest):
                    return self.organization(rest, passage)
        return None

    def country(self, country: Country, passage: Passage) -> str:
        """The country's id (ISO alpha-3), marked as named in the report; added if new."""
        if country.iso3 in self.places.countries:
            row = self.places.countries[country.iso3]
            if row["named_in_report"] != "yes":
                if row in self.draft.rows.get("countries", []):
                    row["named_in_report"] = "yes"
                else:
                    self.draft.change("countries", country.iso3, named_in_report="yes")
            return country.iso3
        row = self.draft.add(
            "countries",
            iso3=country.iso3,
            name=country.name,
            m49_code=country.m49_code,
            sub_region=country.sub_region,
            intermediate_region=country.intermediate_region,
            named_in_report="yes",
            source_id=passage.source_id,
        )
        self.places.countries[country.iso3] = row
        return country.iso3

    def city(self, name: str, country: Country | None, passage: Passage, stated: str) -> str:
        """The id of the city this name names (the data's, by any of its names); else a new
        row with its country and, from GeoNames, its coordinates."""
        name = name.strip().rstrip(".")
        known = self.places.city(name, country.iso3 if country else None)
        if known:
            drafted = known in self.draft.rows.get("cities", [])
            unstated = not known["country_iso3"] or known["location_basis"].startswith(
                "country inferred"
            )
            if country and drafted and unstated:  # the report states it later on
                known["country_iso3"] = self.country(country, passage)
                geo = self._geo(known["name"], country)
                known["location_basis"] = _basis(stated, country, geo, inferred=False)
            return known["city_id"]
        geo = self._geo(name, country)
        inferred = country is None and geo is not None
        if inferred:
            country = self.places.country_of(geo.country_iso3)
        city_id = _new_id(slug(name), {c["city_id"] for c in self.places.cities})
        iso3 = self.country(country, passage) if country else ""
        row = self.draft.add(
            "cities",
            city_id=city_id,
            name=name,
            country_iso3=iso3,
            latitude=f"{geo.latitude:.5f}" if geo else "",
            longitude=f"{geo.longitude:.5f}" if geo else "",
            location_basis=_basis(stated, country if iso3 else None, geo, inferred),
            source_id=passage.source_id,
        )
        self.places.add_city(row)
        if geo is None:
            for column in ("latitude", "longitude"):
                self.draft.decisions.append(
                    Decision("cities", city_id, column, N_("coordinates: the report gives none"))
                )
        return city_id

    def _geo(self, name: str, country: Country | None) -> GeoCity | None:
        return self.places.geo_city(name, country.iso3 if country else None)


def _basis(stated: str, country: Country | None, geo: GeoCity | None, inferred: bool) -> str:
    if country is None:
        where = "country not stated"
    elif inferred and geo is not None:
        where = (
            f"country inferred: '{stated}' names one city of 100,000 people or more in "
            f"GeoNames ({geo.name}, {geo.country_iso3})"
        )
    else:
        where = f"country stated ('{stated}')"
    coordinates = geo.basis if geo else "coordinates: to add (the report gives none)"
    return f"{where}; {coordinates}"


def _new_id(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
