"""CSV exports: Excel-friendly (BOM, CRLF, accents), Excel-safe (no formulas), exactly filtered."""

from __future__ import annotations

import csv
import io
import zipfile

import pandas as pd
import pytest

from tests.report_facts import BOGOTA_PEOPLE
from twg_data import dictionary, export, paths
from twg_data.build import build_database, connect
from twg_data.filters import Filters
from twg_data.schema import TABLES
from twg_data.summaries import SUMMARIES
from twg_data.validate import validate

BOM = b"\xef\xbb\xbf"
BOGOTA = BOGOTA_PEOPLE


def parse(content: bytes) -> list[list[str]]:
    assert content.startswith(BOM)
    return list(csv.reader(io.StringIO(content[len(BOM) :].decode("utf-8"), newline="")))


def records(content: bytes) -> list[dict[str, str]]:
    header, *rows = parse(content)
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.mark.parametrize("name", list(SUMMARIES))
def test_every_summary_exports_with_bom_crlf_and_its_documented_columns(con, name):
    content = export.export_summary(con, name, Filters())
    assert content.startswith(BOM)
    assert not content[len(BOM) :].startswith(BOM)
    assert content.endswith(b"\r\n")
    header, *rows = parse(content)
    assert header == list(SUMMARIES[name].columns)
    frame = SUMMARIES[name].frame(con, Filters())
    assert len(rows) == len(frame)
    # no shipped cell holds a line break, so every line ends in CRLF
    assert content.count(b"\r\n") == len(rows) + 1
    assert b"\n" not in content.replace(b"\r\n", b"")
    assert b"\r" not in content.replace(b"\r\n", b"")


@pytest.mark.parametrize("name", list(SUMMARIES))
def test_every_summary_exports_under_a_filter_matching_nothing(con, name):
    content = export.export_summary(con, name, Filters(meetings=("no-such-meeting",)))
    header, *_ = parse(content)
    assert header == list(SUMMARIES[name].columns)


def test_export_is_the_summary_frame_cell_for_cell(con):
    filters = Filters(cities=("bogota",))
    content = export.export_summary(con, "participants", filters)
    frame = SUMMARIES["participants"].frame(con, filters)
    expected = [
        ["" if pd.isna(v) else str(v) for v in row]
        for row in frame.itertuples(index=False, name=None)
    ]
    assert parse(content)[1:] == expected


def test_exported_participants_under_a_city_filter_hold_exactly_that_citys_people(con):
    content = export.export_summary(con, "participants", Filters(cities=("bogota",)))
    rows = records(content)
    assert {r["name"] for r in rows} == BOGOTA
    assert {r["city"] for r in rows} == {"Bogotá"}


def test_accented_names_survive_the_round_trip(con):
    people = {r["name"] for r in records(export.export_summary(con, "participants", Filters()))}
    assert {"Oliver Jütersonke", "Bernardo Pérez"} <= people
    organizations = records(export.export_summary(con, "organizations", Filters()))
    assert "Laboratorio de Cohesión Social México - Unión Europea" in {
        r["organization"] for r in organizations
    }
    assert "Bogotá" in {r["city"] for r in records(export.export_summary(con, "cities", Filters()))}


def test_numbers_stay_numbers_including_negative_longitudes(con):
    cities = {r["city"]: r for r in records(export.export_summary(con, "cities", Filters()))}
    assert (cities["Bogotá"]["latitude"], cities["Bogotá"]["longitude"]) == ("4.711", "-74.0721")
    assert cities["Durban"]["latitude"] == "-29.8587"
    assert cities["San Fernando"]["longitude"] == ""
    assert cities["Bogotá"]["people"] == "5"


def test_missing_list_number_is_an_empty_cell_not_nan(con):
    rows = records(export.export_summary(con, "participants", Filters()))
    orlando = next(r for r in rows if r["name"] == "Leoluca Orlando")
    assert orlando["list_number"] == ""
    assert next(r for r in rows if r["name"] == "Juma Assiago")["list_number"] == "2"


def test_dates_are_written_as_plain_iso_dates(con):
    sessions = records(export.export_summary(con, "sessions", Filters()))
    assert [(s["date"], s["start"], s["end"]) for s in sessions] == [
        ("2015-09-21", "14:00", "15:15"),
        ("2015-09-21", "15:30", "16:45"),
    ]
    (meeting,) = records(export.export_summary(con, "meetings", Filters()))
    assert meeting["date"] == "2015-09-21"


# --- formula neutralisation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "=1+2",
        "+1+2",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(A1:A2)",
        "\t=1",
        "\r=1",
        "\n=1",
        '=HYPERLINK("http://example.com")',
        "-",
        "-1\n",
    ],
)
def test_formula_like_text_gains_one_leading_quote(text):
    assert export.neutralise(text) == "'" + text
    content = export.to_csv_bytes(pd.DataFrame({"cell": [text]}))
    assert parse(content) == [["cell"], ["'" + text]]


@pytest.mark.parametrize("text", ["-74.0721", "+1", "-5", "1e5", "-1.5E-3", ".5"])
def test_plain_numbers_written_as_text_are_left_alone(text):
    assert export.neutralise(text) == text


@pytest.mark.parametrize("text", ["Bogotá", "a=b", "x-1", " =1", "'quoted", "", "UN-Habitat"])
def test_ordinary_text_is_left_alone(text):
    assert export.neutralise(text) == text


def test_non_text_values_are_left_alone():
    assert export.neutralise(-74.0721) == -74.0721
    assert export.neutralise(-3) == -3
    assert export.neutralise(None) is None


