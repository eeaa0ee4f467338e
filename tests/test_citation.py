"""Citations built from the meetings table (twg_data.citation), and the terms of reuse: the
same lines in the brief, the summary pack, the Data page, data/TERMS.md and the README."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pandas as pd

from twg_data import citation, paths, queries
from twg_data.brief.items import Selection
from twg_data.brief.pack import summary_pack
from twg_data.build import build_database, connect
from twg_data.filters import Filters

ROOT = paths.PROJECT_ROOT
# As the Bogotá report's title page states it: the issuing body, then the title.
BOGOTA_REPORT = (
    "Technical Working Group on the Confluence of Urban Safety and Peacebuilding Practice "
    "(2015). Report on the second meeting of the Technical Working Group Bogota, 21 September "
    "2015. data/reports/twg-2015-bogota.txt."
)


def facts(con, filters: Filters | None = None) -> pd.DataFrame:
    return queries.citation_facts(con, filters or Filters())


def test_the_report_citation_names_the_issuing_body_year_title_and_file(con):
    report = citation.reports(facts(con))["twg-2015-bogota"]
    assert report.cite() == BOGOTA_REPORT
    assert report.meeting == "Meeting 2, Bogotá, 21 September 2015"


def test_a_passage_citation_adds_its_section(con):
    report = citation.reports(facts(con))["twg-2015-bogota"]
    assert report.cite("Key points: Opportunities") == BOGOTA_REPORT.replace(
        "2015. data/", "2015, section “Key points: Opportunities”. data/"
    )


def test_the_data_set_citation_has_its_version_licence_and_meetings(con):
    text = citation.dataset(facts(con))
    assert text.startswith("The TWG dashboard contributors (2015). TWG dashboard data set, ")
    assert "version 2015-09-21" in text
    assert "Meeting 2, Bogotá, 21 September 2015" in text
    assert text.endswith("Licence: CC BY 4.0 (data/TERMS.md).")


def test_a_report_without_an_issuing_body_or_a_date_in_its_title_is_cited_by_its_facts():
    frame = pd.DataFrame(
        [
            {
                "meeting_id": "m",
                "meeting_number": pd.NA,
                "title": "Notes of the meeting.",
                "date": pd.Timestamp("2016-05-10"),
                "city": "Geneva",
                "report_file": "reports/m.txt",
                "author": None,
            }
        ]
    )
    report = citation.reports(frame)["m"]
    assert report.cite("Key points") == (
        "Notes of the meeting (2016). Meeting, Geneva, 10 May 2016, section “Key points”. "
        "data/reports/m.txt."
    )
    assert report.date == dt.date(2016, 5, 10)


def test_with_a_second_meeting_the_data_set_covers_both_and_takes_the_later_version(
    second_meeting_dir, tmp_path: Path
):
    db = tmp_path / "two.duckdb"
    assert build_database(second_meeting_dir.path, db) == []
    with connect(db) as con:
        both = facts(con)
        reports = citation.reports(both)
        only_bogota = facts(con, Filters(meetings=("twg-2015-bogota",)))
    text = citation.dataset(both)
    assert "version 2016-05-10" in text and "(2016)" in text
    assert "Meeting 2, Bogotá, 21 September 2015; Meeting 3, Geneva, 10 May 2016" in text
    # The synthetic report has no issuing-body passage: its title leads the citation.
    assert reports["twg-2016-test"].cite().startswith("SYNTHETIC TEST REPORT: third meeting")
    assert list(only_bogota.meeting_id) == ["twg-2015-bogota"]


def test_the_readme_and_the_terms_quote_the_citations_the_data_gives(con):
    dataset = citation.dataset(facts(con))
    for name in ("README.md", "data/TERMS.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert f"```text\n{dataset}\n```" in text, name
        assert f"```text\n{BOGOTA_REPORT}\n```" in text, name
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Citing the data" in readme and "MIT licence" in readme and "CC BY 4.0" in readme


def test_the_licence_is_mit_for_the_code_and_points_to_the_data_terms():
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n\nCopyright (c) 2026 The TWG dashboard contributors")
    assert "data/TERMS.md" in licence
    terms = (ROOT / "data" / "TERMS.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in terms and "copyright of their authors" in terms


def test_the_summary_packs_readme_says_how_to_cite_and_the_terms(con):
    with zipfile.ZipFile(io.BytesIO(summary_pack(con, Filters(), Selection()))) as pack:
        readme = pack.read("README.md").decode("utf-8")
    cite_lines = readme.split("## Citing and terms\n\n", 1)[1]
    assert f"- **Cite the data set as:** {citation.dataset(facts(con))}" in cite_lines
    assert f"- **Cite the report as:** {BOGOTA_REPORT}" in cite_lines
    assert "their copyright stays with their authors" in cite_lines
