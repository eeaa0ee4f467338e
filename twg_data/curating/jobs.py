"""Imports running in worker processes: started, watched and cancelled by the server.

One process per upload (`python -m twg_data.curating.worker`), in a session of its own so
that Cancel ends it and anything it started. The server keeps the processes it started
(`_STARTED`) to reap them; an import whose process is gone without saying it finished (the
server restarted, the process was killed) reads as failed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from twg_data.curating.workfolder import FAILED, RUNNING, Status, WorkDraft
from twg_data.i18n import N_
from twg_data.paths import PROJECT_ROOT

LOG = "worker.log"
STOPPED = N_("the import stopped before it finished; upload the report again")
_STARTED: dict[Path, subprocess.Popen] = {}
_LOCK = threading.Lock()


def start(work: WorkDraft, data_dir: Path) -> None:
    """Start the import of the folder's upload in a worker process."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        part for part in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if part
    )
    with (work.path / LOG).open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "twg_data.curating.worker", str(work.path), str(data_dir)],
            cwd=PROJECT_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    with _LOCK:
        _STARTED[work.path] = process
    work.write_status(pid=process.pid)


def _alive(work: WorkDraft, pid: int) -> bool:
    with _LOCK:
        process = _STARTED.get(work.path)
    if process is not None:
        if process.poll() is None:
            return True
        with _LOCK:
            _STARTED.pop(work.path, None)
        return False
    if pid <= 0:
        return False
    try:  # started by an earlier server: the pid must still be this folder's worker
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True
    return str(work.path).encode() in command


def state(work: WorkDraft) -> Status:
    """The import's status; a running one whose process is gone has failed."""
    status = work.status()
    if status.state == RUNNING and not _alive(work, status.pid):
        status = work.status()  # it may have finished between the two reads
        if status.state == RUNNING and time.time() - status.started > 5:
            status = work.write_status(state=FAILED, message=STOPPED)
    return status


def cancel(work: WorkDraft, grace: float = 2.0) -> None:
    """End the import at once (its process and any it started) and remove its folder."""
    with _LOCK:
        process = _STARTED.pop(work.path, None)
    pid = process.pid if process is not None else work.status().pid
    if pid > 0 and (process is not None or _alive(work, pid)):
        for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, grace)):
            try:
                os.killpg(pid, sig)
            except (ProcessLookupError, PermissionError):
                break
            if process is not None:
                try:
                    process.wait(wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
            else:
                time.sleep(0.1)
    work.remove()
