"""The Curate page's drafts kept on the server: one folder each under `paths.curate_dir()`
(beside the database file, never inside the data folder), so that a draft outlives the page
that made it (a dropped connection, a reload, another tab).

A folder holds the upload as it came (`upload`), the import's state (`status.json`: running,
ready or failed, the stage it is at, its message as a template and its fields, worded by the
page in its language), the data's fingerprints when the draft was
made (`base.json`) and the draft itself (`draft.json`, `importer.store`), saved again after
every change the curator makes. Each file is written whole or not at all.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from twg_data.i18n import N_
from twg_data.importer import store
from twg_data.importer.draft import Draft
from twg_data.importer.reader import TEXT_SUFFIXES
from twg_data.message import Message

STATUS, UPLOAD, DRAFT, BASE = "status.json", "upload", "draft.json", "base.json"
RUNNING, READY, FAILED = "running", "ready", "failed"
# The import's stages, in order (what the page shows while it runs).
STAGES = ("waiting", "reading the data", "reading the report", "recognising", "saving the draft")


@dataclass
class Status:
    """Where an import stands."""

    state: str  # running | ready | failed
    meeting_id: str
    report: str  # the uploaded file's name
    started: float  # seconds since the epoch
    stage: str = STAGES[0]
    updated: float = 0.0
    message: str = ""  # why it failed: an English template marked `N_()`
    pid: int = 0  # the worker process
    counts: dict[str, int] = field(default_factory=dict)  # rows drafted, once ready
    message_args: dict = field(default_factory=dict)  # the message's fields (`Message.to_json`)

    def why(self) -> Message:
        """Why it failed, worded in the language of whoever shows it."""
        return Message.from_json({"message": self.message, "args": self.message_args})


def _write(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


class WorkDraft:
    """One draft's folder on the server."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @property
    def name(self) -> str:
        """The folder's name: the draft's handle in a session and on the page."""
        return self.path.name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WorkDraft) and other.path == self.path

    def __hash__(self) -> int:
        return hash(self.path)

    def status(self) -> Status:
        """The import's state as last written (a folder without one reads as failed)."""
        try:
            return Status(**json.loads((self.path / STATUS).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return Status(FAILED, "", "", 0.0, message=N_("the draft's folder is incomplete"))

    def write_status(self, **changes: object) -> Status:
        """Change the status (and stamp the time of the change)."""
        status = self.status()
        for name, value in changes.items():
            setattr(status, name, value)
        status.updated = time.time()
        _write(self.path / STATUS, json.dumps(asdict(status), ensure_ascii=False))
        return status

    def upload(self) -> bytes:
        """The uploaded file's bytes."""
        return (self.path / UPLOAD).read_bytes()

    def original(self) -> bytes | None:
        """The upload itself when it is a .docx or .pdf (kept beside the text read from it)."""
        if Path(self.status().report).suffix.lower() in TEXT_SUFFIXES:
            return None
        return self.upload()

    def base(self) -> dict[str, str]:
        """The data's fingerprints when the draft was made (apply checks them)."""
        return json.loads((self.path / BASE).read_text(encoding="utf-8"))

    def save_base(self, fingerprints: dict[str, str]) -> None:
        """Keep the data's fingerprints as the import starts."""
        _write(self.path / BASE, json.dumps(fingerprints))

    def draft_stamp(self) -> int:
        """When the draft was last saved (nanoseconds; 0 if it was not)."""
        try:
            return (self.path / DRAFT).stat().st_mtime_ns
        except OSError:
            return 0

    def load(self) -> Draft:
        """The draft as last saved."""
        return store.load(self.path / DRAFT)

    def save(self, draft: Draft) -> int:
        """Save the draft, whole or not at all; its new stamp."""
        store.save(draft, self.path / DRAFT)
        return self.draft_stamp()

    def remove(self) -> None:
        """The folder and all it holds, gone."""
        shutil.rmtree(self.path, ignore_errors=True)


def new(root: Path, report: str, content: bytes, meeting_id: str) -> WorkDraft:
    """A new folder under `root` holding the upload, its import waiting to run."""
    stem = re.sub(r"[^a-z0-9-]+", "-", meeting_id.lower()).strip("-")[:60] or "draft"
    root.mkdir(parents=True, exist_ok=True)
    while True:
        path = root / f"{stem}-{secrets.token_hex(3)}"
        try:
            path.mkdir()
            break
        except FileExistsError:
            continue
    work = WorkDraft(path)
    (path / UPLOAD).write_bytes(content)
    status = Status(RUNNING, meeting_id, Path(report).name, time.time(), updated=time.time())
    _write(path / STATUS, json.dumps(asdict(status), ensure_ascii=False))
    return work


def listing(root: Path) -> list[WorkDraft]:
    """The drafts kept under `root`, the newest first."""
    if not root.is_dir():
        return []
    found = [WorkDraft(path) for path in root.iterdir() if (path / STATUS).is_file()]
    return sorted(found, key=lambda work: work.status().started, reverse=True)


def find(root: Path, name: str) -> WorkDraft | None:
    """The draft of that folder name under `root`, if it is still there."""
    path = root / name
    if "/" in name or name.startswith(".") or not (path / STATUS).is_file():
        return None
    return WorkDraft(path)
