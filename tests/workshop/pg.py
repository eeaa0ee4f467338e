"""A throwaway PostgreSQL server for the workshop store's tests and benchmark: `initdb` in a
temporary folder as an unprivileged user (initdb refuses root), listening on a unix socket in
that folder only (no TCP), stopped and removed afterwards."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

USER = "postgres"


def postgres_bin() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres (PATH, then Debian's), or None."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(folder) / "initdb").exists():
            return Path(folder)
    return None


def _as_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["setpriv", f"--reuid={USER}", f"--regid={USER}", "--init-groups", *command]


def _ensure_user() -> None:
    if os.geteuid() != 0:
        return
    try:
        pwd.getpwnam(USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", USER], check=True)


class Server:
    """One throwaway server: `start`, `crash` (an immediate stop: no shutdown checkpoint, so
    the next start recovers from the write-ahead log, as after a power cut), `remove`."""

    def __init__(self) -> None:
        folder = postgres_bin()
        assert folder is not None, "PostgreSQL's initdb and pg_ctl not found"
        _ensure_user()
        self.root = Path(tempfile.mkdtemp(prefix="twg-pg-"))
        data, socket = self.root / "data", self.root / "socket"
        socket.mkdir()
        user = USER if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
        if os.geteuid() == 0:
            shutil.chown(self.root, USER, USER)
            shutil.chown(socket, USER, USER)
        self.env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
        initdb = [str(folder / "initdb"), "-D", str(data), "-U", user, "-E", "UTF8"]
        subprocess.run(
            _as_user([*initdb, "--auth=trust", "--no-sync"]),
            check=True,
            capture_output=True,
            env=self.env,
        )
        self.options = f"-c listen_addresses='' -k {socket} -c max_connections=300"
        self.pg_ctl = [str(folder / "pg_ctl"), "-D", str(data)]
        self.address = f"postgresql://{user}@/{{db}}?host={socket}"

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        log = str(self.root / "log")
        start = [*self.pg_ctl, "-o", self.options, "-l", log, "-w", "-t", "60", "start"]
        subprocess.run(_as_user(start), check=True, capture_output=True, env=self.env)

    def crash(self) -> None:
        """Stop the server at once, as a crash would."""
        stop = [*self.pg_ctl, "-m", "immediate", "stop"]
        subprocess.run(_as_user(stop), capture_output=True, env=self.env)

    def remove(self) -> None:
        """Delete the server's folder (stopped first)."""
        shutil.rmtree(self.root, ignore_errors=True)


@contextmanager
def server() -> Iterator[str]:
    """Start a server; yield its address with `{db}` where the database name goes."""
    running = Server()
    running.start()
    try:
        yield running.address
    finally:
        running.crash()
        running.remove()


def new_database(address: str) -> str:
    """A fresh empty database on the server; its address."""
    import psycopg

    name = "w" + os.urandom(6).hex()
    with psycopg.connect(address.format(db="postgres"), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return address.format(db=name)
