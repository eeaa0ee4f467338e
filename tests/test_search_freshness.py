"""The search index built after the database, apart from it: in the background one build at a
time, a second process waiting for the first rather than repeating it, and a build that fails
or is killed leaving the index served as it was and nothing half-written behind."""

from __future__ import annotations

import importlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import DataFolder
from twg_data import paths
from twg_data.build import connect, ensure_database
from twg_data.search import freshness
from twg_data.search import index as search_index
from twg_data.search.find import find
from twg_data.search.index import built_from, index_path

try:
    import fcntl
except ImportError:
    fcntl = None


@pytest.fixture
def db(data_dir: DataFolder, tmp_path: Path) -> Path:
    """A database with its index built, then the data changed and the database rebuilt: the
    index served is now the old data's."""
    path = tmp_path / "db" / "twg.duckdb"
    ensure_database(data_dir.path, path)
    assert freshness.ensure_index(path).ready
    data_dir.replace("sources.csv", "City to city exchange", "Zeppelin exchange")
    data_dir.replace("key_points.csv", "City to city exchange", "Zeppelin exchange")
    assert ensure_database(data_dir.path, path).rebuilt
    assert not freshness.index_state(path).ready
    return path


def leftovers(index: Path) -> list[str]:
    return sorted(p.name for p in index.iterdir() if p.name.startswith(".tmp-"))


def test_a_failed_build_leaves_the_index_served_and_nothing_behind(db, monkeypatch):
    index = index_path(db)
    pointer = (index / "current.json").read_bytes()
    fill = search_index._fill

    def failing(writer, con):
        fill(writer, con)
        raise OSError("disk full")

    monkeypatch.setattr(search_index, "_fill", failing)
    with pytest.raises(OSError, match="disk full"):
        freshness.ensure_index(db)
    assert (index / "current.json").read_bytes() == pointer  # untouched
    assert leftovers(index) == []
    assert len(list(index.glob("v-*"))) == 1
    assert find(index, "proximity").total == 2  # the old index still answers
    state = freshness.index_state(db)
    assert state.failed and "disk full" in state.failed and not state.ready
    assert not freshness.start_building(db)  # not tried again at once
    monkeypatch.setattr(search_index, "_fill", fill)
    assert freshness.ensure_index(db).rebuilt
    assert freshness.index_state(db).failed is None


_SLOW_BUILD = """
import sys, time
from pathlib import Path
from twg_data.search import freshness, index

def slow(writer, con):
    Path(sys.argv[2]).write_text("writing")
    time.sleep(120)

index._fill = slow
freshness.ensure_index(Path(sys.argv[1]))
"""


def test_a_killed_build_leaves_the_index_served_and_the_next_build_clears_it(db, tmp_path):
    index = index_path(db)
    pointer = (index / "current.json").read_bytes()
    marker = tmp_path / "writing"
    env = {**os.environ, "PYTHONPATH": str(paths.PROJECT_ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-c", _SLOW_BUILD, str(db), str(marker)], cwd=paths.PROJECT_ROOT, env=env
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert process.poll() is None and time.monotonic() < deadline, "no build started"
            time.sleep(0.05)
        assert leftovers(index) != []  # its half-written version
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    assert (index / "current.json").read_bytes() == pointer
    assert find(index, "proximity").total == 2
    state = freshness.ensure_index(db)  # the lock the dead process held is free
    assert state.rebuilt and state.ready
    assert leftovers(index) == []
    assert len(list(index.glob("v-*"))) == 1
    assert find(index, "zeppelins").total == 2


def test_a_background_build_runs_once_at_a_time_and_makes_the_index_current(db, monkeypatch):
    release = threading.Event()
    fill = search_index._fill

    def held(writer, con):
        assert release.wait(30)
        return fill(writer, con)

    monkeypatch.setattr(search_index, "_fill", held)
    assert freshness.start_building(db)
    try:
        assert freshness.building()
        assert not freshness.start_building(db)  # one at a time
        assert freshness.index_state(db).building
        assert not freshness.index_state(db).ready  # the old index, not served as current
    finally:
        release.set()
    assert freshness.wait(60)
    state = freshness.index_state(db)
    assert state.ready and not state.building
    assert find(index_path(db), "zeppelins").total == 2


_WAITING_BUILD = """
import sys
from pathlib import Path
from twg_data.search import freshness
print(freshness.ensure_index(Path(sys.argv[1])).rebuilt, flush=True)
"""


@pytest.mark.skipif(fcntl is None, reason="no flock")
def test_a_second_process_waits_for_the_build_under_way_and_repeats_none(db):
    index = index_path(db)
    env = {**os.environ, "PYTHONPATH": str(paths.PROJECT_ROOT)}
    with open(index / freshness.LOCK, "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a build under way, in this process
        process = subprocess.Popen(
            [sys.executable, "-c", _WAITING_BUILD, str(db)],
            cwd=paths.PROJECT_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            time.sleep(3)
            assert process.poll() is None  # it waits
            with connect(db) as con:  # the build under way ends
                search_index.build_index(con, index, freshness.database_fingerprint(con))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    out, _ = process.communicate(timeout=60)
    assert process.returncode == 0
    assert out.strip() == "False"  # found it current: built nothing
    assert built_from(index) == freshness.index_state(db).wanted


def test_the_app_refresh_serves_the_database_at_once_and_builds_the_index_behind(
    twg_env, monkeypatch
):
    served = importlib.import_module("twg_data.ui.database")  # the package names a function so
    monkeypatch.setattr(served, "_DATABASE", served._Database())  # a fresh process's
    release = threading.Event()
    fill = search_index._fill

    def held(writer, con):
        assert release.wait(30)
        return fill(writer, con)

    monkeypatch.setattr(search_index, "_fill", held)
    try:
        status = served.refresh_database()  # returns while the index is still being built
        db = served.database().db
        assert status.db_path == db.path and db.built_from == status.fingerprint
        assert freshness.building()
        assert built_from(index_path(db.path)) is None
    finally:
        release.set()
    assert freshness.wait(60)
    assert built_from(index_path(db.path)) == db.built_from
