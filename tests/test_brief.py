"""The agenda brief (twg_data.brief), the SDG crosswalk behind it, and its CLI commands.

Expectations come from the report: 9 key points (4 commonalities, 4 differences, 1
opportunity), the framing of entry points (2 dimensions, 3 settings) and 7 kick-off
presenters; and from the 2030 Agenda (A/RES/70/1) for the SDG target texts.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.report_facts import BOGOTA_PEOPLE, PRESENTERS
from twg_data import cli, export, paths
from twg_data.brief.items import Selection
from twg_data.brief.markdown import brief_markdown
from twg_data.brief.pack import summary_pack
from twg_data.brief.rows import brief_csv
from twg_data.brief.word import brief_docx
from twg_data.build import build_database, connect
from twg_data.filters import Filters
from twg_data.summaries import SUMMARIES
from twg_data.text import escape_markdown as esc
from twg_data.validate import validate

DATA = paths.PROJECT_ROOT / "data"
MEETING = "twg-2015-bogota"
KEY_POINT_HEADINGS = [
    "Common objective",
    "Relationships and proximity",
    "Focus on causes",
    "Consensus and participatory approach to achieve sustainable outcomes",
    "Territorial focus",
    "Constellation of practitioner communities",
    "Existing networks",
    "The role of violence and repression as part of the intervention",
]
A_RES_70_1 = "Transforming our world: the 2030 Agenda for Sustainable Development (A/RES/70/1)"
# The official wording of the targets used, as the 2030 Agenda gives it.
OFFICIAL_TEXTS = {
    "11.3": "By 2030, enhance inclusive and sustainable urbanization and capacity for "
    "participatory, integrated and sustainable human settlement planning and management in "
    "all countries",
    "16.1": "Significantly reduce all forms of violence and related death rates everywhere",
    "16.7": "Ensure responsive, inclusive, participatory and representative decision-making at "
    "all levels",
    "16.a": "Strengthen relevant national institutions, including through international "
    "cooperation, for building capacity at all levels, in particular in developing countries, "
    "to prevent violence and combat terrorism and crime",
    "17.17": "Encourage and promote effective public, public-private and civil society "
    "partnerships, building on the experience and resourcing strategies of partnerships",
}
MARKUP = ["<script>alert(1)</script>", "[x](http://evil)", "![i](http://evil/p.png)"]
FORMULAS = ['=HYPERLINK("http://x")', "+1", "@SUM(A1)", "-2+3"]


@pytest.fixture
def db(shipped_db: Path) -> Path:
    """The shipped data's database (tests/conftest.py), which `con` also opens."""
    return shipped_db


@pytest.fixture(autouse=True)
def _no_repo_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWG_DB_PATH", str(tmp_path / "env.duckdb"))


