"""`python -m benchmarks`: build, query and page benchmarks at the shipped and synthetic sizes,
choosing a city in Chromium, and 40 sessions at once.

    python -m benchmarks                  # shipped, 10,000, 100,000 people, 100,000 at 50
                                          # meetings; build also 1M; browser; load
    python -m benchmarks --quick          # CI-sized: shipped and 2,000 people, 2 repeats
    python -m benchmarks --sizes shipped,10k --build-sizes "" --repeat 3 --skip-pages

Prints Markdown tables of medians and which targets hold (see docs/performance.md), and
saves them with every run's figures under benchmarks/results/ (not committed). Synthetic
folders are generated once with `benchmarks.synth` and cached under benchmarks/.data/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from benchmarks import browser_bench, datasets, load, query_bench
from benchmarks.datasets import SHIPPED, Dataset
from twg_data.paths import PROJECT_ROOT

RESULTS = PROJECT_ROOT / "benchmarks" / "results"
BARE_APP = PROJECT_ROOT / "benchmarks" / "bare_app.py"
APP = PROJECT_ROOT / "app.py"
LARGE = 500_000  # sizes from here on are built fewer times (--large-repeat)

# Targets (issues 6 and 13).
SHIPPED_RATIO = 1.5  # every page's rerun within 1.5x the floor at the shipped data
LARGE_RATIO = 3.0  # ... and within 3x at 100,000 people, and at 100,000 people x 50 meetings
LARGE_PEOPLE = "100000"
MANY_MEETINGS = "100000x50"
CHART_GROWTH = 2.0  # chart payload at most 2x the shipped data's
BUILD_SECONDS = 5.0  # build under 5 s at 100,000 people
BROWSER_RATIO = 1.5  # choosing a city settles in Chromium within 1.5x the bare page (shipped)
LOAD_RATIO = 2.0  # 40 sessions: p95 within 2x the bare page's under the same load


@dataclass
class Results:
    machine: dict[str, str]
    options: dict
    datasets: dict[str, dict] = field(default_factory=dict)
    build: dict[str, dict] = field(default_factory=dict)
    queries: dict[str, dict] = field(default_factory=dict)
    pages: dict[str, dict] = field(default_factory=dict)  # size -> {"app": ..., "bare": ...}
    browser: dict[str, dict] = field(default_factory=dict)  # page -> settle times (shipped)
    load: dict[str, dict] = field(default_factory=dict)  # "bare page", "dashboard" -> figures
    targets: list[tuple[str, str]] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)


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


def _progress(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


def _rows(dataset: Dataset, table: str) -> int:
    path = dataset.data_dir / f"{table}.csv"
    with path.open("rb") as handle:
        return max(sum(1 for _ in handle) - 1, 0)  # synthetic and shipped rows are one line


def run_build(results: Results, dataset: Dataset, repeat: int) -> None:
    _progress(f"build: {dataset.name} ({repeat} runs)")
    results.build[dataset.name] = _subprocess_json(
        "benchmarks.build_bench", [str(dataset.data_dir), "--repeat", str(repeat)]
    )


def run_queries(results: Results, dataset: Dataset, repeat: int) -> None:
    _progress(f"queries: {dataset.name}")
    datasets.ensure_built(dataset)
    results.queries[dataset.name] = query_bench.time_queries(dataset.db_path, repeat)


def run_pages(results: Results, dataset: Dataset, repeat: int) -> None:
    datasets.ensure_built(dataset)
    env = {"TWG_DATA_DIR": str(dataset.data_dir), "TWG_DB_PATH": str(dataset.db_path)}
    _progress(f"pages: {dataset.name} (bare page)")
    bare = _subprocess_json(
        "benchmarks.page_bench", ["--app", str(BARE_APP), "--bare", "--repeat", str(repeat)], env
    )
    _progress(f"pages: {dataset.name} (app)")
    app = _subprocess_json(
        "benchmarks.page_bench", ["--app", str(APP), "--repeat", str(repeat)], env
    )
    results.pages[dataset.name] = {"app": app, "bare": bare}


def run_browser(results: Results, repeat: int) -> None:
    """Choose a city in the sidebar of every page in Chromium (shipped data)."""
    _progress(f"browser: choosing a city on every page, shipped data ({repeat} runs)")
    results.browser = browser_bench.run(browser_bench.ONE_MEETING, browser_bench.CITY, repeat)


def run_load(results: Results, sessions: int, steps: int) -> None:
    """Sessions at once against the bare page and the dashboard (shipped data)."""
    for name, app in (("bare page", BARE_APP), ("dashboard", APP)):
        _progress(f"load: {name}, {sessions} sessions x {steps} steps")
        results.load[name] = vars(load.run_load(name, app, sessions, steps, seed=1))


# --- report ------------------------------------------------------------------------------


def _label(size: str) -> str:
    if size == SHIPPED:
        return "shipped data"
    people, _, meetings = size.partition("x")
    return f"{int(people):,} people" + (f" x {int(meetings)} meetings" if meetings else "")


def _kb(n: float) -> str:
    return f"{n / 1024:,.1f}"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _floor(size: str, results: Results) -> float:
    bare = results.pages[size]["bare"]["pages"]
    return next(iter(bare.values()))["rerun_median_s"]


def evaluate_targets(results: Results) -> None:
    targets = results.targets
    sizes = ((SHIPPED, SHIPPED_RATIO), (LARGE_PEOPLE, LARGE_RATIO), (MANY_MEETINGS, LARGE_RATIO))
    for size, ratio in sizes:
        name = f"{_label(size)}: every page's rerun within {ratio:g}x the bare page"
        if size not in results.pages:
            targets.append((name, "not measured"))
            continue
        floor = _floor(size, results)
        worst = max(
            (p["rerun_median_s"] / floor, page)
            for page, p in results.pages[size]["app"]["pages"].items()
            if "rerun_median_s" in p
        )
        verdict = "met" if worst[0] <= ratio else "NOT MET"
        targets.append((name, f"{verdict} (worst: {_page_name(worst[1])} {worst[0]:.1f}x)"))
    if SHIPPED in results.pages and len(results.pages) > 1:
        shipped = results.pages[SHIPPED]["app"]["pages"]
        worst = (0.0, "", "")
        for size, measured in results.pages.items():
            for page, p in measured["app"]["pages"].items():
                base = shipped.get(page, {}).get("payload", {}).get("charts", 0)
                if "payload" in p and base:
                    worst = max(worst, (p["payload"]["charts"] / base, page, size))
        verdict = "met" if worst[0] <= CHART_GROWTH else "NOT MET"
        targets.append(
            (
                f"chart payload at most {CHART_GROWTH:g}x the shipped data's, every page and size",
                f"{verdict} (largest: {worst[0]:.2f}x, {_page_name(worst[1])} at "
                f"{_label(worst[2])})",
            )
        )
    else:
        targets.append(("chart payload at most 2x the shipped data's", "not measured"))
    name = f"build under {BUILD_SECONDS:g} s at {_label(LARGE_PEOPLE)}"
    build = results.build.get(LARGE_PEOPLE)
    if build is None:
        targets.append((name, "not measured"))
    else:
        verdict = "met" if build["median_s"] < BUILD_SECONDS else "NOT MET"
        targets.append((name, f"{verdict} ({build['median_s']:.2f} s)"))
    _browser_target(results)
    _load_targets(results)
    errors = [
        f"{_label(size)} {_page_name(page)}: {message}"
        for size, measured in results.pages.items()
        for page, p in measured["app"]["pages"].items()
        for message in p.get("exceptions", [])
    ]
    targets.append(
        ("every page renders without an exception", "met" if not errors else "; ".join(errors))
    )


def _browser_target(results: Results) -> None:
    name = (
        f"shipped data: choosing a city settles in Chromium within {BROWSER_RATIO:g}x the bare page"
    )
    if not results.browser:
        results.targets.append((name, "not measured"))
        return
    worst = max((row["ratio"], page) for page, row in results.browser.items() if "ratio" in row)
    verdict = "met" if worst[0] <= BROWSER_RATIO else "NOT MET"
    results.targets.append((name, f"{verdict} (worst: {worst[1]} {worst[0]:.2f}x)"))


def _load_targets(results: Results) -> None:
    app, bare = results.load.get("dashboard"), results.load.get("bare page")
    sessions = f"{app['sessions']} sessions" if app else "sessions at once"
    names = (f"{sessions}: no errors", f"{sessions}: p95 within {LOAD_RATIO:g}x the bare page")
    if not app or not bare:
        results.targets.extend((name, "not measured") for name in names)
        return
    errors = len(app["errors"]) + app["exceptions"]
    results.targets.append((names[0], f"{'met' if not errors else 'NOT MET'} ({errors})"))
    ratio = app["p95"] / bare["p95"]
    verdict = "met" if ratio <= LOAD_RATIO else "NOT MET"
    results.targets.append((names[1], f"{verdict} ({ratio:.2f}x)"))


def _page_name(page: str) -> str:
    return Path(page).stem.removesuffix("_page") if page.endswith(".py") else page


def _page_row(name: str, p: dict, floor: float, floor_cpu: float) -> list[str]:
    pay = p["payload"]
    first = "" if name.startswith("bare") else f"{p['first_s'] * 1000:.0f}"
    return [
        name,
        first,
        f"{p['rerun_median_s'] * 1000:.0f}",
        f"{p['rerun_median_s'] / floor:.1f}",
        f"{p['rerun_cpu_median_s'] * 1000:.0f}",
        f"{p['rerun_cpu_median_s'] / floor_cpu:.1f}",
        _kb(pay["total"]),
        _kb(pay["charts"]),
        _kb(pay["tables"]),
        _kb(pay["filters"]),
    ]


def report(results: Results) -> str:
    out = ["# TWG dashboard benchmarks", ""]
    out.append(_table(["machine", ""], [[k, v] for k, v in results.machine.items()]))
    out += ["", f"Options: `{json.dumps(results.options)}`", ""]

    if results.datasets:
        rows = []
        for size, info in results.datasets.items():
            generated = info.get("generate_s")
            rows.append(
                [
                    _label(size),
                    f"{info['meetings']:,}",
                    f"{info['participants']:,}",
                    f"{info['sources']:,}",
                    "cached" if generated is None else f"{generated:.1f}",
                ]
            )
        out += ["## Data sets", ""]
        header = ["data", "meetings", "participant rows", "source rows", "synth s (this run)"]
        out += [_table(header, rows), ""]

    if results.build:
        rows = []
        for size, b in results.build.items():
            rows.append(
                [
                    _label(size),
                    f"{b['median_s']:.2f}",
                    f"{b['validate_median_s']:.2f}",
                    f"{b['median_s'] - b['validate_median_s']:.2f}",
                    f"{b['cpu_median_s']:.2f}",
                    str(len(b["runs_s"])),
                    f"{b['peak_rss_mb']:,.0f}",
                ]
            )
        out += ["## Database build (twg_data.build.build_database), median", ""]
        header = [
            "data",
            "build s",
            "of which validation s",
            "DuckDB load s",
            "CPU s",
            "runs",
            "peak MB",
        ]
        out += [_table(header, rows), ""]

    if results.queries:
        sizes = list(results.queries)
        names = list(next(iter(results.queries.values())))
        rows = []
        for name in names:
            cells = [f"`{name}`"]
            for size in sizes:
                timing = results.queries[size][name]
                city = timing["city"]
                shown = f"{timing['all']:.1f}"
                shown += "" if city != city else f" / {city:.1f}"
                cells.append(shown)
            rows.append(cells)
        out += ["## Data-layer queries, median ms (unfiltered / one city)", ""]
        out += [_table(["query", *[_label(s) for s in sizes]], rows), ""]

    for size, measured in results.pages.items():
        floor = _floor(size, results)
        bare = next(iter(measured["bare"]["pages"].values()))
        floor_cpu = bare["rerun_cpu_median_s"]
        rows = [_page_row("bare page (floor)", bare, floor, floor_cpu)]
        for page, p in measured["app"]["pages"].items():
            if "skipped" not in p:
                name = _page_name(page) + (" (EXCEPTION)" if p["exceptions"] else "")
                rows.append(_page_row(name, p, floor, floor_cpu))
        header = [
            "page",
            "first run ms",
            "rerun ms",
            "x floor",
            "rerun CPU ms",
            "x floor CPU",
            "payload KB",
            "charts KB",
            "tables KB",
            "filters KB",
        ]
        out += [f"## Pages at {_label(size)} (AppTest, server side)", "", _table(header, rows), ""]
        out.append(
            f"App startup (first run, imports and database connection): "
            f"{measured['app']['startup_s']:.2f} s. Peak RSS: app session "
            f"{measured['app']['peak_rss_mb']:,.0f} MB, bare page "
            f"{measured['bare']['peak_rss_mb']:,.0f} MB."
        )
        out.append("")

    if results.browser:
        out += ["## Choosing a city in Chromium, shipped data (settle time, median)", ""]
        out += [browser_bench.report(results.browser), ""]

    if results.load:
        runs = [load.LoadResult(**row) for row in results.load.values()]
        out += ["## Sessions at once, shipped data", "", load.report(runs), ""]

    out += ["## Targets", ""]
    out += [_table(["target", "result"], [[n, r] for n, r in results.targets]), ""]
    elapsed = time.perf_counter() - results.started
    average = " ".join(f"{x:.2f}" for x in os.getloadavg())
    out.append(f"Total time {elapsed / 60:.1f} min; load average at the end {average}.")
    return "\n".join(out) + "\n"


# --- command line ------------------------------------------------------------------------


def _sizes(text: str) -> list[str]:
    return [datasets.parse_size(s) for s in text.split(",") if s.strip()]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    p.add_argument(
        "--sizes",
        type=_sizes,
        default=None,
        help="data sizes for build, queries and pages: `shipped` and numbers of people "
        "(default: shipped,10000,100000)",
    )
    p.add_argument(
        "--build-sizes",
        type=_sizes,
        default=None,
        help='extra sizes for the build step only (default: 1000000; "" for none)',
    )
    p.add_argument("--repeat", type=int, default=None, help="runs per median (default 5)")
    p.add_argument(
        "--large-repeat",
        type=int,
        default=1,
        help=f"builds at {LARGE:,} people or more (default 1)",
    )
    p.add_argument("--meetings", type=int, default=8, help="meetings in synthetic data (8)")
    p.add_argument("--seed", type=int, default=0, help="synthetic data seed (0)")
    p.add_argument(
        "--quick",
        action="store_true",
        help="CI-sized: shipped and 2,000 people, no browser or load step",
    )
    p.add_argument("--skip-build", action="store_true")
    p.add_argument("--skip-queries", action="store_true")
    p.add_argument("--skip-pages", action="store_true")
    p.add_argument("--skip-browser", action="store_true", help="leave out the Chromium step")
    p.add_argument("--skip-load", action="store_true", help="leave out the load test")
    p.add_argument(
        "--load-sessions", type=int, default=40, help="sessions at once in the load test (40)"
    )
    p.add_argument("--load-steps", type=int, default=12, help="reruns per session (12)")
    p.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when a target is not met (always exit 1 on a page exception)",
    )
    p.add_argument("--out", type=Path, default=RESULTS, help="folder for the saved report")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    quick = args.quick
    sizes = args.sizes or (
        [SHIPPED, "2000"] if quick else [SHIPPED, "10000", LARGE_PEOPLE, MANY_MEETINGS]
    )
    build_only = (
        args.build_sizes if args.build_sizes is not None else ([] if quick else ["1000000"])
    )
    repeat = args.repeat or (2 if quick else 5)
    options = {
        "sizes": sizes,
        "build_sizes": build_only,
        "repeat": repeat,
        "large_repeat": args.large_repeat,
        "meetings": args.meetings,
        "seed": args.seed,
        "quick": quick,
    }
    results = Results(machine(), options)

    prepared: dict[str, Dataset] = {}
    for size in dict.fromkeys(sizes + ([] if args.skip_build else build_only)):
        _progress(f"data: {_label(size)}")
        dataset = datasets.prepare(size, args.meetings, args.seed)
        prepared[size] = dataset
        results.datasets[size] = {
            "meetings": _rows(dataset, "meetings"),
            "participants": _rows(dataset, "participants"),
            "sources": _rows(dataset, "sources"),
            "generate_s": dataset.generate_seconds,
        }

    if not args.skip_build:
        for size in dict.fromkeys(sizes + build_only):
            large = size != SHIPPED and datasets.shape(size, args.meetings)[0] >= LARGE
            run_build(results, prepared[size], args.large_repeat if large else repeat)
    if not args.skip_queries:
        for size in sizes:
            run_queries(results, prepared[size], repeat)
    if not args.skip_pages:
        if not APP.exists():
            _progress("pages: skipped (no app.py yet)")
        else:
            for size in sizes:
                run_pages(results, prepared[size], repeat)
    if not (args.skip_browser or quick):
        run_browser(results, repeat)
    if not (args.skip_load or quick):
        run_load(results, args.load_sessions, args.load_steps)

    evaluate_targets(results)
    text = report(results)
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (args.out / f"benchmark-{stamp}.md").write_text(text, encoding="utf-8")
    raw = {k: v for k, v in vars(results).items() if k != "started"}
    (args.out / f"benchmark-{stamp}.json").write_text(json.dumps(raw, indent=1), encoding="utf-8")
    _progress(f"saved {args.out / f'benchmark-{stamp}.md'}")

    failed_pages = any(
        p.get("exceptions") for m in results.pages.values() for p in m["app"]["pages"].values()
    )
    missed = any(r.startswith("NOT MET") for _, r in results.targets)
    return 1 if failed_pages or (args.check and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
