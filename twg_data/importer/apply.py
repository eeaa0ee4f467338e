"""Apply a reviewed draft folder to the live data: validated, all files at once or none,
the previous version kept, refused when the data changed after the draft was made.

The files that differ are written as one `journal.Change`: the data is wholly before or
wholly after even if the process dies midway (the next apply, `validate` or start of the
dashboard completes or undoes it). Their previous versions go to `.history/<time>/` and the
change is logged in `.history/CHANGELOG.md`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from twg_data import journal, paths, write_lock
from twg_data.i18n import N_, _
from twg_data.importer.folder import HISTORY, MANIFEST, data_files, fingerprints
from twg_data.message import MessageError
from twg_data.validate import ParsedTable, Problem, read_data

CHANGELOG = "CHANGELOG.md"  # in HISTORY


class ApplyError(MessageError):
    """Why a draft was not applied; the live data is unchanged.

    Raised with an English template marked `N_()` and its fields, worded when shown; the
    draft's problems, if any, and what was settled of an interrupted apply come with it."""

    def __init__(self, template: str, /, problems: list[Problem] | None = None, **args: object):
        super().__init__(template, **args)
        self.problems = problems or []
        self.recovered: str | None = None  # what was settled of an interrupted apply first

    def __str__(self) -> str:
        text = super().__str__()
        return f"{_(self.recovered)} {text}" if self.recovered else text


@dataclass
class Applied:
    """What an apply wrote."""

    meeting_id: str
    files: list[str]  # the data files written
    backup: Path  # their previous versions, under the data folder as its user names it
    added: dict[str, int]
    recovered: str | None = None  # what was settled of an interrupted apply first


def _manifest(draft_dir: Path) -> dict:
    path = draft_dir / MANIFEST
    if not path.is_file():
        raise ApplyError(
            N_(
                "{folder}: not a draft folder (no {manifest}); "
                "make one with `python -m twg_data import`"
            ),
            folder=str(draft_dir),
            manifest=MANIFEST,
        )
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ApplyError(
            N_("{path}: unreadable ({error})"), path=str(path), error=str(error)
        ) from None


def _refresh_descriptor(draft_dir: Path, tables: dict[str, ParsedTable]) -> None:
    """The draft's datapackage.json, regenerated for its data (it lists the reports)."""
    from twg_data import datapackage

    (draft_dir / datapackage.DESCRIPTOR).write_bytes(datapackage.tables_descriptor_bytes(tables))


def apply_draft(draft_dir: Path, data_dir: Path, now: datetime | None = None) -> Applied:
    """Write the draft into the data folder, or raise ApplyError and change nothing.

    Messages name the data folder as its user knows it (`paths.shown_data_dir`), the draft
    folder as it was given.
    """
    shown = paths.shown_data_dir(data_dir)
    draft_dir, data_dir = Path(draft_dir), Path(data_dir).resolve()
    manifest = _manifest(draft_dir)
    if not data_dir.is_dir():
        raise ApplyError(N_("{folder}: no such data folder"), folder=shown)
    try:
        with journal.transaction(data_dir) as transaction:
            try:
                return _apply(transaction, draft_dir.resolve(), shown, manifest, now)
            except ApplyError as error:
                if transaction.recovered:  # the user learns of it either way
                    error.recovered = transaction.recovered
                raise
    except write_lock.Busy as busy:
        busy_message = (
            N_("{folder}: another apply is under way ({owner}); try again when it has finished")
            if busy.owner.checkable()
            else N_(
                "{folder}: another apply is under way ({owner}); try again when it has "
                "finished (if none is, delete {folder}/{lock})"
            )
        )
        raise ApplyError(
            busy_message,
            folder=shown,
            owner=busy.owner.describe(),
            lock=f"{journal.WORK}/{write_lock.LOCK}",
        ) from None
    except journal.JournalError as error:
        raise ApplyError(
            N_(
                "{folder}: a previous apply was interrupted and cannot be completed ({error}); "
                "its work files are kept in {folder}/{work}/"
            ),
            folder=shown,
            error=str(error),
            work=journal.WORK,
        ) from None
    except OSError as error:  # reading or settling the data folder; no server paths shown
        raise ApplyError(
            N_("{folder}: {error}"), folder=shown, error=str(error.strerror or error)
        ) from None


def _apply(
    transaction: journal.Transaction,
    draft_dir: Path,
    shown: str,
    manifest: dict,
    now: datetime | None,
) -> Applied:
    data_dir = transaction.folder
    current = fingerprints(data_dir)
    base = manifest.get("base", {})
    changed = sorted(p for p in set(current) | set(base) if current.get(p) != base.get(p))
    if changed:
        raise ApplyError(
            N_(
                "{folder}: the data changed after the draft was made ({files}); "
                "import the report again"
            ),
            folder=shown,
            files=", ".join(changed[:5]) + (", …" if len(changed) > 5 else ""),
        )
    tables, problems = read_data(draft_dir)
    if problems:
        raise ApplyError(
            N_("the draft has {n} problem(s); fix them in the draft first"),
            problems=problems,
            n=len(problems),
        )
    _refresh_descriptor(draft_dir, tables)
    files = [
        str(path)
        for path in data_files(draft_dir)
        if not (data_dir / path).is_file()
        or (data_dir / path).read_bytes() != (draft_dir / path).read_bytes()
    ]
    now = now or datetime.now(UTC)
    stamp = now.strftime("%Y%m%dT%H%M%S%fZ")
    change = journal.Change(
        sources={name: draft_dir / name for name in files},
        backup=f"{HISTORY}/{stamp}",
        log=f"{HISTORY}/{CHANGELOG}",
        entry=_entry(manifest, files, now, stamp),
    )
    try:
        transaction.commit(change)
    except journal.WriteFailed as failed:
        raise ApplyError(
            N_("{folder}: writing failed ({reason}); the previous data is restored")
            if failed.settled
            else N_(
                "{folder}: writing failed ({reason}); it will be completed or undone at the "
                "next apply, validate or start of the dashboard"
            ),
            folder=shown,
            reason=str(failed.reason),
        ) from None
    backup = Path(shown) / HISTORY / stamp
    return Applied(
        manifest["meeting_id"], files, backup, manifest.get("added", {}), transaction.recovered
    )


def _entry(manifest: dict, files: list[str], now: datetime, stamp: str) -> str:
    """The change log's entry for this apply (its backup folder makes it unique)."""
    added = manifest.get("added", {})
    changed = manifest.get("changed", {})
    lines = [
        f"## {now.strftime('%Y-%m-%d %H:%M:%S')} UTC: meeting {manifest['meeting_id']}"
        f" from {manifest.get('report', '?')}",
        "",
        "Added: " + (", ".join(f"{n} {table}" for table, n in added.items()) or "nothing") + ".",
        "Changed: "
        + (
            "; ".join(f"{table}: {', '.join(keys)}" for table, keys in changed.items())
            or "no existing row"
        )
        + ".",
        f"Files written: {', '.join(files)}. Their previous versions: `{HISTORY}/{stamp}/`.",
        "",
    ]
    return "\n".join(lines) + "\n"
