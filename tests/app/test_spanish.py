"""The dashboard in Spanish (and every page in French too): every page under ?lang=es, with no
interface string left in English (checked against the catalog), a filtered link in Spanish, the
browser's language, the sidebar switch, and downloads equal to the command line's with
--lang es."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from streamlit.testing.v1 import AppTest

from tests.app_support import APP, PAGES, download, no_exceptions, open_app
from twg_data import export, i18n, paths
from twg_data.build import connect, ensure_database
from twg_data.cli import main
from twg_data.filters import Filters

TEXT_KINDS = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error")
LABELLED_KINDS = (
    "button",
    "download_button",
    "multiselect",
    "selectbox",
    "toggle",
    "tab",
    "expander",
    "metric",
    "segmented_control",
    "select_slider",
)


def texts(at: AppTest) -> list[str]:
    """Every piece of interface text the run drew: values and widget labels."""
    found = [str(e.value) for kind in TEXT_KINDS for e in at.get(kind)]
    found += [str(e.label) for kind in LABELLED_KINDS for e in at.get(kind)]
    found += [str(e.help) for kind in ("metric",) for e in at.get(kind) if e.help]
    return found


def english_messages_of(language: str) -> tuple[list[str], list[str]]:
    """English messages that the language translates differently: long fragments (found
    anywhere in a text) and short messages (found as a whole text). A fragment the report itself
    says ('Entry points for an integrated approach') is left out: report text stays verbatim."""
    with i18n.catalog_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=language)
    report = (paths.data_dir() / "reports" / "twg-2015-bogota.txt").read_text(encoding="utf-8")
    long_parts, whole = [], []
    for message in catalog:
        english = message.id if isinstance(message.id, str) else message.id[0]
        spanish = message.string if isinstance(message.string, str) else message.string[0]
        if not english or english == spanish or re.fullmatch(r"[a-z0-9_]+", english):
            continue  # the same in both, or a column name (a header, not a text)
        for part in re.split(r"\{\w*\}", english):
            if len(part.strip()) >= 20 and part.strip() not in report:
                long_parts.append(part.strip())
        if "{" not in english and len(english) < 20:
            whole.append(english)
    return long_parts, whole


@pytest.fixture(scope="module")
def english_messages() -> tuple[list[str], list[str]]:
    """English messages that Spanish translates differently (`english_messages_of`)."""
    return english_messages_of("es")


def english_left(at: AppTest, messages) -> list[str]:
    long_parts, whole = messages
    left = []
    for text in texts(at):
        plain = text.replace("*", "").strip().rstrip(":")
        left += [part for part in long_parts if part in text]
        left += [word for word in whole if plain == word]
    return sorted(set(left))


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_in_spanish_has_no_english_interface_text(page, english_messages):
    at = open_app(page, lang="es")
    no_exceptions(at)
    assert english_left(at, english_messages) == []
    assert i18n.language() in ("es", "en")  # the test process itself stays unchanged


FRENCH = english_messages_of("fr")


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_in_french_has_no_english_interface_text(page):
    at = open_app(page, lang="fr")
    no_exceptions(at)
    assert english_left(at, FRENCH) == []
    assert at.sidebar.segmented_control[0].value == "fr"


def test_the_english_check_finds_english_when_there_is_some(english_messages):
    at = open_app("participants")
    assert {"Who is missing", "Reset filters"} <= set(english_left(at, english_messages))


def test_a_filtered_link_in_spanish_opens_filtered_and_in_spanish():
    at = open_app("participants", lang="es", city="bogota")
    no_exceptions(at)
    assert at.title[0].value == "Participantes"
    assert at.multiselect(key="filter_city").value == ["bogota"]
    assert at.multiselect(key="filter_city").label == "Ciudad"
    assert "Filtrado por Ciudad: Bogotá (COL)." in [c.value for c in at.caption]
    assert at.markdown[0].value == "**5 personas nombradas** coinciden con los filtros actuales."
    assert at.query_params["lang"] in ("es", ["es"])
    assert at.query_params["city"] in ("bogota", ["bogota"])


def test_the_browsers_language_decides_when_the_link_says_nothing():
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.context["locale"] = "es-CO"
    at.run()
    assert (
        at.title[0].value == "Seguridad urbana y consolidación de la paz: Grupo de Trabajo Técnico"
    )
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.context["locale"] = "es-CO"
    at.query_params["lang"] = "en"
    at.run()
    assert at.title[0].value == "Urban safety and peacebuilding: Technical Working Group"


def test_the_sidebar_switch_changes_the_language_and_the_link_keeps_the_filters():
    at = open_app("participants", city="bogota")
    assert at.title[0].value == "Participants"
    at.segmented_control(key="language_switch").set_value("es").run()
    no_exceptions(at)
    assert at.title[0].value == "Participantes"
    assert at.query_params["lang"] in ("es", ["es"])
    assert at.query_params["city"] in ("bogota", ["bogota"])
    at.segmented_control(key="language_switch").set_value("en").run()
    assert at.title[0].value == "Participants" and "lang" not in at.query_params


def test_a_download_in_spanish_holds_the_command_lines_bytes(media, app_db, tmp_path):
    at = open_app("participants", lang="es", city="bogota")
    shown = media.data(download(at, "Descargar participantes (CSV)"))
    status = ensure_database(paths.data_dir(), app_db)
    with connect(status.db_path) as con, i18n.use("es"):
        expected = export.export_summary(con, "participants", Filters(cities=("bogota",)))
    assert shown == expected
    out = tmp_path / "participants.csv"
    assert main(["export", "participants", "--city", "bogota", "--lang", "es", "-o", str(out)]) == 0
    assert out.read_bytes() == shown
    assert (
        shown.decode("utf-8-sig").splitlines()[0].startswith("id_reunión,número_en_la_lista,nombre")
    )


def test_the_word_brief_in_spanish_is_the_command_lines(media, tmp_path):
    at = open_app("agenda_brief", lang="es")
    shown = media.data(download(at, "Resumen (Word)"))
    out = tmp_path / "brief.docx"
    assert main(["brief", "--lang", "es", "-o", str(out)]) == 0
    assert out.read_bytes() == shown


def test_a_fragment_rerun_stays_in_spanish():
    # A fragment reruns without app.py, which chooses the language: the session keeps it.
    at = open_app("participants", lang="es")
    at.toggle(key="participants_chart_tables").set_value(True).run()
    no_exceptions(at)
    labels = [b.label for b in at.get("download_button")]
    assert "Descargar participantes por región (CSV)" in labels
    assert not [label for label in labels if label.startswith("Download")]


def test_the_language_stays_in_the_link_on_another_page():
    # Going to another page through the navigation leaves the link's parameters behind; the
    # session's language is written back into it, so a link shared from there keeps it.
    at = open_app("overview", lang="es")
    at.query_params.clear()
    at.switch_page(PAGES["participants"]).run()
    assert at.title[0].value == "Participantes"
    assert at.query_params["lang"] in ("es", ["es"])
