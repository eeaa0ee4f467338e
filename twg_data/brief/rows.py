"""The agenda brief as CSV: one row per item carried forward (`items.CSV_COLUMNS`), cells
made Excel-safe by `export.to_csv_bytes`, which neutralises formulas. With a workshop's
results, one more row per point put to the room, of kind `workshop_priority`: its label, its
result, and the workshop's citation where an item has its report section."""

from __future__ import annotations

import pandas as pd

from twg_data import export
from twg_data.brief import priorities
from twg_data.brief.items import Selection, selected_points
from twg_data.filters import Filters
from twg_data.i18n import _
from twg_data.queries import Connection


def brief_csv(con: Connection, filters: Filters, selection: Selection) -> bytes:
    """The brief as CSV, one row per item carried forward (Excel-safe, see `export`)."""
    rows = selected_points(con, filters, selection)
    rows["note"] = [_csv_note(note) for note in rows.note]
    found = selection.priorities
    if found is not None:
        voted = [
            {
                "kind": "workshop_priority",
                "id": str(n),
                "category": _(priorities.SOURCES[point[1]]),
                "heading": point[0],
                "text": priorities.point_line(found, *point),
                "source_section": priorities.citation(found),
            }
            for n, point in enumerate(found.points, start=1)
        ]
        rows = pd.concat([rows, pd.DataFrame(voted, columns=rows.columns)], ignore_index=True)
    return export.to_csv_bytes(rows)


def _csv_note(note: str) -> str:
    """Notes are typed by hand: neutralise every formula-like start, including what
    `export.neutralise` lets through as a plain number (`+1`, `-2`)."""
    return "'" + note if note.startswith(export.FORMULA_PREFIXES) else note
