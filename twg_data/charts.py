"""Charts for the pages, as Vega-Lite specs. They take frames already aggregated in DuckDB.

Altair defines (and validates) each chart's shape once per set of options: building and
validating an Altair chart costs 50-170 ms, far more than a page rerun should. Every call then
copies that template and fills in the rows (as the named dataset `rows`, which Streamlit sends
as Arrow) and the title. Nothing else in a spec depends on the data (extents are Vega
expressions over the rows), so when a filter changes the rows the browser swaps them into
the chart it has instead of building a new one.
"""

from __future__ import annotations

import copy
from functools import cache

import altair as alt
import pandas as pd

from twg_data import i18n, labels, localise
from twg_data.i18n import N_, _, format_count, ngettext

# Served by Streamlit's static file serving (server.enableStaticServing) from `static/`:
# the browser fetches the outline once from the app itself, so maps work offline and the
# 100 KB outline is not resent with every rerun.
WORLD_TOPOJSON_URL = "app/static/countries-110m.json"
MAX_BARS = 25
MAX_CITIES = 60
_FONT = 15
_INK = "#333333"  # labels and titles: 12.6:1 on white, where Vega's default grey is 3.5:1
_PALETTE = ["#0b5563", "#e07a1f", "#5b8e3e", "#8e3e63", "#3e5b8e", "#b5a33a", "#777777"]
_ROWS = alt.NamedData(name="rows")
# How a city took part (`queries.city_participation`'s `map_group` code): legend and colour.
MAP_GROUPS = {
    "venue": (N_("Meeting venue"), "#c0392b"),
    "participants": (N_("Named participants"), _PALETTE[0]),
    "participants_and_delegation": (N_("Named participants and a delegation"), _PALETTE[1]),
    "delegation": (N_("Delegation only"), "#8a9ba0"),
}
DAY_PARTS = (N_("session"), N_("break"))  # the timeline's `kind` values
SUMMARY = "summary"  # a spec's `usermeta` key: its largest values in words


def _title(column: str) -> str:
    """A column's name as an axis or tooltip title, in the language: 'Sub region'."""
    return localise.column_label(column).capitalize()


def _tip(column: str, kind: str) -> alt.Tooltip:
    return alt.Tooltip(f"{column}:{kind}", title=_title(column))


