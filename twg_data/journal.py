"""Change a set of files in a data folder all at once, even across a crash: a write-ahead
journal.

Under the folder's write lock (`write_lock`, kept in the work folder `.applying/`), a change
is written in this order, each step on disk (fsync) before the next:

1. `staging`: the new version of every file, whole, into `.applying/staged/`;
2. `saving`: the previous version of every file that exists into `.applying/previous/`;
3. `committed`: the journal `.applying/journal.json` (the files and their digests, where the
   previous versions go, the log entry), written whole, then renamed into place;
4. `replacing`: each file replaced by its staged copy (a rename);
5. `archived`: the previous versions moved to the backup folder (e.g. `.history/<stamp>/`);
6. `logged`: the entry added to the change log (the log written whole, then renamed);
7. `finished`: the journal removed; then the lock and the work folder.

What an interruption leaves is settled by the next change (`transaction`) or by a reader
(`recover`): with a journal the change is completed (steps 4 to 7, each skipped where already
done); without one its work files are deleted, and nothing else had been touched. So the files
are wholly before or wholly after a change, and the log holds one entry for each change made,
with its backup folder. Every work file lives in `.applying/`.

Two environment variables are test hooks (`tests/test_apply_faults.py`): `TWG_APPLY_KILL_AT`
names a point (`kill_points`) where the process kills itself, `TWG_APPLY_STEP_DELAY` pauses
at every point (seconds).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from twg_data import write_lock
from twg_data.i18n import N_

WORK = ".applying"  # the work folder, inside the data folder
JOURNAL = "journal.json"
STAGED = "staged"
PREVIOUS = "previous"
# The named points of the write sequence, in order; those in PER_FILE come once per file.
STEPS = (
    "locked",  # the lock held, what an earlier apply left settled, nothing written yet
    "staging",
    "staged",
    "saving",
    "saved",
    "committed",  # from here on the change is completed, whatever happens
    "replacing",
    "replaced",
    "archived",
    "logged",
    "finished",
)
PER_FILE = frozenset({"staging", "saving", "replacing"})
KILL_AT = "TWG_APPLY_KILL_AT"
STEP_DELAY = "TWG_APPLY_STEP_DELAY"

# Marked for the catalogs; whoever shows them translates them with `_()`.
COMPLETED = N_("A previous apply was interrupted; it was completed.")
UNDONE = N_("A previous apply was interrupted; it was undone.")
CLEARED = (
    "A previous apply was interrupted before it wrote anything or after it had finished; "
    "its lock was cleared."
)


class JournalError(Exception):
    """A journal that cannot be followed (a staged or previous copy missing or damaged)."""


class WriteFailed(Exception):
    """Writing a change failed. `settled`: the files are as before; otherwise the next
    `recover` completes or undoes the change."""

    def __init__(self, reason: str, settled: bool):
        super().__init__(reason)
        self.reason, self.settled = reason, settled


@dataclass(frozen=True)
class Change:
    """Files to write at once (name in the folder -> file holding the new content), where
    their previous versions go and the entry for the change log (paths relative to the
    folder; the entry must be unique, e.g. name its backup folder)."""

    sources: dict[str, Path]
    backup: str
    log: str
    entry: str


def kill_points(files: int) -> list[str]:
    """Every point of the write sequence for a change of `files` files, in order
    (`replacing:2`: just after the second file was replaced)."""
    return [
        point
        for step in STEPS
        for point in ([f"{step}:{i}" for i in range(1, files + 1)] if step in PER_FILE else [step])
    ]


def _reached(step: str, index: int | None = None) -> None:
    """A point of the write sequence: where the fault-injection tests pause or kill."""
    delay = os.environ.get(STEP_DELAY)
    if delay:
        time.sleep(float(delay))
    if os.environ.get(KILL_AT) == (step if index is None else f"{step}:{index}"):
        os.kill(os.getpid(), signal.SIGKILL)


def pending(folder: Path) -> bool:
    """Whether a change is under way or was interrupted in the folder (one `stat`)."""
    return os.path.isdir(Path(folder) / WORK)


def recover(folder: Path) -> str | None:
    """Settle what an interrupted change left: a message saying what was done, or None when
    there was nothing. Raises write_lock.Busy while a change is under way."""
    if not pending(folder):
        return None
    with transaction(folder) as settled:
        return settled.recovered


@contextlib.contextmanager
def transaction(folder: Path) -> Iterator[Transaction]:
    """Hold the folder's write lock (write_lock.Busy if a live process holds it), settle
    what an interrupted change left, and let one change be committed."""
    folder = Path(folder)
    took_over = write_lock.acquire(folder / WORK)
    try:
        yield Transaction(folder, _settle(folder, took_over))
    finally:
        write_lock.release(folder / WORK)


class Transaction:
    """The write lock held: `recovered` says what was settled on taking it."""

    def __init__(self, folder: Path, recovered: str | None):
        self.folder, self.recovered = folder, recovered

    def commit(self, change: Change) -> None:
        """Write the change: all of it, or (WriteFailed) none of it."""
        folder, work = self.folder, self.folder / WORK
        _reached("locked")
        if (folder / change.backup).exists():
            raise WriteFailed(f"{change.backup} exists already", settled=True)
        try:
            record = _prepare(folder, change)
            _write_whole(work / JOURNAL, json.dumps(record, indent=1).encode(), work)
        except OSError as error:
            with contextlib.suppress(OSError):
                _discard(work)
            raise WriteFailed(_reason(error), settled=True) from None
        _reached("committed")
        try:
            _complete(folder, record)
        except (OSError, JournalError) as error:
            if _logged(folder, record):  # whole; only tidying up failed
                return
            raise WriteFailed(_reason(error), settled=_undo_after_failure(folder, record)) from None


def _reason(error: OSError | JournalError) -> str:
    """What went wrong, without the server's paths."""
    return getattr(error, "strerror", None) or str(error)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sync_dir(path: Path) -> None:
    if os.name == "nt":
        return
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _copy_synced(source: Path, target: Path) -> str:
    """Copy source to target, on disk when it returns; the content's sha256."""
    target.parent.mkdir(parents=True, exist_ok=True)
    content = source.read_bytes()
    with open(target, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    return hashlib.sha256(content).hexdigest()


def _write_whole(path: Path, content: bytes, work: Path) -> None:
    """Replace path with content in one rename (the new file written and synced first)."""
    temporary = work / f"{path.name}.tmp"
    with open(temporary, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    _sync_dir(path.parent)


def _sync_tree(root: Path) -> None:
    for folder, _subfolders, _files in os.walk(root):
        _sync_dir(Path(folder))


def _prepare(folder: Path, change: Change) -> dict:
    """Steps 1 and 2: the new and the previous versions in the work folder; the journal."""
    work = folder / WORK
    staged, previous = work / STAGED, work / PREVIOUS
    files = {}
    for index, name in enumerate(sorted(change.sources), 1):
        digest = _copy_synced(change.sources[name], staged / name)
        files[name] = {"sha256": digest, "new": not (folder / name).is_file()}
        _reached("staging", index)
    staged.mkdir(exist_ok=True)
    _sync_tree(staged)
    _reached("staged")
    previous.mkdir()
    for index, name in enumerate(sorted(files), 1):
        if not files[name]["new"]:
            _copy_synced(folder / name, previous / name)
        _reached("saving", index)
    _sync_tree(previous)
    _sync_dir(work)  # the staged and previous folders are there before the journal is
    _reached("saved")
    return {
        "files": files,
        "backup": change.backup,
        "log": change.log,
        "entry": change.entry,
        "undo": False,
    }


def _logged(folder: Path, record: dict) -> bool:
    log = folder / record["log"]
    return log.is_file() and record["entry"] in log.read_text(encoding="utf-8")


def _complete(folder: Path, record: dict) -> None:
    """Steps 4 to 7, each skipped where it was done already (so it may run again)."""
    work = folder / WORK
    parents = set()
    for index, (name, file) in enumerate(sorted(record["files"].items()), 1):
        staged, target = work / STAGED / name, folder / name
        if staged.is_file():  # else it was replaced already
            if _sha256(staged) != file["sha256"]:
                raise JournalError(f"{name}: its new version was damaged before it was written")
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
        parents.add(target.parent)
        _reached("replacing", index)
    for parent in sorted(parents):
        _sync_dir(parent)
    _reached("replaced")
    previous, backup = work / PREVIOUS, folder / record["backup"]
    if previous.is_dir():  # else it was archived already
        backup.parent.mkdir(parents=True, exist_ok=True)
        os.replace(previous, backup)
        _sync_dir(backup.parent)
    _reached("archived")
    if not _logged(folder, record):
        log = folder / record["log"]
        text = log.read_text(encoding="utf-8") if log.is_file() else ""
        _write_whole(log, (text + record["entry"]).encode("utf-8"), work)
    _reached("logged")
    shutil.rmtree(work / STAGED, ignore_errors=True)
    (work / JOURNAL).unlink(missing_ok=True)
    _reached("finished")


def _undo(folder: Path, record: dict) -> None:
    """Put every file of a journal marked `undo` back as it was; remove its backup folder."""
    work = folder / WORK
    backup = folder / record["backup"]
    parents = set()
    for name, file in sorted(record["files"].items()):
        target = folder / name
        parents.add(target.parent)
        if file["new"]:
            target.unlink(missing_ok=True)
            _remove_empty_parents(target, folder)
            continue
        old = work / PREVIOUS / name
        if not old.is_file():
            old = backup / name
        if not old.is_file():
            raise JournalError(f"{name}: its previous version is missing")
        if not target.is_file() or _sha256(target) != _sha256(old):
            restoring = work / "restoring.tmp"
            _copy_synced(old, restoring)
            os.replace(restoring, target)
    for parent in sorted(parents):
        if parent.is_dir():
            _sync_dir(parent)
    if backup.is_dir():
        shutil.rmtree(backup)
    _discard(work)


def _remove_empty_parents(path: Path, folder: Path) -> None:
    """Remove the folders a new file was put in, as far as they are now empty."""
    for parent in path.parents:
        if parent == folder or folder not in parent.parents:
            return
        try:
            parent.rmdir()
        except OSError:  # not empty, or gone already
            if parent.exists():
                return


def _undo_after_failure(folder: Path, record: dict) -> bool:
    """After a failure past the commit: mark the journal `undo` and undo; False if that
    failed too (the next `recover` then follows the journal as it stands)."""
    work = folder / WORK
    try:
        _write_whole(work / JOURNAL, json.dumps({**record, "undo": True}, indent=1).encode(), work)
        _undo(folder, record)
    except (OSError, JournalError):
        return False
    return True


def _discard(work: Path) -> None:
    """Delete every work file but the lock; the journal last."""
    for entry in sorted(work.iterdir(), key=lambda path: path.name == JOURNAL):
        if entry.name == write_lock.LOCK:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def _settle(folder: Path, took_over: bool) -> str | None:
    """Complete or undo what an interrupted change left; what was done, for the user."""
    work = folder / WORK
    try:
        record = json.loads((work / JOURNAL).read_text(encoding="utf-8"))
    except FileNotFoundError:
        record = None
    except ValueError as error:
        raise JournalError(f"{WORK}/{JOURNAL} is unreadable ({error})") from None
    if record is not None:
        if record["undo"] and not _logged(folder, record):
            _undo(folder, record)
            return UNDONE
        _complete(folder, record)
        _discard(work)
        return COMPLETED
    if any(entry.name != write_lock.LOCK for entry in work.iterdir()):
        _discard(work)  # staging or previous versions without a journal: nothing was touched
        return UNDONE
    return CLEARED if took_over else None
