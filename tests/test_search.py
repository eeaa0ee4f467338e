"""The search engine: words in any form and language, phrases, prefixes, OR and NOT, hostile
queries read literally or refused in plain words, the index rebuilt after the data (never by
the database build), the shipped report's passages found where a reader expects them, and the
command line."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import DataFolder
from twg_data import cli
from twg_data.build import ensure_database
from twg_data.filters import Filters
from twg_data.search import parse
from twg_data.search.find import find
from twg_data.search.freshness import ensure_index
from twg_data.search.index import StaleIndex, build_index, built_from, index_path

BOGOTA = "twg-2015-bogota"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory, shipped_db: Path) -> Path:
    ensure_index(shipped_db)
    return index_path(shipped_db)


# A meeting in each other language the dashboard speaks, added to a copy of the database.
OTHER_MEETINGS = {
    "twg-test-es": [
        "Las violencias urbanas afectan a los barrios de la ciudad y a sus habitantes.",
        "La mediación comunitaria reduce los conflictos entre vecinos de los barrios.",
        "Los alcaldes acordaron un intercambio de ciudad a ciudad sobre la prevención.",
    ],
    "twg-test-fr": [
        "Les médiations locales entre les quartiers ont réduit les violences urbaines.",
        "La police de proximité travaille avec les habitants des quartiers de la ville.",
        "Les maires ont décidé un échange de ville à ville sur la prévention des conflits.",
    ],
}


@pytest.fixture(scope="module")
def languages_index(tmp_path_factory: pytest.TempPathFactory, shipped_db: Path) -> Path:
    folder = tmp_path_factory.mktemp("languages")
    db = folder / "twg.duckdb"
    shutil.copy(shipped_db, db)
    with duckdb.connect(str(db)) as con:
        for meeting, passages in OTHER_MEETINGS.items():
            con.execute(
                "INSERT INTO meetings SELECT * REPLACE (? AS meeting_id, NULL AS report_file) "
                "FROM meetings WHERE meeting_id = ?",
                [meeting, BOGOTA],
            )
            for number, passage in enumerate(passages, start=1):
                con.execute(
                    "INSERT INTO sources VALUES (?, ?, ?, ?)",
                    [f"{meeting}-{number:02}", meeting, "Resumen", passage],
                )
        build_index(con, index_path(db), "test")
    return index_path(db)


def ids(found) -> list[str]:
    return [hit.source_id for hit in found.hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("proximity", "twg-2015-bogota-24"),  # Relationships and proximity
        ("pacifist", "twg-2015-bogota-30"),  # the pacifist roots of peacebuilding
        ("city to city", "twg-2015-bogota-29"),  # City to city exchange
        ("bottom-up", "twg-2015-bogota-23"),  # local action and bottom-up ways of working
        ("repression", "twg-2015-bogota-30"),  # violence and repression in the intervention
        ("mediations", "twg-2015-bogota-03"),  # peace mediation practitioners
        ("policing", "twg-2015-bogota-30"),  # high pressure policing
        ("youth", "twg-2015-bogota-15"),  # Focal point on Youth and Urban Violence
        ("knowledge exchange", "twg-2015-bogota-31"),  # an opportunity for knowledge exchange
        ("IDPs", "twg-2015-bogota-44"),  # integration of IDPs in Caquetá
    ],
)
def test_a_reader_finds_the_passage_expected_in_the_top_five(index, query, expected):
    assert expected in ids(find(index, query))[:5]


def test_each_kind_of_text_is_searched_key_points_sessions_participants_and_passages(index):
    kinds = {hit.kind for hit in find(index, "peacebuild*", limit=None).hits}
    assert kinds == {"passage", "key_point", "session", "participant"}


def test_case_and_accents_do_not_matter(index):
    for query in ("bogota", "BOGOTÁ", "Bogotá", "bógota"):
        assert "twg-2015-bogota-14" in ids(find(index, query, limit=None)), query


def test_words_are_stemmed_in_english(index):
    assert ids(find(index, "mediations")) == ids(find(index, "mediation"))
    assert "twg-2015-bogota-30" in ids(find(index, "police"))  # policing


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("violencia", "twg-test-es-01"),  # violencias
        ("mediaciones", "twg-test-es-02"),  # mediación
        ("mediacion", "twg-test-es-02"),  # without its accent
        ("barrio", "twg-test-es-01"),  # barrios
        ("médiation", "twg-test-fr-01"),  # médiations
        ("violence", "twg-test-fr-01"),  # violences
        ("quartier", "twg-test-fr-02"),  # quartiers
        ("PREVENTION", "twg-test-fr-03"),  # prévention
    ],
)
def test_words_are_stemmed_in_their_passage_language(languages_index, query, expected):
    assert expected in ids(find(languages_index, query, limit=None))


def test_a_passage_is_stemmed_in_its_own_language_only(languages_index):
    # "conflictos" is Spanish: its Spanish stem finds the Spanish passage, not the French one
    found = ids(find(languages_index, "conflictos", limit=None))
    assert "twg-test-es-02" in found
    assert "twg-test-fr-03" not in found


def test_a_phrase_finds_its_words_in_order_only(index):
    assert ids(find(index, '"city to city"')) == ["twg-2015-bogota-29"] * 2
    assert find(index, '"city to peacebuilding"').total == 0
    assert find(index, "city to city").total > 2  # the words anywhere


def test_words_never_found_together_find_the_texts_holding_any_of_them(index):
    # No passage of the report holds both "violence" and "prevention": rather than nothing,
    # the texts holding either, and the answer says so.
    def texts(query):
        return {(hit.kind, hit.ref) for hit in find(index, query, limit=None).hits}

    together = find(index, "violence prevention", limit=None)
    assert together.any_word
    either = texts("violence") | texts("prevention")
    assert {(hit.kind, hit.ref) for hit in together.hits} == either
    assert together.total == len(either) > 0
    # words found together keep to them, and a phrase is never loosened
    assert not find(index, "city network").any_word
    assert find(index, '"violence prevention"').total == 0
    assert find(index, "violence -prevention").any_word is False


def test_a_prefix_finds_every_word_it_starts(index):
    assert "twg-2015-bogota-30" in ids(find(index, "repress*"))
    assert find(index, "pacif").total == 0  # a word of its own
    assert "twg-2015-bogota-30" in ids(find(index, "pacif*"))  # pacifist


def test_or_finds_either_word_and_not_leaves_a_word_out(index):
    either = set(ids(find(index, "pacifist OR proximity")))
    assert {"twg-2015-bogota-24", "twg-2015-bogota-30"} <= either
    # no text holds both: every word is a must, so the answer says it loosened to either
    loose = find(index, "pacifist proximity")
    assert loose.any_word and set(ids(loose)) == either
    youth = ids(find(index, "youth"))
    assert ids(find(index, "youth NOT ICRC")) == []
    assert ids(find(index, "youth -ICRC")) == []
    assert ids(find(index, "youth NOT pacifist")) == youth


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", parse.EMPTY),
        ("   \t ", parse.EMPTY),
        ("NOT", parse.ONLY_EXCLUDED),
        ("NOT peace", parse.ONLY_EXCLUDED),
        ("-peace", parse.ONLY_EXCLUDED),
        ("*", parse.EMPTY),
        ('""', parse.EMPTY),
        ("x" * 10_000, parse.TOO_LONG),
        (" ".join(["peace"] * 40), parse.TOO_MANY),
    ],
)
def test_a_query_that_cannot_be_searched_gets_a_plain_message(index, text, message):
    found = find(index, text)
    assert found.problem is not None and found.problem.message == message
    assert found.hits == () and found.total == 0


@pytest.mark.parametrize(
    "text",
    [
        '"city to city',  # unbalanced quote: closed at the end
        "proximity\x00\x07\x1b",  # control characters: spaces
        "proximity'; DROP TABLE docs; --",
        "stems:proximity",  # an FTS column filter, read as words
        "NEAR(proximity relationships)",
        "proximity AND ^relationships",
        "proximity OR",  # a trailing operator is a word
        "{proximity} [x] (y) ' \\ %",
        "proximity " + "\u202e\ufeff",
    ],
)
def test_hostile_queries_are_read_literally(index, text):
    found = find(index, text, limit=None)
    assert found.problem is None
    assert isinstance(found.total, int)


def test_hostile_queries_still_find_their_words(index):
    assert "twg-2015-bogota-29" in ids(find(index, '"city to city'))
    assert "twg-2015-bogota-24" in ids(find(index, "proximity\x00"))
    assert "twg-2015-bogota-24" in ids(find(index, "proximity OR stems:x"))


def test_the_words_found_are_marked_in_the_hit(index):
    hit = find(index, "mediations").hits[0]
    assert [piece for piece, found in hit.parts if found] == ["mediation"]
    assert "".join(piece for piece, _ in hit.parts) == hit.text


def test_the_meeting_filter_and_facets_narrow_the_hits(index):
    everything = find(index, "mayor")
    assert everything.total > 0
    assert find(index, "mayor", Filters(meetings=("nowhere",))).total == 0
    kinds = dict(everything.facets["kind"])
    assert kinds["participant"] > 0
    people = find(index, "mayor", chosen={"kind": "participant"})
    assert people.total == kinds["participant"]
    assert {hit.kind for hit in people.hits} == {"participant"}


def test_a_city_facet_keeps_the_texts_tied_to_people_there(index):
    cities = dict(find(index, "peacebuild*").facets["city"])
    assert cities["geneva"] > 0
    geneva = find(index, "peacebuild*", chosen={"city": "geneva"}, limit=None)
    assert geneva.total == cities["geneva"]
    assert "twg-2015-bogota-49" in ids(geneva)  # Achim Wennmann, Geneva Peacebuilding Platform


def test_a_person_filter_applies_to_texts_tied_to_people_and_keeps_the_others(index):
    found = find(index, "peacebuild*", Filters(cities=("geneva",)), limit=None)
    tied = [hit for hit in found.hits if hit.kind == "participant"]
    assert tied and all(hit.ref != "anja-heuft" for hit in tied)  # Bogotá
    assert any(hit.kind == "key_point" for hit in found.hits)  # tied to no one: kept


def test_the_index_follows_the_data_after_the_database(data_dir: DataFolder, tmp_path: Path):
    db = tmp_path / "db" / "twg.duckdb"
    first = ensure_database(data_dir.path, db)
    assert built_from(index_path(db)) is None  # the database build wrote no index
    state = ensure_index(db)
    assert state.rebuilt and state.ready and state.built == first.fingerprint
    assert built_from(index_path(db)) == first.fingerprint
    assert find(index_path(db), "zeppelin").total == 0
    data_dir.replace("sources.csv", "City to city exchange", "Zeppelin exchange")
    data_dir.replace("key_points.csv", "City to city exchange", "Zeppelin exchange")
    second = ensure_database(data_dir.path, db)
    assert second.rebuilt and second.fingerprint != first.fingerprint
    assert built_from(index_path(db)) == first.fingerprint  # the old one, until rebuilt
    with pytest.raises(StaleIndex):  # never searched as the new data's
        find(index_path(db), "zeppelins", fingerprint=second.fingerprint)
    assert ensure_index(db).rebuilt
    assert built_from(index_path(db)) == second.fingerprint
    assert find(index_path(db), "zeppelins", fingerprint=second.fingerprint).total == 2
    assert not ensure_index(db).rebuilt  # current: nothing built
    assert list(db.parent.glob(".*.tmp*")) == []  # no temporary file left
    names = sorted(p.name for p in index_path(db).iterdir())
    assert names[:2] == ["build.lock", "current.json"]
    assert len(names) == 3  # the lock, the pointer and one version


def test_a_missing_index_is_rebuilt_beside_a_current_database(data_dir: DataFolder, tmp_path):
    db = tmp_path / "db" / "twg.duckdb"
    ensure_database(data_dir.path, db)
    ensure_index(db)
    shutil.rmtree(index_path(db))
    assert not ensure_database(data_dir.path, db).rebuilt  # the database is current
    assert ensure_index(db).rebuilt
    assert find(index_path(db), "proximity").total == 2


def test_a_missing_index_is_a_plain_message_not_an_error(tmp_path: Path):
    found = find(tmp_path / "nowhere.search", "proximity")
    assert found.problem is not None and found.problem.message == parse.NO_INDEX
    assert found.hits == () and found.total == 0


def test_broken_data_keeps_the_last_good_index(data_dir: DataFolder, tmp_path: Path):
    db = tmp_path / "db" / "twg.duckdb"
    ensure_database(data_dir.path, db)
    ensure_index(db)
    data_dir.replace("sources.csv", "twg-2015-bogota-24,", "twg-2015-bogota-24,nowhere,")
    status = ensure_database(data_dir.path, db)
    assert status.stale
    assert find(index_path(db), "proximity").total == 2


def run_cli(args: list[str], capsys) -> tuple[int, str, str]:
    code = cli.main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_command_line_writes_the_hits_with_citations(shipped_db, capsys, tmp_path):
    output = tmp_path / "hits.csv"
    code, _, err = run_cli(
        ["search", "proximity", "--meeting", BOGOTA, "--db", str(shipped_db), "-o", str(output)],
        capsys,
    )
    assert code == 0, err
    content = output.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert [row["source_id"] for row in rows] == ["twg-2015-bogota-24"] * 2
    assert rows[0]["rank"] == "1" and rows[0]["meeting_id"] == BOGOTA
    assert "section “Key points: Commonalities" in rows[0]["cite_as"]
    assert "data/reports/twg-2015-bogota.txt" in rows[0]["cite_as"]


def test_the_command_line_speaks_the_language_asked(shipped_db, capsys):
    code, out, _ = run_cli(["search", "proximity", "--db", str(shipped_db), "--lang", "es"], capsys)
    assert code == 0
    assert "Punto clave" in out and "Reunión 2" in out


@pytest.mark.parametrize("query", ["NOT", "x" * 10_000, ""])
def test_the_command_line_says_what_is_wrong_with_a_query(shipped_db, capsys, query):
    code, out, err = run_cli(["search", query, "--db", str(shipped_db)], capsys)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and "Traceback" not in err


def test_the_command_line_builds_a_missing_index_before_searching(data_dir, capsys, tmp_path):
    db = tmp_path / "db" / "twg.duckdb"
    ensure_database(data_dir.path, db)
    assert built_from(index_path(db)) is None
    argv = ["search", "proximity", "--data", str(data_dir.path), "--db", str(db)]
    code, out, err = run_cli(argv, capsys)
    assert code == 0, err
    assert "built the search index" in err
    assert out.count("twg-2015-bogota-24") == 2
    code, _, err = run_cli(argv, capsys)
    assert code == 0 and "search index" not in err  # current: nothing built, nothing said
