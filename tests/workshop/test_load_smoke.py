"""The workshop load benchmark runs and its figures hold at a small size, on both backends:
participants voting at once, with changes and replays, leave exact totals and no error."""

from __future__ import annotations

from benchmarks import workshop_bench


def test_twenty_participants_at_once_leave_exact_totals_and_no_error(workshop_address):
    figures = workshop_bench.run(workshop_address, participants=20)
    assert figures["errors"] == 0
    assert figures["totals exact"] is True
    assert figures["dots counted"] == 20 * workshop_bench.DOTS
    assert figures["final ballots seen"] == 20
    assert figures["vote to screen p95 (s)"] < 2
