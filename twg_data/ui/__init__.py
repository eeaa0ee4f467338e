"""Streamlit glue shared by every page, one module a job: `database` (the served data),
`cache` (results per filters and data), `downloads` (files made on click), `sidebar` (filters,
returned as a value), `link` (the URL's parameters, read and written), `tables` (tables and
their download buttons), `charts` (charts and the summaries behind them), `data_status` (the
stale-data banner, the problem list), `state` (widget values kept across pages, the page
drawn), `meeting` (one meeting at a time: the switcher), `choices` (items to carry forward,
with notes, in one widget), `navigation` (every page a link can name, listed or hidden, as
app.py registers them).

Pages call `ui.<helper>` and pass `twg_data.queries` and `twg_data.charts` functions; they
never touch SQL or CSV files. Text from the data, a link or an upload reaches Markdown only
through `ui.md` (a value), `ui.fmt` (interface text filled with values) or `ui.code` (an id or
file name as code), the one escaping function (`twg_data.text`); a test scans the pages for
any other way in (`tests/test_markdown_safety.py`).
"""

from twg_data.labels import long_day
from twg_data.labels import meeting as meeting_name
from twg_data.text import Markdown, code, fmt, md
from twg_data.ui.cache import grouped, per_data, query, rows, summary, table
from twg_data.ui.charts import chart, chart_data
from twg_data.ui.choices import choices_table
from twg_data.ui.data_status import show_data_status, show_problems
from twg_data.ui.database import data_problems, database, refresh_database
from twg_data.ui.downloads import brief_file, brief_markdown, dataset_zip, summary_csv, table_csv
from twg_data.ui.meeting import meeting_slider, meetings_in_data, one_meeting
from twg_data.ui.sidebar import (
    describe_filters,
    filter_options,
    filters_in_force,
    in_force,
    note_filters_not_applied,
    page_header,
    sidebar_filters,
)
from twg_data.ui.state import kept, set_current_page
from twg_data.ui.tables import (
    MAX_ROWS_SHOWN,
    MISSING,
    column_label,
    download_button,
    show_frame,
    show_table,
    summary_table,
)

__all__ = [
    "long_day",
    "meeting_name",
    "column_label",
    "md",
    "fmt",
    "code",
    "Markdown",
    "refresh_database",
    "database",
    "data_problems",
    "per_data",
    "query",
    "rows",
    "grouped",
    "summary",
    "table",
    "dataset_zip",
    "table_csv",
    "summary_csv",
    "brief_markdown",
    "brief_file",
    "filter_options",
    "sidebar_filters",
    "one_meeting",
    "meetings_in_data",
    "meeting_slider",
    "filters_in_force",
    "in_force",
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
    "show_table",
    "chart",
    "chart_data",
    "kept",
    "set_current_page",
    "choices_table",
]
