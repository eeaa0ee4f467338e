"""Where synth reads and writes: the curated data/ it copies and draws on, the folder it writes.

The project's data/ folder, and any folder holding non-synthetic meetings, are refused.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from twg_data.paths import PROJECT_ROOT
from twg_data.schema import TABLES, TABLES_BY_NAME, Table

CURATED_DIR = PROJECT_ROOT / "data"
ID_PREFIX = "synth-"  # every synthetic meeting id starts with it


class SynthError(ValueError):
    """A request synth refuses: printed as a message, exit status 2."""


def _is_within(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def check_destination(out_dir: Path) -> None:
    """Raise SynthError for the project's data/ folder or a folder holding non-synthetic data."""
    out_dir = Path(out_dir)
    if _is_within(out_dir, CURATED_DIR):
        raise SynthError(
            f"refusing to write synthetic data into the project's data folder ({CURATED_DIR}); "
            "choose another folder, e.g. -o /tmp/twg-synth"
        )
    meetings = out_dir / "meetings.csv"
    if meetings.is_file():
        with meetings.open(encoding="utf-8-sig", newline="") as handle:
            ids = [row.get("meeting_id") or "" for row in csv.DictReader(handle)]
        if any(not i.startswith(ID_PREFIX) for i in ids):
            raise SynthError(
                f"{out_dir} holds non-synthetic data (meetings.csv); refusing to overwrite it"
            )


def is_reference_table(table: Table) -> bool:
    """A curated list independent of any meeting (regions, organization types, ...): copied."""
    return "meeting_id" not in table.column_names and not table.references


def read_curated(name: str) -> list[list[str]]:
    """The rows of a curated table in the schema's column order; none if absent."""
    table = TABLES_BY_NAME[name]
    path = CURATED_DIR / table.file_name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [[row.get(c) or "" for c in table.column_names] for row in csv.DictReader(handle)]


def write_table(
    out_dir: Path, name: str, rows: Iterable[Sequence[object]], columns: Sequence[str]
) -> int:
    """Write one table (schema's header and column order) via a temporary file; count rows.

    rows hold the values of `columns`, in that order.
    """
    table = TABLES_BY_NAME[name]
    rows = rows if isinstance(rows, list) else list(rows)
    if tuple(columns) != table.column_names:
        missing = [c.name for c in table.columns if c.required and c.name not in columns]
        if missing:
            raise SynthError(
                f"the schema's table {name} requires {', '.join(missing)}, which synth does not "
                "generate yet; update benchmarks/synth/generate.py"
            )
        index = [columns.index(c) if c in columns else None for c in table.column_names]
        rows = [[row[i] if i is not None else "" for i in index] for row in rows]
    path = out_dir / table.file_name
    temp = path.with_name(f".{path.name}.tmp")
    with temp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(table.column_names)
        writer.writerows(rows)
    os.replace(temp, path)
    return len(rows)


def copy_reference_tables(out_dir: Path) -> dict[str, int]:
    """Copy every curated reference table into out_dir; the rows written per table."""
    return {
        table.name: write_table(out_dir, table.name, read_curated(table.name), table.column_names)
        for table in TABLES
        if is_reference_table(table)
    }


@dataclass(frozen=True)
class Curated:
    """What generated rows take from the curated data/: ids they may point to, and categories."""

    type_ids: list[str]
    community_ids: set[str]
    sub_regions: set[str]
    key_point_sections: dict[str, str]  # category -> section its passages cite, in order
    sdg_targets: list[str]

    @classmethod
    def read(cls) -> Curated:
        """Read the curated tables synth draws from."""
        return cls(
            [row[0] for row in read_curated("organization_types")],
            {row[0] for row in read_curated("practice_communities")},
            {row[0] for row in read_curated("regions")},
            _key_point_sections(),
            [row[0] for row in read_curated("sdg_targets")],
        )


def _curated_records(name: str) -> list[dict[str, str]]:
    columns = TABLES_BY_NAME[name].column_names
    return [dict(zip(columns, row, strict=True)) for row in read_curated(name)]


def _key_point_sections() -> dict[str, str]:
    """Each curated key-point category, in display order, with the report section it heads.

    The section is the one the curated key points of that category cite; `Key points: <label>`
    for a category no curated point has yet.
    """
    categories = sorted(_curated_records("key_point_categories"), key=lambda c: int(c["position"]))
    section_of = {row["source_id"]: row["section"] for row in _curated_records("sources")}
    cited: dict[str, str] = {}
    for point in _curated_records("key_points"):
        cited.setdefault(point["category"], section_of.get(point["source_id"], ""))
    return {
        c["category"]: cited.get(c["category"]) or f"Key points: {c['label']}" for c in categories
    }
