"""Sessions: each agenda item or session the report gives a time, with its date, title,
format and purpose, and the passages that belong to it (where speakers are read).

A session is a heading with a time ('Focus 1: ... (21 September 2015, 14.00-15.15)'), a
heading followed by a time line ('When: 0900-1030', 'Hora: 9:00 – 10:30'), or an agenda line
that opens with a time ('10.15 Opening remarks', '0930-1045 Session 1: ...', '9 a.m. - 9.30
a.m. WELCOME'). A start time alone takes its end from the next item's start that day, marked
inferred. The day comes from a day heading or line ('Day 2 - Friday 18th October', 'MONDAY,
MARCH 3') or from the title. The meeting's own time span (in the title block, or a time line
beside a date line) is not a session.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from twg_data.i18n import N_
from twg_data.importer import when
from twg_data.importer.draft import Decision
from twg_data.importer.line_kinds import label_of
from twg_data.importer.passages import TITLE, Passage, Section
from twg_data.importer.recognisers.context import Context
from twg_data.text import slug

_LABEL = re.compile(
    r"^((?:Focus|Session|Panel|Part|Segment|Block|Item|Agenda item|Workshop|Plenary|Round"
    r"|Sesión|Sesion|Bloque|Mesa|Punto|Séance|Seance|Point|Atelier|Table ronde)"
    r"\s+(?:\d{1,2}|[IVX]{1,4}|[A-Z]))(?:\s*[:.–—-]\s*|$)",
    re.IGNORECASE,
)
_PURPOSE = re.compile(r"\bsession\s+(to\s+[^.;]+)", re.I)
_FORMAT = re.compile(r"\b(?:in|as|with|using)\s+an?\s+((?:[\w-]+\s){0,2}format)\b", re.I)
_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\d[^()]*\)\s*$")
_DANGLING = re.compile(r"(?:[\s,;:–—|·-]|\b(?:de|from|du|del|le|la|el|à|a|at)\b)+$", re.I)
_SEPARATORS = " \t,;:–—-|·•."


@dataclass
class Session:
    """A session as found: where its title and times are, and the passages under it."""

    source: Passage  # the passage stating its title
    title: str
    start: str
    end: str
    words: str  # the words that state the times
    day: str  # ISO date
    day_stated: bool
    label: str = ""
    time_basis: str = "stated"
    scope: list[Passage] = field(default_factory=list)
    session_id: str = ""


def run(context: Context) -> None:
    """Draft every session the report states, in order; keep them for the speakers."""
    found = _find(context)
    _titles_below(found)
    _infer_ends(found)
    labels = {slug(session.label) for session in found if session.label}
    taken: set[str] = set()
    for position, session in enumerate(found, start=1):
        unlabelled = (
            f"session-{position}" if f"session-{position}" not in labels else f"item-{position}"
        )
        base = slug(session.label) if session.label else unlabelled
        session.session_id = base if base not in taken else f"{base}-{position}"
        taken.add(session.session_id)
        _draft(context, session, position)
    context.sessions = found


def _find(context: Context) -> list[Session]:
    found: list[Session] = []
    day, day_stated = context.meeting_date, False
    current: Session | None = None
    slot: Session | None = None  # the last item with its own time, for sessions in parallel
    for section in context.sections:
        if section.heading == TITLE:  # a report without headings: its agenda lines still count
            for passage in section.passages:
                agenda = None if passage.heading else _agenda_item(passage, day, False, context)
                if agenda is not None:
                    current = agenda
                    found.append(agenda)
                elif current is not None:
                    current.scope.append(passage)
            continue
        heading_day = _day(section.title, context)
        if heading_day:
            day, day_stated, slot = heading_day, True, None
        opened = _heading_session(section, day, day_stated, context)
        heading = next((p for p in section.passages if p.heading), None)
        if opened is None and slot is not None and heading is not None:
            opened = _parallel(heading, slot, context)  # 'Atelier A – ...' under a slot
        if opened is not None:
            current = opened
            found.append(opened)
        elif current is not None and not _deeper(section, current):
            current = None
        for passage in section.passages:
            if opened is not None and passage is opened.source:
                continue
            line_day = _day_line(passage, context)
            if line_day:
                day, day_stated, current, slot = line_day, True, None, None
                continue
            agenda = _agenda_item(passage, day, day_stated, context)
            if agenda is None and current is not None:
                agenda = _parallel(passage, current, context)
            if agenda is not None:
                current = agenda
                found.append(agenda)
                slot = agenda if agenda.words else slot
            elif current is not None:
                current.scope.append(passage)
    return found


def _parallel(passage: Passage, slot: Session, context: Context) -> Session | None:
    """A session in a slot without a time of its own ('Atelier A – Médiation sociale ...',
    'Room B: ...', 'Workshop 2 – ...'): the slot's times."""
    text = passage.plain.strip()
    label = _LABEL.match(text)
    if passage.block.kind not in ("paragraph", "item", "heading") or not label or label_of(text):
        return None
    if len(text.split()) > 25:
        return None
    times = (slot.start, slot.end, "")
    session = _session(passage, text, times, slot.day, slot.day_stated, context)
    session.time_basis = f"stated for the slot ('{slot.words}')" if slot.words else "stated"
    return session


