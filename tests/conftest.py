"""Shared fixtures for the data-layer tests (and any test that needs data or a database).

Every fixture that writes works in `tmp_path`: no test touches `data/` or the repo's `.cache/`.

Fixtures
--------
``report_text`` (session)
    The Bogotá 2015 meeting report, as text.
``shipped_db`` (session)
    A database built from the shipped `data/` into a temporary folder; its `Path`.
``con`` (function)
    A read-only connection to ``shipped_db``, closed after the test.
``data_dir`` (function)
    A `DataFolder`: a copy of `data/` in `tmp_path` with helpers to break or extend it.
``second_meeting_dir`` (function)
    A `DataFolder`: the shipped data plus the synthetic meeting in `tests/fixtures/`.
``twg_env`` (function)
    Points `TWG_DATA_DIR` at a fresh ``data_dir`` copy and `TWG_DB_PATH` at a file in
    `tmp_path` (for tests of code that finds its data through `twg_data.paths`).
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from twg_data import paths
from twg_data.build import build_database, connect

REPO = Path(__file__).resolve().parent.parent

SHIPPED_DATA = REPO / "data"
REPORT = paths.report_path(SHIPPED_DATA, "reports/twg-2015-bogota.txt")
SECOND_MEETING = Path(__file__).resolve().parent / "fixtures" / "twg-2016-test"
SECOND_MEETING_ID = "twg-2016-test"


def collapse_whitespace(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class DataFolder:
    """A data folder in tmp_path, with small helpers to break or extend its CSVs."""

    path: Path

    def file(self, name: str) -> Path:
        return self.path / name

    def text(self, name: str) -> str:
        return self.file(name).read_text(encoding="utf-8")

    def write(self, name: str, text: str) -> None:
        self.file(name).write_bytes(text.encode("utf-8"))

    def replace(self, name: str, old: str, new: str) -> None:
        """Replace exactly one occurrence of old (fail loudly if the fixture data changed)."""
        text = self.text(name)
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
        self.write(name, text.replace(old, new))

    def line_of(self, name: str, needle: str) -> int:
        """The 1-based physical line of the only line containing needle."""
        lines = [i for i, line in enumerate(self.text(name).splitlines(), 1) if needle in line]
        assert len(lines) == 1, f"{needle!r} is on lines {lines} of {name}"
        return lines[0]

    def rows(self, name: str) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(self.text(name), newline="")))

    def header(self, name: str) -> list[str]:
        return next(csv.reader(io.StringIO(self.text(name), newline="")))

    def write_rows(self, name: str, header: list[str], rows: list[dict[str, str]]) -> None:
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        self.write(name, buffer.getvalue())

    def append_rows(self, name: str, rows: list[dict[str, str]]) -> None:
        self.write_rows(name, self.header(name), self.rows(name) + rows)


def copy_shipped_data(target: Path) -> DataFolder:
    shutil.copytree(SHIPPED_DATA, target)
    return DataFolder(target)


def add_second_meeting(folder: DataFolder) -> DataFolder:
    """Append every CSV of the synthetic second meeting to the matching table."""
    for fixture in sorted(SECOND_MEETING.glob("*.csv")):
        extra = list(csv.DictReader(fixture.open(encoding="utf-8", newline="")))
        folder.append_rows(fixture.name, extra)
    return folder


@pytest.fixture(scope="session")
def report_text() -> str:
    return REPORT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shipped_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("shipped-db") / "twg.duckdb"
    problems = build_database(SHIPPED_DATA, db)
    assert problems == [], [str(p) for p in problems]
    return db


@pytest.fixture
def con(shipped_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = connect(shipped_db)
    yield connection
    connection.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> DataFolder:
    return copy_shipped_data(tmp_path / "data")


@pytest.fixture
def second_meeting_dir(tmp_path: Path) -> DataFolder:
    return add_second_meeting(copy_shipped_data(tmp_path / "data-two-meetings"))


@pytest.fixture
def twg_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    folder = copy_shipped_data(tmp_path / "env-data")
    monkeypatch.setenv("TWG_DATA_DIR", str(folder.path))
    monkeypatch.setenv("TWG_DB_PATH", str(tmp_path / "env-db" / "twg.duckdb"))
    return folder
