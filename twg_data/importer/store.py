"""A draft kept on disk as JSON, so that it outlives the page that made it (a dropped
connection, a reload): everything the curator sees and decides, read back as the same draft."""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

from twg_data.importer.draft import Decision, Draft, Hint, Tag
from twg_data.importer.furniture import Furniture
from twg_data.importer.identity import Suggestion
from twg_data.importer.layout import Block
from twg_data.importer.passages import Passage
from twg_data.importer.reader import Document
from twg_data.message import Message

VERSION = 1


def to_json(draft: Draft) -> str:
    """The draft as JSON text."""
    document = draft.document
    data = {
        "version": VERSION,
        "meeting_id": draft.meeting_id,
        "document": {
            "name": document.name,
            "text": document.text,
            "furniture": [asdict(f) for f in document.furniture],
            "metadata": document.metadata,
            "notes": [note.to_json() for note in document.notes],
        },
        "passages": [
            {
                "source_id": p.source_id,
                "section": p.section,
                "text": p.text,
                "heading": p.heading,
                "block": asdict(p.block),
            }
            for p in draft.passages
        ],
        "rows": draft.rows,
        "changes": draft.changes,
        "suggestions": [asdict(s) for s in draft.suggestions],
        "decisions": [asdict(d) for d in draft.decisions],
        "hints": [asdict(h) for h in draft.hints],
        "tags": [asdict(t) for t in draft.tags.values()],
    }
    return json.dumps(data, ensure_ascii=False)


def from_json(text: str) -> Draft:
    """The draft a `to_json` text holds."""
    data = json.loads(text)
    if data.get("version") != VERSION:
        raise ValueError(f"a draft saved by another version ({data.get('version')!r})")
    doc = data["document"]
    document = Document(
        doc["name"],
        doc["text"],
        [],
        [Furniture(**f) for f in doc["furniture"]],
        doc["metadata"],
        [Message.from_json(note) for note in doc["notes"]],  # an English text if saved so
    )
    passages = [
        Passage(p["source_id"], p["section"], p["text"], Block(**p["block"]), p["heading"])
        for p in data["passages"]
    ]
    draft = Draft(data["meeting_id"], document, passages)
    draft.rows = data["rows"]
    draft.changes = data["changes"]
    draft.suggestions = [Suggestion(**s) for s in data["suggestions"]]
    draft.decisions = [_decision(d) for d in data["decisions"]]
    draft.hints = [Hint(**h) for h in data["hints"]]
    for t in data["tags"]:
        found = Tag(
            t["source_id"],
            t["kind"],
            t["options"],
            [tuple(a) for a in t["added"]],
            [(table, row) for table, row in t["removed"]],
        )
        draft.tags[found.source_id] = found
    return draft


def _decision(saved: dict) -> Decision:
    """A saved decision; one saved before reasons were message ids keeps its English `why`."""
    saved = dict(saved)
    if "why" in saved:
        saved["message"] = saved.pop("why").replace("{", "{{").replace("}", "}}")
    return Decision(**saved)


def save(draft: Draft, path: Path) -> None:
    """Write the draft to `path`, whole or not at all (a temporary file renamed over it)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(to_json(draft), encoding="utf-8")
    os.replace(temporary, path)


def load(path: Path) -> Draft:
    """The draft saved at `path`."""
    return from_json(Path(path).read_text(encoding="utf-8"))
