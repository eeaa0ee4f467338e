"""The TWG dashboard: `streamlit run app.py`. Pages, shared sidebar filters, data status."""

from pathlib import Path

import streamlit as st

from twg_data import ui

st.set_page_config(
    page_title="TWG dashboard · urban safety and peacebuilding",
    page_icon=Path(__file__).parent / "static" / "favicon.png",
    layout="wide",
)


def page(file: str, title: str, url: str, icon: str, default: bool = False) -> st.Page:
    # Page files end in `_page.py` so that no URL equals a file name: when it does, Streamlit's
    # legacy handling of a `pages/` folder runs that file alone, without this sidebar.
    return st.Page(f"pages/{file}_page.py", title=title, url_path=url, icon=icon, default=default)


ui.refresh_database()  # once per run: rebuild if the CSVs changed

pages = [
    page("overview", "Overview", "overview", ":material/home:", default=True),
    page("participants", "Participants", "participants", ":material/groups:"),
    page("sessions", "Sessions", "sessions", ":material/schedule:"),
    page("entry_points", "Entry points", "entry-points", ":material/hub:"),
    page("agenda_brief", "Agenda brief", "agenda-brief", ":material/description:"),
    page("data", "Data", "data", ":material/table:"),
]
if ui.data_problems():
    pages.append(page("data_problems", "Data problems", "data-problems", ":material/error:"))

current = st.navigation(pages)
if not ui.show_data_status():
    st.stop()
ui.sidebar_filters()
current.run()
