"""The import's recognisers, one module each, run in this order over a report's passages:
each reads one kind of fact and drafts its rows, citing the passage it comes from.

Teaching the import a new layout is a row in `twg_data/importer/forms/` or a new module here
(a `run(context)` added to `RECOGNISERS`), with a test (docs/import.md says how).
"""

from __future__ import annotations

import re

from twg_data.importer import forms, when
from twg_data.importer.draft import Draft
from twg_data.importer.entities import Entities
from twg_data.importer.line_kinds import label_of
from twg_data.importer.passages import number, sections
from twg_data.importer.reader import Document
from twg_data.importer.recognisers import (
    hints,
    key_points,
    meeting,
    participants,
    sessions,
    speakers,
)
from twg_data.importer.recognisers.context import Context

# meeting first (the date and place others need); participants before speakers (a list's
# entry is fuller than a speaker's line); sessions before speakers (their passages).
RECOGNISERS = (meeting, participants, sessions, speakers, key_points, hints)


def read(document: Document, meeting_id: str, tables: dict[str, list[dict[str, str]]]) -> Context:
    """A report's sections and passages, and an empty draft to recognise them into."""
    found = sections(document.blocks, carries_data, key_points.groups(tables))
    draft = Draft(meeting_id, document, number(meeting_id, found))
    return Context(draft, tables, found, Entities(draft, tables))


def carries_data(heading: str, following: str = "", opening: bool = False) -> bool:
    """A heading kept as a passage: it states a time, or the line after it states the time
    (a session's heading over 'When: 0900-1030'), or it names a meeting in the report's
    opening (a title set apart from the title block)."""
    if when.find_time_range(heading) or when.find_start_time(heading):
        return True
    if opening and forms.has_word(heading, forms.section_forms("meeting")):
        return True
    if re.search(r"\b(?:19|20)\d{2}\b", heading) and when.find_dates(heading):
        return True  # 'Day 1 – Monday 9 September 2019 – Cape Town': a date is data
    label = label_of(following) if following else None
    return bool(label and label[0] == "time")


def recognise(
    document: Document, meeting_id: str, tables: dict[str, list[dict[str, str]]]
) -> Draft:
    """The draft rows of a new meeting, read from its report against the data's tables."""
    context = read(document, meeting_id, tables)
    draft = context.draft
    for passage in draft.passages:
        draft.add(
            "sources",
            source_id=passage.source_id,
            meeting_id=meeting_id,
            section=passage.section,
            passage=passage.text,
        )
    for recogniser in RECOGNISERS:
        recogniser.run(context)
    draft.decisions.extend(draft.empty_required())
    return draft
