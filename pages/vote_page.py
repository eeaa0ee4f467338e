"""Vote: a participant joins a workshop by its code and votes on its points from a phone."""

import streamlit as st

from twg_data.i18n import _
from twg_data.ui import workshop_room

st.title(_("Vote"))
workshop = workshop_room.joined()
if workshop is None:
    st.stop()

workshop_room.ballot(workshop)
workshop_room.comment(workshop)
