"""A curator's word on a passage: what it is, when the recognisers missed it or got it wrong.

`tag(draft, tables, source_id, kind, **options)` drafts the rows that follow from the choice,
read by the same recognisers as the import (a speaker's line is split into name, title,
organization and place as in a list; a key point's heading is split off); `untag` takes
them back and restores what the tag removed. `nothing` removes what the recognisers drafted
from the passage. Each tag is kept in `draft.tags` and listed in REVIEW.md.
"""

from __future__ import annotations

import re

from twg_data.i18n import N_, _
from twg_data.importer import forms, person_names, when
from twg_data.importer.draft import Decision, Draft, Tag
from twg_data.importer.errors import ReportError
from twg_data.importer.line_kinds import label_of
from twg_data.importer.passages import Passage
from twg_data.importer.recognisers import key_points, sessions, speakers
from twg_data.importer.recognisers.context import Context
from twg_data.importer.recognisers.people import read_line, table_person, take_part

KINDS = ("key_point", "speaker", "participant", "session", "objective", "framing", "nothing")
# Tables whose rows a passage yields directly (entities follow from them).
_FROM_PASSAGE = ("key_points", "speakers", "participants", "sessions", "objectives", "framing")
_ENTITIES = {
    "people": ("person_id", ("participants", "speakers")),
    "organizations": ("organization_id", ("participants",)),
    "cities": ("city_id", ("participants", "meetings")),
}


def tag(
    draft: Draft,
    tables: dict[str, list[dict[str, str]]],
    source_id: str,
    kind: str,
    /,
    **options: str,
) -> Tag:
    """Say what a passage is; the rows that follow are drafted (ReportError when the passage
    cannot be that: a speaker's line that names no one, a session without a time)."""
    if kind not in KINDS:
        raise ReportError(
            N_("{kind!r} is not a kind of passage ({kinds})"), kind=kind, kinds=", ".join(KINDS)
        )
    passage = draft.passage_by_id(source_id)
    if passage is None:
        raise ReportError(N_("no passage {source_id!r} in this draft"), source_id=source_id)
    if source_id in draft.tags:
        untag(draft, source_id)
    before = _snapshot(draft)
    removed: list[tuple[str, dict[str, str]]] = []
    context = Context.of(draft, tables, [])
    if kind == "nothing":
        removed = _remove_from(draft, source_id)
    else:
        _DRAFTERS[kind](context, passage, options)
    added = [
        (table, draft.key(table, row))
        for table, rows in draft.rows.items()
        for row in rows
        if id(row) not in before.get(table, set())
    ]
    found = Tag(source_id, kind, {k: str(v) for k, v in options.items()}, added, removed)
    draft.tags[source_id] = found
    return found


def untag(draft: Draft, source_id: str) -> None:
    """Take back a tag: the rows it added go (people, organizations and places too, unless
    another row uses them), the rows it removed come back."""
    found = draft.tags.pop(source_id, None)
    if found is None:
        return
    added = {(table, key) for table, key in found.added}
    for table, rows in list(draft.rows.items()):
        draft.rows[table] = [row for row in rows if (table, draft.key(table, row)) not in added]
    for table, row in found.removed:
        draft.rows.setdefault(table, []).append(row)
    _prune(draft)


def _snapshot(draft: Draft) -> dict[str, set[int]]:
    return {table: {id(row) for row in rows} for table, rows in draft.rows.items()}


def _remove_from(draft: Draft, source_id: str) -> list[tuple[str, dict[str, str]]]:
    """What the recognisers drafted from a passage, removed; returned to restore it."""
    removed = []
    for table in _FROM_PASSAGE:
        kept = []
        for row in draft.rows.get(table, []):
            if row.get("source_id") == source_id:
                removed.append((table, row))
            else:
                kept.append(row)
        if table in draft.rows:
            draft.rows[table] = kept
    speaking = {(r["meeting_id"], r["person_id"]) for r in draft.rows.get("speakers", [])}
    for table, row in removed:  # a speaker keeps the participation another passage gave
        if table == "participants" and (row["meeting_id"], row["person_id"]) in speaking:
            draft.rows["participants"].append(row)
    removed = [(t, r) for t, r in removed if r not in draft.rows.get(t, [])]
    _prune(draft)
    return removed


