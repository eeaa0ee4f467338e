"""The descriptor from the validated tables (what `apply` writes, no database built) is the
one the database gives (`python -m twg_data datapackage`), byte for byte."""

from __future__ import annotations

import pytest

from tests.conftest import DataFolder
from twg_data import datapackage
from twg_data.build import build_database, connect
from twg_data.filters import Filters
from twg_data.paths import PROJECT_ROOT
from twg_data.validate import read_data

EARLY = "twg-2014-early"


def from_the_database(folder, tmp_path) -> bytes:
    db = tmp_path / "check.duckdb"
    assert build_database(folder, db) == []
    with connect(db) as con:
        return datapackage.descriptor_bytes(con, Filters())


def from_the_tables(folder) -> bytes:
    tables, problems = read_data(folder)
    assert problems == []
    return datapackage.tables_descriptor_bytes(tables)


def with_an_earlier_meeting(folder: DataFolder) -> DataFolder:
    """A meeting before the others, its report shared, three `Title` passages: the title
    itself and two issuers, the first by source id (`-10` before `-9`) the one to name."""
    meeting = dict.fromkeys(folder.header("meetings.csv"), "")
    meeting.update(
        meeting_id=EARLY,
        meeting_number="1",
        title="Early meeting",
        date="2014-01-01",
        city_id="geneva",
        report_file="reports/twg-2015-bogota.txt",
        source_id=f"{EARLY}-1",
    )
    folder.append_rows("meetings.csv", [meeting])
    passages = [("1", "Early meeting"), ("9", "Issuer A"), ("10", "Issuer B")]
    folder.append_rows(
        "sources.csv",
        [
            {"source_id": f"{EARLY}-{n}", "meeting_id": EARLY, "section": "Title", "passage": p}
            for n, p in passages
        ],
    )
    return folder


def test_the_shipped_data_gives_the_shipped_descriptor():
    shipped = (PROJECT_ROOT / "data" / datapackage.DESCRIPTOR).read_bytes()
    assert from_the_tables(PROJECT_ROOT / "data") == shipped


@pytest.mark.parametrize("fixture", ["data_dir", "second_meeting_dir"])
def test_a_folder_gives_what_its_database_gives(fixture, request, tmp_path):
    folder = request.getfixturevalue(fixture).path
    assert from_the_tables(folder) == from_the_database(folder, tmp_path)


def test_meetings_in_date_order_each_with_its_first_issuer(second_meeting_dir, tmp_path):
    folder = with_an_earlier_meeting(second_meeting_dir).path
    descriptor = from_the_tables(folder)
    assert descriptor == from_the_database(folder, tmp_path)
    text = descriptor.decode("utf-8")
    assert text.index('"Early meeting"') < text.index("Report on the second meeting")
    assert '"Issuer B"' in text and '"Issuer A"' not in text
