"""The workshop store: one interface over the SQLite and PostgreSQL backends.

`open_store()` opens the database `TWG_WORKSHOP_DB` names (a file path, or a `postgresql://`
address; by default `workshop.sqlite3` beside the app's database) and brings its schema up to
date. Every write is one transaction: a ballot replaces the participant's votes point by point
(an UPSERT), so a replayed submission changes nothing; a vote checks, under a lock, that voting
is open, so none lands after closing; closing is final.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from twg_data import paths
from twg_data.workshop import codes, comments, migrations, records
from twg_data.workshop.records import (  # noqa: F401 (the store's interface)
    BAD_POINT,
    BAD_SETUP,
    BAD_VALUE,
    CLOSED,
    EXPIRED,
    NOT_JOINED,
    NOT_OPEN,
    PRIORITY_MAX,
    TOO_MANY_DOTS,
    UNKNOWN,
    Comment,
    Point,
    Workshop,
    WorkshopError,
    now_text,
)

ENV = "TWG_WORKSHOP_DB"
METHODS = ("dots", "priority")
MAX_POINTS = 40
_IDLE_CONNECTIONS = 8


def default_address() -> str:
    """`TWG_WORKSHOP_DB`, else a SQLite file beside the app's database."""
    return os.environ.get(ENV) or str(paths.db_path().with_name("workshop.sqlite3"))


def backend_for(address: str):
    """The backend for an address: PostgreSQL for `postgresql://` or `postgres://`, else a
    SQLite file."""
    if address.startswith(("postgresql://", "postgres://")):
        from twg_data.workshop.postgres_backend import PostgresBackend

        return PostgresBackend(address)
    from twg_data.workshop.sqlite_backend import SQLiteBackend

    return SQLiteBackend(Path(address))


def open_store(address: str | None = None) -> WorkshopStore:
    """The store at the address (default: `default_address()`), its schema up to date."""
    store = WorkshopStore(backend_for(address or default_address()))
    store.migrate()
    return store


