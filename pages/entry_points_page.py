"""Entry points: a meeting's key points on an integrated approach and its report's framing of
entry points."""

import streamlit as st

from twg_data import queries, ui, vocabulary
from twg_data.i18n import _

filters = ui.page_header(
    _("Entry points for an integrated approach"),
    applies=("meetings",),
    reason=_(
        "the report does not attribute key points to people, places or organizations. "
        "Only the meeting filter applies on this page."
    ),
)
filters = ui.one_meeting(filters)

framing = ui.grouped(queries.framing, filters, "kind")
points = ui.grouped(queries.entry_points, filters, "category")
categories = ui.rows(queries.key_point_categories, filters)
if not points and not framing:
    st.info(_("No key points for this meeting."), icon=":material/search_off:")
    st.stop()

if framing:
    headings = {kind: _(heading) for kind, heading in vocabulary.FRAMING_HEADINGS.items()}
    st.subheader(_("How the report frames entry points"))
    dimensions, settings = st.columns(2, gap="large")
    with dimensions:
        st.markdown("**" + headings["dimension"] + "**")
        for row in framing.get("dimension", []):
            st.markdown(f"- **{ui.md(row.label)}**: “{ui.md(row.text)}”")
    with settings:
        st.markdown("**" + headings["setting"] + "**")
        named = framing.get("setting", [])
        st.markdown(" · ".join(ui.md(row.label) for row in named))
        if named:
            st.caption(ui.fmt(_("Source: “{passage}”"), passage=named[0].source_passage))

columns = st.columns(max(len(categories), 1), gap="large")
for column, group in zip(columns, categories, strict=False):
    with column:
        st.subheader(ui.md(group.heading))
        for row in points.get(group.category, []):
            heading = row.heading if isinstance(row.heading, str) else None
            title = ui.md(heading) if heading else _(vocabulary.NO_HEADING)
            # One text element per point and per passage: a page's cost is its elements.
            with st.container(border=True):
                st.markdown(f"**{title}**\n\n{ui.md(row.text)}")
                with st.expander(_("Source passage")):
                    st.markdown(f"*{ui.md(row.source_section)}*\n\n“{ui.md(row.source_passage)}”")

st.subheader(_("Key points table"))
ui.summary_table("entry_points", filters)
st.subheader(_("Framing table"))
ui.summary_table("framing", filters)

st.subheader(_("SDG targets these points bear on (curation)"))
st.caption(
    _(
        "Curation, not the report: the report does not mention the Sustainable Development "
        "Goals. Each row maps a key point to a target, with the target's official text and why "
        "it bears on it. The Agenda brief page carries these into the brief."
    )
)
ui.summary_table(
    "sdg_crosswalk",
    filters,
    empty=_("No key point of the selected meetings is mapped to a target."),
    column_config={
        # Shown in the download; left out here to keep the table readable on a projector.
        "position": None,
        "key_point_id": None,
        "basis": None,
        "target_source": None,
        "target_text": st.column_config.TextColumn(ui.column_label("target_text"), width="large"),
        "rationale": st.column_config.TextColumn(ui.column_label("rationale"), width="large"),
    },
)
