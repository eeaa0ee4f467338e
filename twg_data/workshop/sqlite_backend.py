"""The workshop database in a SQLite file (the default): WAL mode, so that participants' votes
and the facilitator's live results do not wait for each other, and a full sync on every commit,
so that a vote acknowledged is on disk even if the server is killed the moment after."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

INTEGRITY_ERRORS: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)


class SQLiteBackend:
    """Connections to one SQLite file; SQL with `:name` parameters as written."""

    dialect = "sqlite"
    share_lock = ""  # writes are serialised by BEGIN IMMEDIATE: no row locks to take
    row_lock = ""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def describe(self) -> str:
        """The database, for messages and logs."""
        return f"SQLite {self.path}"

    def connect(self) -> sqlite3.Connection:
        """A new connection, in autocommit mode (transactions are explicit)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=30000")
        return conn

    def sql(self, text: str) -> str:
        """The statement as this database reads it."""
        return text

    @contextmanager
    def transaction(self, conn: sqlite3.Connection, write: bool) -> Iterator[sqlite3.Cursor]:
        """A transaction: committed when the block ends, rolled back if it raises. A writing
        transaction takes the write lock at once, so its reads see what it will write over."""
        cur = conn.cursor()
        cur.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield cur
        except BaseException:
            conn.rollback()
            raise
        conn.commit()

    def migration_lock(self, cur: sqlite3.Cursor) -> None:
        """Nothing more: BEGIN IMMEDIATE already keeps other servers out."""
