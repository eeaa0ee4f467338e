"""Queries against the shipped data, with expectations taken from the report's own text.

E.g. the list of participants places Bernal, Gendre, Guardans, Heuft and Schmeer in Bogotá;
three people work for GIZ; seven kick-off presenters spoke in Focus 1.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pandas as pd
import pytest

from tests.report_facts import BOGOTA_PEOPLE, GIZ_PEOPLE, PRESENTERS
from twg_data import i18n, labels, localise, queries
from twg_data.filters import Filters

BOGOTA = BOGOTA_PEOPLE
GENEVA = {"Oliver Jütersonke", "Caroline Putman-Cramer", "Achim Wennmann"}
GIZ = GIZ_PEOPLE
# Placed in Mexico: Rodriguez (Mexico), Alfaro (Guadalajara), Zapata (Corregidora, Mexico),
# Vincenti (Mexico City, Mexico).
MEXICO = {"Ibeth Rodriguez", "Enrique Alfaro", "Luis Antonio Zapata Guerrero", "Francesco Vincenti"}
# The GNSC delegation cities with no named person placed in them.
DELEGATION_ONLY = {
    "Durban",
    "Johannesburg",
    "Seoul",
    "Abidjan",
    "Ouagadougou",
    "San Fernando",
    "Montréal",
    "Dakar",
    "Quezon City",
    "São Paulo",
}
GNSC = "Global Network on Safer Cities (GNSC)"

# Every query that takes (con, filters), found by signature so new ones are covered too.
FILTERED_QUERIES = queries.questions()


def names(con, filters: Filters) -> set[str]:
    return set(queries.participants(con, filters)["name"])


def headline(con, filters: Filters) -> dict[str, int]:
    frame = queries.headline_figures(con, filters)
    assert len(frame) == 1
    return {k: int(v) for k, v in frame.iloc[0].items()}


# --- filters on people ------------------------------------------------------------------------


def test_no_filter_keeps_all_23_named_people(con):
    frame = queries.participants(con, Filters())
    assert len(frame) == 23
    assert frame["person_id"].is_unique


def test_city_filter_keeps_only_people_based_in_that_city(con):
    assert names(con, Filters(cities=("bogota",))) == BOGOTA


def test_organization_filter_giz_keeps_heuft_schmeer_and_sztucki(con):
    assert names(con, Filters(organizations=("giz",))) == GIZ


def test_role_filter_kick_off_presenter_keeps_the_seven_presenters(con):
    assert names(con, Filters(roles=("kick-off presenter",))) == set(PRESENTERS)


def test_role_filter_listed_participant_keeps_the_20_on_the_list(con):
    frame = queries.participants(con, Filters(roles=("listed participant",)))
    assert sorted(frame["list_number"]) == list(range(1, 21))


def test_region_filter_europe_keeps_the_people_in_geneva_bonn_and_palermo(con):
    expected = GENEVA | {"Johanna Sztucki", "Leoluca Orlando"}
    assert names(con, Filters(regions=("Europe",))) == expected


def test_sub_region_filter_western_europe_keeps_geneva_and_bonn_but_not_palermo(con):
    # Geneva (Switzerland) and Bonn (Germany) are in Western Europe; Palermo in Southern Europe.
    assert names(con, Filters(sub_regions=("Western Europe",))) == GENEVA | {"Johanna Sztucki"}


def test_sub_region_filter_keeps_the_venue_and_delegation_cities_of_that_sub_region(con):
    cities = queries.cities(con, Filters(sub_regions=("Sub-Saharan Africa",)))
    assert set(cities["city"]) == {
        "Abidjan",
        "Dakar",
        "Durban",
        "Johannesburg",
        "Nairobi",
        "Ouagadougou",
    }


def test_country_filter_keeps_people_placed_in_that_country_by_city_or_directly(con):
    assert names(con, Filters(countries=("MEX",))) == MEXICO


def test_practice_community_filter_keeps_people_of_organizations_in_it(con):
    frame = queries.participants(con, Filters(practice_communities=("peacebuilding",)))
    # Interpeace (Argueta), Geneva Peacebuilding Platform (Wennmann); UNOG has no participant
    assert set(frame["name"]) == {"Otto Argueta", "Achim Wennmann"}


def test_organization_type_filter_keeps_city_government_people(con):
    frame = queries.participants(con, Filters(organization_types=("city-government",)))
    assert set(frame["name"]) == {
        "Leoluca Orlando",
        "Ana Teresa Bernal",
        "Enrique Alfaro",
        "Daniela Arias Charcon",
    }


def test_filters_combine_with_and_across_dimensions(con):
    assert names(con, Filters(cities=("bogota",), organizations=("giz",))) == {
        "Anja Heuft",
        "Elis Schmeer",
    }
    assert names(con, Filters(cities=("bogota",), roles=("kick-off presenter",))) == {
        "Ana Teresa Bernal"
    }
    assert names(con, Filters(regions=("Europe",), organizations=("giz",))) == {"Johanna Sztucki"}


def test_filters_combine_with_or_within_one_dimension(con):
    assert names(con, Filters(cities=("bogota", "geneva"))) == BOGOTA | GENEVA
    both_roles = Filters(roles=("kick-off presenter", "listed participant"))
    assert len(names(con, both_roles)) == 23


def test_people_presenting_and_listed_have_both_roles(con):
    frame = queries.participants(con, Filters()).set_index("name")
    assert frame.loc["Ana Teresa Bernal", "roles"] == "kick-off presenter; listed participant"
    assert frame.loc["Leoluca Orlando", "roles"] == "kick-off presenter"
    assert frame.loc["Juma Assiago", "roles"] == "listed participant"


def test_participants_are_in_list_order_then_presenters_by_name(con):
    frame = queries.participants(con, Filters())
    assert list(frame["list_number"][:20]) == list(range(1, 21))
    assert list(frame["name"][20:]) == [
        "Daniela Arias Charcon",
        "Enrique Alfaro",
        "Leoluca Orlando",
    ]


def test_participants_keep_accents(con):
    people = names(con, Filters())
    assert {"Oliver Jütersonke", "Bernardo Pérez"} <= people


# --- counts -----------------------------------------------------------------------------------


def test_headline_figures_without_filters(con):
    assert headline(con, Filters()) == {
        "people": 23,
        "listed_participants": 20,
        "presenters": 7,
        "organizations": 20,
        "countries": 12,
        "cities": 11,
        "delegation_cities": 13,
    }


def test_headline_figures_for_bogota(con):
    assert headline(con, Filters(cities=("bogota",))) == {
        "people": 5,
        "listed_participants": 5,
        "presenters": 1,
        "organizations": 4,  # City of Bogotá, Ideaborn Foundation, Ideaborn, GIZ
        "countries": 1,
        "cities": 1,
        "delegation_cities": 0,
    }


def test_headline_delegation_cities_follow_place_filters_but_not_person_filters(con):
    africa = headline(con, Filters(regions=("Africa",)))
    # Durban, Johannesburg, Abidjan, Ouagadougou, Nairobi, Dakar; Assiago is in Nairobi
    assert (africa["people"], africa["delegation_cities"]) == (1, 6)
    assert headline(con, Filters(organizations=("giz",)))["delegation_cities"] == 0


def test_participants_by_region_counts_every_person_once(con):
    frame = queries.participants_by_region(con, Filters())
    counts = {(r.region, r.sub_region): r.people for r in frame.itertuples()}
    assert counts == {
        ("Americas", "Latin America and the Caribbean"): 15,
        ("Americas", "Northern America"): 2,
        ("Europe", "Western Europe"): 4,
        ("Europe", "Southern Europe"): 1,
        ("Africa", "Sub-Saharan Africa"): 1,
    }
    assert list(frame["people"]) == sorted(frame["people"], reverse=True)


def test_participants_by_country_counts_people_per_country(con):
    frame = queries.participants_by_country(con, Filters()).set_index("iso3")
    assert frame.loc["COL", "people"] == 7
    assert frame.loc["MEX", "people"] == len(MEXICO)
    assert frame.loc["CHE", "people"] == 3
    assert frame["people"].sum() == 23
    assert frame.loc["ITA", "country"] == "Italy"


def test_participants_by_organization_type_counts_people_not_organizations(con):
    frame = queries.participants_by_organization_type(con, Filters(organizations=("giz",)))
    assert frame.to_dict("records") == [{"organization_type": "Development agency", "people": 3}]


def test_person_without_organization_counts_as_not_stated(con):
    frame = queries.participants_by_organization_type(con, Filters(cities=("corregidora",)))
    assert frame.to_dict("records") == [{"organization_type": queries.NOT_STATED, "people": 1}]


def test_organizations_lists_giz_once_with_three_people(con):
    frame = queries.organizations(con, Filters())
    giz = frame[frame["organization_id"] == "giz"]
    assert len(giz) == 1
    assert int(giz["people"].iloc[0]) == 3
    assert frame.iloc[0]["organization_id"] == "giz"  # the most people
    assert len(frame) == 20


def test_un_habitat_is_one_organization_in_the_queries(con):
    frame = queries.organizations(con, Filters())
    habitat = frame[frame["organization"].str.contains("Human Settlements")]
    assert habitat["acronym"].tolist() == ["UN-Habitat"]


# --- what is missing --------------------------------------------------------------------------


def test_missing_regions_include_all_of_oceania(con):
    missing = queries.missing_regions(con, Filters())
    oceania = set(missing[missing["region"] == "Oceania"]["sub_region"])
    assert oceania == {"Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"}


def test_missing_regions_never_include_a_sub_region_someone_comes_from(con):
    for filters in (Filters(), Filters(cities=("bogota",)), Filters(regions=("Europe",))):
        missing = set(queries.missing_regions(con, filters)["sub_region"])
        present = set(queries.participants(con, filters)["sub_region"].dropna())
        assert present and not (missing & present), filters


def test_missing_regions_follow_the_filters(con):
    everyone = set(queries.missing_regions(con, Filters())["sub_region"])
    assert "Western Europe" not in everyone
    bogota = set(queries.missing_regions(con, Filters(cities=("bogota",)))["sub_region"])
    assert "Western Europe" in bogota
    assert bogota == everyone | {
        "Western Europe",
        "Southern Europe",
        "Northern America",
        "Sub-Saharan Africa",
    }


def test_every_practice_community_has_someone_so_none_is_missing(con):
    assert queries.missing_practice_communities(con, Filters()).empty
    missing = queries.missing_practice_communities(con, Filters(organizations=("giz",)))
    assert set(missing["practice_community"]) == {
        "Humanitarian",
        "Peacebuilding",
        "Research",
        "Urban safety",
    }


# --- sessions and speakers --------------------------------------------------------------------


def test_sessions_have_the_reports_times_and_length(con):
    frame = queries.sessions(con, Filters())
    assert frame[["start", "end", "duration_minutes"]].values.tolist() == [
        ["14:00", "15:15", 75],
        ["15:30", "16:45", 75],
    ]
    assert frame["speakers_in_report"].tolist() == [7, 0]


def test_session_speaker_counts_follow_person_filters(con):
    frame = queries.sessions(con, Filters(cities=("bogota",)))
    assert frame["speakers"].tolist() == [1, 0]
    assert frame["speakers_in_report"].tolist() == [7, 0]


def test_session_timeline_shows_the_break_between_the_sessions(con):
    frame = queries.session_timeline(con, Filters())
    rows = frame[["kind", "start", "end", "duration_minutes"]].values.tolist()
    assert rows == [
        ["session", "14:00", "15:15", 75],
        ["break", "15:15", "15:30", 15],
        ["session", "15:30", "16:45", 75],
    ]


def test_speakers_are_the_presenters_in_the_reports_order(con):
    frame = queries.speakers(con, Filters())
    assert frame["person"].tolist() == PRESENTERS
    assert frame["order"].tolist() == list(range(1, 8))
    assert set(frame["role"]) == {"kick-off presenter"}


def test_speakers_follow_person_filters(con):
    assert queries.speakers(con, Filters(countries=("MEX",)))["person"].tolist() == [
        "Ibeth Rodriguez",
        "Enrique Alfaro",
        "Luis Antonio Zapata Guerrero",
    ]


def test_entry_points_are_four_commonalities_four_differences_one_opportunity(con):
    frame = queries.entry_points(con, Filters())
    assert frame["category"].tolist() == ["commonality"] * 4 + ["difference"] * 4 + ["opportunity"]
    assert frame["heading"].iloc[0] == "Common objective"
    assert frame["position"].tolist() == [1, 2, 3, 4, 1, 2, 3, 4, 1]


def test_meetings_name_the_three_co_facilitators_in_order(con):
    frame = queries.meetings(con, Filters())
    assert frame["co_facilitators"].tolist() == [
        "United Nations Office at Geneva (UNOG); UN-Habitat's Safer Cities Programme; "
        "Geneva Peacebuilding Platform"
    ]
    assert frame["city"].tolist() == ["Bogotá"]


# --- cities -----------------------------------------------------------------------------------


def test_cities_tell_the_venue_peoples_cities_and_delegations_apart(con):
    frame = labels.with_took_part(queries.cities(con, Filters())).set_index("city")
    assert frame.loc["Bogotá", "took_part_as"] == "meeting venue; named participants"
    assert bool(frame.loc["Bogotá", "meeting_venue"])
    assert frame.loc["Bogotá", "people"] == 5
    assert frame.loc["Geneva", "took_part_as"] == "named participants"
    assert frame.loc["Quito", "took_part_as"] == f"named participants; delegation ({GNSC})"
    only_delegation = set(frame.index[frame["took_part_as"] == f"delegation ({GNSC})"])
    assert only_delegation == DELEGATION_ONLY
    assert (frame.loc[list(DELEGATION_ONLY), "people"] == 0).all()
    assert frame["meeting_venue"].sum() == 1


def test_cities_include_every_named_city_once(con):
    frame = queries.cities(con, Filters())
    assert frame["city_id"].is_unique
    assert len(frame) == 21  # 11 cities of named people + 10 delegation-only cities


def test_san_fernando_has_no_country_or_coordinates(con):
    frame = queries.cities(con, Filters()).set_index("city")
    row = frame.loc["San Fernando"]
    assert pd.isna(row["iso3"]) and pd.isna(row["latitude"]) and pd.isna(row["longitude"])


def test_person_level_filter_drops_delegation_only_cities_and_the_venue_flag(con):
    frame = queries.cities(con, Filters(organizations=("giz",)))
    assert dict(zip(frame["city"], frame["people"], strict=True)) == {"Bogotá": 2, "Bonn": 1}
    assert not frame["meeting_venue"].any()
    assert frame["delegation"].isna().all()


def test_place_filter_keeps_delegations_from_that_place(con):
    frame = queries.cities(con, Filters(countries=("ZAF",)))
    assert set(frame["city"]) == {"Durban", "Johannesburg"}
    europe = queries.cities(con, Filters(regions=("Europe",)))
    assert set(europe["city"]) == {"Geneva", "Bonn", "Palermo"}


# --- filter options and odd filters -----------------------------------------------------------


def test_filter_options_offer_the_values_the_data_holds(con):
    found = queries.filter_options(con)
    values = {param: [o.value for o in options] for param, options in found.items()}
    assert values["meeting"] == ["twg-2015-bogota"]
    assert len(values["city"]) == 21
    assert "bogota" in values["city"] and "san-fernando" in values["city"]
    assert set(values["region"]) == {"Africa", "Americas", "Asia", "Europe"}
    assert set(values["role"]) == {"kick-off presenter", "listed participant"}
    assert "giz" in values["organization"]
    # In parts: the labels are `labels.filter_options`' (one place names them, in the language)
    cities = {o.value: o for o in found["city"]}
    assert (cities["bogota"].name, cities["bogota"].code) == ("Bogotá", "COL")
    assert cities["san-fernando"].code is None
    named = labels.filter_options(found, localise.labels(con))
    assert dict(named["city"])["bogota"] == "Bogotá (COL)"
    assert dict(named["city"])["san-fernando"] == "San Fernando"
    assert dict(named["country"])["COL"] == "Colombia (COL)"
    assert dict(named["meeting"])["twg-2015-bogota"] == "Meeting 2 · Bogotá · 2015-09-21"
    with i18n.use("es"):
        spanish = labels.filter_options(found, localise.labels(con))
    assert dict(spanish["country"])["MEX"] == "México (MEX)"
    assert dict(spanish["meeting"])["twg-2015-bogota"] == (
        "Reunión 2 · Bogotá · 21 de septiembre de 2015"
    )


def test_every_question_a_query_module_defines_is_run_by_the_tests_and_the_benchmarks():
    # A question defined in queries/people.py (...) but not listed by the package would go
    # untested here and untimed by `python -m benchmarks`.
    defined = {
        name
        for info in pkgutil.iter_modules(queries.__path__)
        for name, function in inspect.getmembers(
            importlib.import_module(f"{queries.__name__}.{info.name}"), inspect.isfunction
        )
        if not name.startswith("_")
        and function.__module__ == f"{queries.__name__}.{info.name}"
        and list(inspect.signature(function).parameters) == ["con", "filters"]
    }
    assert {"participants", "headline_figures", "brief_points", "sessions"} <= defined
    assert set(FILTERED_QUERIES) == defined


@pytest.mark.parametrize("name", sorted(FILTERED_QUERIES))
def test_every_query_answers_a_filter_matching_nothing_with_an_empty_frame(con, name):
    nothing = Filters(meetings=("no-such-meeting",), cities=("atlantis",))
    frame = FILTERED_QUERIES[name](con, nothing)
    assert isinstance(frame, pd.DataFrame)
    if name == "headline_figures":
        assert frame.iloc[0].sum() == 0
    elif name == "returns":  # one row of counts per kind, all zero
        assert frame.what.tolist() == ["people", "organizations", "cities"]
        assert frame[["took_part", "returned"]].to_numpy().sum() == 0
    elif name.startswith("missing_"):
        assert len(frame) > 0  # with nobody matching, everything is missing
    else:
        assert frame.empty, name


# Rows each question answers on the Bogotá report without filters: 23 named people (the list
# of participants and the kick-off presenters), 20 organizations, 21 cities, 12 countries,
# 9 key points in 3 categories, 5 framing entries, 2 sessions and a break, 7 speakers,
# 6 objectives, 52 passages; every practice community is represented (none missing).
ROWS_UNFILTERED = {
    "brief_points": 21, "citation_facts": 1, "cities": 21, "entry_points": 9, "framing": 5,
    "headline_figures": 1, "key_point_categories": 3, "key_point_targets": 15,
    "key_points_per_meeting": 3, "meetings": 1, "missing_practice_communities": 0,
    "missing_regions": 12, "objectives": 6, "organizations": 20, "participants": 23,
    "participants_by_country": 12, "participants_by_organization_type": 13,
    "participants_by_practice_community": 6, "participants_by_region": 5,
    "participation_by_organization_type": 13, "participation_by_region": 3, "reports": 1,
    "returning_cities": 21, "returning_organizations": 20, "returning_people": 23,
    "returns": 3, "session_timeline": 3, "sessions": 2, "sources": 52, "speakers": 7,
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(FILTERED_QUERIES))
def test_every_query_answers_without_filters_what_the_report_holds(con, name):
    frame = FILTERED_QUERIES[name](con, Filters())
    assert len(frame) == ROWS_UNFILTERED[name]
    # The one meeting's filter removes nothing: the same rows.
    only_bogota = FILTERED_QUERIES[name](con, Filters(meetings=("twg-2015-bogota",)))
    assert only_bogota.equals(frame), name


@pytest.mark.parametrize(
    "attack",
    [
        "bogota') OR 1=1 --",
        "bogota' OR '1'='1",
        "x'); DROP TABLE people; --",
        "%",
        "*",
    ],
)
def test_sql_injection_attempts_as_filter_values_match_nothing(con, attack):
    for filters in (
        Filters(cities=(attack,)),
        Filters(roles=(attack,)),
        Filters(meetings=(attack,)),
        Filters(regions=(attack,)),
    ):
        assert queries.participants(con, filters).empty
        assert headline(con, filters)["people"] == 0
    assert len(queries.participants(con, Filters())) == 23  # and nothing was dropped


def test_table_rows_rejects_names_outside_the_schema(con):
    with pytest.raises(KeyError):
        queries.table_rows(con, "people; DROP TABLE people", Filters())


def test_table_rows_applies_only_the_meeting_filter(con):
    people = queries.table_rows(con, "people", Filters(cities=("bogota",)))
    assert len(people) == 23  # people has no meeting column: no filter applies
    sessions = queries.table_rows(con, "sessions", Filters(meetings=("no-such-meeting",)))
    assert sessions.empty
