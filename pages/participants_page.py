"""Participants: who took part, charts by region, country, organization type and practice
community, and who is missing."""

import streamlit as st

from twg_data import charts, queries, ui
from twg_data.i18n import _, format_count, ngettext

filters = ui.page_header(_("Participants"))

people = ui.summary("participants", filters)
st.markdown(
    ui.fmt(
        ngettext(
            "**{n} named person** matches the current filters.",
            "**{n} named people** match the current filters.",
            len(people),
        ),
        n=format_count(len(people)),
    )
)
if people.empty:
    st.info(
        _(
            "No named participant matches the current filters. Widen or reset the filters in "
            "the sidebar."
        ),
        icon=":material/search_off:",
    )
    st.stop()

left, right = st.columns(2, gap="large")
with left:
    ui.chart(
        charts.bar_chart,
        queries.participants_by_region,
        filters,
        category="sub_region",
        color="region",
        title=_("By UN M49 region and sub-region"),
    )
    ui.chart(
        charts.bar_chart,
        queries.participants_by_organization_type,
        filters,
        category="organization_type",
        title=_("By organization type (curated)"),
    )
with right:
    ui.chart(
        charts.bar_chart,
        queries.participants_by_country,
        filters,
        category="country",
        title=_("By country"),
    )
    ui.chart(
        charts.bar_chart,
        queries.participants_by_practice_community,
        filters,
        category="practice_community",
        title=_("By practice community (curated)"),
    )
ui.chart_data(
    (
        "participants_by_region",
        "participants_by_country",
        "participants_by_organization_type",
        "participants_by_practice_community",
    ),
    filters,
    key="participants_chart_tables",
)

st.subheader(_("Who is missing"))
st.caption(
    _(
        "Regions and practice communities with no named participant under the current filters. "
        "Delegations from the Global Network on Safer Cities are not named people and do not "
        "count."
    )
)
regions, communities = st.columns(2, gap="large")
with regions:
    ui.summary_table(
        "missing_regions", filters, empty=_("Every UN M49 sub-region has a named participant.")
    )
with communities:
    ui.summary_table(
        "missing_practice_communities",
        filters,
        empty=_("Every practice community has a named participant."),
    )

st.subheader(_("People"))
ui.summary_table("participants", filters)

st.subheader(_("Organizations"))
ui.summary_table("organizations", filters)
