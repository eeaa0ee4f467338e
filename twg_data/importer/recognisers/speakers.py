"""Speakers: who spoke in which session, in what role, in order.

The role comes from a label (`forms/roles.csv`: Speakers, Panellists, Moderator, Chair,
Ponentes, Moderadora, Intervenants, Modératrice, ...): a lead-in over a list ('Panelists',
'Kick-off presenters included:'), the label before the names on its line ('Moderator: Ana
Ruiz, Oxfam'; 'Presenters: A (Org) and B (Org)') or inside a sentence ('The session was
chaired by Ana Ruiz'). Names listed under an agenda item without a label are its speakers.
A speaker named by initials ('Presenter: KM') is the person the report gave them to. Speakers
outside any timed session belong to the meeting as a whole: one session for it is drafted.
"""

from __future__ import annotations

import re

from twg_data.i18n import N_
from twg_data.importer import forms, person_names, when
from twg_data.importer.draft import Decision
from twg_data.importer.identity import normal
from twg_data.importer.line_kinds import label_of
from twg_data.importer.passages import TITLE, Passage
from twg_data.importer.person_line import PersonLine
from twg_data.importer.recognisers.context import Context
from twg_data.importer.recognisers.people import person_of, read_line, take_part

MEETING_SESSION = "meeting"
_BY = re.compile(
    r"\s(?:by|par|por|a cargo de|de|del)\s+(?=(?:[A-ZÀ-Ý]|M\.|Mme|Sr|Sra|Dr))", re.IGNORECASE
)
_AND_ANOTHER = re.compile(r",?\s+(?:y|and|et)\s+(?:de|by|par|por)\s+(?=[A-ZÀ-Ý])")
# Where a person's line in a sentence ends: the sentence, a relative clause, a clause that
# goes on in lower case, or what the person spoke about ('... Platform on how cities ...').
_CLAUSE_END = (
    r"[.;:](?:\s|$)|,?\s+(?:who|which|with|while)\s|,\s+(?=[a-z])"
    r"|\s+(?:on|about|for|to)\s+(?=[a-z])|\s+(?=(?:then|was|were|is|are|had|has)\b)"
)


role_of = forms.role_named


def run(context: Context) -> None:
    """Every speaker the report names, session by session, then those of the whole meeting."""
    for session in context.sessions:
        if session.source.block.kind == "row":
            _read_cells(context, session.session_id, session.source)
        else:
            _read_agenda_line(context, session)
        _read(context, session.session_id, [session.source, *session.scope], agenda=True)
    _speakers_tables(context)
    in_sessions = {id(p) for s in context.sessions for p in (s.source, *s.scope)}
    rest = [
        p
        for section in context.sections
        for p in section.passages
        if id(p) not in in_sessions and not (section.heading == TITLE and p.heading)
    ]
    _read(context, None, rest, agenda=False)
    for person_id, role, passage in context.noted_roles:  # 'Grace Nakato (KCCA) (Chair)'
        spoken = {(row["person_id"], row["role"]) for row in context.draft.rows.get("speakers", [])}
        if (person_id, role) not in spoken:
            _add_known(context, person_id, role, passage)


def _read(context: Context, session_id: str | None, passages: list[Passage], agenda: bool):
    role, open_list = "", False
    skip = set()
    for index, passage in enumerate(passages):
        block = passage.block
        if (index == 0 and agenda) or index in skip:
            continue  # the session's own line; an affiliation read with the name above it
        label = label_of(passage.plain)
        if label and label[0] != "role" and block.kind == "item":
            label = None
        if label and label[0] == "role":
            role = role_of(passage.plain.split(":", 1)[0])
            people = person_names.split_people(label[1]) if label[1] else []
            for text in people:
                add_speaker(context, session_id, role, text, passage)
            open_list = True
            continue
        if block.kind == "paragraph" and _opens_list(passage.plain):
            role = role_of(passage.plain)
            open_list = bool(role)
            continue
        text, cited, below = _with_affiliation(context, passages, index)
        if below is not None:
            skip.add(below)
        if block.kind == "item" and block.lead:
            found = role_of(block.lead)
            if found:
                add_speaker(context, session_id, found, text, cited)
                continue
        listed = open_list and role and block.kind in ("item", "paragraph")
        if listed and add_speaker(context, session_id, role, text, cited):
            continue
        if open_list and role and len(block.text.split()) > 25:
            continue  # a speaker's biography: the list goes on after it
        open_list = False
        near_item = agenda and block.kind in ("paragraph", "item") and index <= 4
        if near_item and _unlabelled(context, session_id, passage, passages[:index]):
            continue
        _in_prose(context, session_id, passage)


