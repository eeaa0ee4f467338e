"""Each recogniser on small reports written here: what it drafts, and what it leaves alone."""

from __future__ import annotations

import pytest

from tests.conftest import SHIPPED_DATA
from twg_data.importer import draft_report


def draft(text: str, name: str = "report.txt"):
    return draft_report(name, text.encode("utf-8"), "twg-x", SHIPPED_DATA)


def rows(drafted, table: str, *columns: str) -> list[tuple]:
    return [tuple(row[c] for c in columns) for row in drafted.rows.get(table, [])]


# --- the meeting ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "end", "city"),
    [
        (
            "Workshop on safe markets\n\nKampala, 12-14 May 2019\n",
            "2019-05-12",
            "2019-05-14",
            "kampala",
        ),
        (
            "Atelier régional\n\nLieu et date : Genève, le 21 septembre 2015\n",
            "2015-09-21",
            "",
            "geneva",
        ),
        (
            "Taller de convivencia\n\nFecha: 9-10 de junio de 2016\nLugar: Medellín, Colombia\n",
            "2016-06-09",
            "2016-06-10",
            "medellin",
        ),
        (
            "News\n\nPublished 20 May 2024\n\nThe workshop was held in Nairobi on 16 May 2024.\n",
            "2024-05-16",
            "",
            "nairobi",
        ),
    ],
)
def test_the_meetings_dates_and_city(text, date, end, city):
    (meeting,) = draft(text).rows["meetings"]
    assert (meeting["date"], meeting["end_date"], meeting["city_id"]) == (date, end, city)


def test_an_existing_city_is_found_by_another_language_and_never_added_twice():
    drafted = draft("Reunión técnica\n\nGinebra, 3 de marzo de 2017\n")
    assert drafted.rows["meetings"][0]["city_id"] == "geneva"
    assert "cities" not in drafted.rows


def test_a_new_city_gets_its_country_and_coordinates_from_geonames_with_that_basis():
    drafted = draft("Workshop\n\nLusaka, Zambia, 3 March 2017\n")
    (city,) = drafted.rows["cities"]
    assert (city["name"], city["country_iso3"]) == ("Lusaka", "ZMB")
    assert city["latitude"].startswith("-15.4") and city["longitude"].startswith("28.2")
    assert "GeoNames" in city["location_basis"] and "country stated" in city["location_basis"]


# --- sessions -----------------------------------------------------------------------------------

PROGRAMME = """Learning exchange on safe transport

Thursday 23 May 2019

09.00   Registration
10.15   Opening remarks
        Juma Assiago, Safer Cities Programme, UN-HABITAT
10.30   Safety audits in practice
        Presenters: Faith Wanjiru, Twende Salama Initiative
12.45   Lunch
"""


def test_agenda_lines_with_start_times_only_end_at_the_next_item_marked_inferred():
    sessions = rows(draft(PROGRAMME), "sessions", "title", "start_time", "end_time", "time_basis")
    assert sessions == [
        (
            "Registration",
            "09:00",
            "10:15",
            "inferred: the end is the start of the next item (10:15)",
        ),
        (
            "Opening remarks",
            "10:15",
            "10:30",
            "inferred: the end is the start of the next item (10:30)",
        ),
        (
            "Safety audits in practice",
            "10:30",
            "12:45",
            "inferred: the end is the start of the next item (12:45)",
        ),
        ("Lunch", "12:45", "", "not stated: the report gives only the start"),
    ]


def test_names_under_an_agenda_item_are_its_speakers_and_a_label_gives_the_role():
    drafted = draft(PROGRAMME)
    assert rows(drafted, "speakers", "session_id", "person_id", "role") == [
        ("session-2", "juma-assiago", "speaker"),
        ("session-3", "faith-wanjiru", "presenter"),
    ]


def test_the_meetings_own_hours_are_not_a_session():
    drafted = draft(
        "Cities and violence: a panel\n\nTuesday, 4 October 2016 - 09:00 - 12:30\n\n"
        "Moderator: Achim Wennmann, Geneva Peacebuilding Platform\n"
    )
    (session,) = drafted.rows["sessions"]  # the meeting as a whole, for its moderator
    assert (session["session_id"], session["start_time"], session["end_time"]) == (
        "meeting",
        "09:00",
        "12:30",
    )


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("0930-1045   Session 1: Mapping committees", "09:30", "10:45"),
        ("1400-1530 hrs   Group work", "14:00", "15:30"),
        ("Séance 1 : Les communes, de 9h00 à 11h00", "09:00", "11:00"),
        ("9 a.m. - 9.30 a.m.       WELCOME AND OPENING", "09:00", "09:30"),
    ],
)
def test_session_times_in_compact_and_spoken_notations(line, start, end):
    text = f"Programme of the day\n\n3 March 2017\n\n{line}\n\nThe participants talked.\n"
    ((found_start, found_end),) = rows(draft(text), "sessions", "start_time", "end_time")
    assert (found_start, found_end) == (start, end)


