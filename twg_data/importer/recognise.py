"""From a report's passages to draft rows: the meeting, its sessions and speakers, its key
points and its participants, each row citing the passage it was read from."""

from __future__ import annotations

import re

from twg_data.importer import when
from twg_data.importer.draft import Decision, Draft
from twg_data.importer.identity import Registry, Suggestion, normal, slug
from twg_data.importer.passages import TITLE, Passage, Section, number, sections
from twg_data.importer.places import Country, Places
from twg_data.importer.reader import Document

ORDINALS = {
    word: n
    for n, word in enumerate(
        ("first", "second", "third", "fourth", "fifth", "sixth")
        + ("seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"),
        start=1,
    )
}
_ORDINAL = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)|(" + "|".join(ORDINALS) + r"))\s+meeting\b", re.I
)
# Headings that name the list of participants, and the roles a lead-in line can name.
_PARTICIPANTS = re.compile(
    r"\b(participants?|attendees?|attendance|participantes|asistentes)\b", re.I
)
_ROLE = re.compile(
    r"((?:[\w-]+\s)?(?:presenter|speaker|panell?ist|discussant|moderator|keynote)s?)\b", re.I
)
_LEAD_IN_VERB = re.compile(r"\b(?:included|were|are|was)\b", re.I)
_SESSION_LABEL = re.compile(
    r"^((?:Focus|Session|Panel|Part|Segment|Block|Sesión|Bloque)\s+\d+)\s*[:.–—-]\s*", re.I
)
_PURPOSE = re.compile(r"\bsession\s+(to\s+[^.;]+)", re.I)
_FORMAT = re.compile(r"\b(?:in|as|with|using)\s+an?\s+((?:[\w-]+\s){0,2}format)\b", re.I)
# A key point's own heading: 'Common objective: Urban safety ...' or 'Consensus ... - ...'.
_HEADED_POINT = re.compile(r"^([^:.]{2,100}?):\s+(\S.*)$")
_DASHED_POINT = re.compile(r"^([^:.]{2,80}?)\s+-\s+(\S.*)$")
HEADING_WORDS = (12, 8)  # at most this many words before the colon, before the dash
# Key-point categories the data does not hold yet, drafted when a heading names them.
NEW_CATEGORIES = {
    "recommendation": ("Recommendations", "Recommendation"),
    "conclusion": ("Conclusions", "Conclusion"),
    "key-message": ("Key messages", "Key message"),
}
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


def _split_segments(text: str) -> list[str]:
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


