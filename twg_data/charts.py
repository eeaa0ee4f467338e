"""Charts for the pages, as Vega-Lite specs. They take frames already aggregated in DuckDB.

Altair defines (and validates) each chart's shape once per set of options: building and
validating an Altair chart costs 50-170 ms, far more than a page rerun should. Every call then
copies that template and fills in only what depends on the data: the rows (as the named
dataset `rows`, which Streamlit sends as Arrow), the title and the x-axis extent.
"""

from __future__ import annotations

import copy
from functools import cache

import altair as alt
import pandas as pd

# Served by Streamlit's static file serving (server.enableStaticServing) from `static/`:
# the browser fetches the outline once from the app itself, so maps work offline and the
# 100 KB outline is not resent with every rerun.
WORLD_TOPOJSON_URL = "app/static/countries-110m.json"
MAX_BARS = 25
MAX_CITIES = 60
_FONT = 15
_PALETTE = ["#0b5563", "#e07a1f", "#5b8e3e", "#8e3e63", "#3e5b8e", "#b5a33a", "#777777"]
_ROWS = alt.NamedData(name="rows")
MAP_GROUPS = {
    "Meeting venue": "#c0392b",
    "Named participants": _PALETTE[0],
    "Named participants and a delegation": _PALETTE[1],
    "Delegation only": "#8a9ba0",
}