def _titles_below(found: list[Session]) -> None:
    """A session whose line is only its label ('10h30 – 12h30 : Table ronde 1') takes its
    title from the line below it ('Les polices municipales face ...')."""
    for session in found:
        if not session.label or session.title.strip(_SEPARATORS) != session.label:
            continue
        below = session.scope[0] if session.scope else None
        if below is None or below.block.kind != "paragraph" or label_of(below.plain):
            continue
        text = below.plain.strip()
        if len(text.split()) <= 20 and not text.endswith(":") and not start_of(text):
            session.title, session.source = text, below
            session.scope = session.scope[1:]


def _deeper(section: Section, current: Session) -> bool:
    """A heading below a session's own heading level stays in that session."""
    level = current.source.block.level if current.source.heading else 0
    return level > 0 and section.level > level


def _heading_session(
    section: Section, day: str, day_stated: bool, context: Context
) -> Session | None:
    """A session whose heading states its time, or whose first lines do ('When: ...')."""
    heading = next((p for p in section.passages if p.heading), None)
    if heading is None:
        return None
    times = when.find_time_range(section.title) or _start(section.title)
    if times:
        return _session(heading, section.title, times, day, day_stated, context)
    first = [p for p in section.passages if not p.heading][:3]
    labels = [label_of(p.plain) for p in first]
    if any(found and found[0] in ("date", "venue") for found in labels):
        return None  # a meeting's header (date, time, venue lines), not a session
    for passage, found in zip(first, labels, strict=True):
        if found and found[0] == "time":
            times = when.find_time_range(found[1]) or _start(found[1])
            if times:
                session = _session(heading, section.title, times, day, day_stated, context)
                session.scope.append(passage)
                return session
    return None


def start_of(text: str) -> tuple[str, str, str] | None:
    """(start, '', the words) for a text that opens with a start time only."""
    found = when.find_start_time(text)
    return (found[0], "", found[1]) if found else None


_start = start_of


def draft_one(context: Context, passage: Passage, times: tuple[str, str, str]) -> None:
    """One session more, from a passage a curator tagged as one (after those drafted)."""
    drafted = context.draft.rows.get("sessions", [])
    session = _session(passage, passage.plain, times, context.meeting_date, False, context)
    if not session.end:
        session.time_basis = "not stated: the report gives only the start"
    taken = {row["session_id"] for row in drafted}
    position = len(drafted) + 1
    base = slug(session.label) if session.label else f"session-{position}"
    session.session_id = base if base not in taken else f"{base}-{position}"
    _draft(context, session, position)


def _agenda_item(passage: Passage, day: str, day_stated: bool, context: Context):
    """A session from an agenda line that opens with a time, or a table row with one."""
    if passage.heading or passage.block.kind not in ("paragraph", "item", "row"):
        return None
    found = label_of(passage.plain)
    if found and found[0] in ("date", "time", "next", "published", "venue"):
        return None
    if passage.block.kind == "row":
        return _row_session(passage, day, day_stated, context)
    text = passage.plain.strip()
    times = when.find_time_range(text)
    if times and not text.startswith(times[2]):
        times = None
    times = times or _start(text)
    if not times or not _rest(text, times[2]).strip(_SEPARATORS):
        return None
    return _session(passage, text, times, day, day_stated, context)


