"""Add a meeting without code: read its report, draft its rows, review, apply.

draft = importer.draft_report("report.docx", data, "twg-2016-kampala", data_dir)
importer.write_draft(draft, data_dir, out_dir)      # a complete data folder + REVIEW.md
importer.apply_draft(out_dir, data_dir)             # validated, all at once, backed up
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from twg_data.i18n import N_
from twg_data.importer.draft import Decision, Draft
from twg_data.importer.errors import ReportError
from twg_data.importer.folder import read_tables, write_draft
from twg_data.importer.reader import read_report
from twg_data.importer.recognisers import recognise

MEETING_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

__all__ = ["Decision", "Draft", "ReportError", "draft_report", "write_draft"]


STEPS = ("checking", "reading", "recognising")  # what `progress` is told, in this order


def draft_report(
    name: str,
    data: bytes,
    meeting_id: str,
    data_dir: Path,
    progress: Callable[[str], None] | None = None,
) -> Draft:
    """The draft of a new meeting from the report `name` holding `data`; ReportError if the
    report cannot be read, the meeting id is not a slug or the data already holds it.
    `progress(step)` is told each of STEPS as it starts."""
    tell = progress or (lambda step: None)
    if not MEETING_ID.fullmatch(meeting_id):
        raise ReportError(
            N_(
                "meeting id {meeting_id!r}: use lower-case letters, digits and hyphens, "
                "e.g. twg-2016-kampala"
            ),
            meeting_id=meeting_id,
        )
    tell(STEPS[0])
    tables = read_tables(Path(data_dir))
    if any(row["meeting_id"] == meeting_id for row in tables["meetings"]):
        raise ReportError(
            N_("meeting id {meeting_id!r}: the data already holds this meeting; choose a new id"),
            meeting_id=meeting_id,
        )
    tell(STEPS[1])
    document = read_report(name, data)
    tell(STEPS[2])
    draft = recognise(document, meeting_id, tables)
    if not draft.passages:
        raise ReportError(N_("{name}: no text could be read from the report"), name=name)
    return draft