def _readable(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Large, unclipped labels: the dashboard is read from the back of a room."""
    return (
        chart.configure_axis(
            labelFontSize=_FONT, titleFontSize=_FONT, labelLimit=420, titlePadding=10
        )
        .configure_legend(labelFontSize=_FONT, titleFontSize=_FONT, labelLimit=420)
        .configure_title(fontSize=_FONT + 3, anchor="start")
        .configure_view(stroke=None)
    )


def _fill(template: dict, frame: pd.DataFrame, title: str, **params: float) -> dict:
    spec = copy.deepcopy(template)
    spec["datasets"] = {"rows": frame}
    spec["title"] = title
    for param in spec.get("params", []):
        if param["name"] in params:
            param["value"] = params[param["name"]]
    return spec


@cache
def _bar_template(category: str, value: str, color: str | None, category_title: str) -> dict:
    longest = alt.param(name="longest", value=1)
    order = alt.EncodingSortField(field=value, op="sum", order="descending")
    x = alt.X(
        f"{value}:Q",
        title=value.replace("_", " ").capitalize(),
        axis=alt.Axis(tickMinStep=1),
        # Room past the longest bar for its label.
        scale=alt.Scale(domainMin=0, domainMax=alt.ExprRef(expr="longest * 1.15"), nice=False),
    )
    tooltip = [f"{c}:N" for c in (category, color) if c] + [f"{value}:Q"]
    base = alt.Chart(_ROWS).encode(
        y=alt.Y(f"{category}:N", sort=order, title=category_title),
        x=x,
        tooltip=tooltip,
    )
    if color:
        bars = base.mark_bar().encode(
            color=alt.Color(f"{color}:N", scale=alt.Scale(range=_PALETTE), title="")
        )
    else:
        bars = base.mark_bar(color=_PALETTE[0])
    labels = base.mark_text(align="left", dx=4, fontSize=_FONT).encode(text=f"{value}:Q")
    chart = (bars + labels).add_params(longest).properties(title="title", height=alt.Step(34))
    return _readable(chart).to_dict()


def bar_chart(
    frame: pd.DataFrame,
    category: str,
    *,
    title: str,
    value: str = "people",
    color: str | None = None,
    category_title: str = "",
) -> dict:
    """Horizontal bars, largest first, the value written at the end of each bar."""
    shown = frame.head(MAX_BARS)
    if len(frame) > MAX_BARS:
        title = f"{title} (top {MAX_BARS} of {len(frame)})"
    longest = float(shown[value].max()) if len(shown) else 1.0
    template = _bar_template(category, value, color, category_title)
    return _fill(template, shown, title, longest=longest)


@cache
def _per_meeting_template(group: str, value: str) -> dict:
    bars = (
        alt.Chart(_ROWS)
        .mark_bar()
        .encode(
            # sort=None: the rows' own order, which is the meetings' date order
            y=alt.Y("meeting:N", sort=None, title="", axis=alt.Axis(labelLimit=420)),
            x=alt.X(f"sum({value}):Q", title=value.replace("_", " ").capitalize()),
            color=alt.Color(
                f"{group}:N",
                scale=alt.Scale(range=_PALETTE),
                title="",
                legend=alt.Legend(orient="top", columns=3),
            ),
            tooltip=["meeting:N", f"{group}:N", f"{value}:Q"],
        )
    )
    chart = bars.properties(title="title", width="container", height=alt.Step(26))
    return _readable(chart).to_dict()


def per_meeting_bars(frame: pd.DataFrame, group: str, *, title: str, value: str = "people") -> dict:
    """One stacked bar per meeting (rows in date order), split by group (region, ...)."""
    return _fill(_per_meeting_template(group, value), frame[["meeting", group, value]], title)


@cache
def _timeline_template() -> dict:
    y = alt.Y("label:N", sort=alt.SortField("order"), title="", axis=alt.Axis(labelLimit=560))
    base = alt.Chart(_ROWS).encode(
        y=y,
        x=alt.X("start_at:T", title="Time", axis=alt.Axis(format="%H:%M")),
        x2="end_at:T",
        tooltip=["label:N", "start:N", "end:N", "duration_minutes:Q", "date:N"],
    )
    bars = base.mark_bar(cornerRadius=4, height=34).encode(
        color=alt.Color(
            "kind:N",
            scale=alt.Scale(domain=["session", "break"], range=[_PALETTE[0], "#c9d3d5"]),
            title="",
        )
    )
    times = (
        base.transform_filter("datum.kind == 'session'")  # a break is too short for a label
        .mark_text(align="left", dx=6, color="white", fontSize=_FONT)
        .encode(text="start:N")
    )
    return _readable((bars + times).properties(title="title", height=alt.Step(48))).to_dict()


def timeline(frame: pd.DataFrame) -> dict:
    """Sessions and breaks of a meeting day as bars on a time-of-day axis."""
    return _fill(_timeline_template(), frame, "The meeting day")


@cache
def _map_template() -> dict:
    world = alt.UrlData(
        url=WORLD_TOPOJSON_URL, format=alt.DataFormat(type="topojson", feature="countries")
    )
    land = (
        alt.Chart(world)
        .mark_geoshape(fill="#dde5e8", stroke="#ffffff", strokeWidth=0.5)
        .transform_filter("datum.id != '010'")  # Antarctica: no TWG city, a third of the map
    )
    points = (
        alt.Chart(_ROWS)
        .transform_filter("isValid(datum.latitude) && isValid(datum.longitude)")
        .transform_calculate(size="max(datum.people, 1)")
        .mark_circle(opacity=0.85, stroke="#ffffff", strokeWidth=1)
        .encode(
            longitude="longitude:Q",
            latitude="latitude:Q",
            color=alt.Color(
                "map_group:N",
                scale=alt.Scale(domain=list(MAP_GROUPS), range=list(MAP_GROUPS.values())),
                legend=alt.Legend(
                    orient="top-left", title="How the city took part", symbolSize=260
                ),
            ),
            size=alt.Size("size:Q", scale=alt.Scale(range=[120, 900]), legend=None),
            tooltip=[
                alt.Tooltip("city:N", title="City"),
                alt.Tooltip("people:Q", title="Named people"),
                alt.Tooltip("map_group:N", title="Took part as"),
            ],
        )
    )
    chart = (land + points).project(type="equalEarth")
    return _readable(chart.properties(width="container", height=600)).to_dict()


def city_map(frame: pd.DataFrame) -> dict:
    """Cities on a world map drawn from the bundled TopoJSON: no tiles, works offline.

    At most MAX_CITIES: the venues, then the cities with the most named people (the table
    beside the map lists them all). Only the columns the map encodes are sent.
    """
    title = ""
    if len(frame) > MAX_CITIES:
        title = f"{MAX_CITIES} of {len(frame)} cities: the venues and those with most people"
        frame = frame.sort_values(["meeting_venue", "people"], ascending=False, kind="stable")
        frame = frame.head(MAX_CITIES)
    columns = ["city", "people", "map_group", "latitude", "longitude"]
    return _fill(_map_template(), frame[columns], title)
