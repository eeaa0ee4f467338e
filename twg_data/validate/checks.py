"""The checks of the curated data, one function each, in the order `validate.CHECKS` runs them.

Each check takes the `Folder` and appends to its problems what it finds, naming the file, the
line and the column. A check leaves alone what an earlier one reported: a cell that is not a
value is no key, an unreadable table is referenced by nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from twg_data.i18n import N_
from twg_data.problem import BLANK, ParsedTable, Problem, problem
from twg_data.schema import TABLES, Table
from twg_data.validate.reader import TableFile, open_table
from twg_data.validate.values import CellError, hygiene, parse_value

SPACES_ONLY = N_("holds only spaces: clear the cell")


@dataclass
class Folder:
    """The data folder as the checks see it, and the problems they found in it."""

    path: Path
    problems: list[Problem] = field(default_factory=list)
    files: list[TableFile] = field(default_factory=list)  # each opened file, header read
    tables: dict[str, ParsedTable] = field(default_factory=dict)  # read whole, by table name
    cut: list[ParsedTable] = field(default_factory=list)  # read up to broken quoting

    @classmethod
    def open(cls, path: Path) -> Folder:
        """Every table's file in `path` read as far as its header (`reader.open_table`)."""
        folder = cls(path)
        for table in TABLES:
            opened = open_table(path, table, folder.problems)
            if opened is not None:
                folder.files.append(opened)
        return folder


def check_header(folder: Folder) -> None:
    """Header: each file's first row names every column of its table, once, and no other
    (names are trimmed). Only the rows of a file whose header is sound are read, for the
    checks that follow; a file cut short by broken quoting is checked only cell by cell."""
    for opened in folder.files:
        if not _header_is_sound(opened.table, opened.header, folder.problems):
            continue
        parsed, whole = opened.rows(folder.problems)
        if whole:
            folder.tables[opened.table.name] = parsed
        else:
            folder.cut.append(parsed)


def _header_is_sound(table: Table, header: list[str], problems: list[Problem]) -> bool:
    name, before = table.file_name, len(problems)
    seen: set[str] = set()
    for column in header:
        if column in seen:
            problems.append(Problem(name, 1, column or BLANK, N_("column appears twice")))
        seen.add(column)
        if column not in table.column_names:
            message = N_("unknown column for table {table}")
            problems.append(problem(name, 1, column or BLANK, message, table=table.name))
    for column in table.column_names:
        if column not in seen:
            problems.append(Problem(name, 1, column, N_("column is missing from the header")))
    return len(problems) == before


def check_cells(folder: Folder) -> None:
    """Cells: required cells are filled and none holds only spaces; each value has its
    column's type (`values.parse_value`), characters (`values.hygiene`), allowed values and
    range; a date or time said to be later than another column's is."""
    for parsed in [*folder.tables.values(), *folder.cut]:
        table, spaces = parsed.table, parsed.spaces
        identifiers = table.identifier_columns
        for row, line in zip(parsed.rows, parsed.lines, strict=True):
            _check_row(table, line, row, identifiers, spaces.get(line, frozenset()), folder)


def _check_row(
    table: Table,
    line: int,
    row: dict[str, str | None],
    identifiers: frozenset[str],
    spaces: frozenset[str],
    folder: Folder,
) -> None:
    """Check one row's cells; `spaces` names the cells that hold only spaces (read as empty)."""
    name, problems = table.file_name, folder.problems
    values: dict[str, object] = {}
    for column in table.columns:
        text = row.get(column.name)
        if text is None:
            if column.required:
                problems.append(Problem(name, line, column.name, N_("required value is empty")))
            elif column.name in spaces:
                # Other tools read such a cell as text, not as empty (Frictionless does).
                problems.append(Problem(name, line, column.name, SPACES_ONLY))
            continue
        if wrong := hygiene(text, column.name in identifiers):
            message, args = wrong
            problems.append(problem(name, line, column.name, message, **args))
            continue
        try:
            value = parse_value(column, text)
        except CellError as error:
            problems.append(problem(name, line, column.name, error.message_id, **error.fields))
            continue
        if column.allowed and value not in column.allowed:
            message = N_("{value!r} is not one of: {allowed}")
            allowed = ", ".join(column.allowed)
            problems.append(problem(name, line, column.name, message, value=text, allowed=allowed))
        if column.minimum is not None and value < column.minimum:
            message = N_("{value} is below the minimum {minimum}")
            minimum = f"{column.minimum:g}"
            problems.append(problem(name, line, column.name, message, value=text, minimum=minimum))
        if column.maximum is not None and value > column.maximum:
            message = N_("{value} is above the maximum {maximum}")
            maximum = f"{column.maximum:g}"
            problems.append(problem(name, line, column.name, message, value=text, maximum=maximum))
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
                problem(
                    name,
                    line,
                    column.name,
                    N_("{value} is not later than {column} {other}"),
                    value=row[column.name],
                    column=earlier,
                    other=row[earlier],
                )
            )


