"""The steps of `python -m benchmarks`: each measures one thing and records it in `Results`.

The build and the pages run in a subprocess of their own (a fresh interpreter, as a user's
server starts); the queries in this process; the browser and load steps start servers.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import browser_bench, datasets, load, query_bench
from benchmarks.datasets import Dataset
from twg_data.paths import PROJECT_ROOT

BARE_APP = PROJECT_ROOT / "benchmarks" / "bare_app.py"
APP = PROJECT_ROOT / "app.py"


@dataclass
class Results:
    """Everything one run measured, by step and data size, and the targets' rows."""

    machine: dict[str, str]
    options: dict
    datasets: dict[str, dict] = field(default_factory=dict)
    build: dict[str, dict] = field(default_factory=dict)
    queries: dict[str, dict] = field(default_factory=dict)
    pages: dict[str, dict] = field(default_factory=dict)  # size -> {"app": ..., "bare": ...}
    browser: dict[str, dict] = field(default_factory=dict)  # page -> settle times (shipped)
    load: dict[str, dict] = field(default_factory=dict)  # "bare page", "dashboard" -> figures
    search: dict[str, dict] = field(default_factory=dict)  # size -> {"ours": ..., "datasette"}
    search_browser: dict[str, dict] = field(default_factory=dict)  # action -> settle times
    targets: list[tuple[str, str]] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    def floor(self, size: str) -> float:
        """The bare page's rerun median at size: the floor every page is held against."""
        bare = self.pages[size]["bare"]["pages"]
        return next(iter(bare.values()))["rerun_median_s"]


def machine() -> dict[str, str]:
    """CPU, cores, memory and the versions that matter, as this machine reports them."""
    import duckdb
    import numpy
    import pandas
    import pyarrow
    import streamlit

    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line),
        platform.processor() or "unknown",
    )
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    total_kb = next(
        (int(line.split()[1]) for line in meminfo.splitlines() if line.startswith("MemTotal")), 0
    )
    return {
        "cpu": model,
        "cores": str(os.cpu_count()),
        "ram": f"{total_kb / 1024**2:.1f} GiB",
        "os": platform.platform(),
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "duckdb": duckdb.__version__,
        "pandas": pandas.__version__,
        "pyarrow": pyarrow.__version__,
        "numpy": numpy.__version__,
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def _subprocess_json(module: str, args: list[str], env: dict[str, str] | None = None) -> dict:
    """Run `python -m module args --json FILE` from the project root; return the JSON."""
    with tempfile.TemporaryDirectory(prefix="twg-bench-") as temp:
        out = Path(temp) / "result.json"
        command = [sys.executable, "-m", module, *args, "--json", str(out)]
        done = subprocess.run(
            command,
            cwd=PROJECT_ROOT,
            env={**os.environ, **(env or {})},
            capture_output=True,
            text=True,
        )
        if done.returncode != 0 or not out.exists():
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
        return json.loads(out.read_text())


def progress(message: str) -> None:
    """Say on stderr what the run is doing now (stdout is kept for the report)."""
    print(f"... {message}", file=sys.stderr, flush=True)


def rows(dataset: Dataset, table: str) -> int:
    """The number of rows in one of the dataset's tables."""
    path = dataset.data_dir / f"{table}.csv"
    with path.open("rb") as handle:
        return max(sum(1 for _ in handle) - 1, 0)  # synthetic and shipped rows are one line


def run_build(results: Results, dataset: Dataset, repeat: int) -> None:
    """Build the dataset's database `repeat` times in a subprocess (validation included)."""
    progress(f"build: {dataset.name} ({repeat} runs)")
    results.build[dataset.name] = _subprocess_json(
        "benchmarks.build_bench", [str(dataset.data_dir), "--repeat", str(repeat)]
    )


def run_queries(results: Results, dataset: Dataset, repeat: int) -> None:
    """Time every data-layer query on the dataset's database, unfiltered and for one city."""
    progress(f"queries: {dataset.name}")
    datasets.ensure_built(dataset)
    results.queries[dataset.name] = query_bench.time_queries(dataset.db_path, repeat)


def run_search(results: Results, dataset: Dataset, repeat: int, peer: bool) -> None:
    """Time 50 fixed searches on the dataset's index, and the peer's (Datasette) on the same
    texts, in a subprocess (a fresh interpreter, as a server starts)."""
    progress(f"search: {dataset.name}" + (" (and Datasette)" if peer else ""))
    datasets.ensure_built(dataset)
    args = [str(dataset.db_path), "--repeat", str(repeat)] + ([] if peer else ["--no-peer"])
    results.search[dataset.name] = _subprocess_json("benchmarks.search_bench", args)


def run_pages(results: Results, dataset: Dataset, repeat: int) -> None:
    """Rerun the bare page and then every page of the app on the dataset (AppTest)."""
    datasets.ensure_built(dataset)
    env = {"TWG_DATA_DIR": str(dataset.data_dir), "TWG_DB_PATH": str(dataset.db_path)}
    progress(f"pages: {dataset.name} (bare page)")
    bare = _subprocess_json(
        "benchmarks.page_bench", ["--app", str(BARE_APP), "--bare", "--repeat", str(repeat)], env
    )
    progress(f"pages: {dataset.name} (app)")
    app = _subprocess_json(
        "benchmarks.page_bench", ["--app", str(APP), "--repeat", str(repeat)], env
    )
    results.pages[dataset.name] = {"app": app, "bare": bare}


def run_browser(results: Results, repeat: int) -> None:
    """Choose a city in the sidebar of every page in Chromium (shipped data)."""
    progress(f"browser: choosing a city on every page, shipped data ({repeat} runs)")
    results.browser = browser_bench.run(browser_bench.ONE_MEETING, browser_bench.CITY, repeat)


def run_search_browser(results: Results, repeat: int) -> None:
    """Datasette's facet click beside our Search page's facet click and query, in Chromium."""
    from benchmarks import search_browser_bench

    progress(f"browser: Datasette's facet click and our Search page, shipped data ({repeat} runs)")
    results.search_browser = search_browser_bench.run(repeat)


def run_load(results: Results, sessions: int, steps: int) -> None:
    """Sessions at once against the bare page and the dashboard (shipped data)."""
    for name, app in (("bare page", BARE_APP), ("dashboard", APP)):
        progress(f"load: {name}, {sessions} sessions x {steps} steps")
        results.load[name] = vars(load.run_load(name, app, sessions, steps, seed=1))
