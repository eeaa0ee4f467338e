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
