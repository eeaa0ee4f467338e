"""The write-ahead journal on a small folder: a change is written whole; a change killed
(SIGKILL, in a real process) before its commit is undone, after it completed; recovery may
itself be killed and run again; a stale lock is cleared, a live one refuses; with nothing to
recover, recovery only looks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict, replace
from pathlib import Path

import pytest

from tests.conftest import REPO
from twg_data import journal, write_lock

BEFORE = {"a.txt": "a1\n", "b.txt": "b1\n", "keep.txt": "kept\n"}
AFTER = {"a.txt": "a2\n", "b.txt": "b2\n", "keep.txt": "kept\n", "sub/c.txt": "c2\n"}
NEW = {"a.txt": "a2\n", "b.txt": "b2\n", "sub/c.txt": "c2\n"}
ENTRY = "## the change\n\nPrevious versions: `.history/s1/`.\n"
# Commit NEW into FOLDER, as `apply` does, in a process of its own.
COMMIT = """
import sys
from pathlib import Path
from twg_data import journal
folder, source = Path(sys.argv[1]), Path(sys.argv[2])
sources = {p.relative_to(source).as_posix(): p for p in source.rglob("*") if p.is_file()}
change = journal.Change(sources, ".history/s1", ".history/CHANGELOG.md", sys.argv[3])
with journal.transaction(folder) as transaction:
    transaction.commit(change)
