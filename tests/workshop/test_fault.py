"""A server killed mid-voting loses no acknowledged vote: a process votes as fast as it can, is
killed (SIGKILL) after it acknowledged some ballots, and the database, reopened, holds every
ballot it acknowledged (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from twg_data.workshop import store as ws

ROOT = Path(__file__).resolve().parents[2]
REFS = ["m/a", "m/b", "m/c"]


def test_every_ballot_acknowledged_before_the_writer_is_killed_is_there(workshop_address):
    store = ws.open_store(workshop_address)
    workshop = store.create(meeting_id="m", title="Fault", method="dots", dots=5, refs=REFS)
    store.open_voting(workshop.id)
    store.close()
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.workshop.writer", workshop_address, workshop.id],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    acknowledged = []
    try:
        while len(acknowledged) < 40:
            line = writer.stdout.readline()
            assert line, "the writer stopped before acknowledging 40 ballots"
            acknowledged.append(line.split())
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        rest = writer.communicate()[0]
    acknowledged += [line.split() for line in rest.splitlines() if len(line.split()) == 3]

    reopened = ws.open_store(workshop_address)
    for token, point, value in acknowledged:
        assert reopened.ballot(workshop.id, token) == {point: int(value)}
    assert reopened.voters(workshop.id) >= len(acknowledged)
    reopened.close()
