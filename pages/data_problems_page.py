"""Data problems: what is wrong with the CSVs, file by file, line by line."""

import streamlit as st

from twg_data import paths, ui
from twg_data.i18n import _, format_count

st.title(_("Data problems"))
problems = ui.data_problems()
if not problems:
    st.success(_("The CSVs are sound; the dashboard shows the current data."))
    st.stop()
st.markdown(
    ui.fmt(
        _(
            "The CSVs in {folder} have **{n} problem(s)**. Until they are fixed, every page "
            "shows the last good data. Fix the files (Excel: save as *CSV UTF-8*); the next click "
            "picks them up, no restart needed. The same list comes from "
            "`python -m twg_data validate`."
        ),
        folder=ui.code(paths.data_dir()),
        n=format_count(len(problems)),
    )
)
ui.show_problems(ui.database().status.problems)