class Recogniser:
    def __init__(
        self, document: Document, meeting_id: str, tables: dict[str, list[dict[str, str]]]
    ):
        self.tables = tables
        self.places = Places(tables)
        self.people = Registry("people", "person_id", tables["people"])
        self.organizations = Registry(
            "organizations", "organization_id", tables["organizations"], acronyms=True
        )
        self.categories = list(tables["key_point_categories"])
        found = sections(document.blocks, self._carries_data, self._category_heading)
        self.sections = found
        self.draft = Draft(meeting_id, document, number(meeting_id, found))
        self.meeting_date = ""
        self._participants: dict[str, dict[str, str]] = {}  # person id -> participants row

    # --- what a heading is -----------------------------------------------------------------

    def _carries_data(self, heading: str) -> bool:
        return when.find_time_range(heading) is not None

    def _category(self, heading: str) -> str | None:
        words = normal(re.sub(r"^\d+[.)]?\s*", "", heading))
        for row in self.categories:
            for form in (row["label"], row["singular"], row["category"].replace("-", " ")):
                if re.search(rf"\b{re.escape(normal(form))}", words):
                    return row["category"]
        for category, (_, singular) in NEW_CATEGORIES.items():
            if re.search(rf"\b{re.escape(normal(singular))}", words):
                return category
        return None

    def _category_heading(self, heading: str) -> bool:
        return self._category(heading) is not None

    # --- the whole report ------------------------------------------------------------------

    def run(self) -> Draft:
        draft = self.draft
        for passage in draft.passages:
            draft.add(
                "sources",
                source_id=passage.source_id,
                meeting_id=draft.meeting_id,
                section=passage.section,
                passage=passage.text,
            )
        self.meeting()
        self.participant_list()  # first: a list's entry is fuller than a speaker's line
        self.sessions()
        self.key_points()
        for row in self._participants.values():
            draft.rows.setdefault("participants", []).append(row)
        draft.decisions.extend(draft.empty_required())
        return draft

    def meeting(self) -> None:
        draft = self.draft
        title_passages = [p for p in draft.passages if p.section == TITLE] or draft.passages[:1]
        named = [p for p in title_passages if re.search(r"\b(report|meeting)\b", p.text, re.I)]
        dated = [p for p in title_passages if when.find_date(p.text)]
        title_passage = (named or dated or title_passages or [None])[0]
        found_date = None
        for passage in [*title_passages, *draft.passages[:12]]:
            found_date = when.find_date(passage.text)
            if found_date:
                break
        self.meeting_date = found_date[0].isoformat() if found_date else ""
        city_id = ""
        for passage in sorted(title_passages, key=lambda p: p is not title_passage):
            city_id = self._meeting_city(passage)
            if city_id:
                break
        meeting_number = ""
        for passage in draft.passages[:12]:
            ordinal = _ORDINAL.search(passage.text)
            if ordinal:
                meeting_number = ordinal[1] or ORDINALS[ordinal[2].lower()]
                break
        draft.add(
            "meetings",
            meeting_id=draft.meeting_id,
            meeting_number=meeting_number,
            title=title_passage.text if title_passage else "",
            date=self.meeting_date,
            city_id=city_id,
            report_file=draft.report_file,
            source_id=title_passage.source_id if title_passage else "",
        )
        for column in ("part_of", "agenda_process", "attendance_stated"):
            draft.decisions.append(
                Decision(
                    "meetings",
                    draft.meeting_id,
                    column,
                    "not drafted: quote it from the report if it states it",
                )
            )
        if not found_date:
            draft.decisions.append(
                Decision("meetings", draft.meeting_id, "date", "no date found in the report")
            )

    def _meeting_city(self, passage: Passage) -> str:
        for city in self.places.cities:
            for name in [city["name"], *city["aliases"].split("|")]:
                if name.strip() and re.search(
                    rf"\b{re.escape(normal(name))}\b", normal(passage.text)
                ):
                    return city["city_id"]
        stated = when.find_date(passage.text)
        if stated:  # 'Report on ... Kampala, 7 July 2016': the words before the date
            before = passage.text[: passage.text.index(stated[1])].rstrip(", ")
            candidate = re.search(
                r"(?:\bin\s+|\s)([A-ZÀ-Ý][\w'-]+(?:\s[A-ZÀ-Ý][\w'-]+){0,2})$", before
            )
            if candidate:
                return self._new_city(candidate[1], None, passage, f"'{passage.text}'")
        return ""

    # --- sessions and speakers -------------------------------------------------------------

    def sessions(self) -> None:
        position = 0
        for section in self.sections:
            heading = next((p for p in section.passages if p.heading), None)
            times = when.find_time_range(section.title) if heading else None
            if not times:
                continue
            position += 1
            self._session(section, heading, times, position)

    def _session(self, section: Section, heading: Passage, times, position: int) -> None:
        draft = self.draft
        label = _SESSION_LABEL.match(section.title)
        title = section.title[label.end() :] if label else section.title
        title = re.sub(r"\s*\([^()]*\)\s*$", "", title) if times[2] in title else title
        title = title.replace(times[2], "").strip(" ,–-")
        session_id = slug(label[1]) if label else f"session-{position}"
        stated = when.find_date(section.title)
        session_date = stated[0].isoformat() if stated else self.meeting_date
        purpose = fmt = ""
        purpose_source = format_source = ""
        for passage in section.passages:
            if not purpose and (found := _PURPOSE.search(passage.text)):
                purpose, purpose_source = found[1].strip(), passage.source_id
            if not fmt and (found := _FORMAT.search(passage.text)):
                fmt, format_source = found[1], passage.source_id
        draft.add(
            "sessions",
            meeting_id=draft.meeting_id,
            session_id=session_id,
            position=position,
            title=title,
            date=session_date,
            start_time=times[0],
            end_time=times[1],
            format=fmt,
            format_basis="stated" if fmt else "",
            format_rules=draft.passage(format_source) if fmt else "",
            purpose=purpose,
            format_source_id=format_source,
            purpose_source_id=purpose_source,
            source_id=heading.source_id,
        )
        if not stated:
            why = f"inferred from the meeting's date: the session line gives only '{times[2]}'"
            draft.decisions.append(
                Decision("sessions", f"{draft.meeting_id} / {session_id}", "date", why)
            )
        if not fmt:
            draft.decisions.append(
                Decision(
                    "sessions",
                    f"{draft.meeting_id} / {session_id}",
                    "format",
                    "no 'in a ... format' found: state it or mark it inferred",
                )
            )
        self._speakers(section, session_id)

    def _speakers(self, section: Section, session_id: str) -> None:
        role, position = "", 0
        for passage in section.passages:
            if passage.block.kind != "item":
                lead = _ROLE.search(passage.text) if passage.text.endswith(":") else None
                role = lead[1].lower().removesuffix("s") if lead else ""
                continue
            if not role:
                continue
            position += 1
            self._role(role)
            segments = _split_segments(passage.text)
            person_id = self._person(segments[0], passage)
            self.draft.add(
                "speakers",
                meeting_id=self.draft.meeting_id,
                session_id=session_id,
                position=position,
                person_id=person_id,
                role=role,
                title_as_stated=", ".join(segments[1:]),
                source_id=passage.source_id,
            )
            if person_id not in self._participants:
                self._participant(segments, passage, None)

    def _role(self, role: str) -> None:
        """A role the data does not know yet gets a row, its Spanish label left to fill."""
        known = {row["role"] for row in self.tables["roles"]}
        known |= {row["role"] for row in self.draft.rows.get("roles", [])}
        if role not in known:
            self.draft.add("roles", role=role)
            self.draft.decisions.append(
                Decision("roles", role, "label_es", "a new role: give its Spanish label")
            )

    # --- key points ------------------------------------------------------------------------

    def key_points(self) -> None:
        draft = self.draft
        used = {row["category"] for row in self.categories}
        positions: dict[str, int] = {}
        for section in self.sections:
            category = self._category(section.title)
            if (
                category is None
                or _PARTICIPANTS.search(section.title)
                or self._carries_data(section.title)
            ):
                continue
            items = [p for p in section.passages if p.block.kind in ("item", "row")]
            points = items or [p for p in section.passages if not p.heading]
            if not points:
                continue
            if category not in used:
                label, singular = NEW_CATEGORIES[category]
                draft.add(
                    "key_point_categories",
                    category=category,
                    position=len(self.categories)
                    + len(draft.rows.get("key_point_categories", []))
                    + 1,
                    label=label,
                    singular=singular,
                    description=f"{label} a report states (a report's {label.lower()}).",
                )
                draft.decisions.append(
                    Decision(
                        "key_point_categories",
                        category,
                        "description",
                        f"drafted from the heading '{section.title}': check it",
                    )
                )
                for column in ("label_es", "singular_es", "description_es"):
                    draft.decisions.append(
                        Decision(
                            "key_point_categories",
                            category,
                            column,
                            "a new category: give its Spanish",
                        )
                    )
                used.add(category)
            for passage in points:
                positions[category] = positions.get(category, 0) + 1
                heading, text = _point_heading(passage.text)
                draft.add(
                    "key_points",
                    meeting_id=draft.meeting_id,
                    key_point_id=f"{category}-{positions[category]}",
                    category=category,
                    position=positions[category],
                    heading=heading,
                    text=text,
                    source_id=passage.source_id,
                )

    # --- participants ----------------------------------------------------------------------

    def participant_list(self) -> None:
        for section in self.sections:
            if not _PARTICIPANTS.search(section.title):
                continue
            for passage in section.passages:
                if passage.block.kind == "item":
                    self._participant(_split_segments(passage.text), passage, passage.block.number)
                elif passage.block.kind == "row":
                    self._participant_row(passage)

    def _participant_row(self, passage: Passage) -> None:
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
        self._participant(segments, passage, None, columns=cells)

    def _participant(
        self, segments: list[str], passage: Passage, list_number, columns=None
    ) -> None:
        draft = self.draft
        person_id = self._person(segments[0], passage)
        if person_id in self._participants and list_number is None:
            return
        rest = segments[1:]
        country = city_id = ""
        if columns is not None:  # a table: its columns say what each value is
            country_found = (
                self.places.country(columns.get("country", "")) if columns.get("country") else None
            )
            country = self._country(country_found, passage) if country_found else ""
            if columns.get("city"):
                stated = ", ".join(v for v in (columns["city"], columns.get("country")) if v)
                city_id = self._new_city(columns["city"], country_found, passage, stated)
            title, unit = columns.get("title", ""), columns.get("unit", "")
            organization_id = (
                self._organization(columns["organization"], passage)
                if columns.get("organization")
                else ""
            )
        else:
            title, unit, organization_id, rest = self._known_organization(rest)
            found = self.places.country(rest[-1]) if rest else None
            if found:
                country = self._country(found, passage)
                rest = rest[:-1]
            elif organization_id and segments[-1] and (found := self.places.country(segments[-1])):
                country = self._country(found, passage)  # 'Ministry of the Interior, Mexico'
            if rest and self.places.city(rest[-1]):
                stated = f"{rest[-1]}, {found.name}" if found else rest[-1]
                city_id, rest = self._new_city(rest[-1], found, passage, stated), rest[:-1]
            elif (
                rest
                and found
                and _looks_like_city(rest[-1])
                and not self.organizations.find(rest[-1])
            ):
                city_id = self._new_city(rest[-1], found, passage, f"{rest[-1]}, {found.name}")
                rest = rest[:-1]
            if not organization_id and rest:
                title, unit = rest[0], ", ".join(rest[1:-1])
                organization_id = self._organization(rest[-1], passage) if len(rest) > 1 else ""
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
        self._participants[person_id] = {c: row.get(c, "") for c in draft_columns("participants")}

    def _known_organization(self, rest: list[str]) -> tuple[str, str, str, list[str]]:
        """Title, unit and id of the longest run of parts naming a known organization (the
        rightmost first), and the parts after it; else no organization and all the parts."""
        for end in range(len(rest), 0, -1):
            for start in range(0 if len(rest) == 1 else 1, end):
                found = self.organizations.find(", ".join(rest[start:end]))
                if found:
                    return rest[0] if start else "", ", ".join(rest[1:start]), found, rest[end:]
        return "", "", "", rest

    # --- identities and places -------------------------------------------------------------

    def _person(self, name: str, passage: Passage) -> str:
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

    def _organization(self, name: str, passage: Passage) -> str:
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

    def _country(self, country: Country, passage: Passage) -> str:
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

    def _new_city(self, name: str, country: Country | None, passage: Passage, stated: str) -> str:
        known = self.places.city(name)
        if known:
            if country and not known["country_iso3"] and known in self.draft.rows.get("cities", []):
                known["country_iso3"] = self._country(country, passage)  # stated later on
                known["location_basis"] = (
                    f"country stated ('{stated}'); coordinates: to add (the report gives none)"
                )
            return known["city_id"]
        city_id = slug(name)
        iso3 = self._country(country, passage) if country else ""
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
        self.places.cities.append(row)
        self.places._city_names[normal(name)] = row
        for column in ("latitude", "longitude"):
            self.draft.decisions.append(
                Decision("cities", city_id, column, "coordinates: the report gives none")
            )
        return city_id


def _point_heading(text: str) -> tuple[str, str]:
    """A key point's heading and text, where it opens with a short heading; else none."""
    for pattern, words in zip((_HEADED_POINT, _DASHED_POINT), HEADING_WORDS, strict=True):
        found = pattern.match(text)
        if found and len(found[1].split()) <= words:
            return found[1], found[2]
    return "", text


def draft_columns(table: str) -> list[str]:
    from twg_data.importer.draft import COLUMNS

    return COLUMNS[table]


def _looks_like_city(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and not re.search(r"\d|\(", text)
    )


def recognise(
    document: Document, meeting_id: str, tables: dict[str, list[dict[str, str]]]
) -> Draft:
    """The draft rows of a new meeting, read from its report against the data's tables."""
    return Recogniser(document, meeting_id, tables).run()
