"""The curated CSVs in `data/` checked against what the meeting report itself says.

Expectations come from reading the report (`data/reports/twg-2015-bogota.txt`),
not from running the code: counts, names, order, times and headings are the report's own.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from tests.report_facts import PRESENTERS
from twg_data import paths
from twg_data.schema import TABLES, TABLES_BY_NAME
from twg_data.validate import comparable, parse_value, validate

DATA = paths.PROJECT_ROOT / "data"
MEETING = "twg-2015-bogota"

# "Additional GNSC meeting participants joined the meeting including representatives from ..."
GNSC_CITIES = [
    "Durban",
    "Johannesburg",
    "Seoul",
    "Abidjan",
    "Ouagadougou",
    "Quito",
    "San Fernando",
    "Corregidora",
    "Nairobi",
    "Montreal",
    "Dakar",
    "Quezon",
    "Sao Paulo",
]
COMMONALITIES = [
    "Common objective",
    "Relationships and proximity",
    "Focus on causes",
    "Consensus and participatory approach to achieve sustainable outcomes",
]
DIFFERENCES = [
    "Territorial focus",
    "Constellation of practitioner communities",
    "Existing networks",
    "The role of violence and repression as part of the intervention",
]


def rows(table: str) -> list[dict[str, str]]:
    with (DATA / f"{table}.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def names_and_aliases(person: dict[str, str]) -> list[str]:
    return [person["name"], *filter(None, person["aliases"].split(" | "))]


@pytest.fixture(scope="module")
def people() -> dict[str, dict[str, str]]:
    return {p["person_id"]: p for p in rows("people")}


@pytest.fixture(scope="module")
def participants() -> list[dict[str, str]]:
    return [p for p in rows("participants") if p["meeting_id"] == MEETING]


@pytest.fixture(scope="module")
def report_list(report_text: str) -> dict[int, str]:
    """The report's numbered list of participants: number -> the whole entry."""
    section = report_text.split("List of participants", 1)[1]
    return {int(n): entry for n, entry in re.findall(r"^(\d+)\. (.+)$", section, re.M)}


def test_shipped_data_validates_without_problems():
    assert [str(p) for p in validate(DATA)] == []


def test_every_source_passage_occurs_verbatim_in_the_report(report_text):
    report = collapse(report_text)
    missing = [s["source_id"] for s in rows("sources") if collapse(s["passage"]) not in report]
    assert missing == []


@pytest.mark.parametrize("table", [t for t in TABLES if "source_id" in t.column_names])
def test_every_curated_row_points_to_an_existing_source(table):
    source_ids = {s["source_id"] for s in rows("sources")}
    key = "source_id"
    dangling = [r[key] for r in rows(table.name) if r[key] and r[key] not in source_ids]
    assert dangling == []


VERBATIM_COLUMNS = [(t.name, c.name) for t in TABLES for c in t.columns if c.verbatim]


def test_the_schema_marks_the_quoted_columns_verbatim():
    assert {
        ("meetings", "part_of"),
        ("meetings", "attendance_stated"),
        ("meetings", "agenda_process"),
        ("sessions", "purpose"),
        ("sessions", "format_rules"),
        ("key_points", "text"),
        ("participants", "title"),
    } <= set(VERBATIM_COLUMNS)


@pytest.mark.parametrize(("table", "column"), VERBATIM_COLUMNS)
def test_values_described_as_verbatim_occur_in_the_report(report_text, table, column):
    report = comparable(report_text)
    stated_by = TABLES_BY_NAME[table].column(column).stated_by
    quoted = [r[column] for r in rows(table) if not stated_by or r[stated_by] == "stated"]
    missing = [value for value in quoted if value and comparable(value) not in report]
    assert missing == []


def test_every_verbatim_value_occurs_in_a_passage_its_row_cites():
    assert [str(p) for p in validate(DATA)] == []


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "sessions.csv",
            ",twg-2015-bogota-11,twg-2015-bogota-10,",
            ",twg-2015-bogota-11,twg-2015-bogota-20,",
            "sessions.csv:2: purpose: not found verbatim in passage twg-2015-bogota-20"
            " (purpose_source_id)",
        ),
        (
            "sessions.csv",
            "TED-style format,stated",
            "TED-style talks,stated",
            "sessions.csv:2: format: not found verbatim in passage twg-2015-bogota-11"
            " (format_source_id)",
        ),
        (
            "meetings.csv",
            ",twg-2015-bogota-08,",
            ",,",
            "meetings.csv:2: part_of: verbatim value has no passage: part_of_source_id is empty",
        ),
    ],
)
def test_validate_refuses_a_value_its_cited_passage_lacks(data_dir, file, old, new, expected):
    data_dir.replace(file, old, new)
    assert [str(p) for p in validate(data_dir.path)] == [expected]


