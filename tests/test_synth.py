"""The synthetic data generator: valid, buildable, deterministic, synthetic, never in data/."""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from benchmarks.synth import cli, places
from benchmarks.synth import generate as synth
from benchmarks.synth.folder import CURATED_DIR, ID_PREFIX, SynthError, is_reference_table
from tests.golden import synth as golden
from twg_data.build import build_database
from twg_data.schema import TABLES
from twg_data.validate import validate

MEETINGS, PEOPLE, SEED = 3, 300, 7


def _rows(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _digests(folder: Path) -> dict[str, str]:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


@pytest.fixture(scope="module")
def synth_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synth") / "data"
    synth.generate(folder, meetings=MEETINGS, people=PEOPLE, seed=SEED)
    return folder


def test_small_synthetic_folder_has_every_table_and_no_problems(synth_dir: Path) -> None:
    assert {t.file_name for t in TABLES} <= {p.name for p in synth_dir.iterdir()}
    assert validate(synth_dir) == []


def test_synthetic_folder_builds_with_the_requested_people_and_meetings(
    synth_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "synth.duckdb"
    assert build_database(synth_dir, db) == []
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM people").fetchone()[0] == PEOPLE
        assert con.execute("SELECT count(*) FROM meetings").fetchone()[0] == MEETINGS
        attending = con.execute("SELECT count(DISTINCT person_id) FROM participants").fetchone()
        assert attending[0] == PEOPLE
        per_meeting = con.execute(
            "SELECT count(DISTINCT meeting_id) FROM participant_facts GROUP BY ALL"
        ).fetchall()
        assert per_meeting == [(MEETINGS,)]


def test_some_people_attend_several_meetings(synth_dir: Path) -> None:
    meetings_per_person = Counter(row["person_id"] for row in _rows(synth_dir, "participants"))
    assert len(meetings_per_person) == PEOPLE
    assert any(count > 1 for count in meetings_per_person.values())
    assert sum(count == 1 for count in meetings_per_person.values()) > PEOPLE / 2


def test_each_meeting_has_two_to_four_sessions_and_speakers_who_took_part(synth_dir: Path) -> None:
    sessions = Counter(row["meeting_id"] for row in _rows(synth_dir, "sessions"))
    assert len(sessions) == MEETINGS
    assert all(2 <= count <= 4 for count in sessions.values())
    taking_part = {(r["meeting_id"], r["person_id"]) for r in _rows(synth_dir, "participants")}
    speakers = _rows(synth_dir, "speakers")
    assert speakers
    assert all((r["meeting_id"], r["person_id"]) in taking_part for r in speakers)


def test_generated_tables_are_byte_identical_to_the_recorded_digests(synth_dir: Path) -> None:
    assert golden.CASE == {"meetings": MEETINGS, "people": PEOPLE, "seed": SEED}
    recorded = json.loads(golden.DIGESTS.read_text(encoding="utf-8"))
    assert sorted(recorded) == sorted(golden.GENERATED)
    changed = sorted(n for n, d in golden.digests(synth_dir).items() if recorded[n] != d)
    assert changed == [], (
        "synthetic output changed; if intended, run `python -m tests.golden.synth`"
    )


def test_place_lists_are_sorted_ranked_and_consistent_with_the_curated_data() -> None:
    def rows(name: str) -> list[dict[str, str]]:
        return _rows(places.FOLDER, name.removesuffix(".csv"))

    countries, cities = rows("countries.csv"), rows("cities.csv")
    assert [c["iso3"] for c in countries] == sorted(c["iso3"] for c in countries)
    assert [c["city_id"] for c in cities] == sorted({c["city_id"] for c in cities})
    assert sorted(int(c["rank"]) for c in countries) == list(range(1, len(countries) + 1))
    by_country = Counter(c["country_iso3"] for c in cities)
    assert set(by_country) == {c["iso3"] for c in countries}  # every country has a city
    for iso3, count in by_country.items():
        ranks = sorted(int(c["rank_in_country"]) for c in cities if c["country_iso3"] == iso3)
        assert ranks == list(range(1, count + 1))
    regions = {row["sub_region"] for row in _rows(CURATED_DIR, "regions")}
    assert {c["sub_region"] for c in countries} <= regions
    curated = {row["iso3"]: row for row in _rows(CURATED_DIR, "countries")}
    for country in countries:
        if country["iso3"] in curated:
            fields = ("name", "m49_code", "sub_region", "intermediate_region")
            assert [country[f] for f in fields] == [curated[country["iso3"]][f] for f in fields]
    # The most prominent country and city come first: the skew's ranks are read, not file order.
    assert places.COUNTRIES[0].iso3 == "COL" and places.CITIES[0].city_id == "bogota"


def test_key_points_follow_the_curated_categories(synth_dir: Path) -> None:
    categories = [row["category"] for row in _rows(CURATED_DIR, "key_point_categories")]
    written = {row["category"] for row in _rows(synth_dir, "key_points")}
    assert written == set(categories)


def test_same_seed_writes_identical_files_and_another_seed_does_not(
    synth_dir: Path, tmp_path: Path
) -> None:
    again, other = tmp_path / "again", tmp_path / "other"
    synth.generate(again, meetings=MEETINGS, people=PEOPLE, seed=SEED)
    synth.generate(other, meetings=MEETINGS, people=PEOPLE, seed=SEED + 1)
    assert _digests(again) == _digests(synth_dir)
    assert _digests(other) != _digests(synth_dir)


def test_people_and_organizations_are_clearly_synthetic(synth_dir: Path) -> None:
    people = _rows(synth_dir, "people")
    assert all(row["name"].startswith("Synthetic Person ") for row in people)
    organizations = _rows(synth_dir, "organizations")
    assert all(row["name"].startswith("Synthetic Org ") for row in organizations)
    assert all(row["meeting_id"].startswith(ID_PREFIX) for row in _rows(synth_dir, "meetings"))
    shipped_names = {row["name"] for row in _rows(CURATED_DIR, "people")}
    assert shipped_names.isdisjoint(row["name"] for row in people)


def test_places_are_real_cities_and_reference_tables_are_the_curated_rows(
    synth_dir: Path,
) -> None:
    builtin = {c[0]: c for c in places.CITIES}
    for row in _rows(synth_dir, "cities"):
        slug, name, iso3, latitude, longitude = builtin[row["city_id"]]
        assert (row["name"], row["country_iso3"]) == (name, iso3)
        assert (row["latitude"], row["longitude"]) == (latitude, longitude)
    for table in TABLES:
        if is_reference_table(table) and table.name != "roles":
            assert _rows(synth_dir, table.name) == _rows(CURATED_DIR, table.name)
    # Roles: the curated ones, then the generator's own two, untranslated.
    roles = [(r["role"], r["label_es"]) for r in _rows(synth_dir, "roles")]
    curated = [(r["role"], r["label_es"]) for r in _rows(CURATED_DIR, "roles")]
    assert roles == [*curated, ("moderator", ""), ("discussant", "")]


def test_participants_are_skewed_over_a_long_tail_of_countries(tmp_path: Path) -> None:
    synth.generate(tmp_path, meetings=2, people=3000, seed=1)
    cities = {row["city_id"]: row["country_iso3"] for row in _rows(tmp_path, "cities")}
    countries = Counter(
        cities[row["city_id"]] if row["city_id"] else row["country_iso3"]
        for row in _rows(tmp_path, "participants")
        if row["city_id"] or row["country_iso3"]
    )
    total = sum(countries.values())
    top_three = sum(count for _, count in countries.most_common(3))
    assert top_three / total > 0.3  # a few countries dominate
    assert len(countries) >= 30  # and many appear


def test_synth_refuses_the_project_data_folder_and_leaves_it_unchanged(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = _digests(CURATED_DIR)
    for target in (CURATED_DIR, CURATED_DIR / "synthetic"):
        code = cli.main(["--meetings", "1", "--people", "5", "-o", str(target)])
        assert code == 2
        assert "refusing to write synthetic data into the project's data folder" in (
            capsys.readouterr().err
        )
    assert not (CURATED_DIR / "synthetic").exists()
    assert _digests(CURATED_DIR) == before


def test_synth_refuses_to_overwrite_a_folder_of_real_data(tmp_path: Path) -> None:
    (tmp_path / "meetings.csv").write_bytes((CURATED_DIR / "meetings.csv").read_bytes())
    with pytest.raises(SynthError, match="non-synthetic"):
        synth.generate(tmp_path, meetings=1, people=5)


def test_synth_command_writes_a_valid_folder(tmp_path: Path) -> None:
    out = tmp_path / "cli"
    assert cli.main(["--meetings", "2", "--people", "40", "--seed", "3", "-o", str(out)]) == 0
    assert validate(out) == []
    assert len(_rows(out, "people")) == 40
