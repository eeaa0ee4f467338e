"""Build: CSV -> DuckDB, atomically; a broken CSV never replaces a good database."""

from __future__ import annotations

import csv
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from twg_data import paths
from twg_data.build import (
    build_database,
    connect,
    ensure_database,
    fingerprint,
    stored_fingerprint,
)
from twg_data.schema import TABLES
from twg_data.search.index import index_path
from twg_data.validate import validate

BROKEN_TIME = (
    "sessions.csv:2: start_time: expected a time as HH:MM between 00:00 and 23:59, got '25:00'"
)


def people_names(db: Path) -> set[str]:
    with connect(db) as con:
        return {name for (name,) in con.execute("SELECT name FROM people").fetchall()}


def people_count(db: Path) -> int:
    with connect(db) as con:
        return con.execute("SELECT count(*) FROM people").fetchone()[0]


def leftovers(folder: Path, db: Path) -> list[str]:
    """Files in folder other than the database itself and its search index (temp files, WAL
    files, ...)."""
    return sorted(p.name for p in folder.iterdir() if p not in (db, index_path(db)))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_build_creates_every_table_with_every_row(data_dir, tmp_path):
    db = tmp_path / "db" / "twg.duckdb"
    assert build_database(data_dir.path, db) == []
    with connect(db) as con:
        for table in TABLES:
            (count,) = con.execute(f"SELECT count(*) FROM {table.name}").fetchone()
            assert count == len(data_dir.rows(table.file_name)), table.name
        (stored,) = con.execute("SELECT fingerprint FROM build_info").fetchone()
    assert stored == fingerprint(data_dir.path)


def test_a_database_build_writes_no_search_index(data_dir, tmp_path):
    db = tmp_path / "db" / "twg.duckdb"
    assert build_database(data_dir.path, db) == []
    assert not index_path(db).exists()  # built after it, apart (`search.freshness`)
    assert ensure_database(data_dir.path, db).db_path == db
    assert not index_path(db).exists()


def test_build_types_values_as_the_schema_says(data_dir, tmp_path):
    db = tmp_path / "twg.duckdb"
    assert build_database(data_dir.path, db) == []
    with connect(db) as con:
        row = con.execute(
            "SELECT date, start_time, end_time, position FROM sessions WHERE session_id = 'focus-1'"
        ).fetchone()
        city = con.execute("SELECT latitude, longitude FROM cities WHERE city_id = 'bogota'")
        coordinates = city.fetchone()
    assert [str(v) for v in row] == ["2015-09-21", "14:00:00", "15:15:00", "1"]
    assert coordinates == (4.711, -74.0721)


def test_build_leaves_no_temporary_files_behind(data_dir, tmp_path):
    folder = tmp_path / "db"
    db = folder / "twg.duckdb"
    assert build_database(data_dir.path, db) == []
    assert build_database(data_dir.path, db) == []  # replacing an existing file too
    assert leftovers(folder, db) == []


def test_broken_csv_never_replaces_a_good_database(data_dir, tmp_path):
    db = tmp_path / "twg.duckdb"
    assert build_database(data_dir.path, db) == []
    before = (digest(db), db.stat().st_mtime_ns)
    data_dir.replace("sessions.csv", "14:00", "25:00")
    data_dir.replace("people.csv", "Anja Heuft", "Anja Heuft-Changed")

    problems = build_database(data_dir.path, db)

    assert [str(p) for p in problems] == [BROKEN_TIME]
    assert (digest(db), db.stat().st_mtime_ns) == before
    names = people_names(db)
    assert "Anja Heuft" in names and "Anja Heuft-Changed" not in names
    assert leftovers(tmp_path, db) == ["data"]


def test_broken_csv_with_no_database_yet_creates_none(data_dir, tmp_path):
    db = tmp_path / "db" / "twg.duckdb"
    data_dir.file("people.csv").unlink()
    assert [str(p) for p in build_database(data_dir.path, db)] == [
        "people.csv:0: (file): file is missing"
    ]
    assert not db.exists()


