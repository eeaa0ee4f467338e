"""Read the curated CSVs and check them against the schema, collecting every problem.

Problems are values, not exceptions: each names the file, the line, the column and what is wrong.
Files as Excel saves them (UTF-8 with BOM, CRLF, quoted commas and line breaks) are accepted.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
import unicodedata
from datetime import date, time
from operator import itemgetter
from pathlib import Path

from twg_data.problem import FILE_LEVEL, ParsedTable, Problem
from twg_data.provenance import verbatim_problems
from twg_data.schema import TABLES, Column, Table

# Only what DuckDB's casts accept too (ASCII digits, no `_`, nothing after a newline), so
# that every value validation passes also loads; matched with fullmatch.
_INTEGER = re.compile(r"[+-]?[0-9]+")
_INT64 = range(-(2**63), 2**63)
_FLOAT = re.compile(r" *[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)? *")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?")
MAX_CELL = 100_000  # characters: a longer cell is named by its column, not read as broken quoting
# The csv module's own limit (131,072) would stop the read with a message naming no column;
# the file is in memory already, so any cell it holds can be read and then measured.
csv.field_size_limit(2**31 - 1)


def parse_value(column: Column, text: str) -> object:
    """Convert one cell to its Python value; raise ValueError with a readable reason."""
    if column.type == "text":
        return text
    if column.type == "integer":
        if not _INTEGER.fullmatch(text):
            raise ValueError(f"expected a whole number, got {text!r}")
        if int(text) not in _INT64:
            raise ValueError(f"expected a whole number, got {text!r} (too large)")
        return int(text)
    if column.type == "float":
        if not _FLOAT.fullmatch(text):
            raise ValueError(f"expected a number, got {text!r}")
        value = float(text)
        if not math.isfinite(value):
            raise ValueError(f"expected a finite number, got {text!r}")
        return value
    if column.type == "date":
        try:
            if not _DATE.fullmatch(text):  # fromisoformat also takes 20150921, 2015-W39-1
                raise ValueError
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"expected a date as YYYY-MM-DD, got {text!r}") from None
    if column.type == "time":
        match = _TIME.fullmatch(text)
        hour, minute, second = (int(g or 0) for g in match.groups()) if match else (99, 0, 0)
        if hour > 23 or minute > 59 or second > 59:
            raise ValueError(f"expected a time as HH:MM between 00:00 and 23:59, got {text!r}")
        return time(hour, minute, second)
    raise AssertionError(f"unknown column type {column.type}")


SPACES_ONLY = "holds only spaces: clear the cell"
SAVE_AS_UTF8 = "save it from Excel as 'CSV UTF-8 (Comma delimited)'"
# Byte-order marks of the encodings Excel and other tools write instead of UTF-8.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16 (Excel's 'Unicode Text')"),
    (codecs.BOM_UTF16_BE, "UTF-16 (Excel's 'Unicode Text')"),
)
# The characters a cell may not hold, as regular-expression ranges: written as escapes, so
# that the data package states the same rules as `pattern` constraints (datapackage.py).
# C0 and C1 control characters and DEL; tab, line feed and carriage return are handled apart.
CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
LAYOUT_CHARACTERS = r"\t\n\r"
# Zero-width and bidirectional formatting characters: invisible, they make two ids that look
# the same differ (or reorder how an id is shown).
INVISIBLE_CHARACTERS = r"\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff"
_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")
_LAYOUT = re.compile(f"[{LAYOUT_CHARACTERS}]")
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")


def _wide_encoding(raw: bytes) -> str | None:
    """The name of a UTF-16/32 encoding the bytes are in (by BOM or by NUL bytes), or None."""
    for bom, encoding in _WIDE_BOMS:
        if raw.startswith(bom):
            return encoding
    sample = raw[:400]
    if len(sample) >= 4 and sample.count(0) >= len(sample) // 3:
        return "UTF-16 (Excel's 'Unicode Text'), without a byte-order mark"
    return None


def _decode(raw: bytes, name: str, problems: list[Problem]) -> str | None:
    """The file's text; None (one problem naming the encoding) for a UTF-16 or UTF-32 file."""
    wide = _wide_encoding(raw)
    if wide:
        problems.append(
            Problem(name, 0, FILE_LEVEL, f"the file is {wide}, not UTF-8: {SAVE_AS_UTF8}")
        )
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        try:
            shown = f", '{bytes([byte]).decode('cp1252')}' in Windows-1252 (Latin-1)"
        except UnicodeDecodeError:
            shown = ""
        problems.append(
            Problem(
                name,
                line,
                FILE_LEVEL,
                f"not UTF-8 (byte 0x{byte:02x}{shown}); {SAVE_AS_UTF8}",
            )
        )
        return raw.decode("utf-8-sig", errors="replace")


def _character(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, '(a control character)')}"


