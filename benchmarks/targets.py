"""The performance targets (issues 6 and 13), declared once, and the one verdict on each.

A target names what is measured, its limit, and how its figure is shown; `verdict` says
whether the run met it. `evaluate_targets` fills `Results.targets` with one row a target,
in the order of `TARGETS`, and a last row for page exceptions (a check, not a target).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from benchmarks.datasets import SHIPPED, label
from benchmarks.report import page_name
from benchmarks.steps import Results

LARGE_PEOPLE = "100000"  # the sizes the large targets are set at
MANY_MEETINGS = "100000x50"


@dataclass(frozen=True)
class Measured:
    """A run's figure for one target, and what to say before and after it."""

    value: float
    before: str = ""  # "worst: overview "
    after: str = ""  # ", participants at 100,000 people"


@dataclass(frozen=True)
class Target:
    """A limit on one measure; `name` may hold `{limit:g}` and `{sessions}`."""

    name: str
    measure: Callable[[Results], Measured | None]  # None: this run did not measure it
    limit: float
    unit: str = ""  # after the figure: "x", " s"
    digits: int = 2  # decimals of the figure
    under: bool = False  # the figure must stay under the limit: reaching it misses


def verdict(target: Target, results: Results) -> tuple[str, str]:
    """The target's row: its name, and `met (...)`, `NOT MET (...)` or `not measured`."""
    app = results.load.get("dashboard")
    sessions = f"{app['sessions']} sessions" if app else "sessions at once"
    name = target.name.format(limit=target.limit, sessions=sessions)
    measured = target.measure(results)
    if measured is None:
        return name, "not measured"
    value = measured.value
    met = value < target.limit if target.under else value <= target.limit
    figure = f"{measured.before}{value:.{target.digits}f}{target.unit}{measured.after}"
    return name, f"{'met' if met else 'NOT MET'} ({figure})"


def _rerun_ratio(size: str, results: Results) -> Measured | None:
    """The slowest page's rerun at size, as a multiple of the bare page's."""
    if size not in results.pages:
        return None
    floor = results.floor(size)
    worst = max(
        (p["rerun_median_s"] / floor, page)
        for page, p in results.pages[size]["app"]["pages"].items()
        if "rerun_median_s" in p
    )
    return Measured(worst[0], f"worst: {page_name(worst[1])} ")


def _chart_growth(results: Results) -> Measured | None:
    """The largest chart payload of any page and size, as a multiple of the shipped data's."""
    if SHIPPED not in results.pages or len(results.pages) < 2:
        return None
    shipped = results.pages[SHIPPED]["app"]["pages"]
    worst = (0.0, "", "")
    for size, measured in results.pages.items():
        for page, p in measured["app"]["pages"].items():
            base = shipped.get(page, {}).get("payload", {}).get("charts", 0)
            if "payload" in p and base:
                worst = max(worst, (p["payload"]["charts"] / base, page, size))
    return Measured(worst[0], "largest: ", f", {page_name(worst[1])} at {label(worst[2])}")


def _build_seconds(results: Results) -> Measured | None:
    """The median build at 100,000 people."""
    build = results.build.get(LARGE_PEOPLE)
    return None if build is None else Measured(build["median_s"])


def _browser_ratio(results: Results) -> Measured | None:
    """The slowest page's settle time in Chromium, as a multiple of the bare page's."""
    if not results.browser:
        return None
    worst = max((row["ratio"], page) for page, row in results.browser.items() if "ratio" in row)
    return Measured(worst[0], f"worst: {worst[1]} ")


def _load_errors(results: Results) -> Measured | None:
    """Errors and exceptions of the dashboard's sessions under load."""
    app, bare = results.load.get("dashboard"), results.load.get("bare page")
    if not app or not bare:
        return None
    return Measured(len(app["errors"]) + app["exceptions"])


def _load_p95(results: Results) -> Measured | None:
    """The dashboard's p95 under load, as a multiple of the bare page's."""
    app, bare = results.load.get("dashboard"), results.load.get("bare page")
    if not app or not bare:
        return None
    return Measured(app["p95"] / bare["p95"])


def _search_p95(results: Results) -> Measured | None:
    """Our search's p95 over the 50 queries at 100,000 people x 50 meetings."""
    measured = results.search.get(MANY_MEETINGS, {}).get("ours")
    if measured is None:
        return None
    return Measured(measured["p95_ms"], f"median {measured['median_ms']:.1f} ms, p95 ")


def _rerun_target(size: str, limit: float) -> Target:
    name = label(size) + ": every page's rerun within {limit:g}x the bare page"
    return Target(name, partial(_rerun_ratio, size), limit, unit="x", digits=1)


TARGETS = [
    _rerun_target(SHIPPED, 1.5),
    _rerun_target(LARGE_PEOPLE, 3.0),
    _rerun_target(MANY_MEETINGS, 3.0),
    Target(
        "chart payload at most {limit:g}x the shipped data's, every page and size",
        _chart_growth,
        2.0,
        unit="x",
    ),
    Target(
        "build under {limit:g} s at " + label(LARGE_PEOPLE),
        _build_seconds,
        5.0,
        unit=" s",
        under=True,
    ),
    Target(
        "shipped data: choosing a city settles in Chromium within {limit:g}x the bare page",
        _browser_ratio,
        1.5,
        unit="x",
    ),
    Target(
        "search under {limit:g} ms (p95 of 50 queries) at " + label(MANY_MEETINGS),
        _search_p95,
        50.0,
        unit=" ms",
        digits=1,
        under=True,
    ),
    Target("{sessions}: no errors", _load_errors, 0, digits=0),
    Target("{sessions}: p95 within {limit:g}x the bare page", _load_p95, 2.0, unit="x"),
]


def evaluate_targets(results: Results) -> None:
    """Append every target's row to `results.targets`, then the page-exception check's."""
    results.targets.extend(verdict(target, results) for target in TARGETS)
    errors = [
        f"{label(size)} {page_name(page)}: {message}"
        for size, measured in results.pages.items()
        for page, p in measured["app"]["pages"].items()
        for message in p.get("exceptions", [])
    ]
    results.targets.append(
        ("every page renders without an exception", "met" if not errors else "; ".join(errors))
    )