def test_ensure_database_builds_once_then_serves_the_same_file(data_dir, tmp_path):
    db = tmp_path / "twg.duckdb"
    first = ensure_database(data_dir.path, db)
    assert (first.db_path, first.rebuilt, first.problems, first.stale) == (db, True, (), False)
    mtime = db.stat().st_mtime_ns
    second = ensure_database(data_dir.path, db)
    assert (second.db_path, second.rebuilt, second.stale) == (db, False, False)
    assert second.fingerprint == first.fingerprint
    assert db.stat().st_mtime_ns == mtime


def test_ensure_database_reports_stale_data_then_rebuilds_once_fixed(data_dir, tmp_path):
    db = tmp_path / "twg.duckdb"
    assert ensure_database(data_dir.path, db).rebuilt
    before = digest(db)
    good_sessions = data_dir.text("sessions.csv")
    data_dir.replace("sessions.csv", "14:00", "25:00")
    data_dir.replace("people.csv", "Anja Heuft", "Anja Heuft-Changed")

    stale = ensure_database(data_dir.path, db)

    assert stale.stale
    assert stale.db_path == db  # the last good database is still served
    assert [str(p) for p in stale.problems] == [BROKEN_TIME]
    assert stale.rebuilt is False
    assert digest(db) == before
    assert "Anja Heuft" in people_names(db)

    data_dir.write("sessions.csv", good_sessions)
    fixed = ensure_database(data_dir.path, db)

    assert (fixed.rebuilt, fixed.stale, fixed.problems, fixed.db_path) == (True, False, (), db)
    assert "Anja Heuft-Changed" in people_names(db)
    assert stored_fingerprint(db) == fingerprint(data_dir.path) == fixed.fingerprint


def test_ensure_database_without_a_good_database_serves_nothing(data_dir, tmp_path):
    db = tmp_path / "twg.duckdb"
    data_dir.replace("sessions.csv", "14:00", "25:00")
    status = ensure_database(data_dir.path, db)
    assert status.db_path is None
    assert status.stale is False  # nothing old is being served
    assert [str(p) for p in status.problems] == [BROKEN_TIME]
    assert not db.exists()


def test_connecting_after_a_rebuild_serves_the_new_file_while_an_old_connection_is_open(
    data_dir, tmp_path
):
    # The app keeps one connection open and replaces it after a rebuild; DuckDB shares one
    # instance per path in a process, which used to hand back the replaced file.
    db = tmp_path / "twg.duckdb"
    assert ensure_database(data_dir.path, db).rebuilt
    old = connect(db)
    try:
        data_dir.replace("people.csv", "Anja Heuft", "Anja Heuft-Changed")
        assert ensure_database(data_dir.path, db).rebuilt
        with connect(db) as new:
            (name,) = new.execute(
                "SELECT name FROM people WHERE person_id = 'anja-heuft'"
            ).fetchone()
            assert name == "Anja Heuft-Changed"
            assert new.cursor().execute("SELECT count(*) FROM people").fetchone() == (23,)
        (old_name,) = old.execute(
            "SELECT name FROM people WHERE person_id = 'anja-heuft'"
        ).fetchone()
        assert old_name == "Anja Heuft"  # queries running on the old file are not disturbed
    finally:
        old.close()
    assert leftovers(tmp_path, db) == ["data"]


def test_ensure_database_does_not_rebuild_again_while_an_old_connection_is_open(data_dir, tmp_path):
    db = tmp_path / "twg.duckdb"
    assert ensure_database(data_dir.path, db).rebuilt
    with connect(db):
        data_dir.replace("people.csv", "Anja Heuft", "Anja Heuft-Changed")
        assert ensure_database(data_dir.path, db).rebuilt
        mtime = db.stat().st_mtime_ns
        again = ensure_database(data_dir.path, db)
        assert again.rebuilt is False
        assert db.stat().st_mtime_ns == mtime
        assert stored_fingerprint(db) == fingerprint(data_dir.path)


def test_connecting_to_a_missing_database_fails_and_leaves_no_file(tmp_path):
    with pytest.raises(duckdb.Error):
        connect(tmp_path / "missing.duckdb")
    assert list(tmp_path.iterdir()) == []


def make_it_look_built_by_older_code(db: Path) -> None:
    """As if built before the schema gained a table: key_points is absent."""
    with duckdb.connect(str(db)) as con:
        con.execute("DROP TABLE key_points")
        con.execute("ALTER TABLE build_info DROP COLUMN IF EXISTS schema")


