"""Workshop load against a real server: participants' phones and the facilitator's screen as
Streamlit sessions of one `streamlit run` on localhost.

    python -m benchmarks.workshop_load [--participants 100] [--backend sqlite|postgresql|both]

Each participant speaks Streamlit's WebSocket protocol (as a phone's browser does, without the
drawing): it opens `/vote?code=...`, sends a ballot of 5 dots through the page's form, changes
it twice, then sends its final ballot twice more (a replay), all participants at once; a
ballot reruns only the page's ballot fragment, as it does in a browser. The
facilitator signs in with `?facilitator`, opens the Workshop page on the workshop and keeps
its live results running (the fragment's automatic reruns, as the browser sends them). Reports
the totals against those the final ballots add up to, errors (a refusal, an exception, a
timeout), ballot round trips, and the time from a participant sending their first ballot to
the facilitator's screen counting them among "Participants who voted" (p50, p95).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from benchmarks.load import ROOT, _free_port, _run, start_server
from benchmarks.workshop_bench import _percentile, table
from twg_data.workshop import store as ws

SECRET = "load test secret"
DOTS = 5
TIMEOUT_S = 120


@dataclass
class Session:
    """One browser tab's worth of protocol: the page, its query string, widget states."""

    ws: websockets.ClientConnection
    query: str = ""
    page: str = ""
    page_name: str = ""
    widgets: dict[str, WidgetState] = field(default_factory=dict)
    elements: list = field(default_factory=list)  # this run's new elements
    pages: dict[str, str] = field(default_factory=dict)  # url path -> page script hash
    auto: tuple[float, str] | None = None  # the live fragment's (interval, id)
    fragments: dict[str, str] = field(default_factory=dict)  # widget id -> its fragment

    async def run(
        self, triggers: tuple[str, ...] = (), fragment: str = "", auto: bool = False
    ) -> list:
        """One rerun (the whole page, or one fragment: a widget's, or the timer's); its new
        elements."""
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page
        state.page_name = "" if self.page else self.page_name
        state.fragment_id = fragment
        state.is_auto_rerun = auto
        state.widget_states.widgets.extend(self.widgets.values())
        state.widget_states.widgets.extend(WidgetState(id=t, trigger_value=True) for t in triggers)
        self.elements = []
        await self.ws.send(message.SerializeToString())
        await asyncio.wait_for(self._until_finished(), TIMEOUT_S)
        return self.elements

    async def _until_finished(self) -> None:
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await self.ws.recv())
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                self.elements.append(element)
                inner = getattr(element, element.WhichOneof("type") or "", None)
                if msg.delta.fragment_id and getattr(inner, "id", ""):
                    self.fragments[inner.id] = msg.delta.fragment_id
            elif kind == "navigation":
                self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
                self.page = msg.navigation.page_script_hash
            elif kind == "auto_rerun":
                self.auto = (msg.auto_rerun.interval, msg.auto_rerun.fragment_id)
            elif kind == "script_finished":
                return

    def find(self, kind: str, label: str = "") -> list:
        """This run's elements of a kind (`number_input`, `button`, ...) whose label (or body)
        starts with `label`."""
        found = []
        for element in self.elements:
            if element.WhichOneof("type") == kind:
                inner = getattr(element, kind)
                text = getattr(inner, "label", "") or getattr(inner, "body", "")
                if text.startswith(label):
                    found.append(inner)
        return found


def _exceptions(elements: list) -> list[str]:
    return [e.exception.message[:200] for e in elements if e.WhichOneof("type") == "exception"]


def _ballot(rng: random.Random, points: int) -> list[int]:
    values = [0] * points
    for _ in range(DOTS):
        values[rng.randrange(points)] += 1
    return values


@dataclass
class Outcome:
    """What the participants did and met."""

    errors: list[str] = field(default_factory=list)
    round_trips: list[float] = field(default_factory=list)
    first_sent: list[float] = field(default_factory=list)
    finals: list[list[int]] = field(default_factory=list)
    server_cpu: float = 0.0  # the server's CPU seconds while the participants voted


