"""Data problems: what is wrong with the CSVs, file by file, line by line."""

import streamlit as st

from twg_data import paths, ui

st.title("Data problems")
problems = ui.data_problems()
if not problems:
    st.success("The CSVs are sound; the dashboard shows the current data.")
    st.stop()
st.markdown(
    f"The CSVs in `{paths.data_dir()}` have **{len(problems)} problem(s)**. Until they are "
    "fixed, every page shows the last good data. Fix the files (Excel: save as *CSV UTF-8*); "
    "the next click picks them up, no restart needed. The same list comes from "
    "`python -m twg_data validate`."
)
ui.show_problems(ui.database()[0].problems)
