"""Agenda brief: choose what the meeting's points carry forward, add notes, preview, download."""

import streamlit as st

from twg_data import brief, brief_content, docx_brief, queries, ui

# Hidden by the print view and when the browser prints: only the brief itself is printed.
with st.container(key="brief_controls"):
    filters = ui.page_header("Agenda brief")
    st.caption(
        "Every filter applies to who took part and to the presenters; key points and framing "
        "are not attributed to people or places in the report, so only the meeting filter "
        "applies to them. SDG targets are curation, not the report. The command line gives "
        "the same files: `python -m twg_data brief` and `pack` with the same filters, "
        "`--exclude ID` and `--note ID=TEXT`."
    )

    points = ui.query(queries.brief_points, filters)
    meetings = dict(ui.filter_options().get("meeting", []))
    several = points.meeting_id.nunique() > 1
    excluded: list[str] = []
    notes: dict[str, str] = {}

    st.subheader("Carry forward")
    st.caption("Untick what to leave out; a note is added under the item.")
    for kind, title in brief_content.KINDS.items():
        items = points[points.kind == kind]
        with st.expander(f"{title} ({len(items)})", expanded=kind == "key_point"):
            if items.empty:
                st.caption("None under the current filters.")
            for row in items.itertuples():
                ref = brief_content.item_ref(row.meeting_id, row.id)
                label = brief.item_label(row)
                what = row.text if kind == "presenter" else brief_content.category_label(row)
                where = f" · {meetings.get(row.meeting_id, row.meeting_id)}" if several else ""
                keep = st.checkbox(
                    f"**{ui.md(label)}** · {ui.md(what)}{ui.md(where)}",
                    **ui.kept(f"brief_keep_{ref}", True),
                )
                note = st.text_input(
                    f"Note on {ui.md(label)}",
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

    st.subheader("Downloads")
    buttons = st.container(horizontal=True)
    buttons.download_button(
        "Brief (Word)",
        data=ui.brief_file("docx", filters, selection),
        file_name=docx_brief.FILE_NAME,
        mime=docx_brief.MIME,
        key="download_brief_docx",
        icon=":material/article:",
        help="For the secretariat: headings, tables, a citation under every point, page "
        "numbers, A4.",
        on_click="ignore",
    )
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
        help="The brief (Word, Markdown and CSV), every CSV summary under the current filters, "
        "the data dictionary and a README saying what each file is and how to cite it.",
        on_click="ignore",
    )
    st.subheader("Preview")

with st.container(key="brief_print_toggle"):
    print_view = st.toggle(
        "Print view",
        key="brief_print_view",
        help="Shows the brief alone, without the sidebar and the controls, as the browser "
        "prints it (Ctrl+P or ⌘P).",
    )

with st.container(border=not print_view, key="brief_document"):
    st.markdown(ui.brief_markdown(filters, selection))

# What the print view hides on screen, and what printing always hides: the sidebar, the
# app's header and toolbar, and the controls above; the brief then takes the full width.
HIDDEN = (
    '[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], '
    '[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"], '
    ".st-key-brief_controls"
)
WIDE = '[data-testid="stMainBlockContainer"] { max-width: 100%; padding-top: 1rem; }'
screen = f"{HIDDEN} {{ display: none !important; }} {WIDE}" if print_view else ""
st.html(
    f"<style>{screen} @media print {{ {HIDDEN}, .st-key-brief_print_toggle "
    f"{{ display: none !important; }} {WIDE} .st-key-brief_document {{ border: none; }} }}</style>"
)