def test_numeric_cells_are_written_intact_and_text_cells_neutralised():
    frame = pd.DataFrame(
        {
            "longitude": [-74.0721, 6.1432],
            "count": [-1, 2],
            "note": ["=cmd", "@x"],
        }
    )
    assert parse(export.to_csv_bytes(frame)) == [
        ["longitude", "count", "note"],
        ["-74.0721", "-1", "'=cmd"],
        ["6.1432", "2", "'@x"],
    ]


def test_formula_like_column_names_are_neutralised_too():
    frame = pd.DataFrame({"=evil": [1]})
    assert parse(export.to_csv_bytes(frame))[0] == ["'=evil"]


def test_quoted_commas_quotes_and_line_breaks_round_trip():
    text = 'Washington, D.C.; "quoted"\nsecond line'
    content = export.to_csv_bytes(pd.DataFrame({"a": [text], "b": ["Unión"]}))
    assert parse(content) == [["a", "b"], [text, "Unión"]]


def test_missing_values_are_empty_cells():
    frame = pd.DataFrame(
        {
            "float": [float("nan")],
            "int": pd.array([None], dtype="Int64"),
            "text": [None],
            "when": [pd.NaT],
        }
    )
    assert parse(export.to_csv_bytes(frame)) == [["float", "int", "text", "when"], ["", "", "", ""]]


def test_empty_frame_exports_its_header_only():
    assert export.to_csv_bytes(pd.DataFrame(columns=["a", "b"])) == BOM + b"a,b\r\n"


# --- the whole data set ---------------------------------------------------------------------------


def test_dataset_zip_holds_every_table_its_report_and_the_data_dictionary(con):
    archive = zipfile.ZipFile(io.BytesIO(export.dataset_zip(con, Filters())))
    assert sorted(archive.namelist()) == sorted(
        [t.file_name for t in TABLES]
        + ["DATA_DICTIONARY.md", "datapackage.json", "reports/twg-2015-bogota.txt"]
    )
    assert archive.read("DATA_DICTIONARY.md").decode("utf-8") == dictionary.markdown()
    for table in TABLES:
        header, *rows = parse(archive.read(table.file_name))
        assert header == list(table.column_names), table.name
    assert len(parse(archive.read("people.csv"))) == 1 + 23


def test_dataset_zip_is_byte_identical_across_runs(con):
    assert export.dataset_zip(con, Filters()) == export.dataset_zip(con, Filters())


def test_dataset_zip_tables_validate_as_a_data_folder(con, tmp_path):
    archive = zipfile.ZipFile(io.BytesIO(export.dataset_zip(con, Filters())))
    archive.extractall(tmp_path / "from-zip")
    assert [str(p) for p in validate(tmp_path / "from-zip")] == []


def test_dataset_zip_applies_the_meeting_filter(con):
    archive = zipfile.ZipFile(io.BytesIO(export.dataset_zip(con, Filters(meetings=("none",)))))
    assert len(parse(archive.read("participants.csv"))) == 1
    assert len(parse(archive.read("people.csv"))) == 1 + 23  # no meeting column: unfiltered


def test_zip_bytes_holds_the_files_given():
    archive = zipfile.ZipFile(io.BytesIO(export.zip_bytes({"a.csv": b"x", "b.md": b"y"})))
    assert {n: archive.read(n) for n in archive.namelist()} == {"a.csv": b"x", "b.md": b"y"}


def test_docs_data_dictionary_is_the_generated_one():
    docs = paths.PROJECT_ROOT / "docs" / "data-dictionary.md"
    assert docs.read_text(encoding="utf-8") == dictionary.markdown(), (
        "regenerate it: python -m twg_data dictionary -o docs/data-dictionary.md"
    )


def test_data_dictionary_documents_every_table_column_and_summary_column():
    text = dictionary.markdown()
    for table in TABLES:
        assert f"### `{table.file_name}`" in text
        for column in table.columns:
            assert f"| `{column.name}` |" in text
    for summary in SUMMARIES.values():
        assert f"### `{summary.name}`" in text
        for column in summary.columns:
            assert f"| `{column}` |" in text


def test_dataset_zip_carries_each_meetings_report_verbatim(con, report_text):
    archive = zipfile.ZipFile(io.BytesIO(export.dataset_zip(con, Filters())))
    assert archive.read("reports/twg-2015-bogota.txt").decode("utf-8") == report_text


def test_dataset_zip_for_another_meeting_leaves_the_bogota_report_out(second_meeting_dir, tmp_path):
    db = tmp_path / "two.duckdb"
    assert build_database(second_meeting_dir.path, db) == []
    with connect(db) as two:
        archive = zipfile.ZipFile(
            io.BytesIO(export.dataset_zip(two, Filters(meetings=("twg-2016-test",))))
        )
    assert not [n for n in archive.namelist() if n.startswith("reports/")]


def test_archives_are_compressed_not_stored(con):
    archive = zipfile.ZipFile(io.BytesIO(export.dataset_zip(con, Filters())))
    entries = archive.infolist()
    assert {e.compress_type for e in entries} == {zipfile.ZIP_DEFLATED}
    assert sum(e.compress_size for e in entries) < sum(e.file_size for e in entries) / 2


def test_times_are_written_as_the_report_and_the_curated_csv_give_them(con):
    text = export.export_summary(con, "sessions", Filters()).decode("utf-8-sig")
    assert "14:00" in text and "15:15" in text
    assert ":00:00" not in text and "15:15:00" not in text