def csv_rows(content: bytes) -> list[dict[str, str]]:
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def data_rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def unzip(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def assert_no_live_markup(markdown: str) -> None:
    """No raw HTML, no unescaped link or image brackets, no bare URL to autolink."""
    assert "<" not in markdown
    assert re.search(r"(?<!\\)[\[\]]", markdown) is None
    assert re.search(r"(?<!\\)://", markdown) is None


# --- the crosswalk -------------------------------------------------------------------------


def test_shipped_crosswalk_validates():
    assert [str(p) for p in validate(DATA)] == []


def test_every_key_point_maps_to_at_least_one_sdg_target():
    points = {(r["meeting_id"], r["key_point_id"]) for r in data_rows("key_points.csv")}
    mapped = {(r["meeting_id"], r["key_point_id"]) for r in data_rows("key_point_targets.csv")}
    assert points == mapped


def test_sdg_target_texts_are_the_official_wording_of_the_2030_agenda():
    targets = {r["target"]: r for r in data_rows("sdg_targets.csv")}
    assert {t: r["text"] for t, r in targets.items()} == OFFICIAL_TEXTS
    assert {r["source"] for r in targets.values()} == {A_RES_70_1}
    assert {t: int(r["goal"]) for t, r in targets.items()} == {
        t: int(t.split(".")[0]) for t in OFFICIAL_TEXTS
    }


def test_every_crosswalk_row_is_marked_as_curation_with_a_one_line_rationale():
    for row in data_rows("key_point_targets.csv"):
        assert row["basis"].startswith("curation: "), row
        assert row["rationale"] and "\n" not in row["rationale"], row


def test_a_crosswalk_row_naming_an_unknown_target_is_a_validation_problem(tmp_path: Path):
    folder = shutil.copytree(DATA, tmp_path / "data")
    with (folder / "key_point_targets.csv").open("a", encoding="utf-8") as file:
        file.write(f"{MEETING},opportunity-1,99.9,Made up.,curation: test,,\n")
    problems = [str(p) for p in validate(folder)]
    assert problems == ["key_point_targets.csv:17: target: '99.9' is not in sdg_targets (target)"]


def test_a_crosswalk_row_naming_an_unknown_key_point_is_a_validation_problem(tmp_path: Path):
    folder = shutil.copytree(DATA, tmp_path / "data")
    with (folder / "key_point_targets.csv").open("a", encoding="utf-8") as file:
        file.write(f"{MEETING},opportunity-9,16.1,Made up.,curation: test,,\n")
    problems = [str(p) for p in validate(folder)]
    assert len(problems) == 1
    assert problems[0].startswith("key_point_targets.csv:17: key_point_id: ")
    assert "is not in key_points" in problems[0]


def test_sdg_crosswalk_summary_lists_each_mapping_with_the_official_text(con):
    rows = csv_rows(export.export_summary(con, "sdg_crosswalk", Filters()))
    assert len(rows) == len(data_rows("key_point_targets.csv"))
    assert list(rows[0]) == list(SUMMARIES["sdg_crosswalk"].columns)
    assert all(r["target_text"] == OFFICIAL_TEXTS[r["target"]] for r in rows)
    assert {r["heading"] for r in rows} - {""} == set(KEY_POINT_HEADINGS)


# --- what the brief carries forward --------------------------------------------------------


def test_default_selection_carries_all_9_key_points_the_framing_and_the_7_presenters(con):
    rows = csv_rows(brief_csv(con, Filters(), Selection()))
    kinds = [r["kind"] for r in rows]
    assert kinds.count("key_point") == 9
    assert kinds.count("framing") == 5
    presenters = [r["heading"] for r in rows if r["kind"] == "presenter"]
    assert presenters == PRESENTERS
    markdown = brief_markdown(con, Filters(), Selection())
    for heading in KEY_POINT_HEADINGS:
        assert f"#### {esc(heading)}\n" in markdown
    for name in PRESENTERS:
        assert f"**{esc(name)}**" in markdown
    assert "**Left out by the facilitator:** nothing." in markdown


def test_presenters_keep_their_title_as_stated_and_their_source_passage(con):
    rows = csv_rows(brief_csv(con, Filters(), Selection()))
    orlando = next(r for r in rows if r["id"] == "leoluca-orlando")
    assert orlando["text"] == "Mayor of Palermo, Italy"
    assert orlando["source_passage"] == "Leoluca Orlando, Mayor of Palermo, Italy"


def test_key_points_carry_their_source_passage_and_sdg_targets(con):
    rows = csv_rows(brief_csv(con, Filters(), Selection()))
    point = next(r for r in rows if r["id"] == "commonality-4")
    assert point["source_passage"].startswith("Consensus and participatory approach")
    assert point["sdg_targets"] == "11.3; 16.7"
    markdown = brief_markdown(con, Filters(), Selection())
    assert esc(OFFICIAL_TEXTS["16.7"]) in markdown
    assert "(curation, not the report)" in markdown


@pytest.mark.parametrize("ref", ["difference-4", f"{MEETING}/difference-4"])
def test_excluding_a_point_removes_it_from_markdown_and_csv(con, ref):
    selection = Selection(excluded=(ref,))
    rows = csv_rows(brief_csv(con, Filters(), selection))
    assert "difference-4" not in {r["id"] for r in rows}
    assert len(rows) == 9 + 5 + 7 - 1
    markdown = brief_markdown(con, Filters(), selection)
    assert f"#### {esc(KEY_POINT_HEADINGS[-1])}" not in markdown
    assert markdown.count(KEY_POINT_HEADINGS[-1]) == 1  # named once, as left out
    assert (
        "**Left out by the facilitator:** The role of violence and repression as part of the "
        "intervention (difference-4)."
    ) in markdown


def test_either_form_of_ref_gives_the_same_bytes(con):
    plain = Selection(excluded=("how",), notes={"leoluca-orlando": "Invite again."})
    qualified = Selection(
        excluded=(f"{MEETING}/how",), notes={f"{MEETING}/leoluca-orlando": "Invite again."}
    )
    assert brief_markdown(con, Filters(), plain) == brief_markdown(con, Filters(), qualified)
    assert summary_pack(con, Filters(), plain) == summary_pack(con, Filters(), qualified)


def test_excluding_a_presenter_and_a_framing_entry(con):
    selection = Selection(excluded=("enrique-alfaro", "setting-conflict"))
    ids = {r["id"] for r in csv_rows(brief_csv(con, Filters(), selection))}
    assert "enrique-alfaro" not in ids and "setting-conflict" not in ids
    markdown = brief_markdown(con, Filters(), selection)
    assert "**Enrique Alfaro**" not in markdown and "- **conflict:**" not in markdown
    assert "**Left out by the facilitator:** conflict (setting-conflict), Enrique Alfaro " in (
        markdown
    )


def test_a_note_appears_in_markdown_and_csv(con):
    note = "Raise this at the HABITAT III prep session"
    selection = Selection(notes={"commonality-2": note})
    rows = csv_rows(brief_csv(con, Filters(), selection))
    assert {r["id"]: r["note"] for r in rows if r["note"]} == {"commonality-2": note}
    markdown = brief_markdown(con, Filters(), selection)
    assert f"- **Note:** {esc(note)}" in markdown


def test_a_note_on_several_lines_keeps_its_lines(con):
    selection = Selection(notes={"how": "first line\r\nsecond line"})
    markdown = brief_markdown(con, Filters(), selection)
    assert "- **Note:** first line  \n" in markdown
    rows = csv_rows(brief_csv(con, Filters(), selection))
    assert next(r for r in rows if r["id"] == "how")["note"] == "first line\nsecond line"


@pytest.mark.parametrize("note", FORMULAS)
def test_formula_like_notes_are_neutralised_in_the_csv(con, note):
    rows = csv_rows(brief_csv(con, Filters(), Selection(notes={"commonality-1": note})))
    assert next(r for r in rows if r["id"] == "commonality-1")["note"] == "'" + note


@pytest.mark.parametrize("note", MARKUP)
def test_markup_in_a_note_is_shown_as_text_in_the_markdown(con, note):
    markdown = brief_markdown(con, Filters(), Selection(notes={"commonality-1": note}))
    assert note not in markdown
    assert f"- **Note:** {esc(note)}" in markdown
    assert_no_live_markup(markdown)


def test_escaped_markup_reads_as_the_original_text():
    escaped = esc("<script>alert(1)</script> [x](http://evil) &amp; *a*")
    # A word joiner after the scheme's colon: GFM would link the address even escaped.
    assert escaped == "&lt;script>alert(1)&lt;/script> \\[x\\](http:\u2060//evil) &amp;amp; \\*a\\*"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_no_note_can_inject_markup_or_a_formula(con, note):
    selection = Selection(notes={"how": note})
    assert_no_live_markup(brief_markdown(con, Filters(), selection))
    rows = csv_rows(brief_csv(con, Filters(), selection))
    cell = next(r for r in rows if r["id"] == "how")["note"]
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n"))


def test_markup_in_the_curated_data_is_shown_as_text(tmp_path: Path):
    folder = shutil.copytree(DATA, tmp_path / "data")
    # In the key point and in its passage: validation refuses a heading its passage lacks.
    for name in ("key_points.csv", "sources.csv"):
        path = folder / name
        path.write_text(
            path.read_text(encoding="utf-8").replace(
                "Relationships and proximity", "<img src=x onerror=alert(1)> [l](http://evil)"
            ),
            encoding="utf-8",
        )
    db = tmp_path / "twg.duckdb"
    assert build_database(folder, db) == []
    with connect(db) as connection:
        markdown = brief_markdown(connection, Filters(), Selection())
    assert "#### &lt;img src=x onerror=alert(1)> \\[l\\](http:\u2060//evil)\n" in markdown
    assert_no_live_markup(markdown)


def test_the_brief_has_no_timestamp_and_is_deterministic(con):
    selection = Selection(excluded=("themes",), notes={"opportunity-1": "Follow up"})
    first = brief_markdown(con, Filters(), selection)
    assert first == brief_markdown(con, Filters(), selection)
    assert summary_pack(con, Filters(), selection) == summary_pack(con, Filters(), selection)


# --- who took part and the filters ---------------------------------------------------------


def test_city_filter_keeps_bogota_people_and_presenter_but_every_key_point(con):
    filters = Filters(cities=("bogota",))
    rows = csv_rows(brief_csv(con, filters, Selection()))
    assert [r["heading"] for r in rows if r["kind"] == "presenter"] == ["Ana Teresa Bernal"]
    assert sum(r["kind"] == "key_point" for r in rows) == 9
    markdown = brief_markdown(con, filters, Selection())
    assert "- **Named people:** 5 (5 on the list of participants, 1 kick-off presenter)" in (
        markdown
    )
    assert "    - **City:** Bogotá (COL) (bogota)" in markdown
    assert "The city filter applies to who took part and to the presenters." in markdown


def test_the_brief_names_absent_regions_and_practice_communities(con):
    markdown = brief_markdown(con, Filters(cities=("bogota",)), Selection())
    absent = markdown.split("Absent under these filters", 1)[1].split("##", 1)[0]
    assert "Oceania, Melanesia" in absent
    assert "**Practice communities:** Humanitarian; Peacebuilding; Research" in absent


def test_without_filters_the_brief_says_so(con):
    markdown = brief_markdown(con, Filters(), Selection())
    assert "- **Filters:** none; everything in the data is included." in markdown
    assert "Meeting 2 · Bogotá, Colombia · 2015-09-21" in markdown


# --- the summary pack ----------------------------------------------------------------------


def test_the_pack_holds_every_summary_the_dictionary_the_brief_and_a_readme(con):
    files = unzip(summary_pack(con, Filters(), Selection()))
    expected = {f"summaries/{name}.csv" for name in SUMMARIES}
    expected |= {"README.md", "brief.md", "brief.docx", "brief.csv", "DATA_DICTIONARY.md"}
    expected |= {"datapackage.json"}
    assert set(files) == expected
    assert "summaries/sources.csv" in files
    readme = files["README.md"].decode("utf-8")
    for name in set(files) - {"README.md"}:
        assert f"- `{name}`: " in readme


def test_the_packs_files_equal_the_single_downloads_under_the_same_filters(con):
    filters = Filters(cities=("bogota",))
    selection = Selection(excluded=("difference-1",), notes={"how": "=1+1"})
    files = unzip(summary_pack(con, filters, selection))
    for name in SUMMARIES:
        assert files[f"summaries/{name}.csv"] == export.export_summary(con, name, filters), name
    assert files["brief.md"] == brief_markdown(con, filters, selection).encode("utf-8")
    assert files["brief.csv"] == brief_csv(con, filters, selection)
    assert files["brief.docx"] == brief_docx(con, filters, selection)
    people = {r["name"] for r in csv_rows(files["summaries/participants.csv"])}
    assert people == BOGOTA_PEOPLE
    readme = files["README.md"].decode("utf-8")
    assert "    - **City:** Bogotá (COL) (bogota)" in readme
    assert "**Left out of the brief:** Territorial focus (difference-1)." in readme


# --- the command line ----------------------------------------------------------------------


def run_cli(db: Path, *args: str) -> int:
    return cli.main([*args, "--data", str(DATA), "--db", str(db)])


def test_cli_brief_writes_the_same_markdown_as_brief_markdown(con, db, tmp_path):
    out = tmp_path / "brief.md"
    code = run_cli(
        db, "brief", "--city", "bogota", "--exclude", "difference-4",
        "--note", "commonality-1=<b>bold</b>", "-o", str(out),
    )  # fmt: skip
    assert code == 0
    selection = Selection(("difference-4",), {"commonality-1": "<b>bold</b>"})
    expected = brief_markdown(con, Filters(cities=("bogota",)), selection)
    assert out.read_bytes() == expected.encode("utf-8")


def test_cli_brief_writes_csv_for_a_csv_file_or_when_asked(con, db, tmp_path):
    selection = Selection(notes={"how": '=HYPERLINK("http://x")'})
    expected = brief_csv(con, Filters(), selection)
    by_suffix, by_flag = tmp_path / "brief.csv", tmp_path / "brief.txt"
    note = '--note=how==HYPERLINK("http://x")'
    assert run_cli(db, "brief", note, "-o", str(by_suffix)) == 0
    assert run_cli(db, "brief", note, "--format", "csv", "-o", str(by_flag)) == 0
    assert by_suffix.read_bytes() == expected == by_flag.read_bytes()


def test_cli_pack_writes_the_same_zip_as_summary_pack(con, db, tmp_path):
    out = tmp_path / "pack.zip"
    code = run_cli(
        db, "pack", "--city", "bogota", "--exclude", f"{MEETING}/how",
        "--note", "opportunity-1=Follow up", "-o", str(out),
    )  # fmt: skip
    assert code == 0
    selection = Selection((f"{MEETING}/how",), {"opportunity-1": "Follow up"})
    assert out.read_bytes() == summary_pack(con, Filters(cities=("bogota",)), selection)


def test_cli_rejects_an_unknown_item_id_listing_the_valid_ones(db, tmp_path, capsys):
    out = tmp_path / "brief.md"
    assert run_cli(db, "brief", "--exclude", "commonality-99", "-o", str(out)) == 2
    error = capsys.readouterr().err
    assert "unknown item id(s): commonality-99" in error
    assert "commonality-1" in error and "leoluca-orlando" in error
    assert not out.exists()


def test_cli_rejects_a_note_without_an_equals_sign(db, capsys):
    with pytest.raises(SystemExit):
        run_cli(db, "brief", "--note", "commonality-1")
    assert "expected ID=TEXT" in capsys.readouterr().err


# --- several meetings ----------------------------------------------------------------------


def test_with_two_meetings_an_id_names_the_item_in_both_and_meeting_slash_id_in_one(
    second_meeting_dir, tmp_path: Path
):
    db = tmp_path / "two-meetings.duckdb"
    assert build_database(second_meeting_dir.path, db) == []
    second = "twg-2016-test/commonality-1"
    with connect(db) as connection:
        both = csv_rows(brief_csv(connection, Filters(), Selection(("commonality-1",))))
        one = csv_rows(brief_csv(connection, Filters(), Selection((second,))))
        markdown = brief_markdown(connection, Filters(), Selection((second,)))
        only_second = brief_csv(connection, Filters(meetings=("twg-2016-test",)), Selection())
    assert {r["meeting_id"] for r in both if r["id"] == "commonality-1"} == set()
    assert {r["meeting_id"] for r in one if r["id"] == "commonality-1"} == {MEETING}
    assert f"**Left out by the facilitator:** Synthetic key point ({second})." in markdown
    assert {r["meeting_id"] for r in csv_rows(only_second)} == {"twg-2016-test"}
