"""The Markdown report of a benchmark run: one table a step, then the targets' rows."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from benchmarks import browser_bench, load, search_bench, search_browser_bench
from benchmarks.datasets import label
from benchmarks.steps import Results


def page_name(page: str) -> str:
    """A page script's short name (`pages/overview_page.py` -> `overview`)."""
    return Path(page).stem.removesuffix("_page") if page.endswith(".py") else page


def _kb(n: float) -> str:
    return f"{n / 1024:,.1f}"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


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
    """The run as Markdown: machine, data sets, build, queries, pages, browser, load, targets."""
    out = ["# TWG dashboard benchmarks", ""]
    out.append(_table(["machine", ""], [[k, v] for k, v in results.machine.items()]))
    out += ["", f"Options: `{json.dumps(results.options)}`", ""]

    if results.datasets:
        rows = []
        for size, info in results.datasets.items():
            generated = info.get("generate_s")
            rows.append(
                [
                    label(size),
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
                    label(size),
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
        indexed = [
            f"- {label(size)}: {b['index_median_s']:.2f} s (runs: "
            + ", ".join(f"{run:.2f}" for run in b["index_runs_s"])
            + ")"
            for size, b in results.build.items()
            if "index_median_s" in b
        ]
        if indexed:
            out += ["Search index, built after the database (apart from it), median:", ""]
            out += [*indexed, ""]

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
        out += [_table(["query", *[label(s) for s in sizes]], rows), ""]

    if results.search:
        shown = {label(size): measured for size, measured in results.search.items()}
        out += ["## Search, 50 fixed queries (server side, ms; ours and Datasette's)", ""]
        out += [search_bench.report(shown), ""]

    for size, measured in results.pages.items():
        floor = results.floor(size)
        bare = next(iter(measured["bare"]["pages"].values()))
        floor_cpu = bare["rerun_cpu_median_s"]
        rows = [_page_row("bare page (floor)", bare, floor, floor_cpu)]
        for page, p in measured["app"]["pages"].items():
            if "skipped" not in p:
                name = page_name(page) + (" (EXCEPTION)" if p["exceptions"] else "")
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
        out += [f"## Pages at {label(size)} (AppTest, server side)", "", _table(header, rows), ""]
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

    if results.search_browser:
        out += ["## Search in Chromium beside Datasette's facet click, shipped data", ""]
        out += [search_browser_bench.report(results.search_browser), ""]

    if results.load:
        runs = [load.LoadResult(**row) for row in results.load.values()]
        out += ["## Sessions at once, shipped data", "", load.report(runs), ""]

    out += ["## Targets", ""]
    out += [_table(["target", "result"], [[n, r] for n, r in results.targets]), ""]
    elapsed = time.perf_counter() - results.started
    average = " ".join(f"{x:.2f}" for x in os.getloadavg())
    out.append(f"Total time {elapsed / 60:.1f} min; load average at the end {average}.")
    return "\n".join(out) + "\n"
