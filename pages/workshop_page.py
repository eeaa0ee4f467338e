"""Workshop: the facilitator puts a meeting's points to the room, which votes from phones."""

import streamlit as st

from twg_data import ui
from twg_data.i18n import _
from twg_data.ui import facilitator, workshop_host

filters = ui.page_header(_("Workshop"), applies=("meetings",))
if not facilitator.signed_in():  # the page is not even registered then; this is a second lock
    st.error(_("This page is for facilitators only."))
    st.stop()

workshop = workshop_host.chosen()
if workshop is None:
    workshop_host.setup_form(ui.one_meeting(filters))
    st.stop()

workshop_host.join_panel(workshop)
workshop_host.controls(workshop)
workshop_host.live_results(workshop)
workshop_host.moderation(workshop)
workshop_host.export(workshop)
