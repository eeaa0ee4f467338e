"""Overview: what a meeting was (one at a time), headline figures, and the map of cities that
took part."""

import streamlit as st

from twg_data import charts, queries, ui

filters = ui.page_header("Urban safety and peacebuilding: Technical Working Group")

shown = ui.one_meeting(filters)  # the facts of one meeting; the figures and map below span all
objectives = ui.grouped(queries.objectives, shown, "meeting_id")
for meeting in ui.rows(queries.meetings, shown):
    st.subheader(ui.md(meeting.label))
    facts, aims = st.columns([1, 1], gap="large")
    with facts:
        st.markdown(
            f"**Part of:** {ui.md(meeting.part_of)}  \n"
            f"**Co-facilitated by:** {ui.md(meeting.co_facilitators)}  \n"
            f"**Feeds into:** {ui.md(meeting.agenda_process)}  \n"
            f"**Attendance (as reported):** {ui.md(meeting.attendance_stated)}  \n"
            f"**Report:** {ui.md(meeting.report_file)}"
        )
    with aims:
        own = objectives.get(meeting.meeting_id, [])
        st.markdown("**The meeting's objectives**")
        for row in own:
            if row.scope == "meeting":
                st.markdown(f"- {ui.md(row.label)} {ui.md(row.text)}")
        st.markdown("**The TWG's standing objectives**")
        for row in own:
            if row.scope == "twg":
                st.markdown(f"- {ui.md(row.text)}")

figures = ui.query(queries.headline_figures, filters).iloc[0]
st.subheader("Under the current filters")
cells = st.columns(6)
cells[0].metric("Named people", f"{figures.people:,}")
cells[1].metric("Kick-off presenters", f"{figures.presenters:,}")
cells[2].metric("Organizations", f"{figures.organizations:,}")
cells[3].metric("Countries", f"{figures.countries:,}", help="Countries of named people.")
cells[4].metric("Cities", f"{figures.cities:,}", help="Cities of named people.")
cells[5].metric(
    "Delegation cities",
    f"{figures.delegation_cities:,}",
    help="Cities whose delegations joined through a network such as the Global Network on "
    "Safer Cities (GNSC). Not attributed to people, so filters on people exclude them.",
)

st.subheader("Cities that took part")
cities = ui.summary("cities", filters)
if cities.empty:
    st.info("No city matches the current filters.", icon=":material/search_off:")
else:
    ui.chart(charts.city_map, queries.cities, filters)
    unmapped = cities[cities.latitude.isna()]
    with st.container():  # in place whether or not there is a note (see ui.page_header)
        if not unmapped.empty:
            names = ", ".join(unmapped.city)
            st.caption(f"Not on the map (no coordinates: the report's name is ambiguous): {names}.")
    ui.summary_table("cities", filters)
