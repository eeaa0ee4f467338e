"""An audience page's load while a curator imports a large report on the same server.

    python -m benchmarks.curate_bench [--repeat 7] [--participants 10000] [--imports 3]

Runs `streamlit run app.py` in curator mode on a copy of the shipped data (free localhost
port) and drives Debian's Chromium headless through Playwright:

1. the Overview page loaded in a new browser context each time (a new audience member):
   from `goto` to the first script run finished with nothing left to draw; `--repeat` times
   with the server otherwise idle;
2. the same while a signed-in curator imports a report of `--participants` invented
   participants (`tests.curate_support.participants_report`): loads are timed only while
   the import's worker process runs, and imports are started again until `--repeat` loads
   were timed;
3. the import itself, `--imports` times with nothing else running: from the upload's
   button to the draft shown on the Curate page, and the worker process's own time
   (`status.json`: started to ready).

Prints the medians; saves every figure under benchmarks/results/ (not committed).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from benchmarks.load import _free_port, start_server
from tests.browser.conftest import CHROMIUM_ARGS, find_chromium
from tests.browser.helpers import RUN_COUNTER_JS, wait_for_app
from tests.curate_support import participants_report
from twg_data.curating import workfolder
from twg_data.curating.workfolder import READY, RUNNING
from twg_data.paths import PROJECT_ROOT, curate_dir

SECRET = "benchmark passphrase"
RESULTS = PROJECT_ROOT / "benchmarks" / "results"
VIEWPORT = {"width": 1600, "height": 1000}


def audience_load(browser, url: str) -> float:
    """Seconds from opening the dashboard in a new context to its first run drawn."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(RUN_COUNTER_JS)
    page = context.new_page()
    try:
        started = time.perf_counter()
        page.goto(url)
        wait_for_app(page, since=0, timeout=60_000)
        return time.perf_counter() - started
    finally:
        context.close()


def curator_page(browser, url: str):
    """A signed-in curator on the Curate page."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(RUN_COUNTER_JS)
    page = context.new_page()
    page.goto(f"{url}/?curator")
    wait_for_app(page)
    page.get_by_label("Curator secret").fill(SECRET)
    page.locator('[data-testid="stSidebar"]').get_by_role(
        "button", name="Sign in as curator"
    ).click()
    wait_for_app(page)
    page.get_by_role("link", name="Curate").click()
    wait_for_app(page)
    return page


def start_import(page, report: Path, meeting_id: str) -> float:
    """Upload the report on the Curate page's form; the time of the click."""
    close = page.get_by_role("button", name="Close (keep the draft on the server)")
    if close.count():
        close.click()
        wait_for_app(page)
    page.locator("input[type=file]").set_input_files(str(report))
    page.get_by_label("Meeting id").fill(meeting_id)
    clicked = time.perf_counter()
    page.get_by_role("button", name="Draft the meeting").click()
    return clicked


def running(root: Path) -> bool:
    return any(work.status().state == RUNNING for work in workfolder.listing(root))


def worker_seconds(root: Path) -> list[float]:
    """Each finished import's worker time (started to ready), the oldest first."""
    done = [w.status() for w in workfolder.listing(root) if w.status().state == READY]
    return [s.updated - s.started for s in sorted(done, key=lambda s: s.started)]


def measure(browser, url: str, root: Path, report: Path, repeat: int, imports: int) -> dict:
    for _ in range(2):  # warm the server's caches and Chromium
        audience_load(browser, url)
    alone = [audience_load(browser, url) for _ in range(repeat)]

    curator = curator_page(browser, url)
    during: list[float] = []
    started = 0
    while len(during) < repeat:
        started += 1
        start_import(curator, report, f"twg-2019-bench-{started}")
        deadline = time.monotonic() + 120
        while not running(root) and time.monotonic() < deadline:
            time.sleep(0.05)
        while running(root) and len(during) < repeat:
            took = audience_load(browser, url)
            if running(root):  # the whole load within the import
                during.append(took)
        curator.get_by_text("Draft of twg-2019-bench").wait_for(timeout=120_000)
        wait_for_app(curator, timeout=60_000)
    for work in workfolder.listing(root):
        work.remove()

    shown: list[float] = []
    for number in range(imports):
        clicked = start_import(curator, report, f"twg-2019-alone-{number}")
        curator.get_by_text(f"Draft of twg-2019-alone-{number}").wait_for(timeout=120_000)
        shown.append(time.perf_counter() - clicked)
        wait_for_app(curator, timeout=60_000)
    return {
        "alone_s": alone,
        "during_import_s": during,
        "imports_started": started,
        "import_shown_s": shown,
        "import_worker_s": worker_seconds(root),
    }


def run(repeat: int, participants: int, imports: int) -> dict:
    """The figures, on a copy of the shipped data in a temporary folder."""
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if executable is None:
        raise SystemExit("Chromium not found: apt-get install chromium, or set CHROMIUM_PATH")
    with tempfile.TemporaryDirectory(prefix="twg-curate-bench-") as scratch:
        data = Path(scratch) / "data"
        shutil.copytree(PROJECT_ROOT / "data", data)
        report = Path(scratch) / f"participants-{participants}.txt"
        report.write_bytes(participants_report(participants))
        env = dict(os.environ)
        env.update(
            TWG_CURATOR_SECRET=SECRET,
            TWG_DATA_DIR=str(data),
            TWG_DB_PATH=str(Path(scratch) / "db" / "twg.duckdb"),
        )
        port = _free_port()
        server = start_server(PROJECT_ROOT / "app.py", port, env)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=executable, headless=True, args=CHROMIUM_ARGS
                )
                try:
                    os.environ["TWG_DB_PATH"] = env["TWG_DB_PATH"]
                    root = curate_dir(data)
                    return measure(
                        browser, f"http://127.0.0.1:{port}", root, report, repeat, imports
                    )
                finally:
                    browser.close()
        finally:
            os.killpg(server.pid, 15)
            server.wait(10)


def report_text(figures: dict, participants: int) -> str:
    """The medians as a Markdown table."""
    alone = statistics.median(figures["alone_s"])
    during = statistics.median(figures["during_import_s"])
    lines = [
        "| measure | median | runs |",
        "|---|---:|---|",
        f"| Overview load, server otherwise idle | {alone:.2f} s | "
        + ", ".join(f"{t:.2f}" for t in figures["alone_s"])
        + " |",
        f"| Overview load while a curator imports {participants:,} participants | "
        f"{during:.2f} s ({during / alone:.2f}x) | "
        + ", ".join(f"{t:.2f}" for t in figures["during_import_s"])
        + " |",
        f"| import of {participants:,} participants: upload to draft shown | "
        f"{statistics.median(figures['import_shown_s']):.1f} s | "
        + ", ".join(f"{t:.1f}" for t in figures["import_shown_s"])
        + " |",
        f"| ... of which the worker process (read, recognise, save) | "
        f"{statistics.median(figures['import_worker_s']):.1f} s | "
        + ", ".join(f"{t:.1f}" for t in figures["import_worker_s"])
        + " |",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="page loads timed in each case")
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--imports", type=int, default=3, help="imports timed alone")
    options = parser.parse_args(argv)
    figures = run(options.repeat, options.participants, options.imports)
    print(report_text(figures, options.participants))
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    path = RESULTS / f"curate-{stamp}.json"
    path.write_text(json.dumps({"options": vars(options), **figures}, indent=2) + "\n")
    print(f"saved {path.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
