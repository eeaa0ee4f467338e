"""Across meetings: participation per meeting, who and what returns, key points per meeting,
and the map meeting by meeting. In the navigation when the data holds two meetings or more."""

import streamlit as st

from twg_data import charts, queries, ui

filters = ui.page_header("Across meetings")

st.subheader("Participation per meeting")
st.caption("Named people at each meeting; a person at several meetings counts at each.")
nobody = "No named participant matches the current filters."
for question, group, title in (
    (queries.participation_by_region, "region", "By UN M49 region"),
    (queries.participation_by_organization_type, "organization_type", "By organization type"),
):
    ui.chart(charts.per_meeting_bars, question, filters, empty=nobody, group=group, title=title)
with st.expander("Chart data and downloads"):
    ui.summary_table("participation_by_region", filters, empty=nobody)
    ui.summary_table("participation_by_organization_type", filters, empty=nobody)

st.subheader("Who and what returns")
st.caption(
    "Each person, organization and city with the number of meetings it took part in, most "
    "first. A city takes part as the venue, through a delegation or through its named people."
)
returns = ui.rows(queries.returns, filters)
for cell, row in zip(st.columns(len(returns)), returns, strict=True):
    cell.metric(f"{row.what.capitalize()} at two meetings or more", f"{row.returned:,}")
    cell.caption(f"of {row.took_part:,} {row.what} that took part")
people, organizations, cities = st.tabs(["People", "Organizations", "Cities"])
with people:
    ui.summary_table("returning_people", filters, empty="No named person matches the filters.")
with organizations:
    ui.summary_table("returning_organizations", filters, empty="No organization matches.")
with cities:
    ui.summary_table("returning_cities", filters, empty="No city matches the filters.")

st.subheader("Key points per meeting")
ui.note_filters_not_applied(
    filters,
    ("meetings",),
    "the reports do not attribute key points to people, places or organizations.",
)
ui.chart(
    charts.per_meeting_bars,
    queries.key_points_per_meeting,
    filters,
    empty="No key points for the selected meetings.",
    group="category",
    value="key_points",
    title="Key points by category",
)
ui.summary_table("key_points_per_meeting", filters, empty="No key points for these meetings.")


st.subheader("The map, meeting by meeting")


# Moving the slider redraws this part only.
@st.fragment
def map_by_meeting() -> None:
    one = ui.meeting_slider(filters, key="across_map_meeting")
    ui.chart(charts.city_map, queries.cities, one, empty="No city matches the current filters.")
    ui.summary_table("cities", one, empty="No city matches the current filters.")


map_by_meeting()