def _opens_list(text: str) -> bool:
    """A lead-in line: a short line ending in a colon, or a role label alone ('Panellists')."""
    stripped = text.strip()
    if stripped.endswith(":"):
        return True
    return (
        len(stripped.split()) <= 5
        and normal(stripped) in forms.lead_roles()
        or (
            len(stripped.split()) <= 4
            and bool(role_of(stripped))
            and normal(stripped) in forms.roles()
        )
    )


def _with_affiliation(context: Context, passages: list[Passage], index: int):
    """A name alone on its line and the affiliation on the next ('Dr. Esther Mwangangi' /
    'Senior Lecturer, Kenyatta University'): one person's line, cited by the affiliation's
    passage (it holds the title and organization); else the passage as it is."""
    passage = passages[index]
    below = passages[index + 1] if index + 1 < len(passages) else None
    name = person_names.strip_honorific(passage.plain.strip())
    if below is None or not person_names.looks_like_name(name) or below.heading:
        return passage.plain, passage, None
    text = below.plain.strip()
    if label_of(text) or _opens_list(text) or len(text.split()) > 20 or text.endswith("."):
        return passage.plain, passage, None
    if person_names.looks_like_name(person_names.strip_honorific(text.split(",")[0])):
        return passage.plain, passage, None  # the next line is another person
    return f"{passage.plain.strip()}, {text}", below, index + 1


_ROLE_NOTE = re.compile(r"\s*\(([^()]+)\)\s*$")


def _read_agenda_line(context: Context, session) -> None:
    """A role label on the agenda line itself ('1:00pm Vote of Thanks: Engr. A. Akinola')."""
    text = session.source.plain.replace(session.words, " ", 1).strip(" \t-–—")
    label = label_of(text)
    if label and label[0] == "role" and label[1]:
        role = role_of(text.split(":", 1)[0])
        for chunk in person_names.split_people(label[1]):
            add_speaker(context, session.session_id, role, chunk, session.source)


def _speakers_tables(context: Context) -> None:
    """A table of speakers under a heading that names a role ('Speakers', 'Ponentes'): a
    row per speaker (name, affiliation), a role in brackets after the name ('(Chair)'), and
    rows that repeat one text across the table naming the session the rows below it are in."""
    for section in context.sections:
        role = role_of(section.title.rstrip(":"))
        if not role or section.heading == TITLE:
            continue
        session_id = None
        for passage in section.passages:
            cells = [c.strip() for c in passage.block.cells.values()]
            if passage.block.kind != "row" or not cells:
                continue
            if len(set(cells)) == 1:  # a merged row: the session of the rows below
                session_id = _session_named(context, cells[0])
                continue
            name = cells[0]
            note = _ROLE_NOTE.search(name)
            own = role_of(note[1]) if note else ""
            if note and own:
                name = name[: note.start()]
            text = ", ".join([name, *(c for c in cells[1:] if c)])
            add_speaker(context, session_id, own or role, text, passage)


def _session_named(context: Context, text: str) -> str | None:
    """The drafted session a text names: by its label ('Session 1') or its title."""
    key = normal
    wanted = key(text)
    for session in context.sessions:
        label = key(session.label) if session.label else ""
        if (
            (label and wanted.startswith(label))
            or key(session.title) in wanted
            or (wanted and wanted in key(session.title))
        ):
            return session.session_id
    return None


