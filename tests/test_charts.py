"""Chart specs: built from aggregates, capped, and carrying only the rows they draw."""

from __future__ import annotations

import pandas as pd

from twg_data import charts, queries
from twg_data.filters import Filters


def test_bar_chart_shows_at_most_max_bars_and_says_so():
    frame = pd.DataFrame({"country": [f"C{i}" for i in range(40)], "people": range(40, 0, -1)})
    spec = charts.bar_chart(frame, "country", title="By country")
    assert len(spec["datasets"]["rows"]) == charts.MAX_BARS
    assert spec["title"] == f"By country (top {charts.MAX_BARS} of 40)"


def test_a_bar_chart_spec_does_not_depend_on_its_rows_but_for_them():
    # so that the browser swaps the rows into the chart it has when a filter changes them
    few = pd.DataFrame({"country": ["A", "B"], "people": [3, 1]})
    more = pd.DataFrame({"country": ["A", "B", "C"], "people": [40, 7, 2]})
    first = charts.bar_chart(few, "country", title="By country")
    second = charts.bar_chart(more, "country", title="By country")
    assert first.pop("datasets")["rows"].equals(few) and second.pop("datasets")
    # the largest values in words, kept apart: the page writes them under the chart
    assert first.pop("usermeta") == {charts.SUMMARY: "Largest: A (3), B (1)."}
    assert second.pop("usermeta") == {charts.SUMMARY: "Largest: A (40), B (7), C (2)."}
    assert first == second
    assert first["description"] == "Bar chart: By country."


def test_map_keeps_the_venues_and_the_cities_with_most_people_when_capped():
    n = charts.MAX_CITIES + 40
    frame = pd.DataFrame(
        {
            "city": [f"City {i}" for i in range(n)],
            "people": [0] * 50 + list(range(n - 50, 0, -1)),
            "meeting_venue": [i == 0 for i in range(n)],  # a venue with no named people
            "map_group": ["delegation"] * n,
            "latitude": [0.0] * n,
            "longitude": [0.0] * n,
        }
    )
    rows = charts.city_map(frame)["datasets"]["rows"]
    assert len(rows) == charts.MAX_CITIES
    assert "City 0" in set(rows["city"])
    assert list(rows.columns) == ["city", "people", "map_group", "latitude", "longitude"]


def test_shipped_map_shows_every_city_with_coordinates_and_no_title(con):
    frame = queries.cities(con, Filters())
    spec = charts.city_map(frame)
    # 21 rows; San Fernando (no coordinates) is left out by the map's own isValid filter.
    assert len(spec["datasets"]["rows"]) == len(frame) == 21
    assert spec["title"] == ""
    assert spec["layer"][0]["data"]["url"] == charts.WORLD_TOPOJSON_URL


def test_templates_are_copied_not_shared():
    first = charts.timeline(pd.DataFrame({"label": ["a"]}))
    first["layer"].clear()
    assert charts.timeline(pd.DataFrame({"label": ["b"]}))["layer"]


def test_every_chart_says_what_it_shows_and_its_largest_values(con):
    # A screen reader reads the description (the chart's aria-label) and then the summary
    # written under the chart; both come from the report's rows, in the language.
    spec = charts.city_map(queries.cities(con, Filters()))
    assert spec["description"] == (
        "World map of the cities, each a circle sized by its named people."
    )
    # San Fernando has no coordinates: 20 of the 21 cities are drawn, and said to be.
    assert spec["usermeta"][charts.SUMMARY] == (
        "20 cities on the map. Most named people: Bogotá (5), Geneva (3), Bonn (1)."
    )
    day = charts.timeline(queries.session_timeline(con, Filters()))
    assert day["description"].startswith("Timeline: The meeting day")
    sessions = queries.session_timeline(con, Filters())
    n = int((sessions["kind"] == "session").sum())
    assert day["usermeta"][charts.SUMMARY] == (
        f"{n} sessions, from {sessions['start'].min()} to {sessions['end'].max()}."
    )


def test_a_chart_description_is_in_the_language(con):
    from twg_data import i18n

    with i18n.use("fr"):
        spec = charts.bar_chart(
            pd.DataFrame({"country": ["Colombie", "Mexique"], "people": [7, 4]}),
            "country",
            title="Par pays",
        )
    assert spec["description"] == "Diagramme en barres : Par pays."
    assert (
        spec["usermeta"][charts.SUMMARY] == "Valeurs les plus élevées : Colombie (7), Mexique (4)."
    )
