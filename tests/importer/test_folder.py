"""The importer reads the data through validation's reader (`importer.folder.read_tables`):
the rows as the CSVs hold them, and a clear error for a file that cannot be read."""

from __future__ import annotations

import csv

import pytest

from twg_data.importer import ReportError
from twg_data.importer.folder import read_tables
from twg_data.schema import TABLES


def as_csv_holds_them(folder) -> dict[str, list[dict[str, str]]]:
    """Each CSV read by the csv module alone (what the importer read before)."""
    tables = {}
    for table in TABLES:
        with (folder / table.file_name).open(encoding="utf-8-sig", newline="") as handle:
            tables[table.name] = list(csv.DictReader(handle))
    return tables


@pytest.mark.parametrize("fixture", ["data_dir", "second_meeting_dir"])
def test_the_rows_are_the_csvs_cells_as_written(fixture, request):
    folder = request.getfixturevalue(fixture).path
    assert read_tables(folder) == as_csv_holds_them(folder)


def test_blank_rows_excel_leaves_are_not_rows(data_dir):
    before = read_tables(data_dir.path)["organization_types"]
    data_dir.write("organization_types.csv", data_dir.text("organization_types.csv") + ",,\n\n")
    assert read_tables(data_dir.path)["organization_types"] == before


@pytest.mark.parametrize(
    ("broken", "named"),
    [
        (None, "meetings.csv:0: (file): file is missing"),
        ('meeting_id,title\n"twg', "meetings.csv:2: meeting_id: broken quoting"),
    ],
)
def test_a_file_that_cannot_be_read_is_named(data_dir, broken, named):
    if broken is None:
        data_dir.file("meetings.csv").unlink()
    else:
        data_dir.write("meetings.csv", broken)
    with pytest.raises(ReportError, match="the data cannot be read") as raised:
        read_tables(data_dir.path)
    assert named in str(raised.value)
