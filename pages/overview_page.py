"""Overview: what a meeting was (one at a time), headline figures, and the map of cities that
took part."""

import streamlit as st

from twg_data import charts, queries, ui
from twg_data.i18n import _, format_count

filters = ui.page_header(_("Urban safety and peacebuilding: Technical Working Group"))

shown = ui.one_meeting(filters)  # the facts of one meeting; the figures and map below span all
objectives = ui.grouped(queries.objectives, shown, "meeting_id")
for meeting in ui.rows(queries.meetings, shown):
    st.subheader(ui.md(ui.meeting_name(meeting.meeting_number, meeting.city, meeting.date)))
    facts, aims = st.columns([1, 1], gap="large")
    with facts:
        stated = (
            (_("Part of"), meeting.part_of),
            (_("Co-facilitated by"), meeting.co_facilitators),
            (_("Feeds into"), meeting.agenda_process),
            (_("Attendance (as reported)"), meeting.attendance_stated),
            (_("Report"), meeting.report_file),
        )
        st.markdown("  \n".join(f"**{label}:** {ui.md(value)}" for label, value in stated))
    with aims:
        own = objectives.get(meeting.meeting_id, [])
        st.markdown("**" + _("The meeting's objectives") + "**")
        for row in own:
            if row.scope == "meeting":
                st.markdown(f"- {ui.md(row.label)} {ui.md(row.text)}")
        st.markdown("**" + _("The TWG's standing objectives") + "**")
        for row in own:
            if row.scope == "twg":
                st.markdown(f"- {ui.md(row.text)}")

figures = ui.query(queries.headline_figures, filters).iloc[0]
st.subheader(_("Under the current filters"))
cells = st.columns(6)
cells[0].metric(_("Named people"), format_count(figures.people))
cells[1].metric(_("Kick-off presenters"), format_count(figures.presenters))
cells[2].metric(_("Organizations"), format_count(figures.organizations))
cells[3].metric(
    _("Countries"), format_count(figures.countries), help=_("Countries of named people.")
)
cells[4].metric(_("Cities"), format_count(figures.cities), help=_("Cities of named people."))
cells[5].metric(
    _("Delegation cities"),
    format_count(figures.delegation_cities),
    help=_(
        "Cities whose delegations joined through a network such as the Global Network on "
        "Safer Cities (GNSC). Not attributed to people, so filters on people exclude them."
    ),
)

st.subheader(_("Cities that took part"))
cities = ui.summary("cities", filters)
if cities.empty:
    st.info(_("No city matches the current filters."), icon=":material/search_off:")
else:
    ui.chart(charts.city_map, queries.cities, filters)
    unmapped = cities[cities.latitude.isna()]
    with st.container():  # in place whether or not there is a note (see ui.page_header)
        if not unmapped.empty:
            st.caption(
                ui.fmt(
                    _("Not on the map (no coordinates: the report's name is ambiguous): {names}."),
                    names=", ".join(unmapped.city),
                )
            )
    ui.summary_table("cities", filters)