def cell_lines(cell: str) -> list[str]:
    """A table cell's lines ('**Ana Ruiz**<br>Director, Oxfam'), emphasis marks aside; an
    empty line where the cell leaves a gap."""
    return [line.replace("*", "").strip() for line in re.split(r"<br\s*/?>|\n", cell)]


def _read_cells(context: Context, session_id: str, passage: Passage) -> None:
    """The speakers an agenda table's row names in its cells, after the time and title: a
    label and its names ('Presenter: Ana Ruiz, Oxfam'), a lead-in over names ('Reactors:'),
    a name over its affiliation, or names alone (speakers)."""
    cells = [c for c in passage.block.cells.values() if c.strip()]
    times = [i for i, c in enumerate(cells) if when.find_time_range(c) or when.find_start_time(c)]
    after = cells[times[0] + 2 :] if times else []
    for cell in after:
        lines = cell_lines(cell)
        role, index = "", 0
        while index < len(lines):
            line = lines[index]
            index += 1
            if not line:
                role = ""
                continue
            label = label_of(line)
            if label and label[0] == "role":
                role = role_of(line.split(":", 1)[0])
                for text in person_names.split_people(label[1]) if label[1] else []:
                    add_speaker(context, session_id, role, text, passage)
                continue
            if line.endswith(":") and role_of(line):
                role = role_of(line)
                continue
            name = person_names.strip_honorific(line)
            following = lines[index] if index < len(lines) else ""
            if (
                person_names.looks_like_name(name)
                and following
                and read_line(context, following) is None
            ):
                line, index = f"{line}, {following}", index + 1  # a name over its affiliation
            add_speaker(context, session_id, role or "speaker", line, passage)


def _unlabelled(context: Context, session_id, passage: Passage, before: list[Passage]) -> bool:
    """A name under an agenda item with no label: a speaker, when only names precede it."""
    if any(p.block.kind == "paragraph" and read_line(context, p.plain) is None for p in before[1:]):
        return False
    line = read_line(context, passage.plain)
    if line is None or not (line.organization or line.title or line.initials):
        return False
    return add_speaker(context, session_id, "speaker", passage.plain, passage, line)


def _in_prose(context: Context, session_id, passage: Passage) -> None:
    """'The session was chaired by Ms. Ana Ruiz, Mayor of X.': a role word before 'by'; the
    person's line runs to the end of the sentence or clause."""
    if passage.block.kind not in ("paragraph", "item"):
        return
    for match in _BY.finditer(passage.plain):
        before = re.split(r"[.;:,]\s", passage.plain[: match.start()])[-1]
        word = match[0].strip().lower()
        window = " ".join(before.split()[-6:])
        role = role_of(f"{window} {word}") if word in ("by", "par", "por") else ""
        if (
            word in ("de", "del", "a cargo de") or not role
        ):  # 'Mot de bienvenue de M. X': the role right before
            role = _role_ending(window)
        if not role:
            continue
        rest = person_names.strip_honorific(passage.plain[match.end() :])
        rest = _AND_ANOTHER.sub("; ", rest)  # '..., y de Patricia Olave' / ', and by Ana'
        clause = re.split(_CLAUSE_END, rest)[0]
        for text in person_names.split_people(clause.strip(" ,")):
            add_speaker(context, session_id, role, text, passage)
    _listed_in_prose(context, session_id, passage)


def _role_ending(text: str) -> str:
    """The role whose form the text ends with ('Allocution', 'Mot de bienvenue')."""
    padded = f" {normal(text)}"
    found = [
        (len(form), role) for form, role in forms.roles().items() if padded.endswith(" " + form)
    ]
    return max(found)[1] if found else ""


