"""The data status a page shows: a banner when the data is stale, the problem list when there
is no usable data."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from twg_data import paths
from twg_data.i18n import _, format_count
from twg_data.localise import column_label
from twg_data.text import code, fmt
from twg_data.ui.database import database
from twg_data.ui.tables import MISSING
from twg_data.validate import Problem


def show_data_status() -> bool:
    """Banner for stale data, or the problem list when there is no usable data.

    Returns False when nothing can be shown (no good database exists).
    """
    status = database().status
    if status.db_path is None:
        st.error(
            fmt(
                _(
                    "The data in {folder} cannot be loaded and there is no earlier good copy to "
                    "show. Fix these problems and reload the page:"
                ),
                folder=code(paths.data_dir()),
            )
        )
        show_problems(status.problems)
        return False
    if status.stale:
        st.warning(
            fmt(
                _(
                    "The data is stale: the CSVs have {n} problem(s), so the dashboard shows the "
                    "last good data. The Data problems page lists them; fixed files are picked "
                    "up on the next click, without a restart."
                ),
                n=format_count(len(status.problems)),
            ),
            icon=":material/warning:",
        )
    return True


def show_problems(problems: Sequence[Problem]) -> None:
    """The problem list as a table: file, line, column, message."""
    frame = pd.DataFrame(
        [(p.file, p.line, str(p.column), p.message) for p in problems],
        columns=["file", "line", "column", "problem"],
    )
    labels = {c: column_label(c) for c in frame.columns}
    st.dataframe(frame, hide_index=True, width="stretch", placeholder=MISSING, column_config=labels)