def _hygiene(text: str, identifier: bool) -> str | None:
    """What is wrong with a cell's characters, or None: too many of them; control characters; tabs,
    line breaks and invisible formatting characters in ids, names and codes.
    """
    if len(text) <= MAX_CELL and text.isascii() and text.isprintable():
        return None  # most cells: nothing to look for
    if len(text) > MAX_CELL:
        return (
            f"is {len(text):,} characters long; a cell holds at most {MAX_CELL:,}: "
            "split the passage in two rows"
        )
    if found := _CONTROL.search(text):
        return f"contains the control character {_character(found.group())}; remove it"
    if identifier and (found := _LAYOUT.search(text)):
        return f"contains a tab or line break ({_character(found.group())}) in an id, name or code"
    if identifier and (found := _INVISIBLE.search(text)):
        return f"contains the invisible character {_character(found.group())}; remove it"
    return None


def _broken_quote_column(text: str, start_line: int, header: list[str]) -> str:
    """Find which field of the record starting at start_line opens a quote that never closes."""
    offset = 0
    for _ in range(start_line - 1):
        offset = text.index("\n", offset) + 1
    # Follow the csv module's rules: a quote opens only at the start of a field, `""` inside
    # quotes is a literal quote, and a closing quote must be followed by `,` or a line end.
    # The culprit is the field whose opening quote never closes properly.
    field_index, in_quotes, opened_at, at_start = 0, False, 0, True
    rest = text[offset:]
    i = 0
    while i < len(rest):
        char = rest[i]
        if in_quotes:
            if char == '"':
                if rest[i + 1 : i + 2] == '"':
                    i += 1
                elif rest[i + 1 : i + 2] in (",", "\r", "\n", ""):
                    in_quotes = False
                else:
                    break  # text after a closing quote
        elif char == '"' and at_start:
            in_quotes, opened_at = True, field_index
        elif char == ",":
            field_index += 1
            at_start = True
            i += 1
            continue
        elif char in "\r\n":
            break
        at_start = False
        i += 1
    index = opened_at if in_quotes else field_index
    return header[index] if index < len(header) else f"field {index + 1}"


def _check_row(
    table: Table,
    name: str,
    line: int,
    row: dict[str, str | None],
    problems: list[Problem],
    spaces: frozenset[str] = frozenset(),
) -> None:
    """Check one row's cells; `spaces` names the cells that hold only spaces (read as empty)."""
    values: dict[str, object] = {}
    identifiers = table.identifier_columns
    for column in table.columns:
        text = row.get(column.name)
        if text is None:
            if column.required:
                problems.append(Problem(name, line, column.name, "required value is empty"))
            elif column.name in spaces:
                # Other tools read such a cell as text, not as empty (Frictionless does).
                problems.append(Problem(name, line, column.name, SPACES_ONLY))
            continue
        if wrong := _hygiene(text, column.name in identifiers):
            problems.append(Problem(name, line, column.name, wrong))
            continue
        try:
            value = parse_value(column, text)
        except ValueError as error:
            problems.append(Problem(name, line, column.name, str(error)))
            continue
        if column.allowed and value not in column.allowed:
            allowed = ", ".join(column.allowed)
            problems.append(Problem(name, line, column.name, f"{text!r} is not one of: {allowed}"))
        if column.minimum is not None and value < column.minimum:
            problems.append(
                Problem(name, line, column.name, f"{text} is below the minimum {column.minimum:g}")
            )
        if column.maximum is not None and value > column.maximum:
            problems.append(
                Problem(name, line, column.name, f"{text} is above the maximum {column.maximum:g}")
            )
        values[column.name] = value
    for column in table.columns:
        earlier = column.later_than
        if (
            earlier
            and column.name in values
            and earlier in values
            and not values[column.name] > values[earlier]
        ):
            problems.append(
                Problem(
                    name,
                    line,
                    column.name,
                    f"{row[column.name]} is not later than {earlier} {row[earlier]}",
                )
            )


