"""Data: every curated table with its data dictionary and source passages, each downloadable."""

import streamlit as st

from twg_data import citation, dictionary, ui
from twg_data.i18n import _, format_count, ngettext
from twg_data.schema import TABLES_BY_NAME

filters = ui.page_header(
    _("Data"),
    applies=("meetings",),
    reason=_(
        "curated tables are shown as stored; only the meeting filter applies here. "
        "The other pages apply every filter."
    ),
)

st.download_button(
    _("Download the whole curated data set (ZIP: every table and the data dictionary)"),
    data=ui.dataset_zip(filters),
    file_name=_("twg-curated-data.zip"),
    mime="application/zip",
    key="download_dataset",
    icon=":material/folder_zip:",
    on_click="ignore",
)

name = st.selectbox(
    _("Table"),
    options=list(TABLES_BY_NAME),
    format_func=lambda n: f"{n} — {TABLES_BY_NAME[n].described()}",
    key="data_table",
)
table = TABLES_BY_NAME[name]
rows = ui.table(name, filters)
st.markdown(
    ui.fmt("**{file}**: ", file=ui.code(table.file_name))
    + ui.fmt(
        ngettext("{n} row. Key: {key}.", "{n} rows. Key: {key}.", len(rows)),
        n=format_count(len(rows)),
        key=", ".join(table.key),
    )
)
dictionary_tab, rows_tab = st.tabs([_("Data dictionary"), _("Rows")])
with dictionary_tab:
    headers = {"column": _("column"), "type": _("type"), "required": _("required")}
    headers["description"] = _("description")
    st.dataframe(
        [{headers[k]: v for k, v in row.items()} for row in dictionary.table_columns(table)],
        hide_index=True,
        width="stretch",
        placeholder=ui.MISSING,
    )
with rows_tab:
    if rows.empty:
        st.info(
            _("This table has no rows for the selected meetings."), icon=":material/search_off:"
        )
    else:
        ui.show_table(name, filters)
st.download_button(
    ui.fmt(_("Download {file}"), file=table.file_name),
    data=ui.table_csv(name, filters),
    file_name=f"twg-{table.file_name}",
    mime="text/csv",
    key="download_table",
    icon=":material/download:",
    on_click="ignore",
)

st.subheader(_("Source passages"))
st.caption(_("Every curated row points to one of these passages of the meeting report."))
ui.summary_table("sources", filters)

with st.expander(_("Data dictionary of the CSV summaries")):
    st.markdown(dictionary.summaries_markdown())

st.subheader(_("Cite as"))
st.caption(_("Built from the meetings table; copy with the button at the right of a block."))
everything, reports = ui.per_data(citation.lines, filters)
st.markdown("**" + _("The data set") + "**")
st.code(everything, language=None, wrap_lines=True)
# One block for every report: the page draws the same elements however many meetings there are.
st.markdown(
    "**" + _("The reports") + "** " + _("(one a line)")
    if len(reports) > 1
    else "**" + _("The report") + "**"
)
st.code("\n".join(reports), language=None, wrap_lines=True)
st.caption(
    _("A passage: add its section, as the agenda brief's *Cite as* lines do. Terms: ")
    + citation.terms()  # the project's own words, with its licence's address as a link
)
