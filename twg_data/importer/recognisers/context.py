"""What the recognisers share while they read one report: the draft they add to, the report's
sections, the data's entities, and what earlier recognisers found (the meeting's date, the
report's initials, the participants by person)."""

from __future__ import annotations

from dataclasses import dataclass, field

from twg_data.importer.draft import Draft
from twg_data.importer.entities import Entities
from twg_data.importer.passages import Section


@dataclass
class Context:
    """One report's reading: recognisers read `sections` and add to `draft`."""

    draft: Draft
    tables: dict[str, list[dict[str, str]]]
    sections: list[Section]
    entities: Entities
    meeting_date: str = ""
    meeting_end: str = ""
    initials: dict[str, str] = field(default_factory=dict)  # 'KM' -> person id, this report
    participants: dict[str, dict[str, str]] = field(default_factory=dict)  # by person id
    listed: set[str] = field(default_factory=set)  # people a list of participants names
    sessions: list = field(default_factory=list)  # the sessions found, with their passages
    meeting_span: tuple[str, str] | None = None  # the meeting's own start and end times
    noted_roles: list = field(default_factory=list)  # (person, role, passage): '(Chair)'

    @classmethod
    def of(cls, draft: Draft, tables: dict[str, list[dict[str, str]]], sections) -> Context:
        """The context of a draft as it stands (to tag a passage after the import)."""
        context = cls(draft, tables, sections, Entities(draft, tables))
        meeting = (draft.rows.get("meetings") or [{}])[0]
        context.meeting_date = meeting.get("date", "")
        context.meeting_end = meeting.get("end_date", "")
        context.participants = {row["person_id"]: row for row in draft.rows.get("participants", [])}
        context.listed = {
            row["person_id"] for row in draft.rows.get("participants", []) if row["list_number"]
        }
        for row in draft.rows.get("people", []):
            for alias in row.get("aliases", "").split("|"):
                if alias.strip().isupper() or (
                    alias.strip()[:1].isupper() and len(alias.strip()) <= 4
                ):
                    context.initials.setdefault(alias.strip(), row["person_id"])
        return context

    @property
    def meeting_id(self) -> str:
        """The id of the meeting being drafted."""
        return self.draft.meeting_id
