"""Participants: the people a list or table of participants names, one participation a
person. A list sits under a heading (`List of participants`, `Asistentes`, `Étaient
présents`), after a lead-in (`Present:`, `In attendance:`) or inline after one
(`Attendees: Ana Ruiz (Oxfam, Quito), ...`). People sending apologies are not participants.
"""

from __future__ import annotations

from twg_data.importer import forms, person_names
from twg_data.importer.line_kinds import label_of
from twg_data.importer.passages import Passage
from twg_data.importer.recognisers.context import Context
from twg_data.importer.recognisers.people import read_line, table_person, take_part


def run(context: Context) -> None:
    """Every participant the report lists."""
    for section in context.sections:
        listed_here = forms.names_section(section.title, "participants") and not (
            forms.names_section(section.title, "absent")
        )
        lead = ""
        for passage in section.passages:
            kind = _list_kind(passage)
            if kind:  # a lead-in: 'Present:', 'Apologies', or inline 'Attendees: ...'
                lead = kind
                value = _inline_value(passage)
                if value and kind == "participants":
                    for chunk in person_names.split_people(value):
                        line = read_line(context, chunk, listed=True)
                        if line:
                            take_part(context, line, passage)
                continue
            if lead == "absent" and passage.block.lead:
                continue  # an apology is not a participation
            if lead == "absent":
                lead = ""
            if listed_here or lead == "participants":
                found = read_entry(context, passage)
                if found is None and not listed_here and not passage.block.lead:
                    lead = ""


def read_entry(context: Context, passage: Passage) -> str | None:
    """A list's entry or a table's row as a participant; the person's id, or None."""
    block = passage.block
    if block.kind == "row":
        line, number = table_person(block.cells)
    elif block.kind in ("item", "paragraph"):
        line, number = read_line(context, passage.plain, listed=True), block.number
    else:
        return None
    if line is None:
        return None
    return take_part(context, line, passage, number)


def _list_kind(passage: Passage) -> str:
    """'participants' or 'absent' for a passage that opens such a list, else ''."""
    if passage.block.kind == "item" or passage.heading:
        return ""
    found = label_of(passage.plain)
    if found and found[0] in ("participants", "absent"):
        return found[0]
    text = passage.plain.strip().rstrip(":").strip("*_ ")
    for kind in ("participants", "absent"):
        if forms.names_section(text, kind) and len(text.split()) <= 6:
            return kind
    return ""


def _inline_value(passage: Passage) -> str:
    found = label_of(passage.plain)
    return found[1] if found else ""
