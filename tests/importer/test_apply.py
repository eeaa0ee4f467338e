"""`import` writes a complete draft folder and never the data; `apply` validates, writes all
files or none, keeps the previous version and refuses a draft older than the data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import REPO, copy_shipped_data
from tests.importer import report_files
from tests.importer.test_recognise import REPORTS
from twg_data import datapackage, journal, paths, write_lock
from twg_data.build import build_database, connect
from twg_data.cli import main
from twg_data.filters import Filters
from twg_data.importer import draft_report, write_draft
from twg_data.importer.apply import ApplyError, apply_draft
from twg_data.importer.edits import confirm, dismiss
from twg_data.importer.folder import fingerprints, read_tables
from twg_data.validate import validate

KAMPALA = REPORTS / "kampala.md"
GENEVA = REPORTS / "geneva.txt"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "twg_data", *args], cwd=REPO, capture_output=True, text=True
    )


def test_import_writes_a_complete_folder_that_validates_and_never_the_data(data_dir, tmp_path):
    before = fingerprints(data_dir.path)
    out = tmp_path / "draft"
    result = run(
        "import",
        str(GENEVA),
        "--meeting-id",
        "twg-2017-geneva",
        "--data",
        str(data_dir.path),
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    # 'Programme' over the panels heads no text of its own: kept as a passage of its own.
    assert "drafted 16 sources, 1 meetings" in result.stdout
    assert fingerprints(data_dir.path) == before
    tables = read_tables(out)
    assert len(tables["meetings"]) == 2 and len(tables["participants"]) == 23 + 4
    assert (out / "reports" / "twg-2017-geneva.txt").read_text() == GENEVA.read_text()
    review = (out / "REVIEW.md").read_text()
    assert "| women-for-peace-network | organization_type_id |" in review
    assert "`twg-2017-geneva-16` (Participants): Amina Diallo, Coordinator" in review
    # What validation still wants is what the curator must add: classifications, coordinates.
    problems = sorted((p.file, p.line, p.column) for p in validate(out))
    assert problems == [
        ("organizations.csv", line, column)
        for line in (23, 24)  # Ville de Genève, Women for Peace Network
        for column in ("classification_basis", "organization_type_id")
    ]


def import_into(report: Path, data: Path, out: Path, meeting_id: str = "twg-x"):
    """`python -m twg_data import REPORT --meeting-id ID --data DATA -o OUT`."""
    return run(
        "import", str(report), "--meeting-id", meeting_id, "--data", str(data), "-o", str(out)
    )


def test_import_refuses_an_existing_or_inner_output_folder(data_dir, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    result = import_into(GENEVA, data_dir.path, tmp_path / "full")
    assert result.returncode == 2 and "exists and is not empty" in result.stderr
    assert (tmp_path / "full" / "keep.txt").read_text() == "mine"
    inner = data_dir.path / "drafts"
    result = import_into(GENEVA, data_dir.path, inner)
    assert result.returncode == 2 and "outside the data folder" in result.stderr
    assert not inner.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty.txt: the file is empty"),
        ("scan.pdf", None, "the PDF holds no text"),
        ("bomb.docx", None, "refused: it would unpack to"),
    ],
)
def test_a_bad_report_is_one_line_of_error_and_writes_nothing(
    data_dir, tmp_path, name, content, message
):
    made = {"scan.pdf": report_files.image_only_pdf, "bomb.docx": report_files.zip_bomb_docx}
    path = tmp_path / name
    path.write_bytes(content if content is not None else made[name]())
    before = fingerprints(data_dir.path)
    result = run(
        "import",
        str(path),
        "--meeting-id",
        "twg-bad",
        "--data",
        str(data_dir.path),
        "-o",
        str(tmp_path / "out"),
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() and fingerprints(data_dir.path) == before


def kampala_draft(data: Path, tmp_path: Path, name: str = "draft") -> Path:
    draft = draft_report(KAMPALA.name, KAMPALA.read_bytes(), "twg-2016-kampala", data)
    # The curator's part: the identity confirmed, the classifications and coordinates added.
    confirm(draft, draft.suggestions[0], read_tables(data)["people"][16])
    (organization,) = draft.rows["organizations"]
    organization.update(
        organization_type_id="city-government",
        practice_community_id="urban-safety",
        classification_basis="Type: city government (test). Community: urban safety (test).",
    )
    (city,) = draft.rows["cities"]
    city.update(latitude="0.3476", longitude="32.5825")
    out = tmp_path / name
    write_draft(draft, data, out)
    return out


def test_confirming_an_identity_reuses_the_id_and_records_the_alias(data_dir, tmp_path):
    out = kampala_draft(data_dir.path, tmp_path)
    tables = read_tables(out)
    zapata = next(p for p in tables["people"] if p["person_id"] == "luis-antonio-zapata-guerrero")
    assert zapata["aliases"] == "Antonio Zapata | Antonio Zapata Guerrero"
    assert "antonio-zapata-guerrero" not in {p["person_id"] for p in tables["people"]}
    speakers = [s["person_id"] for s in tables["speakers"] if s["meeting_id"] == "twg-2016-kampala"]
    assert speakers == ["juma-assiago", "luis-antonio-zapata-guerrero"]
    # Rows untouched by the draft keep their bytes.
    original = (data_dir.path / "people.csv").read_text().splitlines()
    assert (out / "people.csv").read_text().splitlines()[: len(original)] != original
    assert (
        sum(
            a != b
            for a, b in zip(original, (out / "people.csv").read_text().splitlines(), strict=False)
        )
        == 1
    )


def test_apply_writes_the_draft_keeps_the_previous_version_and_logs_it(data_dir, tmp_path):
    out = kampala_draft(data_dir.path, tmp_path)
    assert validate(out) == []
    before = {name: (data_dir.path / name).read_bytes() for name in ("people.csv", "meetings.csv")}
    applied = apply_draft(out, data_dir.path, now=datetime(2026, 11, 25, 10, 0, tzinfo=UTC))
    assert validate(data_dir.path) == []
    tables = read_tables(data_dir.path)
    assert [m["meeting_id"] for m in tables["meetings"]] == ["twg-2015-bogota", "twg-2016-kampala"]
    assert {
        "cities.csv",
        "countries.csv",
        "people.csv",
        "reports/twg-2016-kampala.txt",
        "datapackage.json",
    } <= set(applied.files)
    assert applied.backup == data_dir.path / ".history" / "20261125T100000000000Z"
    for name, content in before.items():
        assert (applied.backup / name).read_bytes() == content
    log = (data_dir.path / ".history" / "CHANGELOG.md").read_text()
    assert "meeting twg-2016-kampala from kampala.md" in log
    assert "Changed: countries: CAN, KEN; people: luis-antonio-zapata-guerrero." in log
    assert (
        '"path": "reports/twg-2016-kampala.txt"' in (data_dir.path / "datapackage.json").read_text()
    )
    # Written from the tables, no database built: what a database of the data would give.
    db = tmp_path / "applied.duckdb"
    assert build_database(data_dir.path, db) == []
    with connect(db) as con:
        expected = datapackage.descriptor_bytes(con, Filters())
    assert (data_dir.path / "datapackage.json").read_bytes() == expected


def test_apply_refuses_when_the_data_changed_after_the_draft(data_dir, tmp_path):
    out = kampala_draft(data_dir.path, tmp_path)
    data_dir.replace("people.csv", "Achim Wennmann", "Achim Wenmann")
    before = fingerprints(data_dir.path)
    with pytest.raises(
        ApplyError, match=r"the data changed after the draft was made \(people.csv\)"
    ):
        apply_draft(out, data_dir.path)
    assert fingerprints(data_dir.path) == before and not (data_dir.path / ".history").exists()


def test_apply_refuses_a_draft_with_problems_and_lists_them(data_dir, tmp_path):
    draft = draft_report(GENEVA.name, GENEVA.read_bytes(), "twg-2017-geneva", data_dir.path)
    write_draft(draft, data_dir.path, tmp_path / "draft")
    before = fingerprints(data_dir.path)
    with pytest.raises(ApplyError) as error:
        apply_draft(tmp_path / "draft", data_dir.path)
    assert "problem(s); fix them in the draft first" in str(error.value)
    assert {p.column for p in error.value.problems} == {
        "organization_type_id",
        "classification_basis",
    }
    assert fingerprints(data_dir.path) == before


def test_a_failed_write_puts_every_file_back(data_dir, tmp_path, monkeypatch):
    out = kampala_draft(data_dir.path, tmp_path)
    before = fingerprints(data_dir.path)
    real_replace = os.replace

    def failing(source, target):  # the fourth file cannot be replaced, once
        if Path(target) == data_dir.path / "key_points.csv" and not failing.failed:
            failing.failed = True
            raise OSError(28, "No space left on device")
        return real_replace(source, target)

    failing.failed = False
    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(ApplyError, match="writing failed .* the previous data is restored"):
        apply_draft(out, data_dir.path)
    assert failing.failed
    assert fingerprints(data_dir.path) == before
    assert not (data_dir.path / journal.WORK).exists()
    assert not (data_dir.path / ".history").exists()  # no backup without its entry


def test_a_live_apply_refuses_another_and_names_the_data_folder(data_dir, tmp_path):
    out = kampala_draft(data_dir.path, tmp_path)
    before = fingerprints(data_dir.path)
    with journal.transaction(data_dir.path), pytest.raises(ApplyError) as refused:
        apply_draft(out, data_dir.path)
    assert str(refused.value).startswith(f"{data_dir.path}: another apply is under way (since ")
    assert f"process {os.getpid()} on " in str(refused.value)
    assert str(refused.value).endswith("try again when it has finished")
    assert fingerprints(data_dir.path) == before
    assert not (data_dir.path / journal.WORK).exists()  # the lock went with its holder


def test_a_lock_from_another_computer_refuses_and_says_how_to_clear_it(data_dir, tmp_path):
    out = kampala_draft(data_dir.path, tmp_path)
    elsewhere = replace(write_lock.Owner.current(), host="another-laptop")
    (data_dir.path / journal.WORK).mkdir()
    (data_dir.path / journal.WORK / write_lock.LOCK).write_text(json.dumps(asdict(elsewhere)))
    with pytest.raises(ApplyError) as refused:
        apply_draft(out, data_dir.path)
    assert f"process {elsewhere.pid} on another-laptop" in str(refused.value)
    assert str(refused.value).endswith(
        f"try again when it has finished (if none is, delete {data_dir.path}/.applying/lock)"
    )


def kill_apply(draft: Path, data: Path, point: str) -> None:
    """`python -m twg_data apply DRAFT --data DATA`, killed at a point of its writing."""
    env = {**os.environ, journal.KILL_AT: point}
    args = [sys.executable, "-m", "twg_data", "apply", str(draft), "--data", str(data)]
    assert subprocess.run(args, cwd=REPO, env=env, capture_output=True).returncode == -9


def test_the_next_apply_completes_an_interrupted_one_and_says_so(data_dir, tmp_path):
    out = kampala_draft(data_dir.path, tmp_path)
    kill_apply(out, data_dir.path, "replacing:3")
    with pytest.raises(ApplyError) as refused:  # its own draft is now older than the data
        apply_draft(out, data_dir.path)
    assert str(refused.value).startswith(
        "A previous apply was interrupted; it was completed. "
        f"{data_dir.path}: the data changed after the draft was made"
    )
    assert refused.value.recovered == journal.COMPLETED
    assert "twg-2016-kampala" in {m["meeting_id"] for m in read_tables(data_dir.path)["meetings"]}
    assert validate(data_dir.path) == [] and not (data_dir.path / journal.WORK).exists()


def test_the_next_apply_undoes_an_interrupted_one_then_applies(data_dir, tmp_path, capsys):
    out = kampala_draft(data_dir.path, tmp_path)
    kill_apply(out, data_dir.path, "saved")
    assert main(["apply", str(out), "--data", str(data_dir.path)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "A previous apply was interrupted; it was undone."
    assert printed[1].startswith(f"applied meeting twg-2016-kampala to {data_dir.path}: ")
    log = (data_dir.path / ".history" / "CHANGELOG.md").read_text()
    assert log.count("meeting twg-2016-kampala") == 1
    assert len([p for p in (data_dir.path / ".history").iterdir() if p.is_dir()]) == 1


def test_messages_name_the_data_folder_as_its_user_knows_it(tmp_path, monkeypatch):
    project = tmp_path / "project"
    copy_shipped_data(project / "data")
    monkeypatch.setattr(paths, "PROJECT_ROOT", project)
    monkeypatch.delenv("TWG_DATA_DIR", raising=False)
    out = kampala_draft(paths.data_dir(), tmp_path)
    (paths.data_dir() / "people.csv").write_text("changed since the draft\n")
    with pytest.raises(ApplyError) as refused:
        apply_draft(out, paths.data_dir())
    assert str(refused.value).startswith("data: the data changed after the draft was made")
    assert str(tmp_path) not in str(refused.value)
    monkeypatch.chdir(project)
    monkeypatch.setenv("TWG_DATA_DIR", "./data")  # as the operator wrote it
    with journal.transaction(paths.data_dir()), pytest.raises(ApplyError) as refused:
        apply_draft(out, paths.data_dir())
    assert str(refused.value).startswith("./data: another apply is under way")
    assert paths.shown_data_dir(tmp_path / "elsewhere") == str(tmp_path / "elsewhere")


def test_apply_from_the_command_line_and_a_second_time_refused(data_dir, tmp_path):
    out = kampala_draft(data_dir.path, tmp_path)
    assert main(["apply", str(out), "--data", str(data_dir.path)]) == 0
    assert main(["apply", str(out), "--data", str(data_dir.path)]) == 2  # the data moved on
    assert main(["apply", str(tmp_path), "--data", str(data_dir.path)]) == 2  # not a draft


def test_two_forms_of_a_new_name_in_one_report_are_suggested_and_merged_on_confirm(
    data_dir, tmp_path
):
    report = (
        b"Report on the seventh meeting, Quito, 1 March 2019\n\nSession 1: Talks (9.00-10.00)\n\n"
        b"Speakers:\n\n- Maria Fernanda Lopez Vega, Mayor of Somewhere\n\nParticipants\n\n"
        b"1. Maria Lopez Vega, Mayor, City of Quito, Quito, Ecuador\n"
    )
    draft = draft_report("seventh.txt", report, "twg-2019-quito", data_dir.path)
    (suggestion,) = draft.suggestions
    assert (suggestion.drafted_name, suggestion.existing_name) == (
        "Maria Fernanda Lopez Vega",
        "Maria Lopez Vega",
    )
    existing = next(p for p in draft.rows["people"] if p["person_id"] == suggestion.existing_id)
    confirm(draft, suggestion, existing)
    assert [(p["person_id"], p["aliases"]) for p in draft.rows["people"]] == [
        ("maria-lopez-vega", "Maria Fernanda Lopez Vega")
    ]
    assert [s["person_id"] for s in draft.rows["speakers"]] == ["maria-lopez-vega"]
    assert [p["person_id"] for p in draft.rows["participants"]] == ["maria-lopez-vega"]


def test_different_keeps_the_new_person_and_drops_the_question(data_dir):
    draft = draft_report(KAMPALA.name, KAMPALA.read_bytes(), "twg-2016-kampala", data_dir.path)
    (suggestion,) = draft.suggestions
    dismiss(draft, suggestion)
    assert draft.suggestions == [] and draft.changes.get("people") is None
    assert "antonio-zapata-guerrero" in {p["person_id"] for p in draft.rows["people"]}