def check_keys(folder: Folder) -> None:
    """Keys: no two rows of a table share its primary key, compared as the database will
    (1, 01 and +1 are one integer); the later row is named, with the first one's line."""
    for parsed in folder.tables.values():
        table = parsed.table
        key = table.key
        key_columns = [table.column(k) for k in key]
        as_text = all(c.type == "text" for c in key_columns)  # text compares as written
        first_seen: dict[tuple, int] = {}
        for row, line in zip(parsed.rows, parsed.lines, strict=True):
            value = tuple(row[k] for k in key)
            if None in value:
                continue  # already reported as a required value
            try:
                typed = (
                    value if as_text else tuple(parse_value(c, row[c.name]) for c in key_columns)
                )
            except ValueError:
                continue  # already reported as a bad value
            if typed in first_seen:
                message = N_("duplicate key ({key}); first on line {first}")
                folder.problems.append(
                    problem(
                        table.file_name,
                        line,
                        key[-1],
                        message,
                        key=", ".join(value),
                        first=first_seen[typed],
                    )
                )
            else:
                first_seen[typed] = line


def check_references(folder: Folder) -> None:
    """References: every id a row gives for another table's row (foreign key, composite ones
    included) is one of that table's keys. A table that is missing, or has rows that could
    not be read, is not checked against: it is reported on its own."""
    parsed = folder.tables
    # Each target's key set is built once: most tables reference `sources`, the largest one.
    key_sets: dict[str, set[object]] = {}
    for source in parsed.values():
        for ref in source.table.references:
            target = parsed.get(ref.table)
            if target is None or not target.complete:
                # Checking against it would call ids on its unreadable rows "not in" it.
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
                folder.problems.append(
                    problem(
                        source.table.file_name,
                        line,
                        ref.columns[-1],
                        N_("{value!r} is not in {table} ({key})"),
                        value=", ".join(parts),
                        table=ref.table,
                        key=", ".join(target.table.key),
                    )
                )


def check_reports(folder: Folder) -> None:
    """Reports: each meeting's report is a file inside the data folder, so the data set
    stands alone."""
    meetings = folder.tables.get("meetings")
    if meetings is None:
        return
    root = folder.path.resolve()
    for row, line in zip(meetings.rows, meetings.lines, strict=True):
        name = row.get("report_file")
        if not name:
            continue
        path = (folder.path / name).resolve()
        if not path.is_relative_to(root):
            message = N_("report file {name!r} is outside the data folder")
        elif not path.is_file():
            message = N_("report file {name!r} does not exist in the data folder")
        else:
            continue
        folder.problems.append(
            problem(meetings.table.file_name, line, "report_file", message, name=name)
        )


def comparable(text: str) -> str:
    """Text as compared for verbatim quotes: line breaks and emphasis marks (`*`) aside."""
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def check_verbatim(folder: Folder) -> None:
    """Verbatim: every value its column says is quoted (`Column.verbatim`, and stated where
    `stated_by` says so) occurs in the passage its row cites (`comparable`), so an imported
    or hand-edited row cannot carry text its passage does not hold. A row whose cited passage
    is not in `sources` is left to the check of references."""
    sources = folder.tables.get("sources")
    if sources is None or not sources.complete:
        return
    passages = {row["source_id"]: comparable(row["passage"] or "") for row in sources.rows}
    for parsed in folder.tables.values():
        for column in (c for c in parsed.table.columns if c.verbatim):
            cited_by = column.source_column or "source_id"
            for row, line in zip(parsed.rows, parsed.lines, strict=True):
                value = row[column.name]
                if not value or (column.stated_by and row[column.stated_by] != "stated"):
                    continue
                cited = row[cited_by]
                if cited is None:
                    message = N_("verbatim value has no passage: {column} is empty")
                elif cited not in passages:
                    continue
                elif comparable(value) not in passages[cited]:
                    message = N_("not found verbatim in passage {passage} ({column})")
                else:
                    continue
                folder.problems.append(
                    problem(
                        parsed.table.file_name,
                        line,
                        column.name,
                        message,
                        column=cited_by,
                        passage=cited,
                    )
                )
