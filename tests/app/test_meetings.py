"""One meeting at a time, and the Across meetings page, with one, two and 50 meetings.

One meeting: the shipped data. Two: the shipped Bogotá meeting plus the synthetic test
meeting (Geneva, 2016-05-10; tests/fixtures/). Fifty: a small synthetic data set
(`benchmarks.synth`, 50 meetings of 500 people), built once for this module.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from benchmarks.synth.generate import generate
from tests.app_support import ALL_PAGES, PAGES, choices, download, no_exceptions, open_app
from tests.report_facts import BOGOTA_PEOPLE
from twg_data import pages, queries
from twg_data.build import build_database, connect
from twg_data.filters import Filters

BOGOTA, GENEVA = "twg-2015-bogota", "twg-2016-test"
GENEVA_LABEL = "Meeting 3 · Geneva · 2016-05-10"
ONE_MEETING_PAGES = ("overview", "sessions", "entry_points", "agenda_brief")
SWITCHER = "Meeting shown"


def switcher(at):
    found = [box for box in at.selectbox if box.label == SWITCHER]
    return found[0] if found else None


def table(at, *columns: str):
    """The one table on the page that has these columns."""
    found = [d.value for d in at.dataframe if set(columns) <= set(d.value.columns)]
    assert len(found) == 1, [list(d.value.columns) for d in at.dataframe]
    return found[0]


def rows(csv_bytes: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(csv_bytes.decode("utf-8-sig").splitlines()))


# --- one meeting -------------------------------------------------------------------------


@pytest.mark.parametrize("page", ONE_MEETING_PAGES)
def test_with_one_meeting_a_page_has_no_switcher_and_the_link_no_meeting(page):
    at = open_app(page)
    no_exceptions(at)
    assert switcher(at) is None
    assert "shown_meeting" not in at.query_params


def test_with_one_meeting_a_link_to_across_meetings_says_on_the_page_why_it_is_not_listed():
    assert "across_meetings" not in PAGES  # not in the navigation, yet its address answers
    at = open_app("across_meetings")
    no_exceptions(at)
    assert at.title[0].value == "Across meetings"
    assert [i.value for i in at.info] == [
        "This page compares meetings, and the data holds 1 meeting: there is nothing to compare "
        "yet. The page joins the navigation once the data holds 2 meetings or more; the Overview "
        "shows what the data holds."
    ]
    (overview,) = at.get("page_link")
    assert overview.proto.label == "Overview" and overview.proto.page == ""  # the root
    assert overview.proto.page_script_hash
    # Nothing of the page itself is drawn: no charts' downloads, metrics, tables or map.
    assert not at.metric and not at.dataframe and not at.get("download_button")
    assert [s.name for s in pages.shown_pages(2)][:2] == ["overview", "across_meetings"]


def test_with_one_meeting_the_across_meetings_address_speaks_spanish():
    at = open_app("across_meetings", lang="es")
    no_exceptions(at)
    assert at.title[0].value == "A lo largo de las reuniones"
    assert at.info[0].value.startswith(
        "Esta página compara reuniones, y los datos contienen 1 reunión: todavía no hay nada que "
        "comparar."
    )
    assert at.get("page_link")[0].proto.label == "Resumen general"


def test_with_sound_data_a_link_to_data_problems_says_there_are_none():
    at = open_app("data_problems")
    no_exceptions(at)
    assert at.title[0].value == "Data problems"
    assert [s.value for s in at.success] == [
        "The CSVs are sound; the dashboard shows the current data."
    ]


LISTED_ON_ONE = [
    "overview",
    "participants",
    "sessions",
    "entry_points",
    "search",
    "agenda_brief",
    "data",
]
LISTED_ON_TWO = ["overview", "across_meetings", *LISTED_ON_ONE[1:]]


@pytest.mark.parametrize(
    ("meetings", "problems", "listed"),
    [
        (1, False, LISTED_ON_ONE),
        (1, True, [*LISTED_ON_ONE, "data_problems"]),
        (2, False, LISTED_ON_TWO),
        (50, True, [*LISTED_ON_TWO, "data_problems"]),
        (0, True, ["data_problems"]),  # no usable data at all
    ],
)
def test_the_navigation_lists_the_pages_the_data_allows(meetings, problems, listed):
    assert [spec.name for spec in pages.listed_pages(meetings, problems)] == listed
    # and every page a link can name is registered, listed or not
    assert [spec.name for spec in pages.LINKED] == [*LISTED_ON_TWO, "data_problems"]


# --- two meetings ------------------------------------------------------------------------


@pytest.fixture
def two(second_meeting_dir, monkeypatch):
    monkeypatch.setenv("TWG_DATA_DIR", str(second_meeting_dir.path))
    return second_meeting_dir


def test_each_meeting_page_shows_the_latest_meeting_by_default(two):
    at = open_app("overview")
    assert switcher(at).value == GENEVA and switcher(at).options == [
        "Meeting 2 · Bogotá · 2015-09-21",
        GENEVA_LABEL,
    ]
    assert at.subheader[0].value == GENEVA_LABEL
    assert at.query_params["shown_meeting"] in (GENEVA, [GENEVA])
    at.switch_page(PAGES["sessions"]).run()
    assert [s.value for s in at.subheader][0] == "Focus 1: Testing several meetings"
    assert set(table(at, "speakers_in_report").meeting_id) == {GENEVA}
    at.switch_page(PAGES["entry_points"]).run()
    assert set(table(at, "source_section").meeting_id) == {GENEVA}
    assert "Common objective" not in "\n".join(m.value for m in at.markdown)
    at.switch_page(PAGES["agenda_brief"]).run()
    no_exceptions(at)
    assert {ref.split("/")[0] for ref in choices(at).index} == {GENEVA}


def test_the_meeting_chosen_is_in_the_link_and_kept_across_pages(two):
    at = open_app("sessions")
    at.selectbox(key="shown_meeting").set_value(BOGOTA).run()
    assert at.query_params["shown_meeting"] in (BOGOTA, [BOGOTA])
    assert [s.value for s in at.subheader][:2] == [
        "Focus 1: Exchange of promising practices",
        "Focus 2: Entry points for an integrated approach of urban safety and peacebuilding",
    ]
    at.switch_page(PAGES["participants"]).run()  # no switcher here: the choice is kept
    at.switch_page(PAGES["entry_points"]).run()
    assert switcher(at).value == BOGOTA
    assert "Common objective" in "\n".join(m.value for m in at.markdown)


def test_a_shared_link_opens_the_meeting_it_names(two):
    at = open_app("sessions", shown_meeting=BOGOTA)
    no_exceptions(at)
    assert switcher(at).value == BOGOTA
    assert set(table(at, "speakers_in_report").meeting_id) == {BOGOTA}
    assert not at.warning


@pytest.mark.parametrize("value", ["atlantis", "<script>x</script>", "x" * 5000])
def test_an_unknown_meeting_in_the_link_warns_and_the_latest_is_shown(two, value):
    at = open_app("sessions", shown_meeting=value)
    no_exceptions(at)
    assert len(at.warning) == 1
    assert at.warning[0].value.startswith("Ignored 1 value of the link parameter `shown_meeting`")
    assert "<script>" not in at.warning[0].value
    assert switcher(at).value == GENEVA


def test_the_meeting_filter_decides_which_meetings_are_offered(two):
    at = open_app("entry_points", meeting=BOGOTA, shown_meeting=GENEVA)
    no_exceptions(at)
    assert switcher(at) is None  # one meeting to show: no switcher
    assert set(table(at, "source_section").meeting_id) == {BOGOTA}
    assert "shown_meeting" not in at.query_params
    assert at.query_params["meeting"] in (BOGOTA, [BOGOTA])


def test_the_brief_is_of_the_meeting_shown_and_says_so(two, media):
    at = open_app("agenda_brief", shown_meeting=BOGOTA)
    no_exceptions(at)
    assert len(choices(at)) == 9 + 5 + 7
    brief = media.data(download(at, "Brief (Markdown)")).decode("utf-8")
    assert "    - **Meeting:** Meeting 2 · Bogotá · 2015-09-21 (twg-2015-bogota)" in brief
    assert "Synthetic key point" not in brief


def with_chart_tables(at):
    """Show the charts' numbers as tables (they are downloads only by default)."""
    at.toggle(key="across_chart_tables").set_value(True).run()
    return at


