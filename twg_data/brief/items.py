"""The items an agenda brief can carry forward (key points, framing entries, kick-off
presenters) and the facilitator's `Selection` of them: what to leave out and a note per item.

`choices` is the Agenda brief page's table, `selection_of` reads it back, `selected_points`
gives the items carried forward (the brief's CSV rows) and `unknown_refs` names the refs a
command line gave that match no item.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from twg_data import localise, queries, vocabulary
from twg_data.brief.priorities import Priorities
from twg_data.filters import Filters
from twg_data.i18n import N_, _
from twg_data.queries import Connection
from twg_data.text import is_missing, text_of

KINDS = {
    "key_point": N_("Key points"),
    "framing": N_("Framing of entry points"),
    "presenter": N_("Promising-practice speakers"),
}
# What an item is, as the page names it beside its heading (never its internal id).
CSV_COLUMNS = {
    "meeting_id": N_("The meeting."),
    "kind": N_("`key_point`, `framing` or `presenter` (a Focus 1 kick-off presenter)."),
    "id": N_("The item's id within the meeting (key point, framing entry or person)."),
    "category": N_("Key point category, framing kind, or the presenter's role."),
    "heading": N_("Key point heading, framing label, or the presenter's name."),
    "text": N_("Key point or framing text verbatim, or the presenter's title as stated."),
    "source_section": N_("Report section of the source passage."),
    "source_passage": N_("The report passage it comes from, verbatim."),
    "sdg_targets": N_("SDG targets the key point bears on, `; `-separated (curation)."),
    "note": N_("The facilitator's note."),
}


@dataclass(frozen=True)
class Selection:
    """What a brief carries forward: everything except `excluded`, with optional notes.

    Items are named by a ref: the item's id (`commonality-1`, `how`, `leoluca-orlando`),
    which names it in every selected meeting, or `meeting_id/id` for one meeting only.
    `notes` may be given as a mapping of ref to note; empty notes are dropped. `priorities`
    (a workshop's results) adds the brief's "Workshop priorities" section; without it the brief
    is as it always was.
    """

    excluded: tuple[str, ...] = ()
    notes: tuple[tuple[str, str], ...] = ()
    priorities: Priorities | None = None

    def __post_init__(self) -> None:
        # Normalise so that equal selections are equal (and equally cached).
        excluded = (self.excluded,) if isinstance(self.excluded, str) else self.excluded
        object.__setattr__(self, "excluded", tuple(sorted(set(excluded))))
        pairs = self.notes.items() if isinstance(self.notes, Mapping) else self.notes
        notes = {ref: _clean_note(text) for ref, text in pairs}
        object.__setattr__(self, "notes", tuple(sorted((r, t) for r, t in notes.items() if t)))

    def includes(self, meeting_id: str, item_id: str) -> bool:
        """Whether the item of that meeting is carried forward (not excluded by its id or ref)."""
        return not {item_id, item_ref(meeting_id, item_id)} & set(self.excluded)

    def note(self, meeting_id: str, item_id: str) -> str:
        """The note on the item; a meeting-qualified note wins over an unqualified one."""
        notes = dict(self.notes)
        return notes.get(item_ref(meeting_id, item_id)) or notes.get(item_id, "")

    def refs(self) -> set[str]:
        """Every ref the selection names, excluded or noted (checked against the items)."""
        return set(self.excluded) | {ref for ref, _ in self.notes}


def item_ref(meeting_id: str, item_id: str) -> str:
    """The ref naming one item of one meeting, e.g. `twg-2015-bogota/commonality-1`."""
    return f"{meeting_id}/{item_id}"


# Typed (or pasted) into a note, these would break a file: control characters other than tab
# and line feed, and lone surrogates (an undecodable command-line argument).
_NOTE_JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _clean_note(text: str | None) -> str:
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return _NOTE_JUNK.sub("", text).strip()


def rows_where(frame: pd.DataFrame, mask: list[bool]) -> pd.Series:
    """A row mask: a plain empty list would select no columns instead of no rows."""
    return pd.Series(mask, index=frame.index, dtype=bool)


# --- the items ---------------------------------------------------------------------------


def available_points(con: Connection, filters: Filters) -> pd.DataFrame:
    """Every item the brief can carry forward under filters (see `queries.brief_points`),
    its vocabulary in the current language."""
    return localise.values(queries.brief_points(con, filters), localise.labels(con))


def unknown_refs(points: pd.DataFrame, selection: Selection) -> list[str]:
    """Refs in the selection that name no available item (for a clear CLI error)."""
    pairs = zip(points.meeting_id, points.id, strict=True)
    known = set(points.id) | {item_ref(m, i) for m, i in pairs}
    return sorted(selection.refs() - known)


def selected_points(con: Connection, filters: Filters, selection: Selection) -> pd.DataFrame:
    """The items carried forward, in brief order, each with its note (the brief's CSV rows)."""
    points = available_points(con, filters)
    keep = [selection.includes(m, i) for m, i in zip(points.meeting_id, points.id, strict=True)]
    chosen = points[rows_where(points, keep)].copy()
    chosen["note"] = [
        selection.note(m, i) for m, i in zip(chosen.meeting_id, chosen.id, strict=True)
    ]
    return chosen[list(CSV_COLUMNS)].reset_index(drop=True)


def choices(con: Connection, filters: Filters) -> pd.DataFrame:
    """The items a facilitator chooses from, one row each, indexed by its ref: the section,
    the item as people name it and what it is (the Agenda brief page's table)."""
    rows = list(available_points(con, filters).itertuples())
    return pd.DataFrame(
        {
            "section": [_(KINDS[row.kind]) for row in rows],
            "item": [item_label(row) for row in rows],
            "what": [row.text if row.kind == "presenter" else category_label(row) for row in rows],
        },
        index=pd.Index([item_ref(row.meeting_id, row.id) for row in rows], name="ref"),
    )


def selection_of(chosen: pd.DataFrame) -> Selection:
    """What a table of choices (`include` and `note` per ref) carries forward."""
    included = chosen[chosen.include.astype(bool)]
    left_out = chosen.index[~chosen.include.astype(bool)]
    return Selection(tuple(left_out), dict(zip(included.index, included.note, strict=True)))


def category_label(row) -> str:
    """What an item is, as the page names it beside its heading (never its internal id): a
    key point's category (`key_point_categories.singular`), a framing entry's kind."""
    if not is_missing(row.category_label):
        return str(row.category_label)
    return _(vocabulary.FRAMING_LABELS.get(row.category, row.category))


def item_label(row) -> str:
    """An item as people name it: its heading, or the opening words of its text."""
    if not is_missing(row.heading) and str(row.heading).strip():
        return str(row.heading)
    words = text_of(row.text).split()
    return " ".join(words[:8]) + ("…" if len(words) > 8 else "")
