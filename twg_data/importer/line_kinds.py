"""What one line of a report states, by its form alone: a label and its value (`Venue: City
Hall`), a lead-in to a list (`Panelists:`), an agenda line opening with a time, a date line,
or a heading's shape (short and unpunctuated, or ALL CAPS).

The layout (`layout.py`) asks these questions to tell headings from passages; the recognisers
ask `label_of` and `date_line` of a passage.
"""

from __future__ import annotations

import re

from twg_data.importer import forms, when
from twg_data.importer.identity import normal

_END = (".", ";", ",", ":", "!", "?")
_LABEL = re.compile(r"^([^:]{1,40}?)\s*:\s*(.*)$")
HEADING_WORDS = 20  # a heading-like line has at most this many words
LEAD_WORDS = 10  # a lead-in line ('Panellists were:') has at most this many words


def label_of(line: str) -> tuple[str, str] | None:
    """('venue', 'City Hall') for 'Venue: City Hall': a known label (a role, a date, a
    venue, a participants heading) and what follows it; None otherwise."""
    found = _LABEL.match(line.strip())
    if not found or len(found[1].split()) > 5:
        return None
    name = normal(found[1])
    value = found[2].strip().strip("*_").strip()
    if name in forms.roles():
        return "role", value
    kinds = [
        kind
        for kind in ("date", "time", "venue", "participants", "absent", "published", "next")
        + ("format",)
        if name in forms.section_forms(kind)
    ]
    if kinds[:2] == ["date", "time"]:  # 'When:' names a day or hours, by what follows
        return ("date" if when.find_dates(value) else "time"), value
    if kinds:
        return kinds[0], value
    for kind in ("participants", "absent"):  # 'Conectadas por Teams:', 'Present in the room:'
        if any(name.startswith(form + " ") for form in forms.section_forms(kind)):
            return kind, value
    return None


def is_lead(line: str) -> bool:
    """A line that introduces a list: a role label alone ('Panelists', 'Ponentes:'), or a
    short line ending in a colon ('Kick-off presenters included:', 'Present:'). A list's
    heading alone ('List of participants') is a heading, not a lead-in."""
    text = line.strip().strip("*_").rstrip(":").strip("*_ ")
    if normal(text) in forms.lead_roles():
        return True
    return line.strip().strip("*_").endswith(":") and 0 < len(text.split()) <= LEAD_WORDS


def starts_with_time(line: str) -> bool:
    """An agenda line: it opens with a time ('10.15 Opening', '0930-1045 Panel', '9 a.m.')."""
    if when.find_start_time(line) is not None:
        return True
    times = when.find_time_range(line)
    return times is not None and line.strip().startswith(times[2])


def heading_like(line: str) -> bool:
    """A line shaped like a heading: short, capitalised, no end mark, and not a label, an
    agenda time, a date line or two sentences."""
    text = line.strip()
    words = text.split()
    return (
        0 < len(words) <= HEADING_WORDS
        and not text.endswith(_END)
        and (text[0].isupper() or text[0].isdigit())
        and label_of(text) is None
        and not starts_with_time(text)
        and not date_line(text)
        and not re.search(r"[a-z]{3}[.!?]\s+[A-Z]", text)  # two sentences are not a heading
    )


def date_line(text: str) -> bool:
    """A line that states a date and little else ('Geneva, March 3, 2017', 'Tuesday, 4
    October 2016 - 09:00 - 12:30'): a passage, never a heading."""
    if not re.search(r"\b(?:19|20)\d{2}\b", text):
        return False
    found = when.find_dates(text)
    if not found:
        return False
    rest = text.replace(found[0].words, " ")
    return len(re.findall(r"[A-Za-zÀ-ÿ]{3,}", rest)) <= 3


def all_caps(line: str) -> bool:
    """A line in capitals (three letters or more, at most twelve words): 'PARTICIPANTS'."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters) and len(line.split()) <= 12