# --- speakers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            "Ponentes:\n- Ana Ruiz, Oxfam\n- Luis Gómez, Saferworld",
            [("ana-ruiz", "speaker"), ("luis-gomez", "speaker")],
        ),
        ("Modératrice : Mme Awa Traoré, Ville de Dakar", [("awa-traore", "moderator")]),
        (
            "Panelists\nAna Ruiz, Oxfam\nLuis Gómez, Saferworld",
            [("ana-ruiz", "panellist"), ("luis-gomez", "panellist")],
        ),
        ("The session was chaired by Ms. Ana Ruiz, Mayor of Lima.", [("ana-ruiz", "chair")]),
        (
            "Discussants: Ana Ruiz (Oxfam); Luis Gómez (Saferworld)",
            [("ana-ruiz", "discussant"), ("luis-gomez", "discussant")],
        ),
    ],
)
def test_speakers_and_their_roles_from_labels(lines, expected):
    text = f"Meeting report\n\n3 March 2017\n\n10:00-11:00 Panel on safety\n\n{lines}\n"
    assert rows(draft(text), "speakers", "person_id", "role") == expected


def test_a_name_in_prose_with_a_verb_is_a_hint_not_a_row():
    drafted = draft(
        "Meeting report\n\n3 March 2017\n\nMaria Costa, Ministry of Planning, presented the plan.\n"
        "Participants recommended that cities share their data.\n"
    )
    assert "speakers" not in drafted.rows
    assert [(h.kind, h.value, h.words) for h in drafted.hints] == [
        ("speaker", "presenter", "Maria Costa"),
        ("key_point", "recommendation", "recommended that"),
    ]


# --- participants -------------------------------------------------------------------------------


def test_participants_with_initials_notes_and_roles_kept_apart():
    drafted = draft(
        "Minutes of the board\n\n3 March 2017\n\nPresent:\n"
        "- KM - Karin Moll, Treasurer\n"
        "- JD - Jan Dekker, National Police Unit [delegate]\n"
        "- AB - Aylin Bulut, Mercy Corps (WebEx)\n\n"
        "Apologies: TdV - Thomas de Vries\n"
    )
    assert rows(drafted, "participants", "person_id", "title") == [
        ("karin-moll", "Treasurer"),
        ("jan-dekker", ""),
        ("aylin-bulut", ""),
    ]
    people = {row["person_id"]: row["aliases"] for row in drafted.rows["people"]}
    assert people["karin-moll"] == "KM"  # the initials: an alias
    assert "thomas-de-vries" not in people  # an apology is not a participation
    names = {row["name"] for row in drafted.rows["organizations"]}
    assert names == {"National Police Unit", "Mercy Corps"}  # no '[delegate]', no '(WebEx)'


def test_a_city_country_column_is_split_and_existing_cities_kept():
    drafted = draft(
        "Summary record\n\n14 February 2019\n\nParticipants\n\n"
        "| Name | Organization | City, Country |\n|---|---|---|\n"
        "| Ana Ruiz | Oxfam | Nairobi, Kenya |\n| Luis Gómez | Saferworld | Jinja, Uganda |\n",
        "record.md",
    )
    assert rows(drafted, "participants", "person_id", "city_id", "country_iso3") == [
        ("ana-ruiz", "nairobi", "KEN"),
        ("luis-gomez", "jinja", "UGA"),
    ]
    assert [row["name"] for row in drafted.rows["cities"]] == ["Jinja"]  # Nairobi: the data's


def test_ten_distinct_numbered_names_raise_no_identity_question():
    lines = "\n".join(f"{n}. Person Number{n:05d}, Organization {n}, Kenya" for n in range(1, 11))
    drafted = draft(f"Assembly\n\n3 May 2019\n\nParticipants\n\n{lines}\n")
    assert len(drafted.rows["participants"]) == 10 and drafted.suggestions == []


# --- key points ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("Lessons learned", "lesson"),
        ("Way forward", "next-step"),
        ("Agreed actions", "decision"),
        ("Conclusiones", "conclusion"),
        ("Recomendaciones", "recommendation"),
        ("Messages clés", "key-message"),
        ("Recommandations", "recommendation"),
        ("IV. MAIN CONCLUSIONS", "conclusion"),
    ],
)
def test_key_points_under_headings_in_three_languages(heading, category):
    drafted = draft(f"Report\n\n3 March 2017\n\n{heading}\n\n- Cities should plan together.\n")
    assert rows(drafted, "key_points", "category", "text") == [
        (category, "Cities should plan together.")
    ]
