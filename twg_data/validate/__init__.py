"""Validation as a checklist: read the curated CSVs, then run `CHECKS` in order, collecting
every problem.

Problems are values, not exceptions: each names the file, the line, the column and what is
wrong. The files are read by `reader` (the one reader of the data, the importer's too); what
a cell may hold is in `values`; the checks themselves are in `checks`, one function each.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from twg_data.i18n import N_
from twg_data.problem import FILE_LEVEL, ParsedTable, Problem
from twg_data.validate.checks import (
    SPACES_ONLY,
    Folder,
    check_cells,
    check_header,
    check_keys,
    check_references,
    check_reports,
    check_verbatim,
    comparable,
)
from twg_data.validate.reader import SAVE_AS_UTF8, read_table
from twg_data.validate.values import (
    CONTROL_CHARACTERS,
    INVISIBLE_CHARACTERS,
    LAYOUT_CHARACTERS,
    MAX_CELL,
    parse_value,
)

# What validation checks, in the order it checks it; each check's docstring says what it is.
CHECKS: tuple[Callable[[Folder], None], ...] = (
    check_header,
    check_cells,
    check_keys,
    check_references,
    check_reports,
    check_verbatim,
)

__all__ = [
    "CHECKS",
    "CONTROL_CHARACTERS",
    "FILE_LEVEL",
    "INVISIBLE_CHARACTERS",
    "LAYOUT_CHARACTERS",
    "MAX_CELL",
    "SAVE_AS_UTF8",
    "SPACES_ONLY",
    "ParsedTable",
    "Problem",
    "comparable",
    "parse_value",
    "read_data",
    "read_table",
    "validate",
]


def read_data(data_dir: Path) -> tuple[dict[str, ParsedTable], list[Problem]]:
    """Parse every table in data_dir and run every check; return the tables read whole under
    a sound header, and all problems, sorted."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        return {}, [Problem(str(data_dir), 0, FILE_LEVEL, N_("data folder does not exist"))]
    folder = Folder.open(data_dir)
    for check in CHECKS:
        check(folder)
    return folder.tables, sorted(folder.problems)


def validate(data_dir: Path) -> list[Problem]:
    """Every problem in the data folder, verbatim quotes included; empty when the data is sound."""
    return read_data(data_dir)[1]
