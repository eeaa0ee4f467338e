"""Fixtures for the workshop store: the same tests run on SQLite and on PostgreSQL.

``postgres_server`` (session) starts a throwaway PostgreSQL 15 server: `initdb` in a temporary
folder as an unprivileged user (initdb refuses root), listening on a unix socket in that folder
only (no TCP), stopped at the end. The binaries are found on PATH or in Debian's
`/usr/lib/postgresql/*/bin`; where none is found, the PostgreSQL tests fail when `CI` is set
(`.ci/run` installs Debian's `postgresql`) and are skipped otherwise.
``workshop_address`` (function, parametrised ``sqlite`` / ``postgresql``) gives a fresh, empty
database's address: a SQLite file in `tmp_path`, or a new database on the server.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from twg_data.workshop import store as workshop_store

USER = "postgres"


def postgres_bin() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, or None."""
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


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A running PostgreSQL server: yields the unix socket folder's libpq address base."""
    folder = postgres_bin()
    if folder is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL (initdb, pg_ctl) not found: CI installs Debian's postgresql")
        pytest.skip("PostgreSQL not installed (initdb, pg_ctl)")
    _ensure_user()
    root = Path(tempfile.mkdtemp(prefix="twg-pg-"))
    data, socket = root / "data", root / "socket"
    socket.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, USER, USER)
        shutil.chown(socket, USER, USER)
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    subprocess.run(
        _as_user(
            [
                str(folder / "initdb"),
                "-D",
                str(data),
                "-U",
                USER,
                "-E",
                "UTF8",
                "--auth=trust",
                "--no-sync",
            ]
        ),
        check=True,
        capture_output=True,
        env=env,
    )
    options = f"-c listen_addresses='' -k {socket} -c fsync=on -c max_connections=200"
    subprocess.run(
        _as_user(
            [
                str(folder / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(root / "log"),
                "-w",
                "-t",
                "60",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
        env=env,
    )
    try:
        yield f"postgresql://{USER}@/{{db}}?host={socket}"
    finally:
        subprocess.run(
            _as_user([str(folder / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
            env=env,
        )
        shutil.rmtree(root, ignore_errors=True)


def new_postgres_database(server: str) -> str:
    """A fresh empty database on the server; its address."""
    import psycopg

    name = "w" + os.urandom(6).hex()
    with psycopg.connect(server.format(db="postgres"), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server.format(db=name)


@pytest.fixture(params=["sqlite", "postgresql"])
def workshop_address(request, tmp_path: Path) -> str:
    """A fresh database's address, on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "workshop.sqlite3")
    return new_postgres_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def store(workshop_address: str) -> Iterator[workshop_store.WorkshopStore]:
    """An open store on a fresh database (each backend)."""
    opened = workshop_store.open_store(workshop_address)
    yield opened
    opened.close()