def test_a_format_is_checked_as_a_quote_only_where_it_is_stated(data_dir):
    inferred = (
        "Discussion,inferred: the report says the session 'invites discussion from participants'"
    )
    data_dir.replace("sessions.csv", inferred, "Plenary,inferred: curator's reading")
    assert validate(data_dir.path) == []
    data_dir.replace("sessions.csv", "Plenary,inferred: curator's reading", "Plenary,stated")
    assert [str(p) for p in validate(data_dir.path)] == [
        "sessions.csv:3: format: not found verbatim in passage twg-2015-bogota-21"
        " (format_source_id)"
    ]


def test_the_report_names_23_distinct_people_each_in_the_report(people, report_text):
    assert len(people) == 23
    for person in people.values():
        for name in names_and_aliases(person):
            assert name in report_text, name


def test_20_people_are_on_the_list_of_participants_numbered_1_to_20(participants):
    numbers = sorted(int(p["list_number"]) for p in participants if p["list_number"])
    assert numbers == list(range(1, 21))


def test_each_list_number_is_the_person_the_report_lists_under_it(
    participants, people, report_list
):
    assert sorted(report_list) == list(range(1, 21))
    for participant in participants:
        if participant["list_number"]:
            entry = report_list[int(participant["list_number"])]
            person = people[participant["person_id"]]
            assert any(entry.startswith(f"{n},") for n in names_and_aliases(person)), entry


def test_seven_kick_off_presenters_in_the_reports_order(people):
    speakers = sorted(
        (s for s in rows("speakers") if s["meeting_id"] == MEETING),
        key=lambda s: int(s["position"]),
    )
    assert [people[s["person_id"]]["name"] for s in speakers] == PRESENTERS
    assert {(s["session_id"], s["role"]) for s in speakers} == {("focus-1", "kick-off presenter")}
    assert [int(s["position"]) for s in speakers] == list(range(1, 8))


def test_four_presenters_are_listed_and_three_are_presenters_only(participants, people):
    presenters = {s["person_id"] for s in rows("speakers") if s["meeting_id"] == MEETING}
    listed = {p["person_id"] for p in participants if p["list_number"]}
    both = {people[p]["name"] for p in presenters & listed}
    presenter_only = {people[p]["name"] for p in presenters - listed}
    assert both == {
        "Ana Teresa Bernal",
        "Caroline Putman-Cramer",
        "Ibeth Rodriguez",
        "Luis Antonio Zapata Guerrero",
    }
    assert presenter_only == {"Leoluca Orlando", "Enrique Alfaro", "Daniela Arias Charcon"}
    assert len(participants) == 23  # 20 listed + 3 presenters only: everyone named, once


def test_antonio_zapata_and_luis_antonio_zapata_guerrero_are_one_person(people, participants):
    zapatas = [p for p in people.values() if "Zapata" in p["name"]]
    assert len(zapatas) == 1
    (zapata,) = zapatas
    assert zapata["name"] == "Luis Antonio Zapata Guerrero"
    assert "Antonio Zapata" in zapata["aliases"].split(" | ")
    number_20 = [p for p in participants if p["list_number"] == "20"]
    assert [p["person_id"] for p in number_20] == [zapata["person_id"]]


def test_giz_is_one_organization_with_heuft_schmeer_and_sztucki(people, participants):
    giz = [o for o in rows("organizations") if "GIZ" in o["name"] or o["acronym"] == "GIZ"]
    assert [o["organization_id"] for o in giz] == ["giz"]
    members = {
        people[p["person_id"]]["name"] for p in participants if p["organization_id"] == "giz"
    }
    assert members == {"Anja Heuft", "Elis Schmeer", "Johanna Sztucki"}


