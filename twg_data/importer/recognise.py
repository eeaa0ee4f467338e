"""From a report's passages to draft rows: the meeting, its sessions and speakers, its key
points and its participants, each row citing the passage it was read from."""

from __future__ import annotations

import re

from twg_data.importer import when
from twg_data.importer.draft import Decision, Draft
from twg_data.importer.entities import Entities
from twg_data.importer.identity import normal
from twg_data.importer.participants import PARTICIPANTS, Participants, split_segments
from twg_data.importer.passages import TITLE, Passage, Section, number, sections
from twg_data.importer.reader import Document
from twg_data.text import slug

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
# The roles a lead-in line can name ("Kick-off presenters included:").
_ROLE = re.compile(
    r"((?:[\w-]+\s)?(?:presenter|speaker|panell?ist|discussant|moderator|keynote)s?)\b", re.I
)
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


class Recogniser:
    def __init__(
        self, document: Document, meeting_id: str, tables: dict[str, list[dict[str, str]]]
    ):
        self.tables = tables
        self.categories = list(tables["key_point_categories"])
        found = sections(document.blocks, self._carries_data, self._category_heading)
        self.sections = found
        self.draft = Draft(meeting_id, document, number(meeting_id, found))
        self.entities = Entities(self.draft, tables)
        self.participants = Participants(self.draft, self.entities)
        self.meeting_date = ""

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
        self.participants.read(
            self.sections
        )  # first: a list's entry is fuller than a speaker's line
        self.sessions()
        self.key_points()
        for row in self.participants.rows.values():
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
        for city in self.entities.places.cities:
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
                return self.entities.city(candidate[1], None, passage, f"'{passage.text}'")
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
            segments = split_segments(passage.text)
            person_id = self.entities.person(segments[0], passage)
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
            if person_id not in self.participants.rows:
                self.participants.add(segments, passage, None)

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
                or PARTICIPANTS.search(section.title)
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


def _point_heading(text: str) -> tuple[str, str]:
    """A key point's heading and text, where it opens with a short heading; else none."""
    for pattern, words in zip((_HEADED_POINT, _DASHED_POINT), HEADING_WORDS, strict=True):
        found = pattern.match(text)
        if found and len(found[1].split()) <= words:
            return found[1], found[2]
    return "", text


def recognise(
    document: Document, meeting_id: str, tables: dict[str, list[dict[str, str]]]
) -> Draft:
    """The draft rows of a new meeting, read from its report against the data's tables."""
    return Recogniser(document, meeting_id, tables).run()
