"""Agenda brief: choose what the meeting's points carry forward, add notes, preview, download."""

import streamlit as st

from twg_data import brief, ui

filters = ui.page_header("Agenda brief")
st.caption(
    "Every filter applies to who took part and to the presenters; key points and framing are "
    "not attributed to people or places in the report, so only the meeting filter applies to "
    "them. SDG targets are curation, not the report. The command line gives the same files: "
    "`python -m twg_data brief` and `pack` with the same filters, `--exclude ID` and "
    "`--note ID=TEXT`."
)

points = ui.query("brief_points", filters)
excluded: list[str] = []
notes: dict[str, str] = {}

choose, preview = st.columns([2, 3], gap="large")
with choose:
    st.subheader("Carry forward")
    st.caption("Untick what to leave out; a note is added under the item.")
    for kind, title in brief.KINDS.items():
        items = points[points.kind == kind]
        with st.expander(f"{title} ({len(items)})", expanded=kind == "key_point"):
            if items.empty:
                st.caption("None under the current filters.")
            for row in items.itertuples():
                ref = brief.item_ref(row.meeting_id, row.id)
                heading = row.heading if isinstance(row.heading, str) else "(no heading)"
                detail = row.category if kind != "presenter" else row.text
                keep = st.checkbox(
                    f"**{ui.md(heading)}** · {ui.md(detail)} · {ui.md(row.id)}",
                    **ui.kept(f"brief_keep_{ref}", True),
                )
                note = st.text_input(
                    f"Note on {ui.md(heading)}",
                    placeholder="Note (optional)",
                    label_visibility="collapsed",
                    disabled=not keep,
                    **ui.kept(f"brief_note_{ref}", ""),
                )
                if keep:
                    notes[ref] = note
                else:
                    excluded.append(ref)

selection = brief.Selection(tuple(excluded), notes)

with preview:
    st.subheader("Downloads")
    buttons = st.container(horizontal=True)
    buttons.download_button(
        "Brief (Markdown)",
        data=ui.brief_file("md", filters, selection),
        file_name="twg-agenda-brief.md",
        mime="text/markdown",
        key="download_brief_md",
        icon=":material/description:",
        on_click="ignore",
    )
    buttons.download_button(
        "Brief (CSV)",
        data=ui.brief_file("csv", filters, selection),
        file_name="twg-agenda-brief.csv",
        mime="text/csv",
        key="download_brief_csv",
        icon=":material/download:",
        on_click="ignore",
    )
    buttons.download_button(
        "Summary pack (ZIP)",
        data=ui.brief_file("zip", filters, selection),
        file_name=brief.PACK_FILE_NAME,
        mime="application/zip",
        key="download_summary_pack",
        icon=":material/folder_zip:",
        help="The brief (Markdown and CSV), every CSV summary under the current filters, "
        "the data dictionary and a README saying what each file is.",
        on_click="ignore",
    )
    st.subheader("Preview")
    with st.container(border=True, height=720):
        st.markdown(ui.brief_markdown(filters, selection))
