"""What a user feels searching, in Chromium: Datasette's facet click to a settled page beside
our Search page's facet click and a query typed in its box (shipped data).

    python -m benchmarks.search_browser_bench [--repeat 5] [--query mayor]

Serves the same texts with Datasette (`datasette serve`, its table made with sqlite-utils, FTS
enabled) and the dashboard, on free localhost ports. Datasette's facet is a link: timed from
the click to the new page's `load` event. Ours reruns the script: timed as
`browser_bench` times a filter, from the pointer or key press to the run finished and two
animation frames drawn. Each repeat reloads the page (untimed); the first is a warm-up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

from benchmarks.browser_bench import _ARM_JS, _SETTLED_JS, SETTLE_TIMEOUT_MS
from benchmarks.load import _free_port, start_server
from benchmarks.search_bench import peer_database
from tests.browser.conftest import CHROMIUM_ARGS, find_chromium
from tests.browser.helpers import RUN_COUNTER_JS, runs_finished, wait_for_app
from twg_data import paths
from twg_data.build import ensure_database
from twg_data.paths import PROJECT_ROOT

APP = PROJECT_ROOT / "app.py"
QUERY = "mayor"
FACET = ("participant", "Participant")  # the value, and our pill's label


def _serve_datasette(path: Path, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "datasette", "serve", str(path), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=2):
                return server
        except OSError:
            time.sleep(0.25)
    server.kill()
    raise RuntimeError("datasette did not start within 60 s")


def datasette_facet_click(page, url: str, value: str) -> float:
    """Milliseconds from clicking a facet's value to the narrowed page loaded."""
    page.goto(url)
    page.wait_for_load_state("load")
    link = page.locator(".facet-info").get_by_role("link", name=value, exact=True)
    started = time.perf_counter()
    with page.expect_navigation(wait_until="load"):
        link.click()
    return (time.perf_counter() - started) * 1000


def _settled(page) -> float:
    elapsed = page.evaluate(_SETTLED_JS, SETTLE_TIMEOUT_MS)
    if elapsed is None:
        raise RuntimeError(f"{page.url} did not settle within {SETTLE_TIMEOUT_MS} ms")
    return float(elapsed)


def our_facet_click(page, url: str, label: str) -> float:
    """Milliseconds from clicking a facet's pill to the Search page settled."""
    page.goto(url)
    wait_for_app(page)
    pill = page.get_by_test_id("stExpander").get_by_text(label, exact=False).first
    page.evaluate(_ARM_JS, runs_finished(page))
    pill.click()
    elapsed = _settled(page)
    wait_for_app(page, quiet_ms=300)
    return elapsed


def our_query(page, url: str, query: str) -> float:
    """Milliseconds from pressing Enter in the search box to the hits settled."""
    page.goto(url)
    wait_for_app(page)
    box = page.get_by_role("textbox", name="Search every meeting")
    box.fill(query)
    page.evaluate(_ARM_JS, runs_finished(page))
    box.press("Escape")  # arms the clock; Enter then sends the query
    box.press("Enter")
    elapsed = _settled(page)
    wait_for_app(page, quiet_ms=300)
    return elapsed


def _median(measure, repeat: int) -> dict:
    times = [measure() for _ in range(repeat + 1)][1:]  # the first warms up
    return {"median_ms": statistics.median(times), "runs_ms": times}


def run(repeat: int, query: str = QUERY) -> dict:
    """Datasette's facet click, ours, and our query, median ms each, in Chromium."""
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if executable is None:
        raise SystemExit("Chromium not found: apt-get install chromium, or set CHROMIUM_PATH")
    with tempfile.TemporaryDirectory() as temp:
        db = Path(temp) / "twg.duckdb"
        ensure_database(paths.data_dir(), db)
        peer = peer_database(db, Path(temp) / "peer.db")
        ports = _free_port(), _free_port()
        datasette = _serve_datasette(peer, ports[0])
        env = {**os.environ, "TWG_DB_PATH": str(db)}
        ours = start_server(APP, ports[1], env)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=executable, headless=True, args=CHROMIUM_ARGS
                )
                context = browser.new_context(viewport={"width": 1600, "height": 1000})
                context.add_init_script(RUN_COUNTER_JS)
                page = context.new_page()
                peer_url = (
                    f"http://127.0.0.1:{ports[0]}/peer/docs?_search={quote(query)}"
                    "&_facet=kind&_facet=meeting_id"
                )
                search_url = f"http://127.0.0.1:{ports[1]}/search"
                results = {
                    "datasette facet click": _median(
                        lambda: datasette_facet_click(page, peer_url, FACET[0]), repeat
                    ),
                    "our facet click": _median(
                        lambda: our_facet_click(page, f"{search_url}?q={query}", FACET[1]),
                        repeat,
                    ),
                    "our query typed": _median(lambda: our_query(page, search_url, query), repeat),
                }
                browser.close()
        finally:
            for server in (datasette, ours):
                server.kill()
                server.wait()
    base = results["datasette facet click"]["median_ms"]
    for row in results.values():
        row["ratio"] = row["median_ms"] / base
    return results


def report(results: dict) -> str:
    """The step as a Markdown table: median, ratio to Datasette's facet click, runs."""
    lines = ["| action | settle median (ms) | x Datasette's facet click | runs (ms) |"]
    lines.append("|---|---:|---:|---|")
    for name, row in results.items():
        runs = ", ".join(f"{t:.0f}" for t in row["runs_ms"])
        lines.append(f"| {name} | {row['median_ms']:.0f} | {row['ratio']:.2f} | {runs} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--query", default=QUERY)
    args = parser.parse_args(argv)
    print(report(run(args.repeat, args.query)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
