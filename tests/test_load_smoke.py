"""The load-test script, run at a small size: concurrent sessions see no errors.

The latency and memory targets are measured by `python -m benchmarks.load` at 40 sessions
(docs/performance.md); here only behaviour is asserted, not timing.
"""

from __future__ import annotations

from benchmarks import load


def test_concurrent_sessions_changing_pages_and_filters_see_no_errors(tmp_path, monkeypatch):
    monkeypatch.setenv("TWG_DB_PATH", str(tmp_path / "load.duckdb"))
    result = load.run_load("dashboard", load.ROOT / "app.py", sessions=4, steps=5, seed=7)
    assert result.errors == []
    assert result.exceptions == 0
    assert result.reruns == 4 * 6  # every session: the first load and five steps
