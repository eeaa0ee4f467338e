"""Participants from a list ("Name, Title, Unit, Organization, City, Country") or a table
whose headers name its columns, one participation a person (the list's, read first)."""

from __future__ import annotations

import re

from twg_data.importer.draft import COLUMNS, Draft
from twg_data.importer.entities import Entities
from twg_data.importer.identity import normal
from twg_data.importer.passages import Passage, Section

# Headings that name the list of participants; a table's headers, word by word.
PARTICIPANTS = re.compile(
    r"\b(participants?|attendees?|attendance|participantes|asistentes)\b", re.I
)
_COLUMN_WORDS = {
    "name": ("name", "participant", "nombre", "nom"),
    "title": ("title", "function", "position", "role", "job", "cargo", "función", "fonction"),
    "unit": ("unit", "department", "division", "unidad"),
    "organization": (
        "organization",
        "organisation",
        "institution",
        "agency",
        "organización",
        "entidad",
    ),
    "city": ("city", "ciudad", "ville", "town"),
    "country": ("country", "país", "pays"),
}


def split_segments(text: str) -> list[str]:
    """Comma-separated parts, keeping commas inside brackets and quotes."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char in "(["
        depth -= char in ")]"
        if char == "," and depth <= 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    joined: list[str] = []
    for part in parts:
        if joined and part[:1].islower():  # 'rights of victims, peace and reconciliation'
            joined[-1] += ", " + part
        elif part:
            joined.append(part)
    if joined:
        joined[-1] = joined[-1].rstrip(".").strip()
    return joined


def _looks_like_city(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and not re.search(r"\d|\(", text)
    )


class Participants:
    def __init__(self, draft: Draft, entities: Entities) -> None:
        self.draft = draft
        self.entities = entities
        self.rows: dict[str, dict[str, str]] = {}  # person id -> participants row

    def read(self, found: list[Section]) -> None:
        """Every participant of the list or table under a participants heading."""
        for section in found:
            if not PARTICIPANTS.search(section.title):
                continue
            for passage in section.passages:
                if passage.block.kind == "item":
                    self.add(split_segments(passage.text), passage, passage.block.number)
                elif passage.block.kind == "row":
                    self._table_row(passage)

    def _table_row(self, passage: Passage) -> None:
        cells = {}
        for header, value in passage.block.cells.items():
            for column, words in _COLUMN_WORDS.items():
                if column not in cells and any(w in normal(header) for w in words):
                    cells[column] = value.strip()
                    break
        if not cells.get("name"):
            return
        segments = [cells["name"], cells.get("title", "")]
        if cells.get("unit"):
            segments.append(cells["unit"])
        segments += [cells.get("organization", ""), cells.get("city", ""), cells.get("country", "")]
        self.add(segments, passage, None, columns=cells)

    def add(self, segments: list[str], passage: Passage, list_number, columns=None) -> None:
        draft = self.draft
        person_id = self.entities.person(segments[0], passage)
        if person_id in self.rows and list_number is None:
            return
        rest = segments[1:]
        country = city_id = ""
        if columns is not None:  # a table: its columns say what each value is
            country_found = (
                self.entities.places.country(columns.get("country", ""))
                if columns.get("country")
                else None
            )
            country = self.entities.country(country_found, passage) if country_found else ""
            if columns.get("city"):
                stated = ", ".join(v for v in (columns["city"], columns.get("country")) if v)
                city_id = self.entities.city(columns["city"], country_found, passage, stated)
            title, unit = columns.get("title", ""), columns.get("unit", "")
            organization_id = (
                self.entities.organization(columns["organization"], passage)
                if columns.get("organization")
                else ""
            )
        else:
            title, unit, organization_id, rest = self._known_organization(rest)
            found = self.entities.places.country(rest[-1]) if rest else None
            if found:
                country = self.entities.country(found, passage)
                rest = rest[:-1]
            elif (
                organization_id
                and segments[-1]
                and (found := self.entities.places.country(segments[-1]))
            ):
                country = self.entities.country(
                    found, passage
                )  # 'Ministry of the Interior, Mexico'
            if rest and self.entities.places.city(rest[-1]):
                stated = f"{rest[-1]}, {found.name}" if found else rest[-1]
                city_id, rest = self.entities.city(rest[-1], found, passage, stated), rest[:-1]
            elif (
                rest
                and found
                and _looks_like_city(rest[-1])
                and not self.entities.organizations.find(rest[-1])
            ):
                city_id = self.entities.city(rest[-1], found, passage, f"{rest[-1]}, {found.name}")
                rest = rest[:-1]
            if not organization_id and rest:
                title, unit = rest[0], ", ".join(rest[1:-1])
                organization_id = (
                    self.entities.organization(rest[-1], passage) if len(rest) > 1 else ""
                )
        basis = (
            "stated"
            if city_id
            else (
                "stated: country only"
                if country
                else "not stated: the report gives no city or country"
            )
        )
        row = {
            "meeting_id": draft.meeting_id,
            "person_id": person_id,
            "list_number": "" if list_number is None else str(list_number),
            "title": title,
            "unit": unit,
            "organization_id": organization_id,
            "city_id": city_id,
            "country_iso3": country,
            "location_basis": basis,
            "source_id": passage.source_id,
        }
        self.rows[person_id] = {c: row.get(c, "") for c in COLUMNS["participants"]}

    def _known_organization(self, rest: list[str]) -> tuple[str, str, str, list[str]]:
        """Title, unit and id of the longest run of parts naming a known organization (the
        rightmost first), and the parts after it; else no organization and all the parts."""
        for end in range(len(rest), 0, -1):
            for start in range(0 if len(rest) == 1 else 1, end):
                found = self.entities.organizations.find(", ".join(rest[start:end]))
                if found:
                    return rest[0] if start else "", ", ".join(rest[1:start]), found, rest[end:]
        return "", "", "", rest
