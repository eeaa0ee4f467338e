"""The TWG dashboard: `streamlit run app.py`. Pages, shared sidebar filters, data status."""

from pathlib import Path

import streamlit as st

from twg_data import ui
from twg_data.i18n import _
from twg_data.pages import CURATE, VOTE, WORKSHOP
from twg_data.ui import curator, facilitator, language, navigation, projector, style

language.choose()  # this run's language: the URL, the session's choice, or the browser's
st.set_page_config(
    page_title=_("TWG dashboard · urban safety and peacebuilding"),
    page_icon=Path(__file__).parent / "static" / "favicon.png",
    layout="wide",
)

ui.refresh_database()  # once per run: rebuild if the CSVs changed

# Every page a link can name; the navigation lists those the data allows (Across meetings with
# two meetings or more, Data problems while the CSVs have problems), the others are hidden.
meetings = len(ui.meetings_in_data())
pages = navigation.linked_pages(meetings, bool(ui.data_problems()))
# The Curate page for a signed-in curator, where the operator set a secret (else nothing).
pages += curator.pages(navigation.page(CURATE))
# The Workshop page for a signed-in facilitator and the participants' Vote page, where the
# operator turned workshop mode on (else nothing).
pages += facilitator.pages(navigation.page(WORKSHOP), navigation.page(VOTE, listed=False))

current = st.navigation(pages)
ui.set_current_page(current.url_path)
style.apply()  # focus always visible
projector.wall()  # in the projector view (`?view=projector`): its style, the way out
if not ui.show_data_status():
    st.stop()
with ui.in_force(ui.sidebar_filters()):  # the page's filters: page_header returns them
    navigation.run(current, meetings)  # the page, or why the data does not allow it
