"""The recipes of docs/architecture.md followed for real: a page and a key-point category.
(A brief format: tests/app/test_brief_formats.py; a filter: the sub-region filter, see the
recipe; a summary: `test_every_question_a_query_module_defines_is_run_by_the_tests_and_the_
benchmarks` in tests/test_queries.py; a check: tests/test_validate.py.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app_support import choices
from twg_data import pages, paths, queries
from twg_data.build import connect, ensure_database
from twg_data.filters import Filters
from twg_data.ui import navigation

ROOT = Path(__file__).resolve().parents[2]
HELLO = '''"""Hello: the participants under the filters (a page written by the recipe)."""

from twg_data import ui

filters = ui.page_header("Hello")
ui.summary_table("participants", filters)
'''


def test_add_a_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    for item in ("app.py", "pages", "static"):  # a copy of the app, so the repo stays as it is
        copy = shutil.copytree if (ROOT / item).is_dir() else shutil.copy
        copy(ROOT / item, tmp_path / item)
    # Step 1: the page's file; step 2: its PageSpec in PAGES (LINKED follows PAGES).
    (tmp_path / "pages" / "hello_page.py").write_text(HELLO, encoding="utf-8")
    hello = pages.PageSpec("hello", "Hello", "hello", ":material/waving_hand:")
    linked = (*pages.PAGES, hello, pages.DATA_PROBLEMS)
    monkeypatch.setattr(pages, "PAGES", (*pages.PAGES, hello))
    monkeypatch.setattr(pages, "LINKED", linked)
    monkeypatch.setattr(navigation, "LINKED", linked)
    at = AppTest.from_file(str(tmp_path / "app.py"), default_timeout=60)
    at.query_params["city"] = "bogota"
    at.run()
    at.switch_page("pages/hello_page.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Hello"
    assert at.caption[0].value.startswith("Filtered by City: Bogotá (COL)")
    with connect(ensure_database(paths.data_dir(), tmp_path / "cli.duckdb").db_path) as con:
        expected = queries.participants(con, Filters(cities=("bogota",)))
    shown = at.dataframe[0].value
    assert 0 < len(shown) == len(expected) < 23  # the city filter removed the others
    assert list(shown["name"]) == list(expected["name"])


def test_add_a_key_point_category(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    data = tmp_path / "data"
    shutil.copytree(paths.PROJECT_ROOT / "data", data)
    # Step 1: a row in key_point_categories.csv, in English and each language.
    with (data / "key_point_categories.csv").open("a", encoding="utf-8", newline="") as file:
        file.write(
            "risk,4,Risks,Risk,What a report warns of.,"
            "Riesgos,Riesgo,Lo que advierte.,Risques,Risque,Ce qu'un rapport signale.\n"
        )
    # Step 2: a key point of that category (here one that was an opportunity).
    points = data / "key_points.csv"
    points.write_text(
        points.read_text(encoding="utf-8").replace(
            ",opportunity-1,opportunity,", ",opportunity-1,risk,"
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("TWG_DATA_DIR", str(data))
    monkeypatch.setenv("TWG_DB_PATH", str(tmp_path / "twg.duckdb"))
    with connect(ensure_database(data, tmp_path / "cli.duckdb").db_path) as con:
        per_meeting = queries.key_points_per_meeting(con, Filters())
    assert per_meeting.category.tolist() == ["Commonalities", "Differences", "Risks"]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("pages/agenda_brief_page.py").run()
    assert not at.exception
    table = choices(at).set_index("item")
    risk = [item for item in table.index if table.loc[item, "what"] == "Risk"]
    assert len(risk) == 1
    at.switch_page("pages/entry_points_page.py").run()
    assert not at.exception
    assert len(at.columns) >= 3  # one column per category with points: 3, the risk's among them
    # In Spanish the category is named from the CSV's Spanish columns (data, not the catalog).
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "es"
    at.run()
    at.switch_page("pages/agenda_brief_page.py").run()
    assert "Riesgo" in set(choices(at).what)
