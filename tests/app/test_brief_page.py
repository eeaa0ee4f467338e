"""The Agenda brief page (and the SDG crosswalk on Entry points) through Streamlit's AppTest.

The page's downloads must be byte-identical to `twg_data.brief` for the same filters and
selection, which is also what `python -m twg_data brief|pack` writes.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from tests.app_support import MediaFiles, choices, edit_choices
from twg_data import export, paths
from twg_data.brief.items import Selection
from twg_data.brief.markdown import brief_markdown
from twg_data.brief.pack import summary_pack
from twg_data.brief.rows import brief_csv
from twg_data.brief.word import brief_docx
from twg_data.build import connect, ensure_database
from twg_data.filters import Filters
from twg_data.text import escape_markdown as esc

APP = Path(__file__).resolve().parents[2] / "app.py"  # AppTest resolves paths from the caller
PAGE = "pages/agenda_brief_page.py"
MEETING = "twg-2015-bogota"
REF = MEETING + "/{}"
VIOLENCE_HEADING = "The role of violence and repression as part of the intervention"


@pytest.fixture
def db(app_db: Path) -> Path:
    """The app's database in tmp_path (tests/app/conftest.py), never in the repo's .cache/."""
    return app_db


@pytest.fixture
def con(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the same database the app serves (built from the shipped data)."""
    status = ensure_database(paths.data_dir(), db)
    assert status.problems == ()
    connection = connect(db)
    yield connection
    connection.close()


def open_page(page: str = PAGE) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def preview(at: AppTest) -> str:
    """The brief's Markdown as the page renders it (st.markdown drops the final newline)."""
    shown = [m.value for m in at.markdown if m.value.startswith("# Agenda brief")]
    assert len(shown) == 1
    return shown[0] + "\n"


def download(at: AppTest, media: MediaFiles, key: str) -> bytes:
    button = next(b for b in at.get("download_button") if b.proto.id.endswith(f"-{key}"))
    return media.data(button)


def test_agenda_brief_page_runs_and_offers_every_item_and_four_downloads(db):
    at = open_page()
    assert at.title[0].value == "Agenda brief"
    table = choices(at)
    assert len(table) == 9 + 5 + 7  # key points, framing entries, kick-off presenters
    assert table.include.all() and (table.note == "").all()
    assert not at.checkbox and not at.text_input  # one widget for every item
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Brief (Word)", "Brief (Markdown)", "Brief (CSV)", "Summary pack (ZIP)"]
    assert f"#### {esc(VIOLENCE_HEADING)}" in preview(at)


def test_the_agenda_brief_is_in_the_navigation_after_entry_points(db):
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.title[0].value == "Agenda brief"


def test_unticking_a_point_removes_it_and_its_note_from_the_preview(db):
    at = open_page()
    edit_choices(at, {REF.format("difference-4"): {"include": False, "note": "Drop this"}})
    at.run()
    assert not at.exception
    shown = preview(at)
    assert f"#### {esc(VIOLENCE_HEADING)}" not in shown
    assert f"**Left out by the facilitator:** {VIOLENCE_HEADING} (difference-4)." in shown
    assert "Drop this" not in shown


def test_a_note_changes_the_preview_and_markup_in_it_stays_text(db):
    at = open_page()
    note = "<script>alert(1)</script> [x](http://evil) ![i](http://evil/p.png)"
    edit_choices(at, {REF.format("commonality-1"): {"note": note}}).run()
    assert not at.exception
    shown = preview(at)
    assert f"- **Note:** {esc(note)}" in shown
    assert "<script>" not in shown and not re.search(r"(?<!\\)\]\(http", shown)
    rendered = MarkdownIt("commonmark").render(shown)
    assert "<a " not in rendered and "<img" not in rendered and "<script" not in rendered


def test_downloads_equal_the_brief_functions_for_the_same_inputs(db, con, media):
    at = open_page()
    edit_choices(
        at,
        {
            REF.format("difference-4"): {"include": False},
            REF.format("enrique-alfaro"): {"include": False},
            REF.format("commonality-1"): {"note": '=HYPERLINK("http://x")'},
        },
    ).run()
    assert not at.exception
    selection = Selection(
        excluded=("difference-4", "enrique-alfaro"),
        notes={"commonality-1": '=HYPERLINK("http://x")'},
    )
    markdown = brief_markdown(con, Filters(), selection)
    assert preview(at) == markdown
    assert download(at, media, "download_brief_md") == markdown.encode("utf-8")
    assert download(at, media, "download_brief_csv") == brief_csv(con, Filters(), selection)
    expected = brief_docx(con, Filters(), selection)
    assert download(at, media, "download_brief_docx") == expected
    pack = summary_pack(con, Filters(), selection)
    assert download(at, media, "download_summary_pack") == pack


