"""The Search page through AppTest: a search, its hits with the words found in bold, a facet
that narrows them, the link that reopens them (`?q=`, facets, language), the download's rows
and citations, bad queries in plain words, the page in Spanish and French, and while the
index is built from the data served: a notice, no hits, then the hits."""

from __future__ import annotations

import csv
import io
import shutil

import pytest

from tests.app_support import download, no_exceptions, open_app
from tests.hostile import CORPUS
from twg_data import paths
from twg_data.build import connect, ensure_database
from twg_data.search import freshness
from twg_data.search.index import build_index, index_path
from twg_data.search.rows import search_csv
from twg_data.ui import search
from twg_data.ui.database import database

BOX = "search_query"
BEING_BUILT = {
    "en": "The search index is being built from the current data",
    "es": "Se está construyendo el índice de búsqueda a partir de los datos actuales",
    "fr": "L'index de recherche est en cours de construction à partir des données actuelles",
}


@pytest.fixture(autouse=True)
def patient(monkeypatch):
    """A page waits for an index being built as long as a loaded machine may need (the first
    run of each test builds a database, and its index in the background)."""
    monkeypatch.setattr(search, "WAIT_FOR_BUILD", 60.0)


def hit_texts(at) -> list[str]:
    return [m.value for m in at.markdown if "\n\n" in m.value]


def facet(at, label: str):
    (found,) = [group for group in at.get("button_group") if group.label == label]
    return found


def csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_a_search_shows_ranked_hits_with_the_words_in_bold_and_their_citation():
    at = open_app("search")
    at.text_input(key=BOX).set_value("proximity").run()
    no_exceptions(at)
    texts = hit_texts(at)
    assert len(texts) == 2
    assert "Relationships and **proximity**" in texts[0]
    assert "\n\n*Cite as:* Technical Working Group" in texts[0]
    assert "section “Key points: Commonalities" in texts[0]
    opens = "[Open this meeting on the Entry points page](entry-points?shown_meeting="
    assert opens in texts[0]
    assert at.query_params["q"] == "proximity"


def test_a_facet_click_narrows_the_hits_and_the_link_keeps_it():
    at = open_app("search", q="mayor")
    before = len(hit_texts(at))
    facet(at, "Kind").set_value("participant").run()
    no_exceptions(at)
    after = hit_texts(at)
    assert 0 < len(after) < before
    assert all(text.startswith("**Participant**") for text in after)
    assert at.query_params["hit_kind"] == "participant"
    facet(at, "Kind").set_value(None).run()
    assert len(hit_texts(at)) == before
    assert "hit_kind" not in at.query_params


def test_a_shared_link_reopens_the_search_with_its_facet_and_language():
    at = open_app("search", q="mayor", hit_kind="participant", lang="es")
    no_exceptions(at)
    assert at.text_input(key=BOX).value == "mayor"
    assert facet(at, "Tipo").value == "participant"
    assert hit_texts(at) and all(t.startswith("**Participante**") for t in hit_texts(at))
    assert "participants?shown_meeting=twg-2015-bogota&lang=es)" in hit_texts(at)[0]


def test_the_download_holds_every_hit_with_its_citation_as_the_command_line(media, app_db):
    at = open_app("search", q="peacebuild*")
    data = media.data(download(at, "Download the hits"))
    rows = csv_rows(data)
    assert len(rows) > 20  # more than the page shows
    assert all(row["cite_as"].endswith("data/reports/twg-2015-bogota.txt.") for row in rows)
    status = ensure_database(paths.data_dir(), app_db)
    freshness.ensure_index(status.db_path)  # the command line's, built as it builds it
    with connect(status.db_path) as con:
        assert data == search_csv(con, index_path(status.db_path), "peacebuild*")


def test_the_download_under_a_facet_holds_the_narrowed_hits(media):
    at = open_app("search", q="mayor", hit_kind="participant")
    rows = csv_rows(media.data(download(at, "Download the hits")))
    assert rows and {row["kind"] for row in rows} == {"Participant"}


def test_an_empty_box_invites_a_search_and_offers_no_file():
    at = open_app("search")
    no_exceptions(at)
    assert download(at, "Download the hits").disabled
    assert not hit_texts(at)


