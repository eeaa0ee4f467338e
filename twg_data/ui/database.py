"""The process-wide database: one read-only connection, rebuilt and reconnected when the
CSVs change, and the state of the data (problems, stale) for this run; the search index
built from it in the background (`search.freshness`), no page waiting for it."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from twg_data import paths
from twg_data.build import DatabaseStatus, connect, ensure_database, fingerprint
from twg_data.search import freshness
from twg_data.search import index as search_index


@dataclass
class _Database:
    """The process-wide database: one read-only connection, replaced when the CSVs change."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    checked: str | None = None  # fingerprint of the CSVs last checked
    status: DatabaseStatus | None = None
    con: duckdb.DuckDBPyConnection | None = None
    path: Path | None = None  # the database file behind `con`
    served: str = ""  # identity of the data behind `con`, part of every cache key
    built_from: str | None = None  # fingerprint of the data behind `con` (its build_info)


_DATABASE = _Database()  # one per process, shared by every session


def _database() -> _Database:
    return _DATABASE


def refresh_database() -> DatabaseStatus:
    """Check the CSVs (a few `stat` calls); rebuild and reconnect only when they changed.

    app.py calls this once per script run; everything else reads the state it leaves. On the
    first run, and whenever the CSVs changed, `ensure_database` first settles an apply that
    was interrupted (a server killed while applying), so the app starts on whole data. Then,
    when the search index was built from other data, its build starts in the background.
    """
    db = _database()
    data_dir = paths.data_dir()
    folder = data_dir.resolve()
    if f"{folder}:{fingerprint(data_dir)}" != db.checked:
        with db.lock:
            if f"{folder}:{fingerprint(data_dir)}" != db.checked:
                status = ensure_database(data_dir, paths.db_path(data_dir))
                current = f"{folder}:{status.fingerprint}"  # after settling an apply
                if status.db_path is not None and (status.rebuilt or status.db_path != db.path):
                    old, db.con, db.path = db.con, connect(status.db_path), status.db_path
                    db.served = f"{status.db_path}:{current}"
                    db.built_from = freshness.database_fingerprint(db.con)
                    if old is not None:
                        old.close()
                db.status, db.checked = status, current
                _index_in_background(db)
    return db.status


def _index_in_background(db: _Database) -> None:
    if db.path is not None and db.built_from is not None:
        index = search_index.index_path(db.path)
        if search_index.built_from(index) != db.built_from:
            freshness.start_building(db.path)


@dataclass(frozen=True)
class Served:
    """The data as this run's `refresh_database` left it: its `status` (problems, stale, the
    database file) and the `db` that serves it (`db.con`, `db.served`)."""

    status: DatabaseStatus
    db: _Database


def database() -> Served:
    """The database as this run's `refresh_database` left it."""
    db = _database()
    if db.status is None:
        refresh_database()
    return Served(db.status, db)


def data_problems() -> tuple:
    """The problems of the CSVs on disk now (empty when they are sound)."""
    return database().status.problems