def _prune(draft: Draft) -> None:
    """Drafted people, organizations and cities no drafted row uses any more go, with the
    questions and decisions about them."""
    gone: set[tuple[str, str]] = set()
    for table, (column, users) in _ENTITIES.items():
        used = {row.get(column, "") for user in users for row in draft.rows.get(user, [])}
        kept = []
        for row in draft.rows.get(table, []):
            if row[column] in used:
                kept.append(row)
            else:
                gone.add((table, row[column]))
        if table in draft.rows:
            draft.rows[table] = kept
    draft.suggestions = [s for s in draft.suggestions if (s.table, s.drafted_id) not in gone]
    draft.decisions = [d for d in draft.decisions if (d.table, d.key.split(" / ")[-1]) not in gone]


def _key_point(context: Context, passage: Passage, options: dict) -> None:
    category = options.get("category") or ""
    known = {row["category"] for row in context.tables["key_point_categories"]}
    known |= {row["category"] for row in context.draft.rows.get("key_point_categories", [])}
    if category not in known and category not in forms.categories():
        raise ReportError(N_("{category!r} is not a key-point category"), category=category)
    key_points.add(context, category, passage.plain, passage.source_id)


def _speaker(context: Context, passage: Passage, options: dict) -> None:
    """A speaker's line, or a label and its names ('Moderator: Ana Ruiz, Oxfam')."""
    text, role = passage.plain, options.get("role") or ""
    label = label_of(text)
    if label and label[0] == "role":
        role = role or speakers.role_of(text.split(":", 1)[0])
        text = label[1]
    if not role:
        raise ReportError(N_("say the speaker's role (speaker, moderator, panellist, ...)"))
    session_id = options.get("session_id") or None
    named = [
        chunk
        for chunk in person_names.split_people(text)
        if speakers.add_speaker(context, session_id, role, chunk, passage)
    ]
    if not named:
        raise ReportError(
            N_("{source_id}: no person's name found in this passage"), source_id=passage.source_id
        )


def _participant(context: Context, passage: Passage, options: dict) -> None:
    if passage.block.kind == "row":
        line, number = table_person(passage.block.cells)
    else:
        line, number = read_line(context, passage.plain, listed=True), passage.block.number
    if line is None:
        raise ReportError(
            N_("{source_id}: no person's name found in this passage"), source_id=passage.source_id
        )
    take_part(context, line, passage, number)


def _session(context: Context, passage: Passage, options: dict) -> None:
    """A session: its times from the passage (or given), its title the rest of the line."""
    times = when.find_time_range(passage.plain) or sessions.start_of(passage.plain)
    start = options.get("start_time") or (times[0] if times else "")
    if not start:
        raise ReportError(
            N_("{source_id}: no time in this passage; give the start time"),
            source_id=passage.source_id,
        )
    end = options.get("end_time") or (times[1] if times else "")
    for given in (start, end):
        if given and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", given):
            raise ReportError(N_("{given!r} is not a time as HH:MM (24 h)"), given=given)
    words = times[2] if times else ""
    sessions.draft_one(context, passage, (start, end, words))


def _objective(context: Context, passage: Passage, options: dict) -> None:
    rows = context.draft.rows.get("objectives", [])
    position = len(rows) + 1
    context.draft.add(
        "objectives",
        meeting_id=context.meeting_id,
        objective_id=f"objective-{position}",
        scope=options.get("scope") or "meeting",
        position=position,
        text=passage.plain,
        source_id=passage.source_id,
    )


def _framing(context: Context, passage: Passage, options: dict) -> None:
    kind = options.get("kind") or "dimension"
    rows = [r for r in context.draft.rows.get("framing", []) if r["kind"] == kind]
    position = len(rows) + 1
    framing_id = f"{kind}-{position}"
    context.draft.add(
        "framing",
        meeting_id=context.meeting_id,
        framing_id=framing_id,
        kind=kind,
        position=position,
        label=options.get("label", ""),
        text=passage.plain,
        source_id=passage.source_id,
    )
    if not options.get("label"):
        context.draft.decisions.append(
            Decision(
                "framing", f"{context.meeting_id} / {framing_id}", "label", N_("a short label")
            )
        )


_DRAFTERS = {
    "key_point": _key_point,
    "speaker": _speaker,
    "participant": _participant,
    "session": _session,
    "objective": _objective,
    "framing": _framing,
}


def described(draft: Draft, found: Tag) -> str:
    """A tag in words for REVIEW.md: what the passage was said to be, and what followed."""
    options = ", ".join(f"{k} {v}" for k, v in found.options.items() if v)
    what = found.kind.replace("_", " ") + (f" ({options})" if options else "")
    rows = ", ".join(f"{table} `{key}`" for table, key in found.added) or _("no new row")
    gone = ", ".join(f"{table} `{draft.key(table, row)}`" for table, row in found.removed)
    return f"{what}: {rows}" + (_("; removed {rows}").format(rows=gone) if gone else "")