def _readable(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Large, unclipped labels: the dashboard is read from the back of a room."""
    return (
        chart.configure_axis(
            labelFontSize=_FONT,
            titleFontSize=_FONT,
            labelLimit=420,
            titlePadding=10,
            labelColor=_INK,
            titleColor=_INK,
        )
        .configure_legend(
            labelFontSize=_FONT,
            titleFontSize=_FONT,
            labelLimit=420,
            labelColor=_INK,
            titleColor=_INK,
        )
        .configure_title(fontSize=_FONT + 3, anchor="start")
        .configure_view(stroke=None)
    )


def _fill(template: dict, frame: pd.DataFrame, title: str, description: str, summary: str) -> dict:
    """The template with its rows and its title; `description` says what the chart shows
    (Vega makes it the chart's `aria-label`, read by screen readers) and, like the rest of the
    spec, does not depend on the rows; `summary`, its largest values in words, does, and is
    kept apart in `usermeta` for the page to write under the chart (`SUMMARY`)."""
    spec = copy.deepcopy(template)
    spec["datasets"] = {"rows": frame}
    spec["title"] = title
    spec["description"] = description
    spec["usermeta"] = {SUMMARY: summary}
    return spec


def _largest(frame: pd.DataFrame, category: str, value: str, shown: int = 3) -> str:
    """The largest values in words, for a chart's description: 'Bogotá (5), Nairobi (3)'."""
    totals = frame.groupby(category, sort=False)[value].sum().sort_values(ascending=False)
    return ", ".join(
        f"{name} ({format_count(int(total))})" for name, total in totals.head(shown).items()
    )


@cache
def _bar_template(
    category: str, value: str, color: str | None, category_title: str, language: str
) -> dict:
    del language  # a template per language: its titles are in it
    order = alt.EncodingSortField(field=value, op="sum", order="descending")
    # Room past the longest bar for its label, computed by Vega from the rows: the spec does
    # not depend on the data, so a filter change only swaps the rows and the browser updates
    # the chart in place instead of building it again.
    longest = f"(extent(pluck(data('rows'), '{value}'))[1] || 1)"
    x = alt.X(
        f"{value}:Q",
        title=_title(value),
        axis=alt.Axis(tickMinStep=1),
        scale=alt.Scale(domainMin=0, domainMax=alt.ExprRef(expr=f"{longest} * 1.15"), nice=False),
    )
    tooltip = [_tip(c, "N") for c in (category, color) if c] + [_tip(value, "Q")]
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
    chart = (bars + labels).properties(title="title", height=alt.Step(34))
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
        title = _("{title} (top {shown} of {total})").format(
            title=title, shown=MAX_BARS, total=format_count(len(frame))
        )
    template = _bar_template(category, value, color, category_title, i18n.language())
    description = _("Bar chart: {title}.").format(title=title)
    summary = _("Largest: {largest}.").format(largest=_largest(frame, category, value))
    return _fill(template, shown, title, description, summary)


@cache
def _per_meeting_template(group: str, value: str, language: str) -> dict:
    del language  # a template per language: its titles are in it
    bars = (
        alt.Chart(_ROWS)
        .mark_bar()
        .encode(
            # sort=None: the rows' own order, which is the meetings' date order
            y=alt.Y("meeting:N", sort=None, title="", axis=alt.Axis(labelLimit=420)),
            x=alt.X(f"sum({value}):Q", title=_title(value)),
            color=alt.Color(
                f"{group}:N",
                scale=alt.Scale(range=_PALETTE),
                title="",
                legend=alt.Legend(orient="top", columns=3),
            ),
            tooltip=[_tip("meeting", "N"), _tip(group, "N"), _tip(value, "Q")],
        )
    )
    chart = bars.properties(title="title", width="container", height=alt.Step(26))
    return _readable(chart).to_dict()


def per_meeting_bars(frame: pd.DataFrame, group: str, *, title: str, value: str = "people") -> dict:
    """One stacked bar per meeting (rows in date order, each meeting in its parts,
    `labels.MEETING_PARTS`), split by group (region, ...)."""
    template = _per_meeting_template(group, value, i18n.language())
    rows = labels.with_meeting(frame)[["meeting", group, value]]
    description = _("Stacked bar chart: {title}, one bar per meeting.").format(title=title)
    summary = _("Largest: {largest}.").format(largest=_largest(rows, "meeting", value))
    return _fill(template, rows, title, description, summary)


@cache
def _timeline_template(language: str) -> dict:
    del language  # a template per language: its titles and parts of the day are in it
    y = alt.Y("label:N", sort=alt.SortField("order"), title="", axis=alt.Axis(labelLimit=560))
    base = alt.Chart(_ROWS).encode(
        y=y,
        x=alt.X("start_at:T", title=_("Time"), axis=alt.Axis(format="%H:%M")),
        x2="end_at:T",
        tooltip=[
            alt.Tooltip("label:N", title=_("Session")),
            *(_tip(c, "N") for c in ("start", "end")),
            _tip("duration_minutes", "Q"),
            _tip("date", "N"),
        ],
    )
    bars = base.mark_bar(cornerRadius=4, height=34).encode(
        color=alt.Color(
            "kind:N",
            scale=alt.Scale(domain=[_(p) for p in DAY_PARTS], range=[_PALETTE[0], "#c9d3d5"]),
            title="",
        )
    )
    times = (
        # a break is too short for a label
        base.transform_filter(alt.FieldEqualPredicate(field="kind", equal=_(DAY_PARTS[0])))
        .mark_text(align="left", dx=6, color="white", fontSize=_FONT)
        .encode(text="start:N")
    )
    return _readable((bars + times).properties(title="title", height=alt.Step(48))).to_dict()


def timeline(frame: pd.DataFrame) -> dict:
    """Sessions and breaks of a meeting day as bars on a time-of-day axis."""
    sessions = frame[frame["kind"] == DAY_PARTS[0]] if "kind" in frame else frame.iloc[0:0]
    summary = ngettext(
        "{n} session, from {start} to {end}.",
        "{n} sessions, from {start} to {end}.",
        len(sessions),
    ).format(
        n=format_count(len(sessions)),
        start=frame["start"].min() if "start" in frame else "",
        end=frame["end"].max() if "end" in frame else "",
    )
    frame = frame.assign(kind=frame["kind"].map(_)) if i18n.language() != i18n.DEFAULT else frame
    title = _("The meeting day")
    description = _("Timeline: {title}, each session a bar from its start to its end.").format(
        title=title
    )
    return _fill(_timeline_template(i18n.language()), frame, title, description, summary)


@cache
def _map_template(language: str) -> dict:
    del language  # a template per language: its legend and tooltips are in it
    world = alt.UrlData(
        url=WORLD_TOPOJSON_URL, format=alt.DataFormat(type="topojson", feature="countries")
    )
    land = (
        alt.Chart(world)
        # the outline is decoration: hidden from screen readers, which read the description
        .mark_geoshape(fill="#dde5e8", stroke="#ffffff", strokeWidth=0.5, aria=False)
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
                scale=alt.Scale(
                    domain=[_(label) for label, _colour in MAP_GROUPS.values()],
                    range=[colour for _label, colour in MAP_GROUPS.values()],
                ),
                legend=alt.Legend(
                    orient="top-left", title=_("How the city took part"), symbolSize=260
                ),
            ),
            size=alt.Size("size:Q", scale=alt.Scale(range=[120, 900]), legend=None),
            tooltip=[
                alt.Tooltip("city:N", title=_("City")),
                alt.Tooltip("people:Q", title=_("Named people")),
                alt.Tooltip("map_group:N", title=_("Took part as")),
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
        title = _("{shown} of {total} cities: the venues and those with most people").format(
            shown=MAX_CITIES, total=format_count(len(frame))
        )
        frame = frame.sort_values(["meeting_venue", "people"], ascending=False, kind="stable")
        frame = frame.head(MAX_CITIES)
    columns = ["city", "people", "map_group", "latitude", "longitude"]
    frame = frame[columns]
    frame = frame.assign(map_group=[_(MAP_GROUPS[code][0]) for code in frame["map_group"]])
    description = _("World map of the cities, each a circle sized by its named people.")
    drawn = frame.dropna(subset=["latitude", "longitude"])  # as the map's isValid filter
    summary = ngettext(
        "{n} city on the map. Most named people: {largest}.",
        "{n} cities on the map. Most named people: {largest}.",
        len(drawn),
    ).format(n=format_count(len(drawn)), largest=_largest(drawn, "city", "people"))
    return _fill(_map_template(i18n.language()), frame, title, description, summary)


# The projector view's charts: text 1.6 times larger, bars and rows spaced to match.
_WALL_TEXT = 1.6
_WALL_KEYS = frozenset({"fontSize", "labelFontSize", "titleFontSize", "dx", "step", "symbolSize"})


def _for_wall(value: object, key: str = "") -> object:
    if isinstance(value, dict):
        return {k: _for_wall(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_for_wall(v) for v in value]
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    return round(value * _WALL_TEXT, 1) if number and key in _WALL_KEYS else value


def for_wall(spec: dict) -> dict:
    """The spec as the projector view draws it: larger text, labels and legends, and bars
    spaced for them (`ui.projector`). The rows are shared, not copied."""
    return {key: value if key == "datasets" else _for_wall(value) for key, value in spec.items()}