def read_table(data_dir: Path, table: Table, problems: list[Problem]) -> ParsedTable | None:
    """Parse and check one CSV; append its problems. None when the file cannot be read at all."""
    name = table.file_name
    path = data_dir / name
    if not path.is_file():
        problems.append(Problem(name, 0, FILE_LEVEL, "file is missing"))
        return None
    text = _decode(path.read_bytes(), name, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(Problem(name, 0, FILE_LEVEL, "file is empty (a header row is required)"))
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    parsed = ParsedTable(table)
    header: list[str] = []
    start_line = 1
    try:
        for record in reader:
            line, start_line = start_line, reader.line_num + 1
            if not header:
                header = [h.strip() for h in record]
                if not _check_header(table, name, header, problems):
                    return None
                continue
            if not any(cell.strip() for cell in record):
                # Blank lines and the empty rows Excel sometimes leaves at the end are skipped
                # (the data package says so: skipBlankRows); a row of spaces is not blank.
                if any(record):
                    problems.append(
                        Problem(name, line, FILE_LEVEL, "the row holds only spaces: delete it")
                    )
                continue
            if len(record) != len(header):
                problems.append(
                    Problem(
                        name,
                        line,
                        FILE_LEVEL,
                        f"row has {len(record)} fields, the header has {len(header)}",
                    )
                )
                parsed.complete = False
                continue
            cells = zip(header, record, strict=True)
            row = {h: (cell if cell.strip() else None) for h, cell in cells}
            spaces = frozenset(
                h for h, cell in zip(header, record, strict=True) if cell and not cell.strip()
            )
            parsed.rows.append(row)
            parsed.lines.append(line)
            _check_row(table, name, line, row, problems, spaces)
    except csv.Error as error:
        column = _broken_quote_column(text, start_line, header)
        problems.append(
            Problem(name, start_line, column, f"broken quoting ({error}); check for a stray '\"'")
        )
        return None
    if not header:
        problems.append(Problem(name, 0, FILE_LEVEL, "file is empty (a header row is required)"))
        return None
    _check_keys(parsed, name, problems)
    return parsed


def _check_header(table: Table, name: str, header: list[str], problems: list[Problem]) -> bool:
    before = len(problems)
    seen: set[str] = set()
    for column in header:
        if column in seen:
            problems.append(Problem(name, 1, column or "(blank)", "column appears twice"))
        seen.add(column)
        if column not in table.column_names:
            problems.append(
                Problem(name, 1, column or "(blank)", f"unknown column for table {table.name}")
            )
    for column in table.column_names:
        if column not in seen:
            problems.append(Problem(name, 1, column, "column is missing from the header"))
    return len(problems) == before


def _check_keys(parsed: ParsedTable, name: str, problems: list[Problem]) -> None:
    key = parsed.table.key
    key_columns = [parsed.table.column(k) for k in key]
    as_text = all(c.type == "text" for c in key_columns)  # text compares as written
    first_seen: dict[tuple, int] = {}
    for row, line in zip(parsed.rows, parsed.lines, strict=True):
        value = tuple(row[k] for k in key)
        if None in value:
            continue  # already reported as a required value
        try:  # compare as the database will: 1, 01 and +1 are one integer
            typed = value if as_text else tuple(parse_value(c, row[c.name]) for c in key_columns)
        except ValueError:
            continue  # already reported as a bad value
        if typed in first_seen:
            shown = ", ".join(value)
            problems.append(
                Problem(
                    name,
                    line,
                    key[-1],
                    f"duplicate key ({shown}); first on line {first_seen[typed]}",
                )
            )
        else:
            first_seen[typed] = line


def _check_references(parsed: dict[str, ParsedTable], problems: list[Problem]) -> None:
    # Each target's key set is built once: most tables reference `sources`, the largest one.
    key_sets: dict[str, set[object]] = {}
    for source in parsed.values():
        for ref in source.table.references:
            target = parsed.get(ref.table)
            if target is None or not target.complete:
                # A missing target, or one with unreadable rows, is reported on its own;
                # checking against it would call ids on those rows "not in" the table.
                continue
            if ref.table not in key_sets:
                key_of = itemgetter(*target.table.key)  # a value for one column, else a tuple
                key_sets[ref.table] = {key_of(row) for row in target.rows}
            keys = key_sets[ref.table]
            value_of = itemgetter(*ref.columns)
            for row, line in zip(source.rows, source.lines, strict=True):
                value = value_of(row)
                if value in keys:
                    continue
                parts = value if isinstance(value, tuple) else (value,)
                if None in parts:
                    continue
                shown = ", ".join(parts)
                problems.append(
                    Problem(
                        source.table.file_name,
                        line,
                        ref.columns[-1],
                        f"{shown!r} is not in {ref.table} ({', '.join(target.table.key)})",
                    )
                )


def _check_reports(data_dir: Path, meetings: ParsedTable | None, problems: list[Problem]) -> None:
    """Each meeting's report must be a file inside the data folder, so the data set stands alone."""
    if meetings is None:
        return
    root = data_dir.resolve()
    for row, line in zip(meetings.rows, meetings.lines, strict=True):
        name = row.get("report_file")
        if not name:
            continue
        path = (data_dir / name).resolve()
        if not path.is_relative_to(root):
            message = f"report file {name!r} is outside the data folder"
        elif not path.is_file():
            message = f"report file {name!r} does not exist in the data folder"
        else:
            continue
        problems.append(Problem(meetings.table.file_name, line, "report_file", message))


def read_data(data_dir: Path) -> tuple[dict[str, ParsedTable], list[Problem]]:
    """Parse every table in data_dir; return what could be read and all problems, sorted."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    if not data_dir.is_dir():
        return {}, [Problem(str(data_dir), 0, FILE_LEVEL, "data folder does not exist")]
    parsed = {}
    for table in TABLES:
        result = read_table(data_dir, table, problems)
        if result is not None:
            parsed[table.name] = result
    _check_references(parsed, problems)
    _check_reports(data_dir, parsed.get("meetings"), problems)
    problems.extend(verbatim_problems(parsed))
    return parsed, sorted(problems)


def validate(data_dir: Path) -> list[Problem]:
    """Every problem in the data folder, verbatim quotes included; empty when the data is sound."""
    return read_data(data_dir)[1]
