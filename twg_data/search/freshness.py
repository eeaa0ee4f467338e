"""Keeping the search index built from the data the database holds: after a database build,
the index is built from it synchronously (`ensure_index`: the command line) or in a thread of
its own (`start_building`: the app, whose pages never wait for it). One build at a time per
process (a thread lock) and per index folder (a `flock` on its lock file: a second process
waits, then finds the index current and builds nothing). The pointer swap is atomic
(`index.build_index`), so a reader sees the old index or the new one."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from twg_data.build import connect
from twg_data.search import index as search_index

try:
    import fcntl
except ImportError:  # Windows: no flock; the atomic pointer alone keeps readers safe
    fcntl = None

LOCK = "build.lock"  # inside the index folder
RETRY_AFTER = 60.0  # seconds before a build that failed is tried again by `start_building`
log = logging.getLogger("twg_data.search")
_lock = threading.Lock()  # one build at a time in this process
_state_lock = threading.Lock()
_thread: threading.Thread | None = None
_failed: dict[str, tuple[float, str]] = {}  # index folder -> (when, why) of the last failure


@dataclass(frozen=True)
class IndexState:
    """The search index beside a database: the fingerprint of the data the database was built
    from (`wanted`, None without a database), the one the index was built from (`built`, None
    without an index), whether a build runs in this process, why the last one failed."""

    wanted: str | None
    built: str | None
    building: bool = False
    failed: str | None = None
    rebuilt: bool = False  # this call built it
    seconds: float = 0.0  # how long that took

    @property
    def ready(self) -> bool:
        """True when the index was built from the data the database holds."""
        return self.wanted is not None and self.built == self.wanted


def database_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    """The fingerprint of the data a database was built from (its `build_info`)."""
    try:
        row = con.execute("SELECT fingerprint FROM build_info").fetchone()
    except duckdb.Error:
        return None
    return row[0] if row else None


def _wanted(db_path: Path) -> str | None:
    if not Path(db_path).is_file():
        return None
    try:
        with connect(db_path) as con:
            return database_fingerprint(con)
    except duckdb.Error:
        return None


def index_state(db_path: Path, wanted: str | None = None) -> IndexState:
    """The index beside db_path now; `wanted` the served data's fingerprint when known (else
    read from the database file)."""
    index = search_index.index_path(db_path)
    failure = _failed.get(str(index))
    return IndexState(
        wanted if wanted is not None else _wanted(db_path),
        search_index.built_from(index),
        building=building(),
        failed=failure[1] if failure else None,
    )


@contextlib.contextmanager
def _folder_lock(index: Path) -> Iterator[None]:
    """Held while this process builds the index of this folder (other processes wait)."""
    index.mkdir(parents=True, exist_ok=True)
    with _lock, open(index / LOCK, "a+b") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)  # dropped by the kernel if the process dies
        yield


def ensure_index(db_path: Path) -> IndexState:
    """Build the index beside db_path from it when it is missing or was built from other data;
    wait for a build under way (this process or another) rather than repeat it. The index is
    labelled with the fingerprint the database file holds, read on the connection it is built
    from. Raises what a failed build raised; the index served is then left as it was."""
    db_path = Path(db_path)
    index = search_index.index_path(db_path)
    if not db_path.is_file():
        return IndexState(None, search_index.built_from(index))
    with _folder_lock(index):
        search_index.remove_abandoned_temp_files(index, own=True)
        with connect(db_path) as con:
            wanted = database_fingerprint(con)
            built = search_index.built_from(index)
            if wanted is None or built == wanted:
                return IndexState(wanted, built)
            started = time.perf_counter()
            try:
                search_index.build_index(con, index, wanted)
            except BaseException as error:
                _failed[str(index)] = (time.monotonic(), f"{type(error).__name__}: {error}")
                raise
            _failed.pop(str(index), None)
            seconds = time.perf_counter() - started
    log.info("%s: search index built in %.2f s", index, seconds)
    return IndexState(wanted, wanted, rebuilt=True, seconds=seconds)


def _build_until_current(db_path: Path) -> None:
    global _thread
    try:
        for _attempt in range(3):  # again if the database changed during the build
            state = ensure_index(db_path)
            if not state.rebuilt or state.wanted is None:
                break
    except Exception:
        log.exception("%s: the search index could not be built", db_path)
    finally:
        with _state_lock:
            _thread = None


def building() -> bool:
    """True while this process builds an index in the background."""
    with _state_lock:
        return _thread is not None


def start_building(db_path: Path) -> bool:
    """Start making the index beside db_path current (`ensure_index`) in a daemon thread,
    unless a background build runs in this process or one failed less than RETRY_AFTER
    seconds ago; True if one was started. Readers keep the index served until the new one is
    in place."""
    global _thread
    index = search_index.index_path(db_path)
    failure = _failed.get(str(index))
    if failure and time.monotonic() - failure[0] < RETRY_AFTER:
        return False
    with _state_lock:
        if _thread is not None:
            return False
        _thread = threading.Thread(
            target=_build_until_current, args=(Path(db_path),), name="search-index", daemon=True
        )
        _thread.start()
    return True


def wait(timeout: float | None = None) -> bool:
    """Wait for this process's background build to end; True if none runs any more."""
    with _state_lock:
        thread = _thread
    if thread is not None:
        thread.join(timeout)
    return not building()