async def participant(
    port: int, code: str, seed: int, loaded: asyncio.Queue, go: asyncio.Event, out: Outcome
):
    """A phone: join by the code; once everyone has, vote, change twice, replay the final
    ballot twice."""
    rng = random.Random(seed)
    uri = f"ws://127.0.0.1:{port}/_stcore/stream"
    try:
        async with websockets.connect(
            uri, subprotocols=["streamlit"], max_size=None, ping_interval=None
        ) as conn:
            phone = Session(conn, query=f"code={code}", page_name="vote")
            await phone.run()
            await loaded.put(seed)
            await go.wait()
            inputs = phone.find("number_input", "Your vote for")
            (send,) = phone.find("button", "Send my vote")
            ballots = [_ballot(rng, len(inputs)) for _ in range(3)]
            for n, ballot in enumerate([*ballots, ballots[-1], ballots[-1]]):
                for widget, value in zip(inputs, ballot, strict=True):
                    phone.widgets[widget.id] = WidgetState(id=widget.id, int_value=value)
                began = time.perf_counter()
                if n == 0:
                    out.first_sent.append(began)
                fragment = phone.fragments.get(send.id, "")  # the ballot's fragment only
                elements = await phone.run(triggers=(send.id,), fragment=fragment)
                out.round_trips.append(time.perf_counter() - began)
                out.errors += _exceptions(elements)
                if not phone.find("alert", "Your vote is recorded"):
                    out.errors.append(f"ballot {n} not recorded")
                await asyncio.sleep(rng.uniform(0, 0.5))  # a person's pause between taps
            out.finals.append(ballots[-1])
    except (TimeoutError, OSError, ValueError, websockets.WebSocketException) as error:
        out.errors.append(f"{type(error).__name__}: {error}")
        await loaded.put(seed)


async def facilitator(
    port: int, workshop: ws.Workshop, seen: list[float], live: asyncio.Event, stop: asyncio.Event
):
    """The projected screen: sign in, open the workshop, keep the live results running and
    note when each new participant is counted."""
    uri = f"ws://127.0.0.1:{port}/_stcore/stream"
    async with websockets.connect(
        uri, subprotocols=["streamlit"], max_size=None, ping_interval=None
    ) as conn:
        screen = Session(conn, query="facilitator")
        await screen.run()
        (secret,) = screen.find("text_input", "Facilitator secret")
        (sign_in,) = screen.find("button", "Sign in as facilitator")
        screen.widgets[secret.id] = WidgetState(id=secret.id, string_value=SECRET)
        await screen.run(triggers=(sign_in.id,))
        screen.widgets.clear()
        screen.query, screen.page = "", screen.pages["workshop"]
        await screen.run()
        (choice,) = screen.find("selectbox", "Workshop")
        name = f"{workshop.title} · {workshop.code}"
        screen.widgets[choice.id] = WidgetState(id=choice.id, string_value=name)
        await screen.run()
        assert screen.auto is not None, "the live results asked for no automatic rerun"
        interval, fragment = screen.auto
        live.set()
        next_run = time.perf_counter()
        while not stop.is_set():  # as the browser does: a rerun of the fragment per interval
            shown_at = time.perf_counter()
            for metric in screen.find("metric", "Participants who voted"):
                counted = int(metric.body.replace(",", ""))
                seen += [shown_at] * max(0, counted - len(seen))
            next_run += interval
            await asyncio.sleep(max(0.0, next_run - time.perf_counter()))
            await screen.run(fragment=fragment, auto=True)


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _load(
    port: int, code: str, workshop: ws.Workshop, participants: int, out: Outcome, pid: int
):
    seen: list[float] = []
    stop, go, live, loaded = asyncio.Event(), asyncio.Event(), asyncio.Event(), asyncio.Queue()
    screen = asyncio.create_task(facilitator(port, workshop, seen, live, stop))
    phones = [
        asyncio.create_task(participant(port, code, seed, loaded, go, out))
        for seed in range(participants)
    ]
    # Everyone has joined and the results are on screen: then all vote at once.
    await asyncio.wait_for(live.wait(), TIMEOUT_S * 3)
    for _ in range(participants):
        await asyncio.wait_for(loaded.get(), TIMEOUT_S * 3)
    go.set()
    voting_began, cpu_began = time.perf_counter(), cpu_seconds(pid)
    await asyncio.gather(*phones)
    out.server_cpu = cpu_seconds(pid) - cpu_began
    deadline = time.perf_counter() + 10
    while len(seen) < len(out.finals) and time.perf_counter() < deadline:
        await asyncio.sleep(0.2)
    stop.set()
    await screen
    return seen, time.perf_counter() - voting_began


