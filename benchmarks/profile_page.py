"""Profile one page's reruns with pyinstrument: where the server's time goes.

    python -m benchmarks.profile_page participants --size 100000 [--reruns 5] [--html OUT]

Runs the page in AppTest on the benchmark's data for that size (generated and built as
`python -m benchmarks` does), warms it with one run, then profiles `--reruns` reruns inside
the script thread, where the page code runs. Prints pyinstrument's text report.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from benchmarks import datasets
from twg_data.paths import PROJECT_ROOT


def profile(
    page: str, size: str, reruns: int, meetings: int, seed: int, html: Path | None, show_all: bool
) -> None:
    from pyinstrument import Profiler
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.testing.v1 import AppTest

    from benchmarks.page_bench import _share_script_cache

    dataset = datasets.prepare(size, meetings, seed)
    datasets.ensure_built(dataset)
    os.environ["TWG_DATA_DIR"] = str(dataset.data_dir)
    os.environ["TWG_DB_PATH"] = str(dataset.db_path)

    profiler = Profiler(interval=0.001)
    state = {"on": False}
    original = script_runner.ScriptRunner._run_script

    def run_script(self, rerun_data):  # noqa: ANN001, ANN202 (wraps a private method)
        if not state["on"]:
            return original(self, rerun_data)
        profiler.start()  # in the script thread: pyinstrument samples the starting thread
        try:
            return original(self, rerun_data)
        finally:
            profiler.stop()

    script_runner.ScriptRunner._run_script = run_script
    _share_script_cache()
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=600)
    at.run()
    if page not in ("", "app"):
        at.switch_page(f"pages/{page}_page.py" if not page.endswith(".py") else page)
    at.run()
    state["on"] = True
    for _ in range(reruns):
        at.run()
    state["on"] = False
    print(profiler.output_text(unicode=True, color=False, show_all=show_all))
    if html:
        html.write_text(profiler.output_html(), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_page")
    parser.add_argument("page", help="page name (`participants`) or file (`pages/x_page.py`)")
    parser.add_argument("--size", type=datasets.parse_size, default=datasets.SHIPPED)
    parser.add_argument("--reruns", type=int, default=5)
    parser.add_argument("--meetings", type=int, default=8)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--html", type=Path, help="also write pyinstrument's HTML report")
    parser.add_argument("--all", action="store_true", help="show library frames too")
    args = parser.parse_args(argv)
    profile(args.page, args.size, args.reruns, args.meetings, args.seed, args.html, args.all)
    return 0


if __name__ == "__main__":
    sys.exit(main())
