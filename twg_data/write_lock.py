"""One writer at a time in a data folder: a lock file that names its owner.

The owner is a process: its id, when it started, the computer (host name and boot), and
since when it holds the lock. A lock whose process is gone, or whose process id now belongs
to another process (it started at another time), is stale: the next writer takes it over and
is told so. A lock held by a live process, or by a process on another computer (which this one
cannot check), refuses the next writer.

Taking, checking and dropping the lock happen under a short `flock` on the data folder, so two
writers never both take over the same stale lock and nobody sees a half-written lock file
(the kernel drops the `flock` of a process that dies).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from twg_data.i18n import _

try:
    import fcntl
except ImportError:  # Windows: no flock; the lock file alone keeps writers apart
    fcntl = None

LOCK = "lock"  # the lock file, inside the work folder it guards


@dataclass(frozen=True)
class Owner:
    """The process holding a lock, as recorded in the lock file."""

    pid: int
    started: str  # the process's start time (clock ticks after boot), "" where unknown
    host: str
    boot: str  # the boot id of the host, "" where unknown
    since: str  # ISO time (UTC) the lock was taken

    @classmethod
    def current(cls) -> Owner:
        """This process, now."""
        return cls(
            pid=os.getpid(),
            started=_start_time(os.getpid()) or "",
            host=socket.gethostname(),
            boot=_boot_id(),
            since=datetime.now(UTC).isoformat(timespec="seconds"),
        )

    def alive(self) -> bool:
        """Whether the owner still runs (True when it cannot be told: another computer)."""
        if self.host != socket.gethostname():
            return True
        if self.boot and _boot_id() and self.boot != _boot_id():
            return False  # the computer restarted since
        started = _start_time(self.pid)
        return started is not None and (not self.started or not started or started == self.started)

    def checkable(self) -> bool:
        """Whether `alive` can tell (this computer, and a system that lets it look)."""
        return self.host == socket.gethostname() and os.name != "nt"

    def describe(self) -> str:
        """Who and since when, for a message in the run's language: `since 2026-11-25 10:00
        UTC, process 123 on x`."""
        since = self.since.replace("T", " ").removesuffix("+00:00")
        shown = _("since {since} UTC, process {pid} on {host}")
        return shown.format(since=since, pid=self.pid, host=self.host)


class Busy(Exception):
    """The lock is held by a live process (or one on another computer)."""

    def __init__(self, owner: Owner):
        super().__init__(f"held {owner.describe()}")
        self.owner = owner


def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


def _start_time(pid: int) -> str | None:
    """When process `pid` started ("" where this system cannot tell); None if it is gone."""
    if os.name == "nt":
        return ""  # no safe way to probe a process without psutil: assume it runs
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        if Path("/proc/self/stat").exists():
            return None
        try:  # no /proc (macOS, BSD): the process exists or not, its start time unknown
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        return ""
    except OSError:
        return ""
    state, *fields = stat.rsplit(")", 1)[1].split()
    if state in ("Z", "X"):  # a zombie: dead, not yet reaped by its parent
        return None
    return fields[18]  # field 22 of /proc/PID/stat: starttime


def _read(lock: Path) -> Owner | None:
    """The recorded owner; None if the file is missing or not a whole owner record."""
    try:
        record = json.loads(lock.read_text(encoding="utf-8"))
        return Owner(**record)
    except (OSError, ValueError, TypeError):
        return None


@contextlib.contextmanager
def _guard(folder: Path) -> Iterator[None]:
    """Hold an exclusive `flock` on the folder for a moment."""
    if fcntl is None:
        yield
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # drops the flock


def acquire(work: Path) -> bool:
    """Take the lock in the work folder `work` (made if missing): True if it took over a
    stale lock, False if the lock was free. Raises Busy if a live owner holds it."""
    with _guard(work.parent):
        work.mkdir(exist_ok=True)
        lock = work / LOCK
        stale = lock.exists()
        if stale:
            holder = _read(lock)  # None: written by a process that died writing it
            if holder is not None and holder.alive():
                raise Busy(holder)
            lock.unlink()
        handle = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        try:
            os.write(handle, json.dumps(asdict(Owner.current())).encode("utf-8"))
            os.fsync(handle)
        finally:
            os.close(handle)
        return stale


def release(work: Path) -> None:
    """Drop the lock; the work folder goes too if nothing else is left in it."""
    with _guard(work.parent):
        (work / LOCK).unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # not empty: an unfinished change waits there
            work.rmdir()


def owner(work: Path) -> Owner | None:
    """Who holds the lock now (None if nobody, or a half-written lock)."""
    return _read(work / LOCK)
