"""The framework's floor: the dashboard's sidebar (8 multiselects, same options) and no data work.

    TWG_DATA_DIR=... TWG_DB_PATH=... streamlit run benchmarks/bare_app.py

The filter options are read once per process from the same database the dashboard uses and
kept as a resource, so a rerun costs what Streamlit costs to draw the same widgets: page
config, navigation, a title, 8 multiselects with the dashboard's options and labels, a
button. `python -m benchmarks` divides each page's rerun time by this page's.
"""

import sys
from pathlib import Path

import streamlit as st

# `streamlit run benchmarks/bare_app.py` puts benchmarks/ on the path, not the project root.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from twg_data import labels, paths, queries  # noqa: E402
from twg_data.build import connect, ensure_database  # noqa: E402
from twg_data.filters import DIMENSIONS  # noqa: E402
from twg_data.localise import Labels  # noqa: E402


@st.cache_resource(show_spinner=False)
def filter_options() -> dict[str, list[tuple[str, str]]]:
    data_dir = paths.data_dir()
    status = ensure_database(data_dir, paths.db_path(data_dir))
    with connect(status.db_path) as con:
        return labels.filter_options(queries.filter_options(con), Labels())


def bare_page() -> None:
    st.title("Bare page")
    st.caption("The dashboard's sidebar widgets and nothing else.")


st.set_page_config(page_title="Bare page", layout="wide")
current = st.navigation([st.Page(bare_page, title="Bare page", url_path="bare", default=True)])
options = filter_options()
with st.sidebar:
    st.header("Filters")
    for dimension in DIMENSIONS:
        labels = dict(options.get(dimension.param, []))
        st.multiselect(
            dimension.label,
            options=list(labels),
            format_func=labels.__getitem__,
            key=f"filter_{dimension.param}",
            placeholder="All",
        )
    st.button("Reset filters")
current.run()
