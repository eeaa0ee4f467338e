"""The people, organizations, cities and countries a draft names: the data's own where a
name matches, else new rows with what the report states, and near matches as suggestions."""

from __future__ import annotations

import re

from twg_data.importer.draft import Decision, Draft
from twg_data.importer.identity import Registry, Suggestion
from twg_data.importer.passages import Passage
from twg_data.importer.places import Country, Places
from twg_data.text import slug


class Entities:
    def __init__(self, draft: Draft, tables: dict[str, list[dict[str, str]]]) -> None:
        self.draft = draft
        self.places = Places(tables)
        self.people = Registry("people", "person_id", tables["people"])
        self.organizations = Registry(
            "organizations", "organization_id", tables["organizations"], acronyms=True
        )

    def person(self, name: str, passage: Passage) -> str:
        name = name.strip()
        found = self.people.find(name)
        if found:
            return found
        person_id = self.people.new_id(name)
        near = self.people.near(name)
        row = self.draft.add("people", person_id=person_id, name=name, source_id=passage.source_id)
        self.people.add(row)
        if near:
            self.draft.suggestions.append(
                Suggestion(
                    "people", person_id, name, near[0], self.people.rows[near[0]]["name"], near[1]
                )
            )
        return person_id

    def organization(self, name: str, passage: Passage) -> str:
        found = self.organizations.find(name)
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
                    "a curator's classification: the report names the organization only",
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

    def country(self, country: Country, passage: Passage) -> str:
        if country.iso3 in self.places.countries:
            if self.places.countries[country.iso3]["named_in_report"] != "yes":
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
        known = self.places.city(name)
        if known:
            if country and not known["country_iso3"] and known in self.draft.rows.get("cities", []):
                known["country_iso3"] = self.country(country, passage)  # stated later on
                known["location_basis"] = (
                    f"country stated ('{stated}'); coordinates: to add (the report gives none)"
                )
            return known["city_id"]
        city_id = slug(name)
        iso3 = self.country(country, passage) if country else ""
        basis = (
            f"country stated ('{stated}')" if country else "country not stated"
        ) + "; coordinates: to add (the report gives none)"
        row = self.draft.add(
            "cities",
            city_id=city_id,
            name=name,
            country_iso3=iso3,
            location_basis=basis,
            source_id=passage.source_id,
        )
        self.places.add_city(row)
        for column in ("latitude", "longitude"):
            self.draft.decisions.append(
                Decision("cities", city_id, column, "coordinates: the report gives none")
            )
        return city_id