def test_un_habitat_spellings_are_one_organization(participants):
    habitat = [
        o
        for o in rows("organizations")
        if "habitat" in " ".join([o["name"], o["acronym"], o["aliases"]]).lower()
    ]
    assert len(habitat) == 1
    (org,) = habitat
    spellings = {org["acronym"], *org["aliases"].split(" | ")}
    assert {"UN-Habitat", "UN-HABITAT"} <= spellings
    facilitator_ids = {f["organization_id"] for f in rows("facilitators")}
    assert org["organization_id"] in facilitator_ids
    assiago = [p for p in participants if p["person_id"] == "juma-assiago"]
    assert [p["organization_id"] for p in assiago] == [org["organization_id"]]


def test_sessions_are_at_the_times_the_report_gives():
    sessions = {s["session_id"]: s for s in rows("sessions") if s["meeting_id"] == MEETING}
    times = {k: (s["date"], s["start_time"], s["end_time"]) for k, s in sessions.items()}
    assert times == {
        "focus-1": ("2015-09-21", "14:00", "15:15"),
        "focus-2": ("2015-09-21", "15:30", "16:45"),
    }


def test_focus_1_is_ted_style_with_the_five_to_six_minute_rule_verbatim():
    (focus_1,) = [s for s in rows("sessions") if s["session_id"] == "focus-1"]
    assert "TED-style" in focus_1["format"]
    assert focus_1["format_basis"] == "stated"
    assert "speak freely for 5-6 minutes in a TED-style format" in focus_1["format_rules"]
    assert "(and without Power-Point slides)" in focus_1["format_rules"]


def test_key_points_are_four_commonalities_four_differences_one_opportunity():
    points = [k for k in rows("key_points") if k["meeting_id"] == MEETING]

    def headings(category: str) -> list[str]:
        chosen = sorted(
            (k for k in points if k["category"] == category), key=lambda k: int(k["position"])
        )
        return [k["heading"] for k in chosen]

    assert headings("commonality") == COMMONALITIES
    assert headings("difference") == DIFFERENCES
    assert headings("opportunity") == [""]  # the report gives the opportunity no heading


def test_every_key_point_is_its_source_passage_split_into_heading_and_text():
    passages = {s["source_id"]: collapse(s["passage"]) for s in rows("sources")}
    for point in rows("key_points"):
        passage = passages[point["source_id"]]
        assert passage.startswith(point["heading"])
        assert passage.endswith(collapse(point["text"]))


def test_gnsc_delegations_are_the_13_cities_in_the_reports_order():
    cities = {c["city_id"]: c for c in rows("cities")}
    delegations = sorted(
        (d for d in rows("delegations") if d["meeting_id"] == MEETING),
        key=lambda d: int(d["position"]),
    )
    shown = []
    for delegation in delegations:
        city = cities[delegation["city_id"]]
        spellings = [city["name"], *filter(None, city["aliases"].split(" | "))]
        shown.append(next(s for s in spellings if s in GNSC_CITIES))
    assert shown == GNSC_CITIES
    assert {d["network"] for d in delegations} == {"Global Network on Safer Cities (GNSC)"}


def test_three_co_facilitators_in_the_reports_order():
    facilitators = sorted(rows("facilitators"), key=lambda f: int(f["position"]))
    assert [f["organization_id"] for f in facilitators] == [
        "unog",
        "un-habitat",
        "geneva-peacebuilding-platform",
    ]
    assert [f["name_as_stated"] for f in facilitators] == [
        "United Nations Office at Geneva (UNOG)",
        "UN-Habitat's Safer Cities Programme",
        "Geneva Peacebuilding Platform",
    ]


def test_every_country_has_an_iso_alpha_3_code_and_an_m49_sub_region():
    sub_regions = {r["sub_region"] for r in rows("regions")}
    for country in rows("countries"):
        assert re.fullmatch(r"[A-Z]{3}", country["iso3"]), country
        assert re.fullmatch(r"\d{3}", country["m49_code"]), country
        assert country["sub_region"] in sub_regions, country


def test_regions_list_every_m49_sub_region_including_oceania():
    regions = {r["sub_region"]: r["region"] for r in rows("regions")}
    oceania = {s for s, r in regions.items() if r == "Oceania"}
    assert oceania == {"Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"}
    assert set(regions.values()) == {"Africa", "Americas", "Asia", "Europe", "Oceania"}
    for region in rows("regions"):
        assert re.fullmatch(r"\d{3}", region["sub_region_m49"])
        assert re.fullmatch(r"\d{3}", region["region_m49"])