@pytest.mark.parametrize(
    ("query", "message"),
    [("NOT", "add a word to look for"), ("x" * 10_000, "too long"), ("*", "Type a word")],
)
def test_a_bad_query_gets_a_plain_message(query, message):
    at = open_app("search")
    at.text_input(key=BOX).set_value(query).run()
    no_exceptions(at)
    assert any(message in i.value for i in at.info)


def test_hostile_queries_never_break_the_page():
    at = open_app("search")
    for text in [*CORPUS, '"unbalanced', "stems:x NEAR(a b)", "\x00\x1b[31m"]:
        at.text_input(key=BOX).set_value(text).run()
        no_exceptions(at)


def test_a_city_filter_says_how_it_applies_and_keeps_the_texts_tied_to_no_one():
    at = open_app("search", q="peacebuild*", city="geneva")
    no_exceptions(at)
    assert any("tied to no one" in i.value for i in at.info)
    texts = hit_texts(at)
    assert any(t.startswith("**Key point**") for t in texts)
    assert not any("Anja Heuft" in t for t in texts)  # a participant placed in Bogotá


@pytest.mark.parametrize(
    ("language", "button", "kind"),
    [
        ("es", "Descargar los resultados", "Punto clave"),
        ("fr", "Télécharger les résultats", "Point clé"),
    ],
)
def test_the_page_speaks_spanish_and_french(media, language, button, kind):
    at = open_app("search", q="proximity", lang=language)
    no_exceptions(at)
    assert at.text_input(key=BOX).label != "Search every meeting"
    assert hit_texts(at)[0].startswith(f"**{kind}**")
    rows = csv_rows(media.data(download(at, button)))
    assert list(rows[0].values())[1] == kind  # the kind column, its header translated too
    assert list(rows[0])[0] != "rank"


def test_a_link_with_unknown_facet_values_narrows_to_nothing_without_an_error():
    at = open_app("search", q="mayor", hit_kind="<script>x</script>", hit_city="")
    no_exceptions(at)
    assert not hit_texts(at)
    assert any("Nothing found" in i.value for i in at.info)
    assert facet(at, "Kind").value == "<script>x</script>"  # shown, so it can be unchosen


def test_words_never_found_together_show_the_texts_with_any_and_say_so():
    at = open_app("search", q="violence prevention")
    no_exceptions(at)
    assert any("No text holds all of these words" in i.value for i in at.info)
    assert not any("Nothing found" in i.value for i in at.info)
    # as many as "violence OR prevention" finds in the report
    assert any(c.value.startswith("12 hits") for c in at.caption)


@pytest.mark.parametrize("language", ["en", "es", "fr"])
@pytest.mark.parametrize("index", ["missing", "of other data"])
def test_while_the_index_is_built_the_page_says_so_then_shows_the_hits(
    monkeypatch, language, index
):
    at = open_app("search", lang=language)
    freshness.wait(60)
    served = database().db
    folder = index_path(served.path)
    shutil.rmtree(folder)
    if index == "of other data":
        with connect(served.path) as con:
            build_index(con, folder, "other data")
    monkeypatch.setattr(freshness, "start_building", lambda db_path: False)  # a slow build
    at.text_input(key=BOX).set_value("proximity").run()
    no_exceptions(at)
    assert not hit_texts(at)  # none from an index of other data
    assert any(i.value.startswith(BEING_BUILT[language]) for i in at.info)
    assert download(at, "").disabled
    at.run()  # as the page's check every second does
    assert not hit_texts(at)
    assert freshness.ensure_index(served.path).rebuilt  # the build ends
    at.run()
    no_exceptions(at)
    assert len(hit_texts(at)) == 2
    assert not any(i.value.startswith(BEING_BUILT[language]) for i in at.info)


def test_nothing_found_offers_nothing_to_narrow():
    at = open_app("search", q="zeppelin")
    no_exceptions(at)
    assert any("Nothing found" in i.value for i in at.info)
    assert not at.expander  # no empty "Narrow the hits" box
    at = open_app("search", q="mayor")
    assert [e.label for e in at.expander] == ["Narrow the hits"]
