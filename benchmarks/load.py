"""Load test: many concurrent sessions against one `streamlit run` server on localhost.

    python -m benchmarks.load [--sessions 40] [--steps 12] [--seed 1]

Each session speaks Streamlit's own WebSocket protocol (as a browser tab does, without the
rendering): it loads the app, then for a bounded number of steps switches pages and changes
sidebar filters, timing each rerun from request to `script_finished`. The same load runs
against the dashboard and against a bare page with the same sidebar widgets and no data
work (benchmarks/bare_app.py), so the figures compare to the framework's own cost.

Reports errors, exception elements, rerun latency percentiles and the server's memory
(RSS) after the first session and after the whole run. Traffic goes to 127.0.0.1 only, and
every loop is bounded in steps and time.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import gc
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

ROOT = Path(__file__).resolve().parents[1]
BARE_APP = ROOT / "benchmarks" / "bare_app.py"
STEP_TIMEOUT_S = 60
SUCCESS = {ForwardMsg.FINISHED_SUCCESSFULLY}


@dataclass
class SessionResult:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    exceptions: int = 0
    bytes_received: int = 0


@dataclass
class Client:
    """One browser tab's worth of protocol: widget state, pages, and rerun requests."""

    ws: websockets.ClientConnection
    result: SessionResult
    widgets: dict[str, WidgetState] = field(default_factory=dict)
    multiselects: dict[str, list[str]] = field(default_factory=dict)  # id -> options
    pages: list[str] = field(default_factory=list)  # page script hashes
    page: str = ""

    async def rerun(self) -> None:
        message = BackMsg()
        state = message.rerun_script
        state.page_script_hash = self.page
        state.widget_states.widgets.extend(self.widgets.values())
        started = time.perf_counter()
        await self.ws.send(message.SerializeToString())
        await asyncio.wait_for(self._until_finished(), STEP_TIMEOUT_S)
        self.result.latencies.append(time.perf_counter() - started)

    async def _until_finished(self) -> None:
        while True:
            raw = await self.ws.recv()
            self.result.bytes_received += len(raw)
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                self._note_element(msg.delta.new_element)
            elif kind == "navigation":
                self.pages = [p.page_script_hash for p in msg.navigation.app_pages]
                self.page = msg.navigation.page_script_hash
            elif kind == "script_finished":
                if msg.script_finished not in SUCCESS:
                    self.result.errors.append(f"script finished with {msg.script_finished}")
                return
            elif kind == "session_event" and msg.session_event.WhichOneof("type"):
                event = msg.session_event.WhichOneof("type")
                if event == "script_compilation_exception":
                    self.result.errors.append("script compilation exception")

    def _note_element(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.result.exceptions += 1
            self.result.errors.append(f"exception element: {element.exception.message[:200]}")
        elif kind == "multiselect":
            self.multiselects[element.multiselect.id] = list(element.multiselect.options)

    def choose_filter(self, rng: random.Random) -> None:
        """Pick a sidebar multiselect and set it to one option, or clear it."""
        widget_id = rng.choice(sorted(self.multiselects))
        options = self.multiselects[widget_id]
        state = WidgetState(id=widget_id)
        chosen = [rng.choice(options)] if options and rng.random() < 0.7 else []
        state.string_array_value.data.extend(chosen)
        self.widgets[widget_id] = state


async def one_session(port: int, steps: int, seed: int) -> SessionResult:
    result = SessionResult()
    rng = random.Random(seed)
    uri = f"ws://127.0.0.1:{port}/_stcore/stream"
    try:
        async with websockets.connect(uri, subprotocols=["streamlit"], max_size=None) as ws:
            client = Client(ws, result)
            await client.rerun()  # the first page load
            for _ in range(steps):
                if client.pages and rng.random() < 0.4:
                    client.page = rng.choice(client.pages)
                elif client.multiselects:
                    client.choose_filter(rng)
                await client.rerun()
    except (TimeoutError, OSError, websockets.WebSocketException) as error:
        result.errors.append(f"{type(error).__name__}: {error}")
    return result


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start_server(app: Path, port: int, env: dict[str, str]) -> subprocess.Popen:
    command = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    command += ["--browser.gatherUsageStats", "false"]
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise RuntimeError(f"streamlit did not start: {server.stderr.read().decode()[-2000:]}")


@dataclass
class LoadResult:
    name: str
    sessions: int
    reruns: int
    errors: list[str]
    exceptions: int
    p50: float
    p95: float
    p99: float
    rss_first_mb: float
    rss_after_mb: float


def _percentile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def _run(coroutine_factory):
    """asyncio.run in a thread of its own: callers may already run an event loop (pytest
    after Playwright's sync API does)."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(coroutine_factory())).result()


def run_load(name: str, app: Path, sessions: int, steps: int, seed: int) -> LoadResult:
    """Start a server for app, warm it with one session, then run `sessions` at once."""
    port = _free_port()
    server = start_server(app, port, dict(os.environ))
    try:
        first = _run(lambda: one_session(port, steps, seed))
        time.sleep(1)
        rss_first = _rss_mb(server.pid)

        async def everyone() -> list[SessionResult]:
            return await asyncio.gather(
                *(one_session(port, steps, seed + i + 1) for i in range(sessions))
            )

        results = _run(everyone)
        gc.collect()
        time.sleep(3)  # let the server drop the closed sessions
        rss_after = _rss_mb(server.pid)
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=20)
    latencies = [t for r in results for t in r.latencies]
    return LoadResult(
        name=name,
        sessions=sessions,
        reruns=len(latencies),
        errors=[e for r in [first, *results] for e in r.errors],
        exceptions=sum(r.exceptions for r in [first, *results]),
        p50=_percentile(latencies, 50),
        p95=_percentile(latencies, 95),
        p99=_percentile(latencies, 99),
        rss_first_mb=rss_first,
        rss_after_mb=rss_after,
    )


def report(results: list[LoadResult]) -> str:
    lines = [
        "| app | sessions | reruns | errors | exceptions | p50 ms | p95 ms | p99 ms "
        "| RSS after 1st session MB | RSS after run MB | RSS ratio |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.name} | {r.sessions} | {r.reruns} | {len(r.errors)} | {r.exceptions} "
            f"| {r.p50 * 1000:.0f} | {r.p95 * 1000:.0f} | {r.p99 * 1000:.0f} "
            f"| {r.rss_first_mb:.0f} | {r.rss_after_mb:.0f} "
            f"| {r.rss_after_mb / r.rss_first_mb:.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__)
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--steps", type=int, default=12, help="reruns per session after load")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bare", type=Path, default=BARE_APP, help="the bare page to compare")
    args = parser.parse_args(argv)
    if not 1 <= args.sessions <= 200 or not 1 <= args.steps <= 200:
        parser.error("--sessions and --steps must be between 1 and 200")

    results = [
        run_load("bare page", args.bare, args.sessions, args.steps, args.seed),
        run_load("dashboard", ROOT / "app.py", args.sessions, args.steps, args.seed),
    ]
    print(report(results))
    bare, app = results
    ratio = app.p95 / bare.p95
    rss_ratio = app.rss_after_mb / app.rss_first_mb
    checks = {
        "no errors": not app.errors,
        "no exception elements": app.exceptions == 0,
        f"p95 within 2x the bare page (ratio {ratio:.2f})": ratio <= 2,
        f"memory after the run within 1.5x of after the first session ({rss_ratio:.2f})": (
            rss_ratio <= 1.5
        ),
    }
    for check, ok in checks.items():
        print(f"{'met    ' if ok else 'NOT MET'}  {check}")
    for error in sorted(set(app.errors))[:10]:
        print(f"  error: {error}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