def test_database_built_for_another_schema_is_not_served_as_last_good(data_dir, tmp_path):
    # e.g. new code adds a table, and the data folder lacks its CSV: serving the old file
    # would make every query of the new table fail
    db = tmp_path / "twg.duckdb"
    assert build_database(data_dir.path, db) == []
    make_it_look_built_by_older_code(db)
    data_dir.replace("sessions.csv", "14:00", "25:00")

    status = ensure_database(data_dir.path, db)

    assert status.db_path is None
    assert status.stale is False
    assert [str(p) for p in status.problems] == [BROKEN_TIME]


def test_database_built_for_another_schema_is_rebuilt_from_sound_data(data_dir, tmp_path):
    db = tmp_path / "twg.duckdb"
    assert build_database(data_dir.path, db) == []
    make_it_look_built_by_older_code(db)
    assert stored_fingerprint(db) is None
    status = ensure_database(data_dir.path, db)
    assert (status.db_path, status.rebuilt) == (db, True)
    with connect(db) as con:
        assert con.execute("SELECT count(*) FROM key_points").fetchone() == (9,)


def test_stored_fingerprint_of_a_missing_or_foreign_file_is_none(tmp_path):
    assert stored_fingerprint(tmp_path / "missing.duckdb") is None
    not_duckdb = tmp_path / "notes.duckdb"
    not_duckdb.write_text("not a database")
    assert stored_fingerprint(not_duckdb) is None
    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE t (x INTEGER)")
    assert stored_fingerprint(other) is None


def test_a_database_without_build_info_is_rebuilt(data_dir, tmp_path):
    db = tmp_path / "twg.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE people (person_id VARCHAR)")
    assert ensure_database(data_dir.path, db).rebuilt
    assert people_count(db) == 23


def test_fingerprint_changes_when_a_csv_changes(data_dir):
    before = fingerprint(data_dir.path)
    assert fingerprint(data_dir.path) == before
    data_dir.replace("people.csv", "Anja Heuft", "Anja Heuft-Changed")
    assert fingerprint(data_dir.path) != before


