"""REVIEW.md, the decisions' reasons and the import's command in the run's language: the
catalog's headings and sentences, the report's words and the data quoted as they are."""

from __future__ import annotations

import pytest

from tests.conftest import SHIPPED_DATA
from tests.test_briefs_in_every_language import english_sentences
from twg_data import cli, i18n
from twg_data.importer import draft_report
from twg_data.importer.review import review_markdown
from twg_data.importer.store import from_json, to_json
from twg_data.text import escape_markdown

REPORT = (
    "Workshop on safe markets\n\n"
    "Kampala, 12 May 2019\n\n"
    "10:00-11:00 Opening\n\n"
    "Participants\n\n"
    "- Ana Ruiz, Oxfam\n"
    "- Luis Gómez, Kampala Traders Union\n\n"
    "Lessons learned\n\n"
    "- Cities should plan together.\n"
)
HEADINGS = {
    "es": ["## Identidades por decidir", "## Valores pendientes de la curaduría", "## Pasajes ("],
    "fr": ["## Identités à trancher", "## Valeurs laissées à la curation", "## Passages ("],
}


@pytest.fixture(scope="module")
def drafted():
    return draft_report("report.txt", REPORT.encode("utf-8"), "twg-x", SHIPPED_DATA)


@pytest.mark.parametrize("language", ["es", "fr"])
def test_review_md_in_the_language_holds_no_english_sentence_of_the_catalog(drafted, language):
    with i18n.use(language):
        review = review_markdown(drafted)
        reasons = [d.why for d in drafted.decisions]
    assert review.startswith(
        "# "
        + i18n.translations(language).gettext("Review: {meeting_id}").format(meeting_id="twg-x")
    )
    for heading in HEADINGS[language]:
        assert heading in review
    assert drafted.decisions and all(escape_markdown(why) in review for why in reasons)
    assert [run for run in english_sentences(language) if run in review] == []
    # The report's words are quoted as they are.
    assert "Cities should plan together." in review


def test_review_md_in_english_is_unchanged_by_the_catalogs(drafted):
    review = review_markdown(drafted)
    assert review.startswith("# Review: twg-x\n\nDrafted from `report.txt`: ")
    assert "## Values left to the curator\n\n| table | row | column | why |\n" in review
    with i18n.use("es"):
        review_markdown(drafted)
    assert review_markdown(drafted) == review


def test_a_decisions_why_in_french_and_english(drafted):
    (asked,) = [d for d in drafted.decisions if d.column == "label_es" and d.table != "roles"]
    assert asked.why == "a new category: give its label in Español"
    with i18n.use("fr"):
        assert asked.why == "une nouvelle catégorie : indiquez son libellé en Español"
    (checked,) = [d for d in drafted.decisions if d.message == "drafted: check it"]
    with i18n.use("fr"):
        assert checked.why == "rédigé : veuillez le vérifier"


def test_a_saved_draft_keeps_its_reasons_as_message_ids(drafted):
    again = from_json(to_json(drafted))
    assert [(d.message, d.args) for d in again.decisions] == [
        (d.message, d.args) for d in drafted.decisions
    ]
    with i18n.use("es"):
        assert [d.why for d in again.decisions] == [d.why for d in drafted.decisions]


def test_import_writes_review_md_in_the_language_of_lang(tmp_path, capsys):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "draft"
    argv = ["import", str(report), "--meeting-id", "twg-x", "--data", str(SHIPPED_DATA)]
    assert cli.main([*argv, "-o", str(out), "--lang", "fr"]) == 0
    review = (out / "REVIEW.md").read_text(encoding="utf-8")
    assert review.startswith("# Relecture : twg-x\n")
    assert "relecture : " in capsys.readouterr().out


WEB_PAGE = (
    "Skip to main content\n\nHome\nAbout us\nEvents\nContact\n\n"
    "This website uses cookies to improve your experience.\n\n"
    "Workshop on safe markets\n\n"
    "Kampala, 12 May 2019\n\n"
    "Lessons learned\n\n"
    "- Cities should plan \x93together\x94.\x81\n\n"
    "© 2016 The Centre. All rights reserved.\n"
)


@pytest.fixture(scope="module")
def web_draft():
    return draft_report("page.txt", WEB_PAGE.encode("utf-8"), "twg-y", SHIPPED_DATA)


@pytest.mark.parametrize("language", ["es", "fr"])
def test_review_md_gives_furniture_reasons_and_repairs_in_the_language(web_draft, language):
    english = review_markdown(web_draft)
    with i18n.use(language):
        review = review_markdown(web_draft)
        reasons = {item.why for item in web_draft.furniture}
        repairs = [note.text for note in web_draft.document.notes]
    assert {item.reason for item in web_draft.furniture} >= {
        "web page furniture",
        "a cookie notice",
        "a web page's navigation menu",
    }
    assert len(repairs) == 3  # two quotes repaired, one control character removed
    for item in web_draft.furniture:
        assert f"- {escape_markdown(item.english)}: " in english
        assert f"- {escape_markdown(item.english)}" not in review, item.english
    with i18n.use(language):
        for item in web_draft.furniture:
            shown = i18n.labelled(escape_markdown(item.why))
            assert f"- {shown} {escape_markdown(item.text)}" in review
    for note in web_draft.document.notes:
        assert escape_markdown(note.english) in english
        assert escape_markdown(note.english) not in review
    assert all(escape_markdown(repair) in review for repair in repairs)
    assert len(reasons) >= 3
    assert [run for run in english_sentences(language) if run in review] == []


def test_a_saved_draft_keeps_furniture_reasons_and_repairs_as_message_ids(web_draft):
    again = from_json(to_json(web_draft))
    assert again.furniture == web_draft.furniture
    assert again.document.notes == web_draft.document.notes
    with i18n.use("fr"):
        assert [n.text for n in again.document.notes] == [n.text for n in web_draft.document.notes]
