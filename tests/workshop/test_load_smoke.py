"""The workshop load benchmarks run and their figures hold at a small size, on both backends:
participants voting at once, with changes and replays, leave exact totals and no error, in
the store and through a real `streamlit run` server (whose live results count every voter)."""

from __future__ import annotations

from benchmarks import workshop_bench


def test_twenty_participants_at_once_leave_exact_totals_and_no_error(workshop_address):
    figures = workshop_bench.run(workshop_address, participants=20)
    assert figures["errors"] == 0
    assert figures["totals exact"] is True
    assert figures["dots counted"] == 20 * workshop_bench.DOTS
    assert figures["final ballots seen"] == 20
    assert figures["vote to screen p95 (s)"] < 2


def test_phones_voting_through_a_real_server_are_counted_exactly_and_shown_live(
    workshop_address,
):
    from benchmarks import workshop_load

    figures = workshop_load.run(workshop_address, participants=5)
    assert figures["errors"] == 0, figures["first errors"]
    assert figures["totals exact"] is True
    assert figures["dots counted"] == 5 * workshop_load.DOTS
    assert figures["voters counted on screen"] == 5