class WorkshopStore:
    """Workshops, points, participants, votes and comments in one database."""

    def __init__(self, backend) -> None:
        self.backend = backend
        self._idle: list = []
        self._lock = threading.Lock()
        self._integrity = _integrity_errors(backend)

    # --- connections and transactions ---------------------------------------------------

    @contextmanager
    def _transaction(self, write: bool = False) -> Iterator[_Run]:
        with self._lock:
            conn = self._idle.pop() if self._idle else None
        conn = conn or self.backend.connect()
        try:
            with self.backend.transaction(conn, write) as cur:
                yield _Run(self.backend, cur)
        except BaseException:
            conn.close()
            raise
        with self._lock:
            if len(self._idle) < _IDLE_CONNECTIONS:
                self._idle.append(conn)
                conn = None
        if conn is not None:
            conn.close()

    def close(self) -> None:
        """Close every idle connection (the store opens new ones when used again)."""
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()

    def migrate(self) -> int:
        """Apply the schema steps the database lacks; return its version."""
        with self._transaction(write=True) as run:
            self.backend.migration_lock(run.cur)
            run(migrations.VERSION_TABLE)
            found = run("SELECT MAX(version) FROM schema_version")[0][0] or 0
            for version in range(found + 1, migrations.latest() + 1):
                for statement in migrations.STEPS[version - 1]:
                    run(statement)
                run("INSERT INTO schema_version (version) VALUES (:v)", v=version)
        return max(found, migrations.latest())

    def version(self) -> int:
        """The schema version of the database."""
        with self._transaction() as run:
            return run("SELECT MAX(version) FROM schema_version")[0][0] or 0

    # --- workshops ------------------------------------------------------------------------

    def create(
        self,
        *,
        meeting_id: str,
        title: str,
        method: str,
        dots: int,
        refs: list[str],
        held_on: date | None = None,
        now: datetime | None = None,
        lifetime: float = codes.LIFETIME_SECONDS,
    ) -> Workshop:
        """A new workshop (voting not open yet) on a meeting, putting these report items
        (brief refs) to the room; its join code expires after `lifetime` seconds."""
        if method not in METHODS or not 1 <= dots <= 20 or not title.strip():
            raise WorkshopError(BAD_SETUP)
        if len(set(refs)) != len(refs) or len(refs) > MAX_POINTS:
            raise WorkshopError(BAD_SETUP)
        moment = now or datetime.now(UTC)
        workshop_id = codes.new_id()
        for _attempt in range(5):  # a code already taken (ever): draw another
            try:
                with self._transaction(write=True) as run:
                    run(
                        "INSERT INTO workshops (id, code, title, meeting_id, held_on, method, "
                        "dots, status, created_at, expires_at) VALUES (:id, :code, :title, "
                        ":meeting, :held_on, :method, :dots, 'draft', :now, :expires)",
                        id=workshop_id,
                        code=codes.new_code(),
                        title=title.strip(),
                        meeting=meeting_id,
                        held_on=(held_on or moment.date()).isoformat(),
                        method=method,
                        dots=dots if method == "dots" else PRIORITY_MAX,
                        now=now_text(moment),
                        expires=now_text(moment + timedelta(seconds=lifetime)),
                    )
                    for position, ref in enumerate(refs):
                        self._insert_point(run, workshop_id, ref, position, "report", "", moment)
                break
            except self._integrity:
                continue
        return self.workshop(workshop_id)

    @staticmethod
    def _insert_point(run, workshop_id, point_id, position, source, text, moment) -> None:
        run(
            "INSERT INTO points (workshop_id, point_id, position, source, text, added_at) "
            "VALUES (:w, :p, :pos, :source, :text, :now)",
            w=workshop_id,
            p=point_id,
            pos=position,
            source=source,
            text=text,
            now=now_text(moment),
        )

    def workshop(self, workshop_id: str) -> Workshop:
        """The workshop with this id (WorkshopError UNKNOWN if none)."""
        with self._transaction() as run:
            rows = run(f"SELECT {_WORKSHOP_COLUMNS} FROM workshops WHERE id = :w", w=workshop_id)
        if not rows:
            raise WorkshopError(UNKNOWN)
        return Workshop(*rows[0])

    def by_code(
        self, typed: str, now: datetime | None = None, *, expired_too: bool = False
    ) -> Workshop:
        """The workshop a participant's code names (WorkshopError UNKNOWN, or EXPIRED unless
        `expired_too`: the command line names a past workshop by its code)."""
        code = codes.normalise_code(typed)
        with self._transaction() as run:
            rows = run(f"SELECT {_WORKSHOP_COLUMNS} FROM workshops WHERE code = :c", c=code)
        if not code or not rows:
            raise WorkshopError(UNKNOWN)
        workshop = Workshop(*rows[0])
        if workshop.expires_at <= now_text(now) and not expired_too:
            raise WorkshopError(EXPIRED)
        return workshop

    def workshops(self) -> list[Workshop]:
        """Every workshop, the newest first."""
        with self._transaction() as run:
            rows = run(f"SELECT {_WORKSHOP_COLUMNS} FROM workshops ORDER BY created_at DESC")
        return [Workshop(*row) for row in rows]

    def add_room_point(self, workshop_id: str, text: str, now: datetime | None = None) -> str:
        """Add a point raised in the room (before voting closes); return its id."""
        if comments.problem(text):
            raise WorkshopError(comments.problem(text))
        with self._transaction(write=True) as run:
            status = self._status(run, workshop_id)
            if status == "closed":
                raise WorkshopError(CLOSED)
            count = run("SELECT COUNT(*) FROM points WHERE workshop_id = :w", w=workshop_id)
            if count[0][0] >= MAX_POINTS:
                raise WorkshopError(BAD_SETUP)
            point_id = f"room-{count[0][0] + 1}"
            moment = now or datetime.now(UTC)
            self._insert_point(
                run, workshop_id, point_id, count[0][0], "room", comments.cleaned(text), moment
            )
        return point_id

    def points(self, workshop_id: str) -> list[Point]:
        """The points put to the room, in order."""
        with self._transaction() as run:
            rows = run(
                "SELECT point_id, position, source, text FROM points WHERE workshop_id = :w "
                "ORDER BY position",
                w=workshop_id,
            )
        return [Point(*row) for row in rows]

    def open_voting(self, workshop_id: str) -> None:
        """Open voting (a workshop in draft; opening an open one changes nothing)."""
        with self._transaction(write=True) as run:
            if self._status(run, workshop_id) == "closed":
                raise WorkshopError(CLOSED)
            run("UPDATE workshops SET status = 'open' WHERE id = :w", w=workshop_id)

    def close_voting(self, workshop_id: str, now: datetime | None = None) -> None:
        """Close voting for good: votes freeze (closing a closed one changes nothing)."""
        with self._transaction(write=True) as run:
            self._status(run, workshop_id)
            run(
                "UPDATE workshops SET status = 'closed', closed_at = :now "
                "WHERE id = :w AND status <> 'closed'",
                w=workshop_id,
                now=now_text(now),
            )

    def _status(self, run: _Run, workshop_id: str) -> str:
        rows = run(
            "SELECT status FROM workshops WHERE id = :w" + self.backend.share_lock,
            w=workshop_id,
        )
        if not rows:
            raise WorkshopError(UNKNOWN)
        return rows[0][0]

    # --- participants and votes -----------------------------------------------------------

    def join(self, workshop_id: str, now: datetime | None = None) -> str:
        """A new participant of the workshop: its anonymous token (kept by the session)."""
        token = codes.new_token()
        with self._transaction(write=True) as run:
            self._status(run, workshop_id)
            run(
                "INSERT INTO participants (workshop_id, participant, joined_at) "
                "VALUES (:w, :p, :now)",
                w=workshop_id,
                p=codes.participant_id(token),
                now=now_text(now),
            )
        return token

    def submit(
        self, workshop_id: str, token: str, ballot: Mapping[str, int], now: datetime | None = None
    ) -> None:
        """Record a participant's whole ballot (point -> dots, or priority 1-5; 0 or left out
        for none): it replaces their previous one point by point (an UPSERT per point), so
        submitting it again changes nothing."""
        participant = codes.participant_id(token)
        with self._transaction(write=True) as run:
            status = self._status(run, workshop_id)
            if status != "open":
                raise WorkshopError(CLOSED if status == "closed" else NOT_OPEN)
            method, dots = run("SELECT method, dots FROM workshops WHERE id = :w", w=workshop_id)[0]
            known = {row[0] for row in run(_POINT_IDS, w=workshop_id)}
            records.check_ballot(ballot, known, method, dots)
            # The participant's row, locked: two ballots of one participant at once (two tabs)
            # apply one after the other, never mixed into more dots than the method gives.
            joined = run(
                "SELECT 1 FROM participants WHERE workshop_id = :w AND participant = :p"
                + self.backend.row_lock,
                w=workshop_id,
                p=participant,
            )
            if not joined:
                raise WorkshopError(NOT_JOINED)
            moment = now_text(now)
            for point_id in sorted(known):  # a point left out of the ballot has no vote
                if value := ballot.get(point_id, 0):
                    run(
                        _UPSERT_VOTE, w=workshop_id, p=participant, pt=point_id, v=value, now=moment
                    )
                else:
                    run(_DELETE_VOTE, w=workshop_id, p=participant, pt=point_id)

    def ballot(self, workshop_id: str, token: str) -> dict[str, int]:
        """A participant's votes as recorded (points without a vote left out)."""
        with self._transaction() as run:
            rows = run(
                "SELECT point_id, value FROM votes WHERE workshop_id = :w AND participant = :p",
                w=workshop_id,
                p=codes.participant_id(token),
            )
        return {point_id: value for point_id, value in rows}

    def totals(self, workshop_id: str) -> list[tuple[str, int, int]]:
        """Per point, in order: (point id, total of its votes, participants who voted on it)."""
        with self._transaction() as run:
            return [tuple(row) for row in run(_TOTALS, w=workshop_id)]

    def votes(self, workshop_id: str) -> list[tuple[str, str, int]]:
        """Every recorded vote: (participant's digest, point id, value), by participant."""
        with self._transaction() as run:
            rows = run(
                "SELECT participant, point_id, value FROM votes WHERE workshop_id = :w "
                "ORDER BY participant, point_id",
                w=workshop_id,
            )
        return [tuple(row) for row in rows]

    def voters(self, workshop_id: str) -> int:
        """How many participants have a vote recorded."""
        with self._transaction() as run:
            return run(
                "SELECT COUNT(DISTINCT participant) FROM votes WHERE workshop_id = :w",
                w=workshop_id,
            )[0][0]

    # --- comments -------------------------------------------------------------------------

    def add_comment(
        self, workshop_id: str, token: str, text: str, now: datetime | None = None
    ) -> str:
        """A participant's comment, waiting for the facilitator's approval; its id. Refused
        (WorkshopError with a `comments` reason) when it cannot be shown as typed."""
        if reason := comments.problem(text):
            raise WorkshopError(reason)
        participant = codes.participant_id(token)
        comment_id = codes.new_id()
        with self._transaction(write=True) as run:
            if self._status(run, workshop_id) == "closed":
                raise WorkshopError(CLOSED)
            joined = run(
                "SELECT 1 FROM participants WHERE workshop_id = :w AND participant = :p",
                w=workshop_id,
                p=participant,
            )
            if not joined:
                raise WorkshopError(NOT_JOINED)
            run(
                "INSERT INTO comments (id, workshop_id, participant, text, status, created_at) "
                "VALUES (:id, :w, :p, :text, 'pending', :now)",
                id=comment_id,
                w=workshop_id,
                p=participant,
                text=comments.cleaned(text),
                now=now_text(now),
            )
        return comment_id

    def comments(self, workshop_id: str, status: str = "approved") -> list[Comment]:
        """The workshop's comments with this status, oldest first (participants see only
        `approved`)."""
        with self._transaction() as run:
            rows = run(
                "SELECT id, text, status, created_at FROM comments WHERE workshop_id = :w "
                "AND status = :s ORDER BY created_at, id",
                w=workshop_id,
                s=status,
            )
        return [Comment(*row) for row in rows]

    def decide(self, comment_id: str, approved: bool, now: datetime | None = None) -> None:
        """The facilitator approves (shown to the room) or rejects a pending comment."""
        with self._transaction(write=True) as run:
            run(
                "UPDATE comments SET status = :s, decided_at = :now "
                "WHERE id = :id AND status = 'pending'",
                s="approved" if approved else "rejected",
                now=now_text(now),
                id=comment_id,
            )


