"""Several meetings: the shipped Bogotá meeting plus a synthetic one (tests/fixtures/).

The synthetic meeting `twg-2016-test` (Geneva) has three participants: two invented people
and Ana Teresa Bernal, who also attended Bogotá; one session with two speakers; one key
point. Its rows are appended to a copy of data/ in tmp_path.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from twg_data import export, labels, localise, queries
from twg_data.build import build_database, connect
from twg_data.filters import Filters
from twg_data.validate import validate

BOGOTA_MEETING = "twg-2015-bogota"
TEST_MEETING = "twg-2016-test"
TEST_PEOPLE = {"Test Participant Alpha", "Test Participant Beta", "Ana Teresa Bernal"}


@pytest.fixture
def two(second_meeting_dir, tmp_path):
    db = tmp_path / "two-meetings.duckdb"
    assert build_database(second_meeting_dir.path, db) == []
    with connect(db) as connection:
        yield connection


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def headline(con, filters: Filters) -> dict[str, int]:
    return {k: int(v) for k, v in queries.headline_figures(con, filters).iloc[0].items()}


def test_shipped_data_with_a_second_meeting_validates(second_meeting_dir):
    assert [str(p) for p in validate(second_meeting_dir.path)] == []


def test_the_fixture_gives_a_source_of_its_own_for_every_row_it_adds(second_meeting_dir):
    fixture = Path(__file__).parent / "fixtures" / TEST_MEETING
    own_sources = {s["source_id"] for s in read(fixture / "sources.csv")}
    assert own_sources and all(s.startswith(f"{TEST_MEETING}-") for s in own_sources)
    for path in sorted(fixture.glob("*.csv")):
        for row in read(path):
            assert row.get("meeting_id", TEST_MEETING) == TEST_MEETING, path.name
            if path.name not in ("sources.csv", "roles.csv"):  # a role is vocabulary
                assert row["source_id"] in own_sources, path.name


def test_a_second_meeting_with_a_speaker_who_is_not_its_participant_is_rejected(
    second_meeting_dir,
):
    # Leoluca Orlando attended Bogotá, not the test meeting: the composite reference
    # (meeting_id, person_id) -> participants must catch it
    second_meeting_dir.replace(
        "speakers.csv",
        "twg-2016-test,focus-1,1,test-participant-alpha",
        "twg-2016-test,focus-1,1,leoluca-orlando",
    )
    line = second_meeting_dir.line_of("speakers.csv", "twg-2016-test,focus-1,1,")
    assert [str(p) for p in validate(second_meeting_dir.path)] == [
        f"speakers.csv:{line}: person_id: 'twg-2016-test, leoluca-orlando' is not in "
        "participants (meeting_id, person_id)"
    ]


def test_both_meetings_are_filter_options_in_date_order(two):
    found = queries.filter_options(two)
    assert [o.value for o in found["meeting"]] == [BOGOTA_MEETING, TEST_MEETING]
    options = labels.filter_options(found, localise.labels(two))
    assert dict(options["meeting"])[TEST_MEETING] == "Meeting 3 · Geneva · 2016-05-10"
    assert "moderator" in [o.value for o in found["role"]]


def test_a_person_at_both_meetings_is_one_participant_row_per_meeting(two):
    frame = queries.participants(two, Filters())
    assert len(frame) == 23 + 3
    bernal = frame[frame["name"] == "Ana Teresa Bernal"]
    assert sorted(bernal["meeting_id"]) == [BOGOTA_MEETING, TEST_MEETING]


def test_a_person_at_both_meetings_counts_once_in_the_headline_figures(two):
    assert headline(two, Filters()) == {
        "people": 23 + 2,
        "listed_participants": 20 + 2,
        "presenters": 7,  # Bernal presented at both
        "organizations": 20 + 1,  # UNOG is new as a participant's organization
        "countries": 12,
        "cities": 11,
        "delegation_cities": 13,
    }


def test_the_meeting_filter_separates_the_meetings(two):
    bogota = Filters(meetings=(BOGOTA_MEETING,))
    test = Filters(meetings=(TEST_MEETING,))
    assert len(queries.participants(two, bogota)) == 23
    assert set(queries.participants(two, test)["name"]) == TEST_PEOPLE
    assert headline(two, test) == {
        "people": 3,
        "listed_participants": 3,
        "presenters": 1,
        "organizations": 2,
        "countries": 2,
        "cities": 2,
        "delegation_cities": 0,
    }
    assert headline(two, bogota)["people"] == 23


def test_per_meeting_queries_answer_for_the_selected_meeting_only(two):
    test = Filters(meetings=(TEST_MEETING,))
    assert queries.sessions(two, test)["title"].tolist() == ["Testing several meetings"]
    assert queries.speakers(two, test)["person"].tolist() == [
        "Test Participant Alpha",
        "Ana Teresa Bernal",
    ]
    assert queries.entry_points(two, test)["heading"].tolist() == ["Synthetic key point"]
    assert len(queries.sources(two, test)) == 6
    assert queries.meetings(two, test)["city"].tolist() == ["Geneva"]
    assert queries.framing(two, test).empty
    assert queries.session_timeline(two, test)["kind"].tolist() == ["session"]


def test_the_bogota_figures_are_unchanged_by_the_second_meeting(two, con):
    bogota = Filters(meetings=(BOGOTA_MEETING,))
    for name in ("participants_by_region", "organizations", "sessions", "speakers"):
        with_two = getattr(queries, name)(two, bogota).reset_index(drop=True)
        alone = getattr(queries, name)(con, Filters()).reset_index(drop=True)
        assert with_two.equals(alone), name


def test_without_a_meeting_filter_queries_span_both_meetings(two):
    sessions = queries.sessions(two, Filters())
    assert sessions["meeting_id"].tolist() == [BOGOTA_MEETING, BOGOTA_MEETING, TEST_MEETING]
    assert len(queries.entry_points(two, Filters())) == 9 + 1
    venues = queries.cities(two, Filters())
    assert set(venues[venues["meeting_venue"]]["city"]) == {"Bogotá", "Geneva"}


def test_region_counts_across_meetings_count_each_person_once(two):
    frame = queries.participants_by_region(two, Filters())
    counts = {r.sub_region: r.people for r in frame.itertuples()}
    # Bernal (Bogotá, both meetings) once; Beta (Colombia) and Alpha (Geneva) are new
    assert counts["Latin America and the Caribbean"] == 15 + 1
    assert counts["Western Europe"] == 4 + 1


def test_roles_are_per_meeting(two):
    frame = queries.participants(two, Filters(roles=("moderator",)))
    assert frame[["meeting_id", "name"]].values.tolist() == [
        [TEST_MEETING, "Test Participant Alpha"]
    ]
    presenters = queries.participants(two, Filters(roles=("kick-off presenter",)))
    assert len(presenters) == 7 + 1  # one row per meeting presented at


def test_meeting_and_person_filters_combine(two):
    filters = Filters(meetings=(TEST_MEETING,), cities=("bogota",))
    assert queries.participants(two, filters)["name"].tolist() == ["Ana Teresa Bernal"]


def test_exports_under_a_meeting_filter_hold_only_that_meetings_rows(two):
    content = export.export_summary(two, "participants", Filters(meetings=(TEST_MEETING,)))
    lines = content.decode("utf-8-sig").splitlines()[1:]
    assert len(lines) == 3
    assert all(line.startswith(f"{TEST_MEETING},") for line in lines)


def test_city_people_count_each_person_once_across_meetings(two):
    # Bernal attends both meetings from Bogotá: five distinct people, not six.
    assert queries.cities(two, Filters()).set_index("city").loc["Bogotá", "people"] == 5


def test_a_brief_of_a_meeting_with_no_sdg_crosswalk_rows_is_made(two):
    # The test meeting's one key point maps to no SDG target: the crosswalk rows kept for the
    # brief are none (an empty list used as a mask selected no columns instead).
    from twg_data.brief.items import Selection
    from twg_data.brief.markdown import brief_markdown
    from twg_data.brief.rows import brief_csv

    test = Filters(meetings=(TEST_MEETING,))
    markdown = brief_markdown(two, test, Selection())
    assert "#### Synthetic key point" in markdown
    assert "None: no selected key point is mapped to an SDG target." in markdown
    rows = brief_csv(two, test, Selection()).decode("utf-8-sig").splitlines()
    assert len(rows) == 1 + 1 + 1  # header, the key point, Ana Teresa Bernal presenting


def test_participation_per_meeting_counts_each_meeting_apart(two):
    frame = queries.participation_by_region(two, Filters())
    per_meeting = frame.groupby("meeting_id").people.sum().to_dict()
    assert per_meeting == {BOGOTA_MEETING: 23, TEST_MEETING: 3}
    named = labels.with_meeting(frame).meeting.tolist()
    assert named[-1] == "Meeting 3 · Geneva · 2016-05-10"  # in date order
    types = queries.participation_by_organization_type(two, Filters(meetings=(TEST_MEETING,)))
    assert types.people.sum() == 3


def test_who_returns_counts_the_meetings_each_took_part_in(two):
    people = queries.returning_people(two, Filters()).set_index("name")
    assert people.loc["Ana Teresa Bernal", "meetings"] == 2
    assert (people.meetings == 1).sum() == 25 - 1
    assert people.loc["Test Participant Alpha", "city"] == "Geneva"
    organizations = queries.returning_organizations(two, Filters()).set_index("organization_id")
    assert organizations.loc["city-of-bogota", "meetings"] == 2
    cities = queries.returning_cities(two, Filters()).set_index("city")
    # Geneva: named people in Bogotá's meeting, the venue of the test meeting
    assert cities.loc["Geneva", "meetings"] == 2 and cities.loc["Bogotá", "meetings"] == 2
    assert cities.loc["Seoul", "meetings"] == 1  # a GNSC delegation in 2015
    returns = queries.returns(two, Filters()).set_index("what")
    assert returns.loc["people"].tolist() == [25, 1]
    assert returns.loc["cities"].tolist() == [len(cities), 2]


def test_filters_on_people_keep_only_the_cities_of_matching_people(two):
    cities = queries.returning_cities(two, Filters(organizations=("giz",)))
    assert set(cities.city) == {"Bogotá", "Bonn"}  # no venue, no delegation
    assert cities.set_index("city").loc["Bogotá", "people"] == 2


def test_key_points_per_meeting_by_category(two):
    frame = queries.key_points_per_meeting(two, Filters())
    rows = [(r.meeting_id, r.category, r.key_points) for r in frame.itertuples()]
    assert rows == [
        (BOGOTA_MEETING, "Commonalities", 4),
        (BOGOTA_MEETING, "Differences", 4),
        (BOGOTA_MEETING, "Opportunities", 1),
        (TEST_MEETING, "Commonalities", 1),
    ]
