"""How to cite the data set, a meeting report and a passage of it, built from the data.

Every citation comes from `queries.citation_facts` (the meetings table and the report's own
title passages), never typed by hand: the brief, the summary pack, the Data page and the
README all use these functions. The terms of use are stated once, here and in
`data/TERMS.md`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from twg_data import labels, queries
from twg_data.filters import Filters
from twg_data.i18n import N_, _
from twg_data.queries import Connection
from twg_data.text import is_missing

DATASET_TITLE = "TWG dashboard data set"
DATASET_AUTHOR = "The TWG dashboard contributors"
DATA_LICENCE = "CC BY 4.0"
DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
CODE_LICENCE = "MIT"
TERMS_FILE = "data/TERMS.md"
DATA_FOLDER = "data"  # the repository folder the report paths are relative to
_TERMS = N_(
    "Code: {code} licence (LICENSE). Curated data (the CSV rows, their curation and basis "
    "texts): {licence} ({url}), credit “{author}”. Report passages and reports (data/reports/, "
    "the passages in sources.csv and the texts quoted from them) are quoted for reference; "
    "their copyright stays with their authors. Details: {terms}."
)
TERMS = _TERMS.format(
    code=CODE_LICENCE,
    licence=DATA_LICENCE,
    url=DATA_LICENCE_URL,
    author=DATASET_AUTHOR,
    terms=TERMS_FILE,
)


def terms() -> str:
    """The terms of use in the current language (`TERMS` is the English)."""
    return _(_TERMS).format(
        code=CODE_LICENCE,
        licence=DATA_LICENCE,
        url=DATA_LICENCE_URL,
        author=DATASET_AUTHOR,
        terms=TERMS_FILE,
    )


@dataclass(frozen=True)
class Report:
    """One meeting report, as cited."""

    meeting_id: str
    author: str  # the issuing body the report names on its title page ("" if none)
    title: str
    date: dt.date
    meeting_number: int | None
    city: str
    path: str  # the report's file in the repository, e.g. data/reports/twg-2015-bogota.txt

    @property
    def meeting(self) -> str:
        """The meeting as a reader names it: `Meeting 2, Bogotá, 21 September 2015`."""
        return labels.meeting(self.meeting_number, self.city, self.date, cited=True)

    def cite(self, section: str | None = None) -> str:
        """The report's citation; with a section, the citation of a passage in it."""
        title = self.title.rstrip(".")
        parts = [f"{self.author} ({self.date.year}). {title}" if self.author else title]
        if not self.author:
            parts[0] += f" ({self.date.year})"
        if f"{self.date.day} {self.date:%B %Y}" not in title:  # the title does not say which
            parts.append(f". {self.meeting}")
        if section:
            parts.append(_(", section “{section}”").format(section=section.rstrip(".")))
        return "".join(parts) + (f". {self.path}." if self.path else ".")


def reports(facts: pd.DataFrame) -> dict[str, Report]:
    """The cited reports by meeting id, from `queries.citation_facts`."""
    return {
        row.meeting_id: Report(
            meeting_id=row.meeting_id,
            author="" if is_missing(row.author) else str(row.author),
            title=str(row.title),
            date=pd.Timestamp(row.date).date(),
            meeting_number=None if is_missing(row.meeting_number) else int(row.meeting_number),
            city="" if is_missing(row.city) else str(row.city),
            path=f"{DATA_FOLDER}/{row.report_file}" if not is_missing(row.report_file) else "",
        )
        for row in facts.itertuples()
    }


def _covered(cited: Iterable[Report]) -> str:
    return "; ".join(report.meeting for report in cited)


def dataset(facts: pd.DataFrame) -> str:
    """The data set's citation: its version is the date of the latest meeting it covers."""
    cited = sorted(reports(facts).values(), key=lambda r: (r.date, r.meeting_id))
    licence = _("Licence: {licence} ({terms}).").format(licence=DATA_LICENCE, terms=TERMS_FILE)
    if not cited:
        return f"{DATASET_AUTHOR}. {DATASET_TITLE}. {licence}"
    latest = cited[-1].date
    authors = _(" and ").join(dict.fromkeys(r.author for r in cited if r.author))
    source = (
        _("the meeting reports of the {authors}").format(authors=authors)
        if authors
        else _("the meeting reports")
    )
    version = _("version {date}").format(date=latest.isoformat())
    curated = _("Curated from {source}: {meetings}.").format(
        source=source, meetings=_covered(cited)
    )
    return f"{DATASET_AUTHOR} ({latest.year}). {DATASET_TITLE}, {version}. {curated} {licence}"


def lines(con: Connection, filters: Filters) -> tuple[str, tuple[str, ...]]:
    """What the Data page shows: the data set's citation, and a citation per report of the
    meetings under filters."""
    cited = reports(queries.citation_facts(con, filters)).values()
    return dataset(queries.citation_facts(con, Filters())), tuple(r.cite() for r in cited)