def test_the_across_meetings_page_compares_the_two_meetings(two, media):
    at = open_app("across_meetings")
    no_exceptions(at)
    assert not [d for d in at.dataframe if "region" in d.value.columns and "meeting" in d.value]
    assert "Download participation per meeting by region (CSV)" in [
        b.label for b in at.get("download_button")
    ]
    with_chart_tables(at)
    assert at.title[0].value == "Across meetings"
    regions = table(at, "meeting", "region")
    people = regions.groupby("meeting_id").people.sum().to_dict()
    assert people == {BOGOTA: 23, GENEVA: 3}
    returning = table(at, "name")
    assert returning.iloc[0][["name", "meetings"]].tolist() == ["Ana Teresa Bernal", 2]
    assert (returning.meetings == 1).sum() == 25 - 1
    cities = table(at, "iso3", "meetings").set_index("city")
    assert cities.loc["Geneva", "meetings"] == 2  # named people in 2015, the venue in 2016
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["People at two meetings or more"] == "1"
    assert metrics["Cities at two meetings or more"] == "2"  # Bogotá and Geneva
    key_points = table(at, "key_points")
    assert key_points.groupby("meeting_id").key_points.sum().to_dict() == {BOGOTA: 9, GENEVA: 1}
    downloaded = rows(media.data(download(at, "Download people across meetings (CSV)")))
    assert {r["name"]: r["meetings"] for r in downloaded}["Ana Teresa Bernal"] == "2"
    labels = [b.label for b in at.get("download_button")]
    assert len(labels) == len(at.dataframe)  # every table has its download