def test_a_city_filter_set_in_the_sidebar_changes_the_brief(db, con, media):
    at = open_page()
    before = preview(at)
    at.multiselect(key="filter_city").set_value(["bogota"]).run()
    assert not at.exception
    shown = preview(at)
    assert shown != before
    filters = Filters(cities=("bogota",))
    assert shown == brief_markdown(con, filters, Selection())
    assert "    - **City:** Bogotá (COL) (bogota)" in shown
    assert len(choices(at)) == 9 + 5 + 1  # one presenter, Ana Teresa Bernal, is from Bogotá
    assert download(at, media, "download_summary_pack") == summary_pack(con, filters, Selection())


def test_choices_and_notes_survive_a_visit_to_another_page(db):
    at = open_page()
    edit_choices(
        at,
        {
            REF.format("themes"): {"include": False},
            REF.format("how"): {"note": "Keep this framing"},
        },
    ).run()
    at.switch_page("pages/entry_points_page.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    table = choices(at)
    assert not table.loc[REF.format("themes"), "include"]
    assert table.loc[REF.format("how"), "note"] == "Keep this framing"
    assert "- **Note:** Keep this framing" in preview(at)


def test_a_presenter_hidden_by_a_filter_comes_back_as_the_user_left_it(db):
    at = open_page()
    edit_choices(at, {REF.format("leoluca-orlando"): {"note": "Invite to Quito"}}).run()
    at.multiselect(key="filter_city").set_value(["bogota"]).run()
    assert REF.format("leoluca-orlando") not in choices(at).index
    at.multiselect(key="filter_city").set_value([]).run()
    assert choices(at).loc[REF.format("leoluca-orlando"), "note"] == "Invite to Quito"
    assert "Invite to Quito" in preview(at)


def test_entry_points_page_shows_the_sdg_crosswalk_as_curation(db, con, media):
    at = open_page("pages/entry_points_page.py")
    assert "SDG targets these points bear on (curation)" in [s.value for s in at.subheader]
    assert any("Curation, not the report" in c.value for c in at.caption)
    crosswalk = [d.value for d in at.dataframe if "target_text" in d.value.columns]
    assert len(crosswalk) == 1 and len(crosswalk[0]) == 15
    expected = export.export_summary(con, "sdg_crosswalk", Filters())
    assert download(at, media, "download_sdg_crosswalk") == expected


def test_items_are_named_by_heading_and_category_never_by_internal_id(db):
    at = open_page()
    table = choices(at)
    labels = {row.Index: (row.item, row.what) for row in table.itertuples()}
    assert labels[REF.format("commonality-1")] == ("Common objective", "Commonality")
    assert labels[REF.format("difference-4")] == (VIOLENCE_HEADING, "Difference")
    assert labels[REF.format("setting-post-conflict")] == ("post-conflict", "Setting")
    assert labels[REF.format("opportunity-1")][1] == "Opportunity"
    assert labels[REF.format("leoluca-orlando")] == ("Leoluca Orlando", "Mayor of Palermo, Italy")
    ids = ("commonality-", "difference-", "opportunity-", "setting-", "leoluca", "twg-2015")
    shown = [text for pair in labels.values() for text in pair]
    assert not [text for text in shown if any(i in text for i in ids)]
    assert set(table.section) == {
        "Key points",
        "Framing of entry points",
        "Promising-practice speakers",
    }


def page_css(at: AppTest) -> str:
    return "".join(element.proto.body for element in at.get("html"))


def test_the_print_view_hides_the_sidebar_and_the_controls_and_printing_always_does(db):
    at = open_page()
    screen, printed = page_css(at).split("@media print", 1)
    assert "stSidebar" not in screen and ".st-key-brief_controls" in printed
    assert "stSidebar" in printed and ".st-key-brief_print_toggle" in printed
    at.toggle(key="brief_print_view").set_value(True).run()
    assert not at.exception
    screen = page_css(at).split("@media print", 1)[0]
    assert "stSidebar" in screen and ".st-key-brief_controls" in screen
    assert "display: none" in screen and ".st-key-brief_print_toggle" not in screen
    assert preview(at).startswith("# Agenda brief")


def test_a_key_point_is_labelled_with_its_categorys_singular_from_the_data(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(paths.PROJECT_ROOT / "data", data)
    categories = data / "key_point_categories.csv"
    text = categories.read_text(encoding="utf-8").replace(",Commonality,", ",Common ground,")
    categories.write_text(text, encoding="utf-8")
    monkeypatch.setenv("TWG_DATA_DIR", str(data))
    monkeypatch.setenv("TWG_DB_PATH", str(tmp_path / "twg.duckdb"))
    at = open_page()
    table = choices(at)
    assert table.set_index("item").loc["Common objective", "what"] == "Common ground"
    assert "Commonality" not in set(table.what)
