"""Time `twg_data.build.build_database` on one data folder (run in its own process), and the
search index built after it (`search.freshness.ensure_index`), apart.

    python -m benchmarks.build_bench DATA_DIR --repeat 5 --json OUT

Each run builds a fresh database file in a temporary folder, then its search index. The time
spent in validation (`read_data`: parse and check the CSVs) is recorded apart from the rest
(DuckDB load and derived tables). Writes medians (wall and CPU), every run and the process's
peak RSS as JSON. The first index build of the process includes loading py3langid's model.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.page_bench import peak_rss_mb
from twg_data import build
from twg_data.search import freshness
from twg_data.search.index import index_path


def time_builds(data_dir: Path, repeat: int) -> dict:
    validation: list[float] = []
    original = build.read_data

    def timed_read_data(folder: Path):  # noqa: ANN202 (same as read_data)
        started = time.perf_counter()
        try:
            return original(folder)
        finally:
            validation.append(time.perf_counter() - started)

    build.read_data = timed_read_data
    totals, cpu, indexed = [], [], []
    try:
        with tempfile.TemporaryDirectory(prefix="twg-build-bench-") as temp:
            for run in range(repeat):
                db = Path(temp) / f"run-{run}.duckdb"
                started, cpu_started = time.perf_counter(), time.process_time()
                problems = build.build_database(data_dir, db)
                totals.append(time.perf_counter() - started)
                cpu.append(time.process_time() - cpu_started)
                if problems:
                    raise SystemExit(f"{data_dir}: {len(problems)} problem(s), e.g. {problems[0]}")
                started = time.perf_counter()
                assert freshness.ensure_index(db).rebuilt
                indexed.append(time.perf_counter() - started)
                db.unlink()
                shutil.rmtree(index_path(db))
    finally:
        build.read_data = original
    return {
        "median_s": statistics.median(totals),
        "validate_median_s": statistics.median(validation),
        "cpu_median_s": statistics.median(cpu),
        "runs_s": totals,
        "index_median_s": statistics.median(indexed),
        "index_runs_s": indexed,
        "validate_runs_s": validation,
        "peak_rss_mb": peak_rss_mb(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.build_bench")
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, required=True, help="where to write the result")
    args = parser.parse_args(argv)
    args.json.write_text(json.dumps(time_builds(args.data_dir, args.repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
