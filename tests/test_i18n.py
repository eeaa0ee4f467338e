"""Every language's catalog is complete (`i18n.LANGUAGES`: a language added there is checked
here), and text, tables and dates come out in the language."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tests.conftest import REPO
from twg_data import i18n, labels, localise
from twg_data.cli import main

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def marked_messages() -> set[str]:
    """Every message the code marks, as `pybabel extract -F babel.cfg` finds them."""
    found = set()
    for folder in ("twg_data", "pages"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            REPO / folder, [("**.py", "python")], keywords=KEYWORDS
        ):
            found.add(message if isinstance(message, str) else message[0])
    for _file, _line, message, _comments, _context in extract_from_dir(
        REPO, [("app.py", "python")], keywords=KEYWORDS
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


@pytest.fixture(scope="module", params=i18n.translated_languages())
def catalog(request):
    with i18n.catalog_path(request.param).open("rb") as handle:
        return read_po(handle, locale=request.param)


def test_every_marked_message_has_its_translation_none_empty_none_fuzzy(catalog):
    missing, empty, fuzzy = [], [], []
    for message in sorted(marked_messages()):
        entry = catalog.get(message)
        if entry is None:
            missing.append(message)
        elif entry.fuzzy:
            fuzzy.append(message)
        elif not all(entry.string) if isinstance(entry.string, tuple) else not entry.string:
            empty.append(message)
    assert (missing, empty, fuzzy) == ([], [], []), (
        "update the catalog: pybabel extract, pybabel update, translate (see the README)"
    )


def test_the_catalog_holds_no_message_the_code_no_longer_marks(catalog):
    marked = marked_messages()
    stale = [
        m.id for m in catalog if m.id and (m.id if isinstance(m.id, str) else m.id[0]) not in marked
    ]
    assert stale == []


def test_a_language_is_parsed_from_a_browser_locale_or_a_url_value():
    values = ("es", "es-CO", "es_ES", "ES", "en-GB", "fr-CH", "de", "", None)
    parsed = ["es", "es", "es", "es", "en", "fr", None, None, None]
    assert [i18n.parse(v) for v in values] == parsed


def test_dates_and_meeting_labels_in_spanish_and_english_unchanged():
    day = dt.date(2015, 9, 21)
    with i18n.use("es"):
        assert i18n.format_day(day) == "21 de septiembre de 2015"
        assert labels.meeting(2, "Bogotá", day) == "Reunión 2 · Bogotá · 21 de septiembre de 2015"
        assert labels.meeting(2, "Bogotá", day, cited=True) == (
            "Reunión 2, Bogotá, 21 de septiembre de 2015"
        )
    assert labels.meeting(2, "Bogotá", day) == "Meeting 2 · Bogotá · 2015-09-21"
    assert labels.meeting(2, "Bogotá", day, cited=True) == "Meeting 2, Bogotá, 21 September 2015"
    # A number or a place the report does not state is left out, never shown as a gap.
    assert labels.meeting(None, "", pd.Timestamp(day)) == "Meeting · 2015-09-21"
    assert labels.meeting(float("nan"), "Quito", "2016-10-17") == "Meeting · Quito · 2016-10-17"
    assert labels.long_day(dt.date(2016, 5, 5)) == "5 May 2016"


def test_a_table_in_spanish_translates_headers_and_vocabulary_not_report_text(con):
    frame = pd.DataFrame(
        {
            "name": ["Ibeth Rodriguez"],
            "country": ["Mexico"],
            "sub_region": ["Latin America and the Caribbean"],
            "organization_type": ["National government"],
            "roles": ["listed participant; kick-off presenter"],
        }
    )
    assert localise.frame(frame, localise.labels(con)) is frame  # English: the same frame
    with i18n.use("es"):
        spanish = localise.frame(frame, localise.labels(con))
    assert list(spanish.columns) == [
        "nombre",
        "país",
        "subregión",
        "tipo_de_organización",
        "funciones",
    ]
    assert spanish.iloc[0].tolist() == [
        "Ibeth Rodriguez",  # a name stays as the report gives it
        "México",  # CLDR
        "Latinoamérica",  # regions.sub_region_es
        "Gobierno nacional",  # organization_types.label_es
        "participante en la lista; ponente inicial",  # roles.label_es
    ]


def test_the_command_line_writes_csv_in_spanish(tmp_path, twg_env):
    out = tmp_path / "regions.csv"
    assert main(["export", "participants_by_region", "--lang", "es", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[:2] == ["región,subregión,personas", "América,Latinoamérica,15"]


def test_every_column_a_table_or_download_shows_has_its_header_in_the_catalog():
    from twg_data import columns
    from twg_data.brief.items import CSV_COLUMNS
    from twg_data.summaries import SUMMARIES

    shown = {c for summary in SUMMARIES.values() for c in summary.columns} | set(CSV_COLUMNS)
    assert sorted(shown - set(columns.HEADERS)) == []


def test_no_message_hides_inside_an_f_string():
    # Python 3.11 tokenises an f-string as one string: pybabel extract cannot see a _("...")
    # inside it, so that message would never reach the catalog.
    import re

    hidden = re.compile(r"""f(["']).*\{_\((["']).*?\2\).*\1""")
    found = [
        f"{path.relative_to(REPO)}:{number}"
        for folder in ("twg_data", "pages")
        for path in sorted((REPO / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if hidden.search(line)
    ]
    assert found == []


def test_how_a_city_took_part_is_said_in_the_language_its_networks_as_written():
    assert labels.took_part_as(True, 3, "GNSC; {x}") == (
        "meeting venue; named participants; delegation (GNSC; {x})"
    )
    with i18n.use("es"):
        assert labels.took_part_as(False, 0, "GNSC") == "delegación (GNSC)"
        assert labels.took_part_as(True, 2, None) == "sede de la reunión; participantes nombrados"
