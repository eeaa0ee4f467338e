"""The workshop database on a PostgreSQL server (`TWG_WORKSHOP_DB=postgresql://...`), for
several dashboard servers behind one load balancer. Uses psycopg 3."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

INTEGRITY_ERRORS: tuple[type[Exception], ...] = (psycopg.errors.IntegrityError,)
_PARAMETER = re.compile(r"(?<![:\w]):(\w+)")
_MIGRATION_LOCK = 7_230_2301  # pg_advisory_xact_lock key: one migrating server at a time


class PostgresBackend:
    """Connections to one PostgreSQL database; `:name` parameters become `%(name)s`."""

    dialect = "postgresql"
    share_lock = " FOR SHARE"  # a vote holds the workshop's row, so closing waits for it
    row_lock = " FOR UPDATE"  # a ballot holds its participant's row: one ballot at a time each

    def __init__(self, address: str) -> None:
        self.address = address

    def describe(self) -> str:
        """The database, for messages and logs (without a password)."""
        return "PostgreSQL " + re.sub(r"://[^@/]*@", "://", self.address)

    def connect(self) -> psycopg.Connection:
        """A new connection, in autocommit mode (transactions are explicit)."""
        return psycopg.connect(self.address, autocommit=True)

    def sql(self, text: str) -> str:
        """The statement as psycopg reads it."""
        return _PARAMETER.sub(r"%(\1)s", text.replace("%", "%%"))

    @contextmanager
    def transaction(self, conn: psycopg.Connection, write: bool) -> Iterator[psycopg.Cursor]:
        """A transaction: committed when the block ends, rolled back if it raises."""
        del write  # row locks (`share_lock`, UPDATE) order the writers
        with conn.transaction(), conn.cursor() as cur:
            yield cur

    def migration_lock(self, cur: psycopg.Cursor) -> None:
        """Keep other servers from migrating at the same time (released at commit)."""
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