def test_the_across_meetings_page_applies_the_filters_and_says_which_cannot(two):
    at = with_chart_tables(open_app("across_meetings", city="bogota"))
    no_exceptions(at)
    assert table(at, "meeting", "region").groupby("meeting_id").people.sum().to_dict() == {
        BOGOTA: 5,
        GENEVA: 1,
    }
    # Bernal is placed in Bogotá at both meetings; Beta (Colombia, no city) is not kept
    returning = table(at, "name").set_index("name")
    assert set(returning.index) == BOGOTA_PEOPLE
    assert returning.loc["Ana Teresa Bernal", "meetings"] == 2
    assert any("city filter cannot apply" in i.value for i in at.info)


def test_the_map_steps_through_the_meetings(two):
    at = open_app("across_meetings")
    slider = at.select_slider(key="across_map_meeting")
    assert slider.value == GENEVA
    assert set(table(at, "took_part_as").city) == {"Geneva", "Bogotá"}
    slider.set_value(BOGOTA).run()
    no_exceptions(at)
    assert len(table(at, "took_part_as")) == 21


# --- fifty meetings ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def fifty_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("fifty") / "data"
    generate(folder, meetings=50, people=500, seed=3)
    db = folder.parent / "fifty.duckdb"
    assert build_database(folder, db) == []
    return folder, db


@pytest.fixture
def fifty(fifty_folder, monkeypatch) -> Path:
    folder, db = fifty_folder
    monkeypatch.setenv("TWG_DATA_DIR", str(folder))
    monkeypatch.setenv("TWG_DB_PATH", str(db))
    return db


def latest(db: Path) -> str:
    with connect(db) as con:
        return queries.meetings(con, Filters()).meeting_id.iloc[-1]


@pytest.mark.parametrize("page", list(ALL_PAGES))
def test_with_fifty_meetings_every_page_renders(fifty, page):
    at = open_app(page)
    no_exceptions(at)
    assert at.title


def test_with_fifty_meetings_each_meeting_page_draws_one_meeting(fifty):
    newest = latest(fifty)
    at = open_app("sessions")
    assert len(switcher(at).options) == 50 and switcher(at).value == newest
    assert set(table(at, "speakers_in_report").meeting_id) == {newest}
    at.switch_page(PAGES["entry_points"]).run()
    assert set(table(at, "source_section").meeting_id) == {newest}
    at.switch_page(PAGES["agenda_brief"]).run()
    assert {ref.split("/")[0] for ref in choices(at).index} == {newest}


@pytest.mark.parametrize("page", ONE_MEETING_PAGES)
def test_with_fifty_meetings_a_page_draws_what_it_draws_for_that_meeting_alone(fifty, page):
    newest = latest(fifty)

    def drawn(at) -> dict[str, int]:
        kinds = ("markdown", "subheader", "dataframe", "metric", "expander", "caption")
        return {kind: len(at.get(kind)) for kind in kinds}

    everything = open_app(page)
    alone = open_app(page, meeting=newest)  # the Meeting filter: one meeting, no switcher
    assert switcher(everything) is not None and switcher(alone) is None
    assert drawn(everything) == drawn(alone)


def test_with_fifty_meetings_the_across_page_has_a_row_per_meeting(fifty):
    at = with_chart_tables(open_app("across_meetings"))
    no_exceptions(at)
    assert table(at, "meeting", "region").meeting_id.nunique() == 50
    assert table(at, "key_points").meeting_id.nunique() == 50
    with connect(fifty) as con:
        returns = queries.returns(con, Filters()).set_index("what")
    metric = {m.label: m.value for m in at.metric}["People at two meetings or more"]
    assert metric == f"{returns.loc['people', 'returned']:,}"
    assert len(at.select_slider(key="across_map_meeting").options) == 50
