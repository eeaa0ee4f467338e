"""`python -m benchmarks`: build, query and page benchmarks at the shipped and synthetic sizes,
choosing a city in Chromium, 40 sessions at once, and a workshop's 100 participants voting.

    python -m benchmarks                  # shipped, 10,000, 100,000 people, 100,000 at 50
                                          # meetings; build also 1M; browser; load
    python -m benchmarks --quick          # CI-sized: shipped and 2,000 people, 2 repeats
    python -m benchmarks --sizes shipped,10k --build-sizes "" --repeat 3 --skip-pages

Prints Markdown tables of medians and which targets hold (see docs/performance.md), and
saves them with every run's figures under benchmarks/results/ (not committed). Synthetic
folders are generated once with `benchmarks.synth` and cached under benchmarks/.data/.

This module is the command line; the steps are in `benchmarks.steps`, the targets and
their verdicts in `benchmarks.targets`, the Markdown in `benchmarks.report`.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

from benchmarks import datasets, workshop_bench, workshop_load
from benchmarks.datasets import SHIPPED, Dataset, label
from benchmarks.report import report
from benchmarks.steps import (
    APP,
    Results,
    machine,
    progress,
    rows,
    run_browser,
    run_build,
    run_load,
    run_pages,
    run_queries,
    run_search,
    run_search_browser,
)
from benchmarks.targets import LARGE_PEOPLE, MANY_MEETINGS, evaluate_targets
from twg_data.paths import PROJECT_ROOT

RESULTS = PROJECT_ROOT / "benchmarks" / "results"
LARGE = 500_000  # sizes from here on are built fewer times (--large-repeat)


def _sizes(text: str) -> list[str]:
    return [datasets.parse_size(s) for s in text.split(",") if s.strip()]


def parser() -> argparse.ArgumentParser:
    """The command line's options (see docs/performance.md)."""
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
    p.add_argument("--skip-search", action="store_true", help="leave out the search step")
    p.add_argument("--skip-peer", action="store_true", help="time our search only, not Datasette's")
    p.add_argument("--skip-browser", action="store_true", help="leave out the Chromium step")
    p.add_argument("--skip-load", action="store_true", help="leave out the load test")
    p.add_argument(
        "--load-sessions", type=int, default=40, help="sessions at once in the load test (40)"
    )
    p.add_argument("--load-steps", type=int, default=12, help="reruns per session (12)")
    p.add_argument(
        "--skip-workshop",
        action="store_true",
        help="leave out the workshop load (100 participants voting, SQLite and PostgreSQL)",
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when a target is not met (always exit 1 on a page exception)",
    )
    p.add_argument("--out", type=Path, default=RESULTS, help="folder for the saved report")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the chosen steps, print and save the report; 1 on a page exception, or with
    --check on a target not met."""
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
        progress(f"data: {label(size)}")
        dataset = datasets.prepare(size, args.meetings, args.seed)
        prepared[size] = dataset
        results.datasets[size] = {
            "meetings": rows(dataset, "meetings"),
            "participants": rows(dataset, "participants"),
            "sources": rows(dataset, "sources"),
            "generate_s": dataset.generate_seconds,
        }

    if not args.skip_build:
        for size in dict.fromkeys(sizes + build_only):
            large = size != SHIPPED and datasets.shape(size, args.meetings)[0] >= LARGE
            run_build(results, prepared[size], args.large_repeat if large else repeat)
    if not args.skip_queries:
        for size in sizes:
            run_queries(results, prepared[size], repeat)
    if not args.skip_search:
        for size in sizes:
            run_search(results, prepared[size], repeat, peer=not args.skip_peer)
    if not args.skip_pages:
        if not APP.exists():
            progress("pages: skipped (no app.py yet)")
        else:
            for size in sizes:
                run_pages(results, prepared[size], repeat)
    if not (args.skip_browser or quick):
        run_browser(results, repeat)
        if not (args.skip_search or args.skip_peer):
            run_search_browser(results, repeat)
    if not (args.skip_load or quick):
        run_load(results, args.load_sessions, args.load_steps)

    workshop = ""
    if not (args.skip_workshop or quick):
        progress("workshop: 100 participants voting at once, through a server, in the store")
        workshop = (
            "\n## Workshop mode: 100 participants at once\n\nThrough a `streamlit run` server "
            "(`benchmarks.workshop_load`):\n\n"
            + workshop_bench.table(workshop_load.runs(100))
            + "\n\nIn the store alone (`benchmarks.workshop_bench`):\n\n"
            + workshop_bench.table(workshop_bench.runs(100))
        )

    evaluate_targets(results)
    text = report(results) + workshop
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (args.out / f"benchmark-{stamp}.md").write_text(text, encoding="utf-8")
    raw = {k: v for k, v in vars(results).items() if k != "started"}
    (args.out / f"benchmark-{stamp}.json").write_text(json.dumps(raw, indent=1), encoding="utf-8")
    progress(f"saved {args.out / f'benchmark-{stamp}.md'}")

    failed_pages = any(
        p.get("exceptions") for m in results.pages.values() for p in m["app"]["pages"].values()
    )
    missed = any(r.startswith("NOT MET") for _, r in results.targets)
    return 1 if failed_pages or (args.check and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
