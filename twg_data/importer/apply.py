"""Apply a reviewed draft folder to the live data: validated, all files at once or none,
the previous version kept, refused when the data changed after the draft was made.

The files that differ are first copied aside into `.history/<time>/` (the previous version)
and the change is logged in `.history/CHANGELOG.md`; then each is replaced by an atomic
rename. Should any replacement fail, the ones already made are restored from the backup.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from twg_data.importer.folder import HISTORY, MANIFEST, data_files, fingerprints
from twg_data.validate import Problem, validate

LOCK = ".apply.lock"


class ApplyError(Exception):
    """Why a draft was not applied; the live data is unchanged."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass
class Applied:
    meeting_id: str
    files: list[str]  # the data files written
    backup: Path  # the previous versions of those files
    added: dict[str, int]


def _manifest(draft_dir: Path) -> dict:
    path = draft_dir / MANIFEST
    if not path.is_file():
        raise ApplyError(
            f"{draft_dir}: not a draft folder (no {MANIFEST}); "
            "make one with `python -m twg_data import`"
        )
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ApplyError(f"{path}: unreadable ({error})") from None


def _refresh_descriptor(draft_dir: Path) -> None:
    """The draft's datapackage.json, regenerated for its data (it lists the reports)."""
    from twg_data import datapackage
    from twg_data.build import build_database, connect
    from twg_data.filters import Filters

    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "draft.duckdb"
        build_database(draft_dir, db)
        con = connect(db)
        try:
            (draft_dir / datapackage.DESCRIPTOR).write_bytes(
                datapackage.descriptor_bytes(con, Filters())
            )
        finally:
            con.close()


def apply_draft(draft_dir: Path, data_dir: Path, now: datetime | None = None) -> Applied:
    """Write the draft into the data folder, or raise ApplyError and change nothing."""
    draft_dir, data_dir = Path(draft_dir).resolve(), Path(data_dir).resolve()
    manifest = _manifest(draft_dir)
    lock = data_dir / LOCK
    try:
        handle = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        raise ApplyError(
            f"{data_dir}: another apply is under way (remove {LOCK} if none is)"
        ) from None
    os.close(handle)
    try:
        return _apply(draft_dir, data_dir, manifest, now or datetime.now(UTC))
    finally:
        lock.unlink(missing_ok=True)


def _apply(draft_dir: Path, data_dir: Path, manifest: dict, now: datetime) -> Applied:
    current = fingerprints(data_dir)
    base = manifest.get("base", {})
    changed = sorted(p for p in set(current) | set(base) if current.get(p) != base.get(p))
    if changed:
        raise ApplyError(
            f"{data_dir}: the data changed after the draft was made ({', '.join(changed[:5])}"
            f"{', …' if len(changed) > 5 else ''}); import the report again"
        )
    problems = validate(draft_dir)
    if problems:
        raise ApplyError(
            f"{draft_dir}: {len(problems)} problem(s); fix them in the draft first", problems
        )
    _refresh_descriptor(draft_dir)
    files = [
        str(path)
        for path in data_files(draft_dir)
        if not (data_dir / path).is_file()
        or (data_dir / path).read_bytes() != (draft_dir / path).read_bytes()
    ]
    stamp = now.strftime("%Y%m%dT%H%M%S%fZ")
    backup = data_dir / HISTORY / stamp
    backup.mkdir(parents=True)
    for name in files:
        if (data_dir / name).is_file():
            (backup / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(data_dir / name, backup / name)
    staged = []
    try:
        for name in files:
            target = data_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.applying")
            shutil.copyfile(draft_dir / name, temporary)
            try:
                os.replace(temporary, target)
            finally:
                temporary.unlink(missing_ok=True)
            staged.append(name)
    except OSError as error:
        for name in staged:  # put back what was already replaced
            if (backup / name).is_file():
                restoring = (data_dir / name).with_name(f".{Path(name).name}.restoring")
                shutil.copyfile(backup / name, restoring)
                os.replace(restoring, data_dir / name)
            else:
                (data_dir / name).unlink(missing_ok=True)
        raise ApplyError(
            f"{data_dir}: writing failed ({error}); the previous data is restored"
        ) from None
    added = manifest.get("added", {})
    entry = [
        f"## {now.strftime('%Y-%m-%d %H:%M:%S')} UTC: meeting {manifest['meeting_id']}"
        f" from {manifest.get('report', '?')}",
        "",
        "Added: " + (", ".join(f"{n} {table}" for table, n in added.items()) or "nothing") + ".",
        "Changed: "
        + (
            "; ".join(
                f"{table}: {', '.join(keys)}" for table, keys in manifest.get("changed", {}).items()
            )
            or "no existing row"
        )
        + ".",
        f"Files written: {', '.join(files)}. Their previous versions: `{HISTORY}/{stamp}/`.",
        "",
    ]
    with (data_dir / HISTORY / "CHANGELOG.md").open("a", encoding="utf-8") as log:
        log.write("\n".join(entry) + "\n")
    return Applied(manifest["meeting_id"], files, backup, added)
