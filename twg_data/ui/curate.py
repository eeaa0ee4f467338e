"""The Curate page's working state: which draft on the server this session has open, the
draft as last read from disk, and what changes it.

An upload is imported in a worker process (`twg_data.curating.jobs`) into a folder of its
own under `paths.curate_dir()`; the session only remembers the folder's name. The draft is
read from disk when it changed there (another tab, a reload) and saved after every change
the curator makes, so a dropped connection or a reload loses nothing.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from twg_data import paths
from twg_data.curating import jobs, review, workfolder
from twg_data.curating.workfolder import READY, WorkDraft
from twg_data.i18n import _
from twg_data.importer import Draft, tagging, write_draft
from twg_data.importer.apply import Applied, apply_draft
from twg_data.importer.edits import confirm, dismiss
from twg_data.importer.folder import read_tables
from twg_data.importer.reader import MAX_BYTES, TOO_LARGE, ReportError
from twg_data.text import escape_markdown as md

log = logging.getLogger("twg_data.curate")
_OPEN = "_curate_open"  # the folder name of the draft this session has open
_LOADED = "_curate_loaded"  # (folder name, stamp, Draft) as last read or saved
_WATCHING = "_curate_watching"  # the folder name of the import this session started
_FAILED = "_curate_failed"  # the message of this session's import that failed
_VERSION = "_curate_version"  # counts changes made other than in the table editors
_TYPED = "_curate_meeting_id"  # the meeting id of this session's last upload
_REFUSED = "_curate_refused"  # (source id, why a tag was refused), shown beside the passage


@dataclass
class Working:
    """The open draft: its folder on the server and the draft itself."""

    work: WorkDraft
    draft: Draft


def root() -> Path:
    """Where this data folder's drafts are kept."""
    return paths.curate_dir(paths.data_dir())


def drafts() -> list[WorkDraft]:
    """The drafts kept on the server for the served data, the newest first."""
    return workfolder.listing(root())


def start(name: str, content: bytes, meeting_id: str) -> WorkDraft:
    """Import the upload in a worker process; ReportError for a file too large to keep."""
    if len(content) > MAX_BYTES:
        raise ReportError(TOO_LARGE, name=name, limit=MAX_BYTES >> 20)
    st.session_state[_TYPED] = meeting_id.strip()
    work = workfolder.new(root(), name, content, meeting_id.strip())
    jobs.start(work, paths.data_dir())
    st.session_state[_WATCHING] = work.name
    st.session_state.pop(_FAILED, None)
    return work


def watching() -> WorkDraft | None:
    """The import this session started, while it is kept."""
    name = st.session_state.get(_WATCHING)
    return workfolder.find(root(), name) if name else None


def watch(name: str) -> None:
    """Follow an import kept on the server (one a reload left running)."""
    st.session_state[_WATCHING] = name


def settle(work: WorkDraft) -> str:
    """What became of a watched import: `ready` (then opened), `failed` (its message kept
    for the page and its folder removed) or `running`."""
    status = jobs.state(work)
    if status.state == READY:
        st.session_state.pop(_WATCHING, None)
        open_draft(work.name)
    elif status.state == workfolder.FAILED:
        st.session_state.pop(_WATCHING, None)
        st.session_state[_FAILED] = status.why()
        work.remove()
    return status.state


def typed_meeting_id() -> str:
    """The meeting id given with this session's last upload (kept for another try)."""
    return st.session_state.get(_TYPED, "")


def failure() -> str | None:
    """Why this session's last import failed (shown once, in the page's language)."""
    why = st.session_state.pop(_FAILED, None)
    return str(why) if why is not None else None


def cancel(work: WorkDraft) -> None:
    """End an import and keep nothing of it."""
    jobs.cancel(work)
    if st.session_state.get(_WATCHING) == work.name:
        st.session_state.pop(_WATCHING, None)


def open_draft(name: str) -> None:
    """Open a draft kept on the server in this session."""
    st.session_state[_OPEN] = name
    st.session_state.pop(_LOADED, None)


def close() -> None:
    """Leave the draft on the server, open none here."""
    st.session_state.pop(_OPEN, None)
    st.session_state.pop(_LOADED, None)


def current() -> Working | None:
    """The open draft, read again from disk when it was saved since (another tab)."""
    name = st.session_state.get(_OPEN)
    work = workfolder.find(root(), name) if name else None
    if work is None or work.status().state != READY:
        close()
        return None
    stamp = work.draft_stamp()
    loaded = st.session_state.get(_LOADED)
    if loaded is None or loaded[0] != name or loaded[1] != stamp:
        loaded = (name, stamp, work.load())
        st.session_state[_LOADED] = loaded
        _new_version()
    return Working(work, loaded[2])