"""
RECOVER = "import sys; from twg_data import journal; journal.recover(sys.argv[1])"


def write_files(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder


def contents(folder: Path) -> dict[str, str]:
    """Every file of the folder but the history: what a reader of the data sees."""
    return {
        path.relative_to(folder).as_posix(): path.read_text()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.relative_to(folder).parts[0].startswith(".")
    }


def others(folder: Path) -> list[str]:
    """Everything but the data, the backup folder s1 and the change log: work files."""
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.relative_to(folder).parts[0].startswith(".")
        and path.relative_to(folder).as_posix()
        not in (".history", ".history/CHANGELOG.md", ".history/s1")
        and not path.relative_to(folder).as_posix().startswith(".history/s1/")
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_files(tmp_path / "data", BEFORE)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return write_files(tmp_path / "new", NEW)


def run(script: str, *args: object, kill_at: str | None = None) -> int:
    env = {k: v for k, v in os.environ.items() if k not in (journal.KILL_AT, journal.STEP_DELAY)}
    if kill_at:
        env[journal.KILL_AT] = kill_at
    done = subprocess.run([sys.executable, "-c", script, *map(str, args)], cwd=REPO, env=env)
    return done.returncode


def commit(folder: Path, source: Path, kill_at: str | None = None) -> int:
    return run(COMMIT, folder, source, ENTRY, kill_at=kill_at)


def assert_after(folder: Path) -> None:
    assert contents(folder) == AFTER
    assert (folder / ".history" / "CHANGELOG.md").read_text() == ENTRY  # exactly once
    assert contents(folder / ".history" / "s1") == {"a.txt": "a1\n", "b.txt": "b1\n"}
    assert others(folder) == []


def assert_before(folder: Path) -> None:
    assert contents(folder) == BEFORE
    assert not (folder / ".history" / "s1").exists()
    assert not (folder / ".history" / "CHANGELOG.md").exists()
    assert others(folder) in ([], [".history"])


def test_a_change_is_written_whole_with_its_backup_and_one_log_entry(folder, source):
    assert commit(folder, source) == 0
    assert_after(folder)
    assert journal.recover(folder) is None


def test_the_kill_points_are_every_step_and_every_file_of_the_per_file_steps():
    points = journal.kill_points(2)
    assert points[:4] == ["locked", "staging:1", "staging:2", "staged"]
    assert "replacing:2" in points and "replacing:3" not in points
    assert len(points) == len(journal.STEPS) + len(journal.PER_FILE)
    assert points[-1] == "finished"


@pytest.mark.parametrize("point", ["committed", "replacing:1", "replacing:3", "archived"])
def test_recovery_completes_a_change_killed_after_its_commit(folder, source, point):
    assert commit(folder, source, kill_at=point) == -9
    assert (folder / journal.WORK / journal.JOURNAL).is_file()
    assert journal.recover(folder) == journal.COMPLETED
    assert_after(folder)
    assert journal.recover(folder) is None  # nothing left: settled once


@pytest.mark.parametrize("point", ["staging:2", "staged", "saving:1", "saved"])
def test_recovery_undoes_a_change_killed_before_its_commit(folder, source, point):
    assert commit(folder, source, kill_at=point) == -9
    assert (folder / journal.WORK).is_dir()
    assert journal.recover(folder) == journal.UNDONE
    assert_before(folder)
    assert commit(folder, source) == 0  # and the change can be made again
    assert_after(folder)


@pytest.mark.parametrize("point", ["locked", "finished"])
def test_a_change_killed_holding_only_its_lock_leaves_its_lock_cleared(folder, source, point):
    assert commit(folder, source, kill_at=point) == -9
    assert journal.recover(folder) == journal.CLEARED
    (assert_before if point == "locked" else assert_after)(folder)


@pytest.mark.parametrize("again", ["replacing:3", "archived", "logged"])
def test_recovery_killed_midway_is_completed_by_the_next_recovery(folder, source, again):
    assert commit(folder, source, kill_at="replacing:1") == -9
    assert run(RECOVER, folder, kill_at=again) == -9
    assert journal.recover(folder) == journal.COMPLETED
    assert_after(folder)


def fail_replacing(monkeypatch, target: Path, disk_full: bool = False) -> None:
    """os.replace onto target fails once (a file open elsewhere), or from then on for every
    file of the data (a full disk)."""
    real_replace, failed = os.replace, []

    def failing(source_path, target_path):
        data_file = journal.WORK not in Path(target_path).parts
        if Path(target_path) == target and not failed or failed and disk_full and data_file:
            failed.append(target_path)
            raise OSError(28, "No space left on device")
        return real_replace(source_path, target_path)

    monkeypatch.setattr(os, "replace", failing)


def commit_in_process(folder: Path, source: Path) -> None:
    sources = {name: source / name for name in NEW}
    change = journal.Change(sources, ".history/s1", ".history/CHANGELOG.md", ENTRY)
    with journal.transaction(folder) as transaction:
        transaction.commit(change)


def test_a_failure_after_the_commit_puts_every_file_back(folder, source, monkeypatch):
    fail_replacing(monkeypatch, folder / "b.txt")
    with pytest.raises(journal.WriteFailed) as failed:
        commit_in_process(folder, source)
    assert (failed.value.reason, failed.value.settled) == ("No space left on device", True)
    assert_before(folder)
    assert not (folder / journal.WORK).exists()


def test_a_failure_that_also_stops_the_undo_is_undone_by_the_next_recovery(
    folder, source, monkeypatch
):
    fail_replacing(monkeypatch, folder / "b.txt", disk_full=True)
    with pytest.raises(journal.WriteFailed) as failed:
        commit_in_process(folder, source)
    assert not failed.value.settled
    assert (folder / journal.WORK / journal.JOURNAL).is_file()
    monkeypatch.undo()  # space freed
    assert journal.recover(folder) == journal.UNDONE
    assert_before(folder)


def test_a_failure_before_the_commit_changes_nothing(folder, source):
    (source / "b.txt").unlink()  # the new version vanished before it was staged
    with pytest.raises(journal.WriteFailed) as failed:
        commit_in_process(folder, source)
    assert failed.value.settled
    assert_before(folder)
    assert not (folder / journal.WORK).exists()


def write_owner(folder: Path, owner: write_lock.Owner) -> None:
    (folder / journal.WORK).mkdir(exist_ok=True)
    (folder / journal.WORK / write_lock.LOCK).write_text(json.dumps(asdict(owner)))


def test_a_lock_whose_process_is_gone_is_stale_cleared_and_said(folder, source):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], stdout=-1)
    write_owner(folder, replace(write_lock.Owner.current(), pid=int(gone.stdout)))
    assert journal.recover(folder) == journal.CLEARED
    assert not (folder / journal.WORK).exists()
    assert commit(folder, source) == 0
    assert_after(folder)


def test_a_lock_whose_process_id_was_reused_is_stale(folder):
    # This process's id, but a process that started at another time: not the owner.
    write_owner(folder, replace(write_lock.Owner.current(), started="1"))
    assert journal.recover(folder) == journal.CLEARED
    assert not (folder / journal.WORK).exists()


def test_a_half_written_lock_is_stale(folder):
    (folder / journal.WORK).mkdir()
    (folder / journal.WORK / write_lock.LOCK).write_text("")  # its writer died writing it
    assert journal.recover(folder) == journal.CLEARED


def test_a_live_lock_refuses_and_is_left_alone(folder, source):
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        owner = replace(
            write_lock.Owner.current(),
            pid=sleeper.pid,
            started=write_lock._start_time(sleeper.pid),
        )
        write_owner(folder, owner)
        with pytest.raises(write_lock.Busy) as busy:
            journal.recover(folder)
        assert busy.value.owner == owner
        assert f"process {sleeper.pid} on " in busy.value.owner.describe()
        assert commit(folder, source) == 1  # refused
        assert contents(folder) == BEFORE
        assert write_lock.owner(folder / journal.WORK) == owner
    finally:
        sleeper.kill()
        sleeper.wait()
    assert journal.recover(folder) == journal.CLEARED  # once its process is gone


def test_a_lock_of_this_very_process_refuses_another_thread(folder):
    with journal.transaction(folder), pytest.raises(write_lock.Busy):
        journal.recover(folder)


def test_with_nothing_to_recover_recovery_only_looks(folder, monkeypatch):
    def no_lock(work):
        raise AssertionError("took the lock with nothing to recover")

    monkeypatch.setattr(write_lock, "acquire", no_lock)
    assert journal.recover(folder) is None
    assert contents(folder) == BEFORE and others(folder) == []
