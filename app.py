"""The TWG dashboard: `streamlit run app.py`. Pages, shared sidebar filters, data status."""

from pathlib import Path

import streamlit as st

from twg_data import ui
from twg_data.i18n import _
from twg_data.pages import CURATE, DATA_PROBLEMS, PageSpec, shown_pages
from twg_data.ui import curator, language

language.choose()  # this run's language: the URL, the session's choice, or the browser's
st.set_page_config(
    page_title=_("TWG dashboard · urban safety and peacebuilding"),
    page_icon=Path(__file__).parent / "static" / "favicon.png",
    layout="wide",
)


def page(spec: PageSpec) -> st.Page:
    return st.Page(
        spec.file,
        title=_(spec.title),
        url_path=spec.url_path,
        icon=spec.icon,
        default=spec.default,
    )


ui.refresh_database()  # once per run: rebuild if the CSVs changed

pages = [page(spec) for spec in shown_pages(len(ui.meetings_in_data()))]
if ui.data_problems():
    pages.append(page(DATA_PROBLEMS))
# The Curate page for a signed-in curator, where the operator set a secret (else nothing).
pages += curator.pages(page(CURATE))

current = st.navigation(pages)
ui.set_current_page(current.url_path)
if not ui.show_data_status():
    st.stop()
ui.sidebar_filters()
current.run()
