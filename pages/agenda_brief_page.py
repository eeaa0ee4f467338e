"""Agenda brief: choose what a meeting's points carry forward, add notes, preview, download."""

import streamlit as st

from twg_data import ui
from twg_data.brief import formats, items
from twg_data.i18n import _
from twg_data.ui import workshops

# Hidden by the print view and when the browser prints: only the brief itself is printed.
with st.container(key="brief_header"):
    filters = ui.page_header(_("Agenda brief"))
    filters = ui.one_meeting(filters)
    st.caption(
        _(
            "Every filter applies to who took part and to the presenters; key points and "
            "framing are not attributed to people or places in the report, so only the meeting "
            "filter applies to them. SDG targets are curation, not the report. The command line "
            "gives the same files: `python -m twg_data brief` and `pack` with the same filters, "
            "`--exclude ID`, `--note ID=TEXT` and `--lang`."
        )
    )


# A change of the choices reruns this part only, not the sidebar and the header.
@st.fragment
def choose_and_preview(filters) -> None:
    with st.container(key="brief_controls"):
        st.subheader(_("Carry forward"))
        st.caption(_("Untick what to leave out; a note is added under the item."))
        chosen = ui.choices_table(
            "brief",
            ui.per_data(items.choices, filters),
            column_config={
                "include": st.column_config.CheckboxColumn(_("Carry forward"), width="small"),
                "section": st.column_config.TextColumn(_("Section")),
                "item": st.column_config.TextColumn(_("Item"), width="large"),
                "what": st.column_config.TextColumn(_("What it is"), width="medium"),
                "note": st.column_config.TextColumn(_("Note (optional)"), width="large"),
            },
        )
        selection = items.selection_of(chosen)
        # Where workshop mode is on: a workshop's results, as a section of their own.
        selection = workshops.with_priorities(filters, selection)

        st.subheader(_("Downloads"))
        buttons = st.container(horizontal=True)
        for form in formats.FORMATS.values():
            buttons.download_button(
                _(form.label),
                data=ui.brief_file(form.key, filters, selection),
                file_name=_(form.file_name),
                mime=form.media_type,
                key=f"download_{form.name}",
                icon=form.icon,
                help=_(form.help) if form.help else None,
                on_click="ignore",
            )
        st.subheader(_("Preview"))

    with st.container(key="brief_print_toggle"):
        print_view = st.toggle(
            _("Print view"),
            key="brief_print_view",
            help=_(
                "Shows the brief alone, without the sidebar and the controls, as the browser "
                "prints it (Ctrl+P or ⌘P)."
            ),
        )

    with st.container(border=not print_view, key="brief_document"):
        st.markdown(ui.brief_markdown(filters, selection))

    # What the print view hides on screen, and what printing always hides: the sidebar, the
    # app's header and toolbar, and the controls above; the brief then takes the full width.
    hidden = (
        '[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], '
        '[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"], '
        ".st-key-brief_header, .st-key-brief_controls"
    )
    wide = '[data-testid="stMainBlockContainer"] { max-width: 100%; padding-top: 1rem; }'
    screen = f"{hidden} {{ display: none !important; }} {wide}" if print_view else ""
    st.html(
        f"<style>{screen} @media print {{ {hidden}, .st-key-brief_print_toggle "
        f"{{ display: none !important; }} {wide} .st-key-brief_document {{ border: none; }} }}"
        "</style>"
    )


choose_and_preview(filters)