def run(address: str, participants: int) -> dict[str, object]:
    """One load run: a server on the workshop database at the address; its figures."""
    store = ws.open_store(address)
    refs = [
        f"twg-2015-bogota/{kind}-{n}"
        for kind, n in [("commonality", 1), ("commonality", 2), ("commonality", 3)]
    ]
    workshop = store.create(
        meeting_id="twg-2015-bogota", title="Load", method="dots", dots=DOTS, refs=refs
    )
    store.open_voting(workshop.id)
    port, out = _free_port(), Outcome()
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "TWG_FACILITATOR_SECRET": SECRET,
            "TWG_WORKSHOP_DB": address,
            "TWG_DB_PATH": str(Path(folder) / "twg.duckdb"),
        }
        server = start_server(ROOT / "app.py", port, env)
        try:
            seen, elapsed = _run(
                lambda: _load(port, workshop.code, workshop, participants, out, server.pid)
            )
        finally:
            server.kill()
            errors_logged = server.stderr.read().decode(errors="replace")
            server.wait()
    expected = [sum(column) for column in zip(*out.finals, strict=True)] if out.finals else []
    totals = [total for _point, total, _voters in store.totals(workshop.id)]
    sent = sorted(out.first_sent)
    visible = [seen[n] - sent[n] for n in range(min(len(seen), len(sent)))]
    figures = {
        "backend": store.backend.dialect,
        "participants": participants,
        "ballots sent": len(out.round_trips),
        "errors": len(out.errors),
        "totals exact": totals == expected and store.voters(workshop.id) == participants,
        "dots counted": sum(totals),
        "ballot round trip p50 (s)": round(_percentile(out.round_trips, 0.5), 2),
        "ballot round trip p95 (s)": round(_percentile(out.round_trips, 0.95), 2),
        "vote to screen p50 (s)": round(_percentile(visible, 0.5), 2),
        "vote to screen p95 (s)": round(_percentile(visible, 0.95), 2),
        "voters counted on screen": len(seen),
        "voting time (s)": round(elapsed, 1),
        "server CPU per ballot (ms)": round(1000 * out.server_cpu / max(1, len(out.round_trips))),
        "first errors": "; ".join(sorted(set(out.errors))[:3]),
    }
    store.close()
    if out.errors:
        print(errors_logged[-3000:])
    return figures


def runs(participants: int, backend: str = "both") -> list[dict]:
    """The load on each backend asked for (PostgreSQL: a throwaway server)."""
    found = []
    with ExitStack() as stack:
        if backend in ("sqlite", "both"):
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            found.append(run(str(folder / "workshop.sqlite3"), participants))
        if backend in ("postgresql", "both"):
            from tests.workshop import pg

            found.append(run(pg.new_database(stack.enter_context(pg.server())), participants))
    return found


def main() -> None:
    """The command line: the load on each backend asked for; a Markdown table."""
    p = argparse.ArgumentParser(prog="python -m benchmarks.workshop_load")
    p.add_argument("--participants", type=int, default=100)
    p.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = p.parse_args()
    print(table(runs(args.participants, args.backend)))


if __name__ == "__main__":
    main()
