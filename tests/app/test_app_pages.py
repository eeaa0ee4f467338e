"""Page behaviour through Streamlit's AppTest: every page, every filter kind, links, downloads."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from tests.app_support import PAGES, download, no_exceptions, open_app
from tests.report_facts import BOGOTA_PEOPLE, GIZ_PEOPLE
from twg_data import export, paths
from twg_data.build import connect, ensure_database
from twg_data.filters import Filters

ONE_VALUE_PER_FILTER = {
    "meeting": "twg-2015-bogota",
    "region": "Europe",
    "sub_region": "Western Europe",
    "country": "MEX",
    "city": "bogota",
    "organization": "giz",
    "organization_type": "city-government",
    "practice_community": "urban-safety",
    "role": "kick-off presenter",
}


def rows(csv_bytes: bytes) -> list[dict[str, str]]:
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(csv_bytes.decode("utf-8-sig"))))


def people_table(at):
    tables = [d.value for d in at.dataframe if "roles" in d.value.columns]
    assert len(tables) == 1
    return tables[0]


def markdown_text(at) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders_without_exception_under_no_filters(page):
    at = open_app(page)
    no_exceptions(at)
    assert at.title, f"{page} has no title"
    assert at.get("download_button"), f"{page} offers no download"


@pytest.mark.parametrize("param", list(ONE_VALUE_PER_FILTER))
def test_every_page_renders_under_each_filter_kind(param):
    at = open_app("overview", **{param: ONE_VALUE_PER_FILTER[param]})
    assert at.multiselect(key=f"filter_{param}").value == [ONE_VALUE_PER_FILTER[param]]
    for path in PAGES.values():
        at.switch_page(path).run()
        no_exceptions(at)
        assert not at.warning, [w.value for w in at.warning]


def test_a_filter_matching_nothing_shows_empty_states_not_errors():
    # Seoul sent only a GNSC delegation: no named person is placed there.
    at = open_app("participants", city="seoul", organization="giz")
    no_exceptions(at)
    assert any("No named participant matches" in i.value for i in at.info)
    for path in PAGES.values():
        at.switch_page(path).run()
        no_exceptions(at)
    at.switch_page(PAGES["overview"]).run()
    assert any("No city matches" in i.value for i in at.info)
    assert not at.get("vega_lite_chart")  # no map of nothing (its element type, as drawn)
    at.switch_page(PAGES["participants"]).run()
    at.multiselect(key="filter_city").set_value([]).run()
    at.multiselect(key="filter_organization").set_value([]).run()
    assert len(at.get("vega_lite_chart")) == 4  # the same test sees charts where they are


def test_city_filter_keeps_exactly_the_people_the_report_places_in_bogota(media):
    at = open_app("participants")
    at.multiselect(key="filter_city").set_value(["bogota"]).run()
    no_exceptions(at)
    assert set(people_table(at)["name"]) == BOGOTA_PEOPLE
    assert "**5 named people**" in markdown_text(at)
    downloaded = rows(media.data(download(at, "Download participants (CSV)")))
    assert {r["name"] for r in downloaded} == BOGOTA_PEOPLE


def test_organization_filter_keeps_the_three_giz_staff(media):
    at = open_app("participants")
    at.multiselect(key="filter_organization").set_value(["giz"]).run()
    assert set(people_table(at)["name"]) == GIZ_PEOPLE
    organizations = rows(media.data(download(at, "Download organizations (CSV)")))
    assert [(r["acronym"], r["people"]) for r in organizations] == [("GIZ", "3")]


def test_download_holds_the_same_bytes_as_the_cli_export(media, app_db):
    at = open_app("participants", city="bogota")
    shown = media.data(download(at, "Download participants (CSV)"))
    status = ensure_database(paths.data_dir(), app_db)
    with connect(status.db_path) as con:
        expected = export.export_summary(con, "participants", Filters(cities=("bogota",)))
    assert shown == expected


def test_each_table_on_the_participants_page_has_its_download():
    at = open_app("participants")
    # Missing regions, people, organizations; no community is missing, so that table is an
    # empty-state message. The four charts' numbers are downloads until asked for as tables.
    assert len(at.dataframe) == 3 and len(at.get("download_button")) == 3 + 4
    at.toggle(key="participants_chart_tables").set_value(True).run()
    assert len(at.get("download_button")) == len(at.dataframe) == 7


def test_filters_survive_page_changes_and_are_mirrored_in_the_url():
    at = open_app("overview")
    at.multiselect(key="filter_organization").set_value(["giz"]).run()
    assert at.query_params == {"organization": ["giz"]} or at.query_params == {
        "organization": "giz"
    }
    at.switch_page(PAGES["participants"]).run()
    assert at.multiselect(key="filter_organization").value == ["giz"]
    assert set(people_table(at)["name"]) == GIZ_PEOPLE


def test_a_shared_link_opens_the_filtered_view():
    at = open_app("participants", city=["bogota", "geneva"], role="listed participant")
    names = set(people_table(at)["name"])
    # Geneva: Jütersonke, Putman-Cramer (listed) and Wennmann (inferred from his organization).
    assert names == BOGOTA_PEOPLE | {
        "Oliver Jütersonke",
        "Caroline Putman-Cramer",
        "Achim Wennmann",
    }


@pytest.mark.parametrize(
    "query",
    [
        {"city": "atlantis"},
        {"citty": "bogota"},
        {"city": "x" * 5000},
        {"organization": "<script>alert(1)</script>"},
        {"country": "[click](http://evil.example)"},
    ],
)
def test_unknown_or_malformed_link_values_warn_and_are_dropped(query):
    at = open_app("participants", **query)
    no_exceptions(at)
    assert len(at.warning) == 1
    warning = at.warning[0].value
    assert warning.startswith("Ignored 1 ")
    assert "<script>" not in warning and "[click](http" not in warning
    assert len(people_table(at)) == 23  # the bad value filtered nothing


def test_reset_clears_every_filter():
    at = open_app("participants", city="bogota", role="kick-off presenter", region="Americas")
    assert len(people_table(at)) == 1  # Ana Teresa Bernal
    at.button[0].click().run()
    assert all(not m.value for m in at.multiselect)
    assert len(people_table(at)) == 23


def test_entry_points_page_groups_the_key_points_and_says_which_filters_do_not_apply():
    at = open_app("entry_points", city="bogota")
    text = markdown_text(at)
    for heading in (
        "Common objective",
        "Territorial focus",
        "Existing networks",
        "Focus on causes",
    ):
        assert heading in text
    assert [s.value for s in at.subheader][:2] == ["How the report frames entry points"] + [
        "Commonalities between urban safety and peacebuilding"
    ]
    assert any("city filter cannot apply" in i.value for i in at.info)


def test_sessions_page_shows_times_and_the_presenters_in_order():
    at = open_app("sessions")
    text = markdown_text(at)
    assert "14:00–15:15 (75 minutes)" in text and "15:30–16:45 (75 minutes)" in text
    order = ["Leoluca Orlando", "Ibeth Rodriguez", "Ana Teresa Bernal", "Caroline Putman-Cramer"]
    positions = [text.index(name) for name in order]
    assert positions == sorted(positions)
    assert "The report names no speakers for this session" in text


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(paths.PROJECT_ROOT / "data", target)
    return target


HOSTILE = (
    "<script>alert(1)</script> [click](http://evil.example) "
    "![x](http://evil.example/x.png) :red[big] **bold** 🙂 مرحبا"
)


def test_hostile_text_in_the_data_is_shown_as_text_and_neutralised_in_downloads(
    tmp_path, monkeypatch, media
):
    data = _copy_data(tmp_path)
    people = (data / "people.csv").read_text(encoding="utf-8")
    hostile_name = '=HYPERLINK("http://evil.example") ' + HOSTILE
    people = people.replace("Leoluca Orlando", hostile_name.replace('"', '""').join('""'))
    (data / "people.csv").write_text(people, encoding="utf-8")
    monkeypatch.setenv("TWG_DATA_DIR", str(data))
    at = open_app("sessions")
    no_exceptions(at)
    text = markdown_text(at)
    assert "<script>" not in text and "[click](http" not in text and "**bold**" not in text
    assert "\\[click\\]" in text  # escaped, so it renders literally
    speakers = media.data(download(at, "Download speakers (CSV)")).decode("utf-8-sig")
    assert "'=HYPERLINK" in speakers


def test_broken_csv_keeps_the_last_good_data_with_a_banner_and_fixes_are_picked_up(
    tmp_path, monkeypatch
):
    data = _copy_data(tmp_path)
    monkeypatch.setenv("TWG_DATA_DIR", str(data))
    at = open_app("participants")
    assert len(people_table(at)) == 23 and not at.warning

    good = (data / "participants.csv").read_bytes()
    (data / "participants.csv").write_bytes(good + b"twg-2015-bogota,nobody,21,,,,,,stated,x\n")
    at.run()
    no_exceptions(at)
    assert any("data is stale" in w.value for w in at.warning)
    assert len(people_table(at)) == 23  # still the last good data
    at.switch_page("pages/data_problems_page.py").run()
    problems = at.dataframe[0].value
    assert {"participants.csv"} == set(problems["file"])
    assert "person_id" in set(problems["column"]) and {25} == set(
        problems["line"]
    )  # the appended line

    (data / "participants.csv").write_bytes(good)
    at.switch_page(PAGES["participants"]).run()
    assert not any("stale" in w.value for w in at.warning)
    assert len(people_table(at)) == 23


def test_no_good_data_at_all_shows_the_problems_instead_of_a_traceback(tmp_path, monkeypatch):
    data = _copy_data(tmp_path)
    (data / "people.csv").write_bytes(b"person_id,name\n")
    monkeypatch.setenv("TWG_DATA_DIR", str(data))
    at = open_app("overview")
    no_exceptions(at)
    assert at.error and "cannot be loaded" in at.error[0].value
    assert "people.csv" in set(at.dataframe[0].value["file"])


def test_a_meeting_without_a_number_is_titled_without_one(tmp_path, monkeypatch):
    data = _copy_data(tmp_path)
    meetings = (data / "meetings.csv").read_text(encoding="utf-8")
    (data / "meetings.csv").write_text(
        meetings.replace("twg-2015-bogota,2,", "twg-2015-bogota,,"), encoding="utf-8"
    )
    monkeypatch.setenv("TWG_DATA_DIR", str(data))
    at = open_app("overview")
    no_exceptions(at)
    # The one meeting label (labels.meeting), as the sidebar's filter names it too.
    assert at.subheader[0].value == "Meeting · Bogotá · 2015-09-21"
    assert "Meeting · Bogotá · 2015-09-21" in at.sidebar.multiselect[0].options


# The Agenda brief has no table; the Search page draws its hits as boxes, not a table.
@pytest.mark.parametrize("page", [p for p in PAGES if p not in ("agenda_brief", "search")])
def test_every_table_shows_a_missing_value_as_an_empty_cell_not_none(page):
    at = open_app(page)
    assert at.dataframe, f"{page} shows no table"
    # Unset, Streamlit shows a grey "None"; the proto field is optional, so check it is set.
    placeholders = {
        d.proto.placeholder if d.proto.HasField("placeholder") else None for d in at.dataframe
    }
    assert placeholders == {""}
