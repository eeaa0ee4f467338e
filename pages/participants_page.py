"""Participants: who took part, charts by region, country, organization type and practice
community, and who is missing."""

import streamlit as st

from twg_data import charts, queries, ui

filters = ui.page_header("Participants")

people = ui.summary("participants", filters)
st.markdown(f"**{len(people):,} named people** match the current filters.")
if people.empty:
    st.info(
        "No named participant matches the current filters. Widen or reset the filters in the "
        "sidebar.",
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
        title="By UN M49 region and sub-region",
    )
    ui.chart(
        charts.bar_chart,
        queries.participants_by_organization_type,
        filters,
        category="organization_type",
        title="By organization type (curated)",
    )
with right:
    ui.chart(
        charts.bar_chart,
        queries.participants_by_country,
        filters,
        category="country",
        title="By country",
    )
    ui.chart(
        charts.bar_chart,
        queries.participants_by_practice_community,
        filters,
        category="practice_community",
        title="By practice community (curated)",
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

st.subheader("Who is missing")
st.caption(
    "Regions and practice communities with no named participant under the current filters. "
    "Delegations from the Global Network on Safer Cities are not named people and do not count."
)
regions, communities = st.columns(2, gap="large")
with regions:
    ui.summary_table(
        "missing_regions", filters, empty="Every UN M49 sub-region has a named participant."
    )
with communities:
    ui.summary_table(
        "missing_practice_communities",
        filters,
        empty="Every practice community has a named participant.",
    )

st.subheader("People")
ui.summary_table("participants", filters)

st.subheader("Organizations")
ui.summary_table("organizations", filters)
