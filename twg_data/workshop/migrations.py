"""The workshop database's schema, as numbered steps the app applies on opening: a database
at version n gets steps n+1, n+2, ... in one transaction each, under a lock, so that several
servers opening it at once apply each step once. The SQL is the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"

STEPS: tuple[tuple[str, ...], ...] = (
    # 1: workshops, their points, participants, votes and comments.
    (
        """CREATE TABLE workshops (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            meeting_id TEXT NOT NULL,
            held_on TEXT NOT NULL,
            method TEXT NOT NULL CHECK (method IN ('dots', 'priority')),
            dots INTEGER NOT NULL CHECK (dots >= 1),
            status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            closed_at TEXT
        )""",
        """CREATE TABLE points (
            workshop_id TEXT NOT NULL REFERENCES workshops (id),
            point_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('report', 'room')),
            text TEXT NOT NULL,
            added_at TEXT NOT NULL,
            PRIMARY KEY (workshop_id, point_id)
        )""",
        """CREATE TABLE participants (
            workshop_id TEXT NOT NULL REFERENCES workshops (id),
            participant TEXT NOT NULL,
            joined_at TEXT NOT NULL,
            PRIMARY KEY (workshop_id, participant)
        )""",
        """CREATE TABLE votes (
            workshop_id TEXT NOT NULL,
            participant TEXT NOT NULL,
            point_id TEXT NOT NULL,
            value INTEGER NOT NULL CHECK (value >= 1),
            updated_at TEXT NOT NULL,
            PRIMARY KEY (workshop_id, participant, point_id),
            FOREIGN KEY (workshop_id, point_id) REFERENCES points (workshop_id, point_id),
            FOREIGN KEY (workshop_id, participant)
                REFERENCES participants (workshop_id, participant)
        )""",
        """CREATE TABLE comments (
            id TEXT PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops (id),
            participant TEXT NOT NULL,
            text TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
            created_at TEXT NOT NULL,
            decided_at TEXT
        )""",
        "CREATE INDEX comments_by_workshop ON comments (workshop_id, status, created_at)",
    ),
)


def latest() -> int:
    """The schema version this code writes."""
    return len(STEPS)