_WORKSHOP_COLUMNS = (
    "id, code, title, meeting_id, held_on, method, dots, status, created_at, expires_at, closed_at"
)
_POINT_IDS = "SELECT point_id FROM points WHERE workshop_id = :w"
_UPSERT_VOTE = (
    "INSERT INTO votes (workshop_id, participant, point_id, value, updated_at) "
    "VALUES (:w, :p, :pt, :v, :now) ON CONFLICT (workshop_id, participant, point_id) "
    "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"
)
_DELETE_VOTE = "DELETE FROM votes WHERE workshop_id = :w AND participant = :p AND point_id = :pt"
_TOTALS = (
    "SELECT p.point_id, COALESCE(SUM(v.value), 0), COUNT(v.participant) FROM points p "
    "LEFT JOIN votes v ON v.workshop_id = p.workshop_id AND v.point_id = p.point_id "
    "WHERE p.workshop_id = :w GROUP BY p.point_id, p.position ORDER BY p.position"
)


class _Run:
    """Runs statements in one transaction: `run(sql, **params)` returns the rows (if any)."""

    def __init__(self, backend, cur) -> None:
        self.backend = backend
        self.cur = cur

    def __call__(self, sql: str, **params) -> list[tuple]:
        self.cur.execute(self.backend.sql(sql), params)
        return list(self.cur.fetchall()) if self.cur.description else []


def _integrity_errors(backend) -> tuple[type[Exception], ...]:
    if backend.dialect == "postgresql":
        from twg_data.workshop import postgres_backend

        return postgres_backend.INTEGRITY_ERRORS
    from twg_data.workshop import sqlite_backend

    return sqlite_backend.INTEGRITY_ERRORS
