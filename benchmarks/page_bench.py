"""Server-side rerun time and payload of every page of a Streamlit app (run in its own process).

    TWG_DATA_DIR=... TWG_DB_PATH=... python -m benchmarks.page_bench --app app.py --json OUT

Uses `streamlit.testing.v1.AppTest`: the script runs in this process as the server runs it
for one session (same caches, same element serialization), without a browser; the compiled
scripts are kept across runs as the server keeps them (AppTest recompiles every run). Per
page: the first run after switching to it (cold page caches), then `--repeat` reruns, of
which the median is reported. Payload is the serialized size of the ForwardMsgs of one
rerun, by element kind: what a browser that has not cached them receives for the page.
Peak memory is this process's maximum RSS (the whole session, after every page).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest, app_test, local_script_runner

CHART_KINDS = {
    "vega_lite_chart",
    "arrow_vega_lite_chart",
    "deck_gl_json_chart",
    "plotly_chart",
    "graphviz_chart",
    "bokeh_chart",
    "map",
}
TABLE_KINDS = {"dataframe", "arrow_data_frame", "arrow_table", "table", "data_editor"}

_runs: list[list] = []  # the ForwardMsgs of every script run, in order


def _capture_messages() -> None:
    """Keep each run's ForwardMsgs (AppTest parses and then drops them)."""
    original = local_script_runner.LocalScriptRunner.run

    def run(self, *args, **kwargs):  # noqa: ANN001, ANN202 (wraps a private method)
        tree = original(self, *args, **kwargs)
        _runs.append(list(self.forward_msgs()))
        return tree

    local_script_runner.LocalScriptRunner.run = run


def _share_script_cache() -> None:
    """Compile each script once, as the server does (AppTest makes a new cache every run)."""
    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared


def payload(messages: list) -> dict[str, int]:
    """Serialized bytes of the messages: total, charts, tables, sidebar filters, by kind."""
    kinds: Counter[str] = Counter()
    for message in messages:
        kind = message.WhichOneof("type")
        if kind == "delta":
            delta = message.delta
            kind = delta.WhichOneof("type")
            if kind == "new_element":
                kind = delta.new_element.WhichOneof("type")
        kinds[kind] += message.ByteSize()
    return {
        "total": sum(kinds.values()),
        "charts": sum(v for k, v in kinds.items() if k in CHART_KINDS),
        "tables": sum(v for k, v in kinds.items() if k in TABLE_KINDS),
        "filters": kinds["multiselect"],
        "by_kind": dict(kinds.most_common()),
    }


def peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM; unlike ru_maxrss it is not inherited over fork/exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _timed_run(at: AppTest) -> tuple[float, float]:
    """Wall and CPU seconds of one script run (CPU: this process, all threads)."""
    started, cpu = time.perf_counter(), time.process_time()
    at.run()
    return time.perf_counter() - started, time.process_time() - cpu


def _exceptions(at: AppTest) -> list[str]:
    return [e.message[:300] for e in at.exception]


# The Search page is also timed with a query typed in its box: a word common at every size.
SEARCH_PAGE = "pages/search_page.py"
SEARCH_QUERY = "mayor"


def _timed_page(at: AppTest, repeat: int) -> dict:
    first, _ = _timed_run(at)
    reruns = [_timed_run(at) for _ in range(repeat)]
    return {
        "first_s": first,
        "rerun_median_s": statistics.median(wall for wall, _ in reruns),
        "rerun_cpu_median_s": statistics.median(cpu for _, cpu in reruns),
        "reruns_s": [wall for wall, _ in reruns],
        "payload": payload(_runs[-1]),
        "exceptions": _exceptions(at),
    }


def bench_app(app: Path, pages: list[str], repeat: int, timeout: float) -> dict:
    """Time startup, then each page's first run and `repeat` reruns; measure its payload."""
    _capture_messages()
    _share_script_cache()
    at = AppTest.from_file(str(app.resolve()), default_timeout=timeout)
    startup, _ = _timed_run(at)
    results: dict[str, dict] = {}
    for page in pages or [""]:
        if page:
            try:
                at.switch_page(page)
            except ValueError as error:  # not registered (e.g. shown only on bad data)
                results[page] = {"skipped": str(error)[:200]}
                continue
        results[page or "(main)"] = _timed_page(at, repeat)
        if page == SEARCH_PAGE:
            from twg_data.ui.search import QUERY_KEY

            at.session_state[QUERY_KEY] = SEARCH_QUERY
            results[f"search ({SEARCH_QUERY})"] = _timed_page(at, repeat)
            at.session_state[QUERY_KEY] = ""
    return {
        "startup_s": startup,
        "pages": results,
        "peak_rss_mb": peak_rss_mb(),
    }


def app_pages(app: Path) -> list[str]:
    """The page files next to app, relative to it (`pages/<file>.py`), in name order."""
    return [f"pages/{p.name}" for p in sorted((app.parent / "pages").glob("*.py"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.page_bench")
    parser.add_argument("--app", type=Path, required=True)
    parser.add_argument("--bare", action="store_true", help="a one-page app: no page switching")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=600, help="seconds per script run")
    parser.add_argument("--json", type=Path, required=True, help="where to write the result")
    args = parser.parse_args(argv)
    pages = [] if args.bare else app_pages(args.app)
    result = bench_app(args.app, pages, args.repeat, args.timeout)
    args.json.write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
