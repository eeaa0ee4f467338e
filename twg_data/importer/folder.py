"""A data folder read as rows (by validation's reader), and a draft written beside a copy of it.

The copy is byte for byte; a table the draft adds to gets its new rows appended in the CSV
dialect of the data (minimal quoting, LF), and a changed row is rewritten in place.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from pathlib import Path

from twg_data.i18n import N_
from twg_data.importer.draft import KEYS, Draft, table_columns
from twg_data.importer.errors import ReportError
from twg_data.message import Message
from twg_data.schema import TABLES, Table
from twg_data.validate import Problem, read_table

MANIFEST = ".import.json"
REVIEW = "REVIEW.md"
HISTORY = ".history"  # backups and the change log, inside the data folder


def _rows(data_dir: Path, table: Table) -> list[dict[str, str]]:
    """The table's rows as its CSV holds them ("" for an empty cell), read by validation's
    reader; ReportError naming the first problem if the file cannot be read cleanly."""
    problems: list[Problem] = []
    parsed = read_table(data_dir, table, problems, as_written=True)
    if problems or parsed is None:
        first = min(problems)
        raise ReportError(
            N_(
                "{folder}: the data cannot be read ({file}:{line}: {column}: {problem}); "
                "`python -m twg_data validate` lists what is wrong"
            ),
            folder=str(data_dir),
            file=first.file,
            line=str(first.line),
            column=first.column,
            problem=Message(first.message_id, first.args),
        )
    return parsed.rows


def read_tables(data_dir: Path) -> dict[str, list[dict[str, str]]]:
    """Every table's rows as text, as the CSVs hold them ("" for an empty cell; blank rows
    left out), read by validation's reader (`validate.reader`); ReportError if a file cannot
    be read cleanly."""
    return {table.name: _rows(data_dir, table) for table in TABLES}


def data_files(data_dir: Path) -> list[Path]:
    """The files that make up a data folder (CSVs, reports, descriptor, terms), relative."""
    return sorted(
        path.relative_to(data_dir)
        for path in data_dir.rglob("*")
        if path.is_file()
        and not path.relative_to(data_dir).parts[0].startswith(".")
        and path.name not in (MANIFEST, REVIEW)
    )


def fingerprints(data_dir: Path) -> dict[str, str]:
    """sha256 of every data file, by its path in the folder."""
    return {
        str(path): hashlib.sha256((data_dir / path).read_bytes()).hexdigest()
        for path in data_files(data_dir)
    }


def csv_lines(rows: list[dict[str, str]], columns: list[str]) -> str:
    """The rows as CSV lines in the data's dialect (minimal quoting, LF), columns in order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    return buffer.getvalue()


def _changed_text(folder: Path, table: Table, changes: dict[str, dict[str, str]]) -> str:
    """The table's CSV in `folder` written anew, with the draft's changes to its rows."""
    rows = _rows(folder, table)
    for row in rows:
        key = " / ".join(row[c] for c in KEYS[table.name])
        row.update(changes.get(key, {}))
    return ",".join(table_columns(table.name)) + "\n" + csv_lines(rows, table_columns(table.name))


def write_draft(
    draft: Draft,
    data_dir: Path,
    out_dir: Path,
    original: bytes | None = None,
    base: dict[str, str] | None = None,
) -> None:
    """`out_dir` as a complete data folder: the data, the draft rows, the report, REVIEW.md.

    `base` is the data's fingerprints when the draft was made (default: now); apply refuses
    the draft if the data no longer has them.
    """
    data_dir, out_dir = Path(data_dir).resolve(), Path(out_dir).resolve()
    if out_dir == data_dir or data_dir in out_dir.parents:
        raise ValueError(f"{out_dir}: the draft must go outside the data folder {data_dir}")
    if out_dir.exists() and any(out_dir.iterdir()):
        raise FileExistsError(f"{out_dir}: the folder exists and is not empty; name a new one")
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in data_files(data_dir):
        (out_dir / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(data_dir / path, out_dir / path)
    report = out_dir / draft.report_file
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(draft.document.text, encoding="utf-8")
    if original is not None:  # the .docx or .pdf itself, beside the text read from it
        suffix = Path(draft.document.name).suffix.lower()
        (report.parent / f"{draft.meeting_id}{suffix}").write_bytes(original)
    for table in TABLES:
        rows = draft.rows.get(table.name, [])
        changes = draft.changes.get(table.name, {})
        if not rows and not changes:
            continue
        path = out_dir / table.file_name
        text = _changed_text(out_dir, table, changes) if changes else path.read_text("utf-8")
        if text and not text.endswith("\n"):
            text += "\n"
        path.write_text(text + csv_lines(rows, table_columns(table.name)), encoding="utf-8")
    from twg_data.importer.review import review_markdown

    (out_dir / REVIEW).write_text(review_markdown(draft), encoding="utf-8")
    manifest = {
        "meeting_id": draft.meeting_id,
        "report": draft.document.name,
        "data": str(data_dir),
        "base": base if base is not None else fingerprints(data_dir),
        "added": draft.counts(),
        "changed": {table: sorted(keys) for table, keys in draft.changes.items()},
    }
    (out_dir / MANIFEST).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