def test_abandoned_temp_files_of_dead_builds_are_removed_by_the_next_build(data_dir, tmp_path):
    db = tmp_path / "db" / "twg.duckdb"
    db.parent.mkdir()
    dead_pid = int(
        subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    abandoned = db.parent / f".twg.duckdb.{dead_pid}-0123abcd.tmp"
    abandoned_wal = db.parent / f".twg.duckdb.{dead_pid}-0123abcd.tmp.wal"
    running = db.parent / f".twg.duckdb.{os.getpid()}-4567cdef.tmp"
    for path in (abandoned, abandoned_wal, running):
        path.write_bytes(b"partial")

    assert build_database(data_dir.path, db) == []

    assert leftovers(db.parent, db) == [running.name]


# --- a build killed part-way ------------------------------------------------------------------


def _grow(folder, copies: int) -> None:
    """Make people.csv and participants.csv about copies * 23 rows long (valid data)."""
    people = folder.rows("people.csv")
    participants = folder.rows("participants.csv")
    extra_people, extra_participants = [], []
    for i in range(copies):
        for person in people:
            extra_people.append({**person, "person_id": f"{person['person_id']}-{i}"})
        for participant in participants:
            extra_participants.append(
                {**participant, "person_id": f"{participant['person_id']}-{i}", "list_number": ""}
            )
    folder.append_rows("people.csv", extra_people)
    folder.append_rows("participants.csv", extra_participants)


def _build_in_subprocess(data: Path, db: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(paths.PROJECT_ROOT)}
    # build_database alone (the command line builds the search index after it)
    code = "import sys; from twg_data.build import build_database as b; b(*sys.argv[1:])"
    return subprocess.Popen(
        [sys.executable, "-c", code, str(data), str(db)],
        cwd=paths.PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for_temp_file(process: subprocess.Popen, db: Path, timeout: float = 30) -> bool:
    """Wait until the build writes its temporary database; False if it ended first."""
    prefix = f".{db.name}.{process.pid}-"  # this build's, not one a killed build left
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(p.name.startswith(prefix) for p in db.parent.iterdir()):
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.005)
    raise AssertionError("the build neither started writing nor ended")


def test_build_killed_part_way_leaves_the_previous_database_intact(data_dir, tmp_path):
    db_folder = tmp_path / "db"
    db = db_folder / "twg.duckdb"
    assert build_database(data_dir.path, db) == []
    good, good_fingerprint, good_people = digest(db), stored_fingerprint(db), 23
    small = {name: data_dir.text(name) for name in ("people.csv", "participants.csv")}
    _grow(data_dir, copies=2200)  # ~50,000 people and participants
    assert len(data_dir.rows("people.csv")) > 50_000

    killed_while_writing = 0
    # None: kill before the build starts writing (while it reads and validates the CSVs);
    # a number: kill that many seconds after its temporary database appears.
    for delay in (None, 0.0, 0.2):
        process = _build_in_subprocess(data_dir.path, db)
        try:
            if delay is None:
                time.sleep(0.5)
                writing = False
            else:
                writing = _wait_for_temp_file(process, db)
                time.sleep(delay)
            process.send_signal(signal.SIGKILL)
        finally:
            returncode = process.wait()
        if returncode == -signal.SIGKILL:
            killed_while_writing += writing
            assert digest(db) == good, f"killed after {delay}s: the database changed"
            assert stored_fingerprint(db) == good_fingerprint
            assert people_count(db) == good_people
        else:  # the build finished before the kill: then it must be complete
            assert returncode == 0
            good, good_fingerprint = digest(db), stored_fingerprint(db)
            good_people = people_count(db)
            assert good_people > 50_000
    assert killed_while_writing >= 1, "no kill landed while the database was being written"

    # the next build clears what the killed builds left behind
    for name, text in small.items():
        data_dir.write(name, text)
    assert build_database(data_dir.path, db) == []
    assert leftovers(db_folder, db) == []
    assert people_count(db) == 23


# --- where the data and the database are ------------------------------------------------------


def test_twg_data_dir_is_honoured(monkeypatch, tmp_path):
    monkeypatch.setenv("TWG_DATA_DIR", str(tmp_path / "elsewhere"))
    assert paths.data_dir() == tmp_path / "elsewhere"


def test_data_dir_defaults_to_the_projects_data_folder(monkeypatch):
    monkeypatch.delenv("TWG_DATA_DIR", raising=False)
    assert paths.data_dir() == paths.PROJECT_ROOT / "data"


def test_twg_db_path_is_honoured(monkeypatch, tmp_path):
    monkeypatch.setenv("TWG_DB_PATH", str(tmp_path / "my.duckdb"))
    assert paths.db_path() == tmp_path / "my.duckdb"
    assert paths.db_path(tmp_path / "any-data") == tmp_path / "my.duckdb"


def test_default_db_path_is_in_the_cache_folder_and_differs_per_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("TWG_DB_PATH", raising=False)
    first, second = paths.db_path(tmp_path / "a"), paths.db_path(tmp_path / "b")
    assert first.parent == second.parent == paths.PROJECT_ROOT / ".cache"
    assert first != second
    assert first.suffix == ".duckdb"
    assert paths.db_path(tmp_path / "a") == first  # stable


def test_default_db_path_follows_twg_data_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("TWG_DB_PATH", raising=False)
    monkeypatch.setenv("TWG_DATA_DIR", str(tmp_path / "a"))
    assert paths.db_path() == paths.db_path(tmp_path / "a")


def test_ensure_database_through_the_environment_uses_the_named_folders(twg_env):
    db = paths.db_path()
    assert db.parent.name == "env-db"
    status = ensure_database(paths.data_dir(), db)
    assert (status.db_path, status.problems) == (db, ())
    with connect(db) as con:
        (data_dir,) = con.execute("SELECT data_dir FROM build_info").fetchone()
    assert Path(data_dir) == twg_env.path.resolve()


def test_grown_data_is_still_valid(data_dir):
    # guards the kill test: the grown folder must be valid, or its builds end early
    _grow(data_dir, copies=3)
    assert validate(data_dir.path) == []
    with data_dir.file("people.csv").open(encoding="utf-8", newline="") as file:
        assert sum(1 for _ in csv.reader(file)) == 1 + 23 * 4
