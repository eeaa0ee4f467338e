"""The Frictionless Data Package: generated from the schema, current, and valid for Frictionless.

Frictionless itself (a dev dependency) judges the descriptor and the data: it must accept the
shipped data and refuse a dangling reference and a duplicate key, as our own validator does.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import frictionless
import pytest

from twg_data import datapackage, export
from twg_data.build import connect
from twg_data.filters import Filters
from twg_data.paths import PROJECT_ROOT
from twg_data.schema import TABLES
from twg_data.schema_model import DUCKDB_TYPES
from twg_data.validate import validate

DESCRIPTOR = "datapackage.json"


@pytest.fixture(scope="module")
def descriptor(shipped_db):
    with connect(shipped_db) as con:
        return datapackage.descriptor(con, Filters())


def frictionless_errors(folder) -> list[tuple[str, str]]:
    report = frictionless.validate(str(folder / DESCRIPTOR))
    return [(task.name, error.type) for task in report.tasks for error in task.errors]


def test_the_shipped_descriptor_is_current(con):
    shipped = (PROJECT_ROOT / "data" / DESCRIPTOR).read_bytes()
    assert shipped == datapackage.descriptor_bytes(con, Filters()), (
        "data/datapackage.json is stale: run `python -m twg_data datapackage`"
    )


def test_every_table_is_a_resource_with_its_keys(descriptor):
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert list(resources) == [t.name for t in TABLES]
    speakers = resources["speakers"]["schema"]
    assert speakers["primaryKey"] == ["meeting_id", "session_id", "position"]
    assert {
        "fields": ["meeting_id", "session_id"],
        "reference": {"resource": "sessions", "fields": ["meeting_id", "session_id"]},
    } in speakers["foreignKeys"]
    parents = resources["organizations"]["schema"]["foreignKeys"]
    assert {
        "fields": ["parent_organization_id"],
        "reference": {"resource": "", "fields": ["organization_id"]},
    } in parents


def test_fields_carry_types_required_values_and_ranges(descriptor):
    fields = {
        (r["name"], f["name"]): f for r in descriptor["resources"] for f in r["schema"]["fields"]
    }
    assert fields["objectives", "scope"]["constraints"] == {
        "required": True,
        "enum": ["twg", "meeting"],
    }
    assert fields["cities", "latitude"] == {
        "name": "latitude",
        "type": "number",
        "description": "WGS84 latitude (curated).",
        "constraints": {"minimum": -90, "maximum": 90},
    }
    assert fields["sessions", "start_time"]["type"] == "time"
    assert fields["sessions", "start_time"]["format"] == "any"  # HH:MM or HH:MM:SS
    assert fields["meetings", "date"]["type"] == "date"
    assert fields["sdg_targets", "goal"]["constraints"]["maximum"] == 17


def test_sources_licences_and_contributors_come_from_the_data(descriptor):
    assert descriptor["sources"] == [
        {
            "title": "Report on the second meeting of the Technical Working Group Bogota, "
            "21 September 2015",
            "path": "reports/twg-2015-bogota.txt",
        }
    ]
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    # The report's issuing body as its title page names it (sources.csv, first passage).
    assert descriptor["contributors"] == [
        {"title": "The TWG dashboard contributors", "role": "author"},
        {
            "title": "Technical Working Group on the Confluence of Urban Safety and "
            "Peacebuilding Practice",
            "role": "contributor",
        },
    ]


def test_every_column_type_of_the_schema_has_a_table_schema_type():
    assert set(datapackage.FIELD_TYPES) == set(DUCKDB_TYPES)


def test_text_fields_carry_the_characters_validation_refuses_as_a_pattern(descriptor):
    fields = {
        (r["name"], f["name"]): f for r in descriptor["resources"] for f in r["schema"]["fields"]
    }
    assert fields["people", "person_id"]["constraints"]["pattern"] == (
        datapackage.IDENTIFIER_PATTERN
    )
    assert fields["sources", "passage"]["constraints"]["pattern"] == datapackage.FREE_TEXT_PATTERN
    assert "pattern" not in fields["objectives", "scope"]["constraints"]  # enum says it all


def test_frictionless_accepts_the_shipped_data_package():
    assert frictionless_errors(PROJECT_ROOT / "data") == []


def test_the_frictionless_command_line_accepts_it_too():
    result = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", f"data/{DESCRIPTOR}"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:]


def with_descriptor(data_dir, shipped_db):
    """The data folder with the shipped data's descriptor, which Frictionless accepts."""
    with connect(shipped_db) as con:
        data_dir.file(DESCRIPTOR).write_bytes(datapackage.descriptor_bytes(con, Filters()))
    assert frictionless_errors(data_dir.path) == []
    return data_dir