def _row_session(passage: Passage, day: str, day_stated: bool, context: Context):
    cells = [value for value in passage.block.cells.values() if value.strip()]
    for index, cell in enumerate(cells):
        times = when.find_time_range(cell) or _start(cell)
        if times and _rest(cell, times[2]).strip(_SEPARATORS) == "":
            rest = [c for c in cells[index + 1 :] if c.strip()]
            if rest:  # the title: the next cell's first line ('**Opening Program**<br>...')
                title = re.split(r"<br\s*/?>", rest[0])[0].replace("*", "").strip()
                return _session(passage, title, times, day, day_stated, context)
    return None


def _rest(text: str, words: str) -> str:
    return text.replace(words, " ", 1) if words else text


def _session(passage: Passage, text: str, times, day: str, day_stated: bool, context: Context):
    label = _LABEL.match(_rest(text, times[2]).strip(_SEPARATORS))
    title = _title(text, times[2], passage.plain)
    stated = _date_in(text, context)
    return Session(
        passage,
        title,
        times[0],
        times[1],
        times[2],
        stated or day,
        bool(stated) or day_stated,
        label[1] if label else "",
    )


def _title(text: str, words: str, passage: str) -> str:
    """The session's title as the report words it: its time, a bracket with its date and
    time and its label aside; always a piece of the passage."""
    title = text.strip()
    if words and title.startswith(words):
        title = title[len(words) :]
    elif words and title.endswith(words):
        title = title[: -len(words)]
    title = title.strip(_SEPARATORS)
    title = _TRAILING_BRACKET.sub("", title)
    title = _DANGLING.sub("", title).strip(_SEPARATORS)
    title = re.sub(r"^(?:hrs?|h)\b\s*", "", title).strip(_SEPARATORS)
    label = _LABEL.match(title)
    if label and title[label.end() :].strip():
        title = title[label.end() :]
    title = title.strip(_SEPARATORS + "*_")
    return title if title and title in passage else passage.strip()


def _date_in(text: str, context: Context) -> str:
    found = when.find_dates(text)
    if found:
        return found[0].start.isoformat()
    year = int(context.meeting_date[:4]) if context.meeting_date else None
    day = when.find_day_month(text, year) if year else None
    return day.isoformat() if day else ""


def _day(title: str, context: Context) -> str:
    """The day a heading names ('Day 1 - Thursday 17th October', 'MONDAY, MARCH 3')."""
    if when.find_time_range(title) or when.find_start_time(title):
        return ""
    return _date_in(title, context)


def _day_line(passage: Passage, context: Context) -> str:
    """A line that names a day and nothing else ('Thursday 23 May 2019')."""
    if passage.block.kind != "paragraph" or len(passage.plain.split()) > 6:
        return ""
    return _day(passage.plain, context)


def _infer_ends(found: list[Session]) -> None:
    for index, session in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        if session.end:
            continue
        if (
            following is not None
            and following.day == session.day
            and following.start > session.start
        ):
            session.end = following.start
            session.time_basis = (
                f"inferred: the end is the start of the next item ({following.start})"
            )
        else:
            session.time_basis = "not stated: the report gives only the start"


def _draft(context: Context, session: Session, position: int) -> None:
    draft = context.draft
    purpose = fmt = rules = ""
    purpose_source = format_source = ""
    for passage in [session.source, *session.scope]:
        found = label_of(passage.plain)
        if not fmt and found and found[0] == "format" and found[1]:
            fmt, format_source = found[1].rstrip("."), passage.source_id
        if not purpose and (match := _PURPOSE.search(passage.plain)):
            purpose, purpose_source = match[1].strip(), passage.source_id
        if not fmt and (match := _FORMAT.search(passage.plain)):
            fmt, format_source, rules = match[1], passage.source_id, passage.plain
    key = f"{draft.meeting_id} / {session.session_id}"
    draft.add(
        "sessions",
        meeting_id=draft.meeting_id,
        session_id=session.session_id,
        position=position,
        title=session.title,
        date=session.day,
        start_time=session.start,
        end_time=session.end,
        time_basis=session.time_basis,
        format=fmt,
        format_basis="stated" if fmt else "",
        format_rules=rules,
        purpose=purpose,
        format_source_id=format_source,
        purpose_source_id=purpose_source,
        source_id=session.source.source_id,
    )
    if not session.day_stated and session.day:
        why = N_("inferred from the meeting's date: the session line gives only '{words}'")
        draft.decisions.append(Decision("sessions", key, "date", why, {"words": session.words}))
    if not fmt:
        why = N_("no 'in a ... format' found: state it or mark it inferred")
        draft.decisions.append(Decision("sessions", key, "format", why))
