"""Charts as a page draws them, and the summaries behind them (a download each, or tables)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pyarrow as pa
import streamlit as st

from twg_data import charts, localise, queries
from twg_data.filters import Filters
from twg_data.i18n import _
from twg_data.text import md
from twg_data.ui import projector
from twg_data.ui.cache import labels, per_data, query
from twg_data.ui.tables import download_button, summary_table


@st.fragment  # the toggle redraws this part only
def chart_data(names: tuple[str, ...], filters: Filters, key: str) -> None:
    """The summaries behind a page's charts: a download each, or, when the user asks, their
    tables with their downloads. A table is the costliest element to redraw in the browser,
    and the charts already write their numbers, so the tables are not drawn by default."""
    if st.toggle(_("Show the charts' numbers as tables"), key=key):
        for name in names:
            summary_table(name, filters)
        return
    with st.container(horizontal=True):
        for name in names:
            download_button(name, filters)


def _chart_spec(_cursor, builder, function, filters: Filters, options: tuple) -> tuple[dict, str]:
    spec = builder(localise.values(query(function, filters), labels()), **dict(options))
    datasets = spec.get("datasets", {})
    spec["datasets"] = {
        name: pa.Table.from_pandas(rows, preserve_index=False) for name, rows in datasets.items()
    }
    # The largest values in words change with the rows; the spec the browser gets must not,
    # or it would build the chart again instead of swapping the rows in.
    summary = spec.pop("usermeta", {}).get(charts.SUMMARY, "")
    return spec, summary


def chart(
    builder: Callable[..., dict],
    function: Callable[[queries.Connection, Filters], pd.DataFrame],
    filters: Filters,
    *,
    empty: str | None = None,
    **options: object,
) -> None:
    """Chart a query's frame with a `twg_data.charts` builder at full width, its largest values
    written under it; with `empty`, say that instead when the frame has no rows. The spec, its
    rows as Arrow, is made once per filters and data."""
    if empty is not None and query(function, filters).empty:
        st.info(empty, icon=":material/search_off:")
        return
    spec, summary = per_data(
        _chart_spec, builder, function, filters, tuple(sorted(options.items()))
    )
    st.vega_lite_chart(charts.for_wall(spec) if projector.on() else spec, width="stretch")
    if summary:  # under the chart, for everyone: a screen reader reads it after the chart
        st.caption(md(summary))  # names from the data, drawn as written
