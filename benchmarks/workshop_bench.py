"""Workshop load: 100 participants vote at once while the facilitator's screen polls.

    python -m benchmarks.workshop_bench [--participants 100] [--backend sqlite|postgresql|both]
                                        [--postgres ADDRESS]

Each participant is a thread with its own session in the workshop store (as a phone is a
session on a dashboard server): it joins, sends a ballot of 5 dots, changes it twice, then
sends its final ballot twice more (a replay). The facilitator's screen reads the results every
half second, as the Workshop page's live fragment does (`ui.workshop_host.LIVE_EVERY`). Reports:
the totals against those the final ballots add up to (exact or not), errors, the p50/p95 time
of a ballot's write, and the p50/p95 time from a participant sending their final ballot to the
facilitator's screen showing it. Without `--postgres`, PostgreSQL is a throwaway server started
here (as the tests do). Measures the store, not Streamlit's rendering.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

from twg_data.workshop import codes
from twg_data.workshop import store as ws

POINTS = [f"m/point-{n}" for n in range(8)]
DOTS = 5
POLL_EVERY = 0.5  # seconds, as the Workshop page's live results (ui.workshop_host.LIVE_EVERY)


def _ballot(rng: random.Random) -> dict[str, int]:
    ballot: dict[str, int] = {}
    for _ in range(DOTS):
        point = rng.choice(POINTS)
        ballot[point] = ballot.get(point, 0) + 1
    return ballot


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def run(address: str, participants: int, seed: int = 1) -> dict[str, object]:
    """One load run against the store at the address; its figures."""
    store = ws.open_store(address)
    workshop = store.create(meeting_id="m", title="Load", method="dots", dots=DOTS, refs=POINTS)
    store.open_voting(workshop.id)
    errors: list[str] = []
    writes: list[float] = []
    finals: dict[str, tuple[dict[str, int], float]] = {}  # participant -> (ballot, sent at)
    lock = threading.Lock()
    start = threading.Barrier(participants + 1)
    seen: dict[str, float] = {}
    done = threading.Event()

    def participant(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        try:
            token = store.join(workshop.id)
            start.wait()
            ballots = [_ballot(rng), _ballot(rng), _ballot(rng)]
            for i, ballot in enumerate([*ballots, ballots[-1], ballots[-1]]):
                if i == 2:
                    with lock:
                        finals[codes.participant_id(token)] = (ballot, time.perf_counter())
                began = time.perf_counter()
                store.submit(workshop.id, token, ballot)
                with lock:
                    writes.append(time.perf_counter() - began)
                time.sleep(rng.uniform(0, 0.2))  # a person's pause between taps
        except Exception as error:  # noqa: BLE001 (counted: the run reports every error)
            with lock:
                errors.append(repr(error))

    def facilitator() -> None:
        while not done.is_set():
            began = time.perf_counter()
            shown: dict[str, dict[str, int]] = {}
            for participant_id, point, value in store.votes(workshop.id):
                shown.setdefault(participant_id, {})[point] = value
            store.totals(workshop.id)
            with lock:
                for participant_id, (ballot, _sent) in finals.items():
                    if participant_id not in seen and shown.get(participant_id) == ballot:
                        seen[participant_id] = time.perf_counter()
            done.wait(max(0.0, POLL_EVERY - (time.perf_counter() - began)))

    threads = [threading.Thread(target=participant, args=(n,)) for n in range(participants)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    poller = threading.Thread(target=facilitator)
    poller.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    time.sleep(POLL_EVERY * 1.5)  # one more poll shows the last ballots
    done.set()
    poller.join()

    expected = {point: 0 for point in POINTS}
    for ballot, _sent in finals.values():
        for point, value in ballot.items():
            expected[point] += value
    totals = {point: total for point, total, _voters in store.totals(workshop.id)}
    visible = [seen[p] - sent for p, (_ballot_, sent) in finals.items() if p in seen]
    figures = {
        "backend": store.backend.dialect,
        "participants": participants,
        "ballots sent": len(writes) + len(errors),
        "errors": len(errors),
        "totals exact": totals == expected and store.voters(workshop.id) == participants,
        "dots counted": sum(totals.values()),
        "write p50 (ms)": round(1000 * _percentile(writes, 0.5), 1),
        "write p95 (ms)": round(1000 * _percentile(writes, 0.95), 1),
        "vote to screen p50 (s)": round(_percentile(visible, 0.5), 2),
        "vote to screen p95 (s)": round(_percentile(visible, 0.95), 2),
        "final ballots seen": len(visible),
        "wall time (s)": round(elapsed, 1),
    }
    store.close()
    return figures


def runs(participants: int, backend: str = "both", postgres: str | None = None) -> list[dict]:
    """The load on each backend asked for (PostgreSQL: the address, or a throwaway server)."""
    found = []
    with ExitStack() as stack:
        if backend in ("sqlite", "both"):
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            found.append(run(str(folder / "workshop.sqlite3"), participants))
        if backend in ("postgresql", "both"):
            if not postgres:
                from tests.workshop import pg

                postgres = pg.new_database(stack.enter_context(pg.server()))
            found.append(run(postgres, participants))
    return found


def table(rows: list[dict]) -> str:
    """The figures as a Markdown table, one row per backend."""
    names = list(rows[0])
    lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    lines += ["| " + " | ".join(str(row[n]) for n in names) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    """The command line: run the load on each backend asked for; print a Markdown table."""
    p = argparse.ArgumentParser(prog="python -m benchmarks.workshop_bench")
    p.add_argument("--participants", type=int, default=100)
    p.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    p.add_argument("--postgres", help="a postgresql:// address (default: a throwaway server)")
    args = p.parse_args()
    print(table(runs(args.participants, args.backend, args.postgres)))


if __name__ == "__main__":
    main()
