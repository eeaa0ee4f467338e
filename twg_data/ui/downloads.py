"""The files pages hand out, made when the user clicks, and the brief as a page shows it."""

from __future__ import annotations

from twg_data import export, i18n, queries
from twg_data.brief import formats, markdown
from twg_data.brief.items import Selection
from twg_data.filters import Filters
from twg_data.ui.cache import per_data
from twg_data.ui.database import _Database, database


def _with_cursor(db: _Database, produce):
    """A download's data, made only when the user clicks (Streamlit calls it then)."""

    language = i18n.language()  # Streamlit calls it later, outside this run's context

    def deferred() -> bytes:
        with db.con.cursor() as cursor, i18n.use(language):
            return produce(cursor)

    return deferred


def dataset_zip(filters: Filters):
    """Every curated table and the data dictionary as one ZIP, made on click."""
    db = database().db
    return _with_cursor(db, lambda cursor: export.dataset_zip(cursor, filters))


def table_csv(table_name: str, filters: Filters):
    """A curated table as CSV, made on click."""
    db = database().db
    return _with_cursor(
        db, lambda cursor: export.to_csv_bytes(queries.table_rows(cursor, table_name, filters))
    )


def summary_csv(name: str, filters: Filters):
    """The summary as the CSV file the CLI writes for the same filters, made on click."""
    db = database().db
    return _with_cursor(db, lambda cursor: export.export_summary(cursor, name, filters))


def brief_markdown(filters: Filters, selection: Selection) -> str:
    """The agenda brief as Markdown (already escaped: safe to pass to st.markdown)."""
    return per_data(markdown.brief_markdown, filters, selection)


def brief_file(form: str, filters: Filters, selection: Selection):
    """The brief as the file the CLI writes, in one of `brief.formats.FORMATS` (`md`, `docx`,
    `csv`, or `zip`, the summary pack), made when the user clicks (the pack holds every
    summary: costly at scale)."""
    db = database().db
    return _with_cursor(db, lambda cursor: formats.render(form, cursor, filters, selection))