def _listed_in_prose(context: Context, session_id, passage: Passage) -> None:
    """'A panel ... brought together three municipalities: Ana Ruiz (City of X), Luis Gómez
    (City of Y) and ...': names with their organizations in brackets after a colon, in a
    sentence that names a role."""
    head, colon, tail = passage.plain.partition(":")
    if not colon:
        return
    head = re.sub(r"\S+\s+(?:by|par|por)\s+\S+(?:\s+[A-Z]\S*)*", " ", head)  # 'moderated by X'
    role = role_of(head)
    people = person_names.split_people(tail.strip().rstrip("."))
    if not role or len(people) < 2:
        return
    for text in people:
        add_speaker(context, session_id, role, text, passage)


def add_speaker(
    context: Context,
    session_id: str | None,
    role: str,
    text: str,
    passage: Passage,
    line: PersonLine | None = None,
) -> bool:
    """Draft one speaker (and their participation) in a session (None: the meeting as a
    whole); False when the text names no one."""
    text = text.strip()
    person_id = context.initials.get(text.rstrip("."))
    if person_id is None:
        line = line or read_line(context, text)
        if line is None:
            return False
        person_id = person_of(context, line, passage)
        take_part(context, line, passage, listed=False)
    session = session_id or _meeting_session(context)
    position = 1 + sum(
        1 for row in context.draft.rows.get("speakers", []) if row["session_id"] == session
    )
    _role(context, role)
    context.draft.add(
        "speakers",
        meeting_id=context.meeting_id,
        session_id=session,
        position=position,
        person_id=person_id,
        role=role,
        title_as_stated=_as_stated(line, passage.plain) if line else "",
        source_id=passage.source_id,
    )
    return True


def _as_stated(line: PersonLine, passage: str) -> str:
    """The speaker's title and affiliation as the passage words them: what follows the
    name, its brackets and notes aside (always a piece of the passage)."""
    after = line.after.strip(" ,;–—-")
    if after.startswith("(") and after.endswith(")"):
        after = after[1:-1]
    for note in line.notes:
        after = after.replace(f"({note})", "").replace(f"[{note}]", "").strip(" ,")
    if after and after in passage:
        return after
    return next((part for part in line.rest if part in passage), "")


def _meeting_session(context: Context) -> str:
    """The session of the meeting as a whole, drafted once, for speakers outside sessions."""
    if any(r["session_id"] == MEETING_SESSION for r in context.draft.rows.get("sessions", [])):
        return MEETING_SESSION
    meeting = (context.draft.rows.get("meetings") or [{}])[0]
    span = context.meeting_span or ("", "")
    context.draft.add(
        "sessions",
        meeting_id=context.meeting_id,
        session_id=MEETING_SESSION,
        position=len(context.draft.rows.get("sessions", [])) + 1,
        title=meeting.get("title", ""),
        date=context.meeting_date,
        start_time=span[0],
        end_time=span[1],
        time_basis="stated" if span[1] else "",
        source_id=meeting.get("source_id", ""),
    )
    key = f"{context.meeting_id} / {MEETING_SESSION}"
    context.draft.decisions.append(
        Decision(
            "sessions",
            key,
            "title",
            N_(
                "speakers named outside any timed session: drafted as one session for the whole "
                "meeting; split it if the report has sessions"
            ),
        )
    )
    return MEETING_SESSION


def _add_known(context: Context, person_id: str, role: str, passage: Passage) -> None:
    """A speaker the participants list gives a role ('(Chair)'), in the meeting's session."""
    session = _meeting_session(context)
    position = 1 + sum(
        1 for row in context.draft.rows.get("speakers", []) if row["session_id"] == session
    )
    _role(context, role)
    context.draft.add(
        "speakers",
        meeting_id=context.meeting_id,
        session_id=session,
        position=position,
        person_id=person_id,
        role=role,
        source_id=passage.source_id,
    )


def _role(context: Context, role: str) -> None:
    """A role the data does not know yet gets a row, its label in each language left to fill."""
    known = {row["role"] for row in context.tables["roles"]}
    known |= {row["role"] for row in context.draft.rows.get("roles", [])}
    if role not in known:
        context.draft.add("roles", role=role)
        context.draft.ask_translations("roles", role)
