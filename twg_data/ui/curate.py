"""The Curate page's working state: one draft per session, made from an upload and applied
to the served data folder."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from twg_data import paths
from twg_data.importer import Draft, draft_report, write_draft
from twg_data.importer.apply import Applied, apply_draft
from twg_data.importer.folder import fingerprints, read_tables
from twg_data.importer.reader import MAX_BYTES, TEXT_SUFFIXES, ReportError
from twg_data.text import escape_markdown as md

_DRAFT = "_curate_draft"


@dataclass
class Working:
    draft: Draft
    original: bytes | None  # a .docx or .pdf, kept beside the text read from it
    base: dict[str, str]  # the data's fingerprints when the draft was made


def current() -> Working | None:
    return st.session_state.get(_DRAFT)


def discard() -> None:
    st.session_state.pop(_DRAFT, None)


def start(name: str, content: bytes, meeting_id: str) -> None:
    """Draft the upload; ReportError says why it cannot be read (nothing is kept then)."""
    if len(content) > MAX_BYTES:
        raise ReportError(f"{name}: larger than the {MAX_BYTES >> 20} MB limit")
    data_dir = paths.data_dir()
    base = fingerprints(data_dir)
    draft = draft_report(name, content, meeting_id.strip(), data_dir)
    original = None if Path(name).suffix.lower() in TEXT_SUFFIXES else content
    st.session_state[_DRAFT] = Working(draft, original, base)


def existing_row(table: str, key: str) -> dict[str, str]:
    """The row a suggestion points to: in the data, or drafted earlier from the same report."""
    key_column = {"people": "person_id", "organizations": "organization_id"}[table]
    working = current()
    drafted = working.draft.rows.get(table, []) if working else []
    rows = [*read_tables(paths.data_dir())[table], *drafted]
    return next(row for row in rows if row[key_column] == key)


def apply_current() -> Applied:
    """Write the reviewed draft to a temporary folder and apply it from there (ApplyError if
    refused); the temporary folder is removed whatever the outcome."""
    working = current()
    assert working is not None
    data_dir = paths.data_dir()
    with tempfile.TemporaryDirectory(prefix="twg-draft-") as scratch:
        folder = Path(scratch) / working.draft.meeting_id
        write_draft(working.draft, data_dir, folder, working.original, working.base)
        applied = apply_draft(folder, data_dir)
    if applied.recovered:
        st.info(md(applied.recovered), icon=":material/restore:")
    discard()
    return applied
