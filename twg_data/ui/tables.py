"""Tables, charts and downloads as people read them, and the data status a page shows."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from twg_data import paths, queries
from twg_data.filters import Filters
from twg_data.summaries import SUMMARIES
from twg_data.ui.cache import query, summary, summary_csv
from twg_data.ui.database import database
from twg_data.validate import Problem

MAX_ROWS_SHOWN = 500

MISSING = ""  # how a table shows a value the report does not state (downloads keep it empty)


def show_data_status() -> bool:
    """Banner for stale data, or the problem list when there is no usable data.

    Returns False when nothing can be shown (no good database exists).
    """
    status, _ = database()
    if status.db_path is None:
        st.error(
            f"The data in `{paths.data_dir()}` cannot be loaded and there is no earlier good "
            "copy to show. Fix these problems and reload the page:"
        )
        show_problems(status.problems)
        return False
    if status.stale:
        st.warning(
            f"The data is stale: the CSVs have {len(status.problems)} problem(s), so the "
            "dashboard shows the last good data. The Data problems page lists them; fixed "
            "files are picked up on the next click, without a restart.",
            icon=":material/warning:",
        )
    return True


def show_problems(problems: Sequence[Problem]) -> None:
    """The problem list as a table: file, line, column, message."""
    frame = pd.DataFrame(
        [(p.file, p.line, p.column, p.message) for p in problems],
        columns=["file", "line", "column", "problem"],
    )
    st.dataframe(frame, hide_index=True, width="stretch", placeholder=MISSING)


def download_button(name: str, filters: Filters, label: str | None = None) -> None:
    """Download the summary as CSV: exactly the rows shown under the current filters."""
    spec = SUMMARIES[name]
    st.download_button(
        label or f"Download {spec.title.lower()} (CSV)",
        data=summary_csv(name, filters),
        file_name=f"twg-{name.replace('_', '-')}.csv",
        mime="text/csv",
        key=f"download_{name}",
        icon=":material/download:",
        on_click="ignore",
    )


def summary_table(
    name: str,
    filters: Filters,
    *,
    empty: str = "Nothing matches the current filters.",
    column_config: dict | None = None,
    height: int | str = "auto",
) -> pd.DataFrame:
    """Show a summary as a table (capped, with a note) and its download button."""
    frame = summary(name, filters)
    if frame.empty:
        st.info(empty, icon=":material/search_off:")
        return frame
    show_frame(frame, column_config=column_config, height=height)
    download_button(name, filters)
    return frame


def show_frame(
    frame: pd.DataFrame, *, column_config: dict | None = None, height: int | str = "auto"
) -> None:
    """A table as people read it: at most MAX_ROWS_SHOWN rows (with a note), headers without
    underscores (the CSV keeps snake_case), dates without a time of day."""
    shown = frame.head(MAX_ROWS_SHOWN)
    config: dict = {c: c.replace("_", " ") for c in shown.columns}
    for column in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[column]):
            config[column] = st.column_config.DateColumn(
                column.replace("_", " "), format="YYYY-MM-DD"
            )
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={**config, **(column_config or {})},
        height=height,
        placeholder=MISSING,
    )
    if len(frame) > MAX_ROWS_SHOWN:
        st.caption(
            f"Showing the first {MAX_ROWS_SHOWN:,} of {len(frame):,} rows; "
            "the download holds all of them."
        )


def chart(
    builder: Callable[..., dict],
    function: Callable[[queries.Connection, Filters], pd.DataFrame],
    filters: Filters,
    **options: object,
) -> None:
    """Chart a query's frame (cached) with a `twg_data.charts` builder at full width."""
    st.vega_lite_chart(builder(query(function, filters), **options), width="stretch")
