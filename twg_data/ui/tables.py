"""Tables as people read them, with their download buttons."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import streamlit as st

from twg_data import export, localise
from twg_data.filters import Filters
from twg_data.i18n import _, format_count
from twg_data.localise import column_label
from twg_data.summaries import SUMMARIES
from twg_data.text import fmt
from twg_data.ui.cache import labels, per_data, summary, table
from twg_data.ui.downloads import summary_csv

MAX_ROWS_SHOWN = 500

MISSING = ""  # how a table shows a value the report does not state (downloads keep it empty)


def download_button(name: str, filters: Filters, label: str | None = None) -> None:
    """Download the summary as CSV: exactly the rows shown under the current filters."""
    spec = SUMMARIES[name]
    st.download_button(
        label or fmt(_("Download {title} (CSV)"), title=_(spec.title).lower()),
        data=summary_csv(name, filters),
        file_name=export.summary_file_name(name),
        mime="text/csv",
        key=f"download_{name}",
        icon=":material/download:",
        on_click="ignore",
    )


def summary_table(
    name: str,
    filters: Filters,
    *,
    empty: str | None = None,
    column_config: dict | None = None,
    height: int | str = "auto",
) -> pd.DataFrame:
    """Show a summary as a table (capped, with a note) and its download button."""
    frame = summary(name, filters)
    if frame.empty:
        st.info(empty or _("Nothing matches the current filters."), icon=":material/search_off:")
        return frame
    _show(per_data(_shown_summary, name, filters), column_config, height)
    download_button(name, filters)
    return frame


@dataclass(frozen=True)
class _Shown:
    """A table as sent to the browser, made once per filters and data: the first
    MAX_ROWS_SHOWN rows as Arrow (Streamlit would convert the frame on every rerun), the
    column labels and formats, and how many rows there are in all."""

    rows: pa.Table
    config: dict
    total: int


def _as_shown(frame: pd.DataFrame) -> _Shown:
    """Headers in the language and without underscores (the CSV keeps snake_case), dates
    without a time of day, vocabulary in the language."""
    frame = localise.values(frame, labels())
    config: dict = {c: column_label(c) for c in frame.columns if column_label(c) != c}
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            config[column] = st.column_config.DateColumn(column_label(column), format="YYYY-MM-DD")
    rows = pa.Table.from_pandas(frame.head(MAX_ROWS_SHOWN), preserve_index=False)
    return _Shown(rows, config, len(frame))


def _shown_summary(_cursor, name: str, filters: Filters) -> _Shown:
    return _as_shown(summary(name, filters))


def _show(shown: _Shown, column_config: dict | None, height: int | str) -> None:
    st.dataframe(
        shown.rows,
        hide_index=True,
        width="stretch",
        column_config={**shown.config, **(column_config or {})},
        height=height,
        placeholder=MISSING,
    )
    if shown.total > MAX_ROWS_SHOWN:
        st.caption(
            fmt(
                _("Showing the first {shown} of {total} rows; the download holds all of them."),
                shown=format_count(MAX_ROWS_SHOWN),
                total=format_count(shown.total),
            )
        )


def _shown_table(_cursor, table_name: str, filters: Filters) -> _Shown:
    return _as_shown(table(table_name, filters))


def show_table(table_name: str, filters: Filters) -> None:
    """A curated table's rows as people read them (see `show_frame`)."""
    _show(per_data(_shown_table, table_name, filters), None, "auto")


def show_frame(
    frame: pd.DataFrame, *, column_config: dict | None = None, height: int | str = "auto"
) -> None:
    """A table as people read it: at most MAX_ROWS_SHOWN rows (with a note), headers without
    underscores, dates without a time of day."""
    _show(_as_shown(frame), column_config, height)
