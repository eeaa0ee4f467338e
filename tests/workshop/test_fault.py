"""A server killed mid-voting loses no acknowledged vote: a process votes as fast as it can, is
killed (SIGKILL) after it acknowledged some ballots, and the database, reopened, holds every
ballot it acknowledged (on SQLite and on PostgreSQL). The same when the PostgreSQL server itself
crashes mid-voting and is started again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.workshop import pg
from twg_data.workshop import store as ws

ROOT = Path(__file__).resolve().parents[2]
REFS = ["m/a", "m/b", "m/c"]


def voting_workshop(address: str) -> str:
    store = ws.open_store(address)
    workshop = store.create(meeting_id="m", title="Fault", method="dots", dots=5, refs=REFS)
    store.open_voting(workshop.id)
    store.close()
    return workshop.id


def vote_until(address: str, workshop_id: str, acknowledged: list, then) -> None:
    """Run a voting process until it acknowledged 40 ballots; `then()`; kill it; keep every
    ballot it acknowledged in `acknowledged`."""
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.workshop.writer", address, workshop_id],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        while len(acknowledged) < 40:
            line = writer.stdout.readline()
            assert line, "the writer stopped before acknowledging 40 ballots"
            acknowledged.append(line.split())
        then()
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        rest = writer.communicate()[0]
    acknowledged += [line.split() for line in rest.splitlines() if len(line.split()) == 3]


def test_every_ballot_acknowledged_before_the_writer_is_killed_is_there(workshop_address):
    workshop = voting_workshop(workshop_address)
    acknowledged: list = []
    vote_until(workshop_address, workshop, acknowledged, then=lambda: None)
    assert_all_there(workshop_address, workshop, acknowledged)


@pytest.fixture
def crashable_postgres(postgres_server):
    """A PostgreSQL server of the test's own, which it may crash and start again."""
    server = pg.Server()
    server.start()
    yield server
    server.crash()
    server.remove()


def test_a_postgresql_crash_mid_voting_loses_no_acknowledged_ballot(crashable_postgres):
    address = pg.new_database(crashable_postgres.address)
    workshop = voting_workshop(address)
    acknowledged: list = []
    vote_until(address, workshop, acknowledged, then=crashable_postgres.crash)
    crashable_postgres.start()  # recovers from its write-ahead log
    assert_all_there(address, workshop, acknowledged)


def assert_all_there(address: str, workshop: str, acknowledged: list) -> None:
    assert len(acknowledged) >= 40

    reopened = ws.open_store(address)
    for token, point, value in acknowledged:
        assert reopened.ballot(workshop, token) == {point: int(value)}
    assert reopened.voters(workshop) >= len(acknowledged)
    reopened.close()
