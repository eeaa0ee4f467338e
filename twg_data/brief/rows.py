"""The agenda brief as CSV: one row per item carried forward (`items.CSV_COLUMNS`), cells
made Excel-safe by `export.to_csv_bytes`, which neutralises formulas."""

from __future__ import annotations

from twg_data import export
from twg_data.brief.items import Selection, selected_points
from twg_data.filters import Filters
from twg_data.queries import Connection


def brief_csv(con: Connection, filters: Filters, selection: Selection) -> bytes:
    """The brief as CSV, one row per item carried forward (Excel-safe, see `export`)."""
    rows = selected_points(con, filters, selection)
    rows["note"] = [_csv_note(note) for note in rows.note]
    return export.to_csv_bytes(rows)


def _csv_note(note: str) -> str:
    """Notes are typed by hand: neutralise every formula-like start, including what
    `export.neutralise` lets through as a plain number (`+1`, `-2`)."""
    return "'" + note if note.startswith(export.FORMULA_PREFIXES) else note
