"""Altair charts for the pages. They take frames that are already aggregated in DuckDB."""

from __future__ import annotations

import altair as alt
import pandas as pd

# Served by Streamlit's static file serving (server.enableStaticServing) from `static/`:
# the browser fetches the outline once from the app itself, so maps work offline and the
# 100 KB outline is not resent with every rerun.
WORLD_TOPOJSON_URL = "app/static/countries-110m.json"
MAX_BARS = 25
_FONT = 15
_PALETTE = ["#0b5563", "#e07a1f", "#5b8e3e", "#8e3e63", "#3e5b8e", "#b5a33a", "#777777"]


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


def bar_chart(
    frame: pd.DataFrame,
    category: str,
    *,
    title: str,
    value: str = "people",
    color: str | None = None,
    category_title: str | None = None,
) -> alt.TopLevelMixin:
    """Horizontal bars, largest first, the value written at the end of each bar."""
    shown = frame.head(MAX_BARS)
    if len(frame) > MAX_BARS:
        title = f"{title} (top {MAX_BARS} of {len(frame)})"
    order = alt.EncodingSortField(field=value, op="sum", order="descending")
    y = alt.Y(f"{category}:N", sort=order, title=category_title or "")
    # Room past the longest bar for its label.
    longest = float(shown[value].max()) if len(shown) else 1.0
    room = alt.Scale(domain=[0, longest * 1.15], nice=False)
    x = alt.X(
        f"{value}:Q",
        title=value.replace("_", " ").capitalize(),
        axis=alt.Axis(tickMinStep=1),
        scale=room,
    )
    tooltip = [alt.Tooltip(c) for c in shown.columns]
    base = alt.Chart(shown, title=title).encode(y=y, x=x, tooltip=tooltip)
    if color:
        bars = base.mark_bar().encode(
            color=alt.Color(f"{color}:N", scale=alt.Scale(range=_PALETTE), title="")
        )
    else:
        bars = base.mark_bar(color=_PALETTE[0])
    labels = base.mark_text(align="left", dx=4, fontSize=_FONT).encode(text=f"{value}:Q")
    return _readable((bars + labels).properties(height=alt.Step(34)))


def timeline(frame: pd.DataFrame) -> alt.TopLevelMixin:
    """Sessions and breaks of a meeting day as bars on a time axis."""
    y = alt.Y("label:N", sort=alt.SortField("order"), title="", axis=alt.Axis(labelLimit=560))
    base = alt.Chart(frame, title="The meeting day").encode(
        y=y,
        x=alt.X("start_at:T", title="Time", axis=alt.Axis(format="%H:%M")),
        x2="end_at:T",
        tooltip=["label", "start", "end", "duration_minutes", "date"],
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
    return _readable((bars + times).properties(height=alt.Step(48)))


def city_map(frame: pd.DataFrame) -> alt.TopLevelMixin:
    """Cities on a world map drawn from the bundled TopoJSON: no tiles, works offline."""
    world = alt.UrlData(
        url=WORLD_TOPOJSON_URL, format=alt.DataFormat(type="topojson", feature="countries")
    )
    land = (
        alt.Chart(world)
        .mark_geoshape(fill="#dde5e8", stroke="#ffffff", strokeWidth=0.5)
        .transform_filter("datum.id != '010'")  # Antarctica: no TWG city, a third of the map
    )
    located = frame.dropna(subset=["latitude", "longitude"]).copy()
    located["size"] = located["people"].clip(lower=1)
    points = (
        alt.Chart(located)
        .mark_circle(opacity=0.85, stroke="#ffffff", strokeWidth=1)
        .encode(
            longitude="longitude:Q",
            latitude="latitude:Q",
            color=alt.Color(
                "map_group:N",
                scale=alt.Scale(
                    domain=[
                        "Meeting venue",
                        "Named participants",
                        "Named participants and a delegation",
                        "Delegation only",
                    ],
                    range=["#c0392b", _PALETTE[0], _PALETTE[1], "#8a9ba0"],
                ),
                legend=alt.Legend(
                    orient="top-left", title="How the city took part", symbolSize=260
                ),
            ),
            size=alt.Size("size:Q", scale=alt.Scale(range=[120, 900]), legend=None),
            tooltip=["city", "country", "people", "took_part_as"],
        )
    )
    chart = (land + points).project(type="equalEarth").properties(width="container", height=600)
    return _readable(chart)
