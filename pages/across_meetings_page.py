"""Across meetings: participation per meeting, who and what returns, key points per meeting,
and the map meeting by meeting. In the navigation when the data holds two meetings or more."""

import streamlit as st

from twg_data import charts, queries, ui
from twg_data.i18n import N_, _, format_count

filters = ui.page_header(_("Across meetings"))

# What returns, as the metrics name it: people, organizations and cities (`queries.returns`).
RETURNING = {
    "people": (N_("People at two meetings or more"), N_("of {n} people that took part")),
    "organizations": (
        N_("Organizations at two meetings or more"),
        N_("of {n} organizations that took part"),
    ),
    "cities": (N_("Cities at two meetings or more"), N_("of {n} cities that took part")),
}

st.subheader(_("Participation per meeting"))
st.caption(_("Named people at each meeting; a person at several meetings counts at each."))
nobody = _("No named participant matches the current filters.")
for question, group, title in (
    (queries.participation_by_region, "region", _("By UN M49 region")),
    (queries.participation_by_organization_type, "organization_type", _("By organization type")),
):
    ui.chart(charts.per_meeting_bars, question, filters, empty=nobody, group=group, title=title)
ui.chart_data(
    ("participation_by_region", "participation_by_organization_type"),
    filters,
    key="across_chart_tables",
)

st.subheader(_("Who and what returns"))
st.caption(
    _(
        "Each person, organization and city with the number of meetings it took part in, most "
        "first. A city takes part as the venue, through a delegation or through its named "
        "people."
    )
)
returns = ui.rows(queries.returns, filters)
for cell, row in zip(st.columns(len(returns)), returns, strict=True):
    metric, caption = RETURNING[row.what]
    cell.metric(_(metric), format_count(row.returned))
    cell.caption(ui.fmt(_(caption), n=format_count(row.took_part)))
people, organizations, cities = st.tabs([_("People"), _("Organizations"), _("Cities")])
with people:
    ui.summary_table("returning_people", filters, empty=_("No named person matches the filters."))
with organizations:
    ui.summary_table("returning_organizations", filters, empty=_("No organization matches."))
with cities:
    ui.summary_table("returning_cities", filters, empty=_("No city matches the filters."))

st.subheader(_("Key points per meeting"))
ui.note_filters_not_applied(
    filters,
    ("meetings",),
    _("the reports do not attribute key points to people, places or organizations."),
)
ui.chart(
    charts.per_meeting_bars,
    queries.key_points_per_meeting,
    filters,
    empty=_("No key points for the selected meetings."),
    group="category",
    value="key_points",
    title=_("Key points by category"),
)
ui.summary_table("key_points_per_meeting", filters, empty=_("No key points for these meetings."))


st.subheader(_("The map, meeting by meeting"))


# Moving the slider redraws this part only.
@st.fragment
def map_by_meeting() -> None:
    one = ui.meeting_slider(filters, key="across_map_meeting")
    nothing = _("No city matches the current filters.")
    ui.chart(charts.city_map, queries.cities, one, empty=nothing)
    ui.summary_table("cities", one, empty=nothing)


map_by_meeting()
