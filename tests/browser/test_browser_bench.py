"""The browser benchmark, run at its smallest: it chooses a city and measures a settle time.

The figures themselves are reported by `python -m benchmarks.browser_bench`
(docs/performance.md); here only that the measurement works is asserted, not its speed.
"""

from __future__ import annotations

import os

from benchmarks import browser_bench


def test_choosing_a_city_settles_on_the_dashboard_and_the_bare_page(browser, tmp_path):
    # The suite's Chromium: a second Playwright in the same thread is refused.
    env = {**os.environ, "TWG_DB_PATH": str(tmp_path / "bench.duckdb")}
    results = browser_bench.measure_all(["participants"], "Bogotá (COL)", 1, browser, env)
    assert set(results) == {"bare", "participants"}
    for row in results.values():
        assert len(row["runs_ms"]) == 1 and row["runs_ms"][0] > 0
        assert row["dropped"] <= browser_bench.MAX_DROPS
    assert results["participants"]["ratio"] > 0