def test_san_fernando_is_left_without_country_or_coordinates():
    (san_fernando,) = [c for c in rows("cities") if c["name"] == "San Fernando"]
    assert san_fernando["country_iso3"] == ""
    assert san_fernando["latitude"] == san_fernando["longitude"] == ""
    assert "not determinable" in san_fernando["location_basis"]


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("participants", "location_basis"),
        ("cities", "location_basis"),
        ("sessions", "format_basis"),
    ],
)
def test_every_inferred_value_carries_its_reason(table, column):
    for row in rows(table):
        basis = row[column]
        if basis.startswith("inferred"):
            reason = basis.removeprefix("inferred").lstrip(":").strip()
            assert len(reason) > 10, row


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("participants", "location_basis"),
        ("cities", "location_basis"),
        ("sessions", "format_basis"),
        ("organizations", "classification_basis"),
        ("practice_communities", "basis"),
    ],
)
def test_report_wording_quoted_in_a_basis_occurs_in_the_report(report_text, table, column):
    report = collapse(report_text)
    quotes = [
        quote
        for row in rows(table)
        for quote in re.findall(r"(?<![A-Za-z])'([^']{4,}?)'(?![A-Za-z])", row[column])
        if "..." not in quote  # an elided quotation
    ]
    assert [q for q in quotes if collapse(q) not in report] == []


def test_participant_locations_say_whether_they_are_stated_or_inferred():
    for participant in rows("participants"):
        basis = participant["location_basis"]
        assert basis.split(":")[0] in {"stated", "inferred", "not stated"}, basis
        if not participant["city_id"] and not participant["country_iso3"]:
            assert basis == "not stated", participant


def test_names_with_accents_are_intact(people):
    names = {p["name"] for p in people.values()}
    assert "Oliver Jütersonke" in names
    assert "Bernardo Pérez" in names
    cities = {c["city_id"]: c["name"] for c in rows("cities")}
    assert cities["bogota"] == "Bogotá"
    organizations = {o["name"] for o in rows("organizations")}
    assert "Laboratorio de Cohesión Social México - Unión Europea" in organizations


def test_curated_files_are_plain_utf8_without_bom_or_crlf():
    for table in TABLES:
        raw = (DATA / table.file_name).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), table.file_name
        assert b"\r" not in raw, table.file_name
        raw.decode("utf-8")


def _typed_key(table, row: dict[str, str]) -> tuple:
    return tuple(parse_value(table.column(k), row[k]) for k in table.key)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_curated_csvs_are_sorted_by_their_key(table):
    keys = [_typed_key(table, row) for row in rows(table.name)]
    assert keys == sorted(keys)


def test_every_table_has_a_csv_with_exactly_the_schema_columns():
    for table in TABLES:
        path: Path = DATA / table.file_name
        with path.open(encoding="utf-8", newline="") as file:
            assert next(csv.reader(file)) == list(table.column_names)


# "Name, ..., City, Country" in the lists: the country is kept beside the city.
STATED_CITY_AND_COUNTRY = {
    "nathalie-gendre": ("bogota", "COL"),  # "Ideaborn Foundation, Bogota, Colombia"
    "oliver-jutersonke": ("geneva", "CHE"),  # "..., Geneva, Switzerland"
    "anja-heuft": ("bogota", "COL"),  # "... (GIZ) GmbH, Bogota, Colombia."
    "francesco-vincenti": ("mexico-city", "MEX"),  # "..., Mexico City, Mexico"
    "leoluca-orlando": ("palermo", "ITA"),  # "Mayor of Palermo, Italy"
    "daniela-arias-charcon": ("quito", "ECU"),  # "Deputy Mayor of Quito, Ecuador"
}


def test_a_country_the_report_states_is_kept_beside_the_city(participants):
    recorded = {p["person_id"]: (p["city_id"], p["country_iso3"]) for p in participants}
    assert {k: recorded[k] for k in STATED_CITY_AND_COUNTRY} == STATED_CITY_AND_COUNTRY


def test_a_participants_country_agrees_with_the_country_of_their_city(participants):
    city_country = {c["city_id"]: c["country_iso3"] for c in rows("cities")}
    disagree = [
        p["person_id"]
        for p in participants
        if p["city_id"] and p["country_iso3"] and city_country[p["city_id"]] != p["country_iso3"]
    ]
    assert disagree == []


def test_unog_has_no_practice_community_because_the_report_does_not_say_which():
    unog = next(o for o in rows("organizations") if o["organization_id"] == "unog")
    assert unog["practice_community_id"] == ""
    assert "not say which practice community" in unog["classification_basis"]