@pytest.mark.parametrize(
    ("file", "old", "new", "resource", "error"),
    [
        ("participants.csv", ",anja-heuft,", ",anja-heuft-x,", "participants", "foreign-key"),
        ("speakers.csv", ",focus-1,2,", ",focus-9,2,", "speakers", "foreign-key"),
        ("people.csv", "anja-heuft,", "achim-wennmann,", "people", "primary-key"),
        ("speakers.csv", ",focus-1,2,", ",focus-1,1,", "speakers", "primary-key"),
        (
            "organizations.csv",
            "Colombia,,,,academic",
            "Colombia,,,nowhere,academic",
            "organizations",
            "foreign-key",
        ),
        # What validation refuses in a cell, Frictionless refuses by the fields' patterns.
        ("sources.csv", "focal points", "focal\x00 points", "sources", "constraint-error"),
        ("people.csv", "Anja Heuft", "Anja\u200b Heuft", "people", "constraint-error"),
        ("people.csv", "\nanja-heuft,", "\nanja\u202eheuft,", "people", "constraint-error"),
        ("people.csv", "\nanja-heuft,", '\n"anja-heuft\n",', "people", "constraint-error"),
        # A cell of spaces is empty to our validator, text to Frictionless: both refuse it.
        ("cities.csv", "abidjan,Abidjan,,CIV,", "abidjan,Abidjan,,  ,", "cities", "foreign-key"),
        ("cities.csv", ",5.36,", ", ,", "cities", "type-error"),
    ],
)
def test_frictionless_and_our_validator_both_refuse_broken_data(
    data_dir, shipped_db, file, old, new, resource, error
):
    with_descriptor(data_dir, shipped_db)
    data_dir.replace(file, old, new)
    assert (resource, error) in frictionless_errors(data_dir.path)
    assert [p for p in validate(data_dir.path) if p.file == file]


@pytest.mark.parametrize(
    ("file", "change"),
    [
        ("people.csv", lambda text: text + ",,,\n,,,\n"),  # the empty rows Excel leaves
        ("people.csv", lambda text: text.replace("\nanja-heuft,", "\n\nanja-heuft,")),
        ("sessions.csv", lambda text: text.replace(",14:00,15:15,", ",14:00:00,15:15:00,")),
        ("sources.csv", lambda text: text.replace("focal points", "focal\tpoints\r\non")),
        ("people.csv", lambda text: "\ufeff" + text.replace("\n", "\r\n")),
    ],
    ids=["trailing-empty-rows", "blank-line", "seconds", "tab-crlf-in-passage", "bom-crlf"],
)
def test_what_our_validator_accepts_frictionless_accepts_too(data_dir, shipped_db, file, change):
    with_descriptor(data_dir, shipped_db)
    data_dir.write(file, change(data_dir.text(file)))
    assert data_dir.text(file) != (PROJECT_ROOT / "data" / file).read_text(encoding="utf-8")
    assert validate(data_dir.path) == []
    assert frictionless_errors(data_dir.path) == []


def test_the_dataset_zip_is_a_valid_data_package(con, tmp_path):
    archive = zipfile.ZipFile(io.BytesIO(export.dataset_zip(con, Filters())))
    archive.extractall(tmp_path / "zip")
    assert json.loads(archive.read(DESCRIPTOR))["name"] == datapackage.NAME
    assert frictionless_errors(tmp_path / "zip") == []