def version() -> int:
    """Changes to the open draft other than in the table editors, counted: the editors are
    drawn anew after each (their rows may have moved)."""
    return st.session_state.get(_VERSION, 0)


def _new_version() -> None:
    st.session_state[_VERSION] = version() + 1


def changed(working: Working, edited: bool = False) -> None:
    """Save the open draft after a change: an edit in a table editor (`edited`), or a tag,
    a merge, an identity answer (the editors are then drawn anew)."""
    stamp = working.work.save(working.draft)
    st.session_state[_LOADED] = (working.work.name, stamp, working.draft)
    if not edited:
        _new_version()


def tag_passage(source_id: str, kind: str, /, **options: str) -> None:
    """Tag a passage of the open draft and save it; a tag the passage cannot take leaves the
    draft as it was and its reason for the page (`refusal`)."""
    working = current()
    if working is None:
        return
    st.session_state.pop(_REFUSED, None)
    try:
        tagging.tag(working.draft, data_tables(), source_id, kind, **options)
    except Exception as error:  # noqa: BLE001 - the curator reads why; the log keeps the trace
        if not isinstance(error, ReportError):
            log.exception("tagging %s as %s failed", source_id, kind)
        st.session_state.pop(_LOADED, None)  # the draft as saved, not half changed
        st.session_state[_REFUSED] = (source_id, error)  # worded when shown
        return
    changed(working)


def untag_passage(source_id: str) -> None:
    """Take a passage's tag back and save the draft."""
    working = current()
    if working is not None:
        tagging.untag(working.draft, source_id)
        changed(working)


def refusal(source_id: str) -> str | None:
    """Why the last tag of this passage was refused, if it was."""
    refused = st.session_state.get(_REFUSED)
    return str(refused[1]) if refused and refused[0] == source_id else None


def answer(index: int, same: bool) -> None:
    """Answer an identity question of the open draft (by its place in the list) and save."""
    working = current()
    if working is None or index >= len(working.draft.suggestions):
        return
    suggestion = working.draft.suggestions[index]
    if same:
        confirm(working.draft, suggestion, existing_row(suggestion.table, suggestion.existing_id))
    else:
        dismiss(working.draft, suggestion)
    changed(working)


def merge(table: str, drafted_id: str, existing_id: str) -> None:
    """A drafted person or organization is one in the data: merged, and the draft saved."""
    working = current()
    if working is not None and drafted_id and existing_id:
        review.merge(working.draft, table, drafted_id, existing_row(table, existing_id))
        changed(working)


def discard() -> None:
    """Remove the open draft from the server."""
    name = st.session_state.get(_OPEN)
    work = workfolder.find(root(), name) if name else None
    if work is not None:
        work.remove()
    close()


@st.cache_resource(max_entries=2, show_spinner=False)
def _tables(data_dir: str, stamp: tuple) -> dict[str, list[dict[str, str]]]:
    return read_tables(Path(data_dir))


def data_tables() -> dict[str, list[dict[str, str]]]:
    """The data's rows (read once per version of the CSV files; not to be changed)."""
    data_dir = paths.data_dir()
    stamp = tuple(
        (path.name, path.stat().st_mtime_ns, path.stat().st_size)
        for path in sorted(data_dir.glob("*.csv"))
    )
    return _tables(str(data_dir), stamp)


def existing_row(table: str, key: str) -> dict[str, str]:
    """The row a suggestion points to: in the data, or drafted earlier from the same report."""
    key_column = {"people": "person_id", "organizations": "organization_id"}[table]
    working = current()
    drafted = working.draft.rows.get(table, []) if working else []
    found = next((row for row in drafted if row[key_column] == key), None)
    if found is not None:
        return found
    return dict(next(row for row in data_tables()[table] if row[key_column] == key))


def apply_current() -> Applied:
    """Write the reviewed draft to a temporary folder and apply it from there (ApplyError if
    refused); the temporary folder is removed whatever the outcome, the draft's folder on
    the server once it is applied."""
    working = current()
    assert working is not None
    data_dir = paths.data_dir()
    with tempfile.TemporaryDirectory(prefix="twg-draft-") as scratch:
        folder = Path(scratch) / working.draft.meeting_id
        original, base = working.work.original(), working.work.base()
        write_draft(working.draft, data_dir, folder, original, base)
        applied = apply_draft(folder, data_dir)
    if applied.recovered:
        st.info(md(_(applied.recovered)), icon=":material/restore:")
    discard()
    return applied
