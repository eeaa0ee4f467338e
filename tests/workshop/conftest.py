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

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.workshop import pg
from twg_data.workshop import store as workshop_store


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A running PostgreSQL server: yields its address with `{db}` for the database name."""
    if pg.postgres_bin() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL (initdb, pg_ctl) not found: CI installs Debian's postgresql")
        pytest.skip("PostgreSQL not installed (initdb, pg_ctl)")
    with pg.server() as address:
        yield address


@pytest.fixture(params=["sqlite", "postgresql"])
def workshop_address(request, tmp_path: Path) -> str:
    """A fresh database's address, on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "workshop.sqlite3")
    return pg.new_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def store(workshop_address: str) -> Iterator[workshop_store.WorkshopStore]:
    """An open store on a fresh database (each backend)."""
    opened = workshop_store.open_store(workshop_address)
    yield opened
    opened.close()
