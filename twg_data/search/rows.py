"""The hits as a table: what the Search page downloads and `python -m twg_data search` writes,
the same rows, each with its meeting and its "Cite as" line (`citation`)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from twg_data import citation, export, localise, queries
from twg_data.filters import Filters
from twg_data.i18n import N_, _
from twg_data.queries import Connection
from twg_data.search.find import Found, find

# What each kind of hit is called, and each facet.
KIND_LABELS = {
    "passage": N_("Report passage"),
    "key_point": N_("Key point"),
    "session": N_("Session"),
    "participant": N_("Participant"),
}
FACET_LABELS = {
    "meeting": N_("Meeting"),
    "kind": N_("Kind"),
    "category": N_("Key-point category"),
    "city": N_("City"),
    "region": N_("Region"),
}
COLUMNS = (
    "rank",
    "kind",
    "meeting_id",
    "meeting",
    "section",
    "text",
    "source_id",
    "category",
    "cite_as",
)


def cited_reports(con: Connection) -> dict[str, citation.Report]:
    """Every meeting's report as cited, by meeting id."""
    return citation.reports(queries.citation_facts(con, Filters()))


def hits_frame(con: Connection, found: Found) -> pd.DataFrame:
    """The hits in rank order, one row each, with the meeting's name and the citation of the
    passage's section."""
    reports = cited_reports(con)
    rows = []
    for rank, hit in enumerate(found.hits, start=1):
        report = reports.get(hit.meeting_id)
        rows.append(
            (
                rank,
                _(KIND_LABELS[hit.kind]),
                hit.meeting_id,
                report.meeting if report else hit.meeting_id,
                hit.section or "",
                hit.text,
                hit.source_id or "",
                hit.category or "",
                report.cite(hit.section) if report else "",
            )
        )
    return pd.DataFrame(rows, columns=list(COLUMNS))


def search_csv(
    con: Connection,
    index: Path,
    text: str,
    filters: Filters | None = None,
    chosen: dict[str, str] | None = None,
    fingerprint: str | None = None,
) -> bytes:
    """Every hit of a search as CSV (UTF-8 with BOM, safe in Excel), with citations; its
    headers in the language. Raises the `QueryProblem` of a query that cannot be searched
    (and `index.StaleIndex` when `fingerprint` names other data than the index's)."""
    found = find(index, text, filters, chosen, limit=None, fingerprint=fingerprint)
    if found.problem is not None:
        raise found.problem
    frame = hits_frame(con, found)
    return export.to_csv_bytes(frame.rename(columns=localise.header))
