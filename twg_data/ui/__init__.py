"""Streamlit glue shared by every page, one module a job: `database` (the served data),
`cache` (results per filters and data; files made on click), `sidebar` (filters and the URL),
`tables` (tables, charts, downloads, data status), `state` (widget values kept across pages).

Pages call `ui.<helper>` and pass `twg_data.queries` and `twg_data.charts` functions; they
never touch SQL or CSV files.
"""

from twg_data.text import escape_markdown as md
from twg_data.ui.cache import (
    brief_file,
    brief_markdown,
    dataset_zip,
    per_data,
    query,
    summary,
    summary_csv,
    table,
    table_csv,
)
from twg_data.ui.database import data_problems, database, refresh_database
from twg_data.ui.sidebar import (
    by_meeting,
    current_filters,
    describe_filters,
    filter_options,
    note_filters_not_applied,
    page_header,
    sidebar_filters,
)
from twg_data.ui.state import kept
from twg_data.ui.tables import (
    MAX_ROWS_SHOWN,
    MISSING,
    chart,
    download_button,
    show_data_status,
    show_frame,
    show_problems,
    summary_table,
)

__all__ = [
    "md",
    "refresh_database",
    "database",
    "data_problems",
    "per_data",
    "query",
    "summary",
    "table",
    "dataset_zip",
    "table_csv",
    "summary_csv",
    "brief_markdown",
    "brief_file",
    "filter_options",
    "sidebar_filters",
    "by_meeting",
    "current_filters",
    "page_header",
    "describe_filters",
    "note_filters_not_applied",
    "MAX_ROWS_SHOWN",
    "MISSING",
    "show_data_status",
    "show_problems",
    "download_button",
    "summary_table",
    "show_frame",
    "chart",
    "kept",
]
