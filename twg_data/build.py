"""CSV -> DuckDB, atomically: a new database replaces the old one only when complete and valid."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from twg_data import journal, write_lock
from twg_data.paths import REPORTS_FOLDER
from twg_data.queries import DERIVED_TABLES
from twg_data.schema import TABLES
from twg_data.search import index as search_index
from twg_data.validate import ParsedTable, Problem, read_data

# The reports named by meetings.report_file, loaded beside the tables so that the served
# database carries its sources (the dataset download holds them).
_REPORTS_DDL = "CREATE TABLE reports (meeting_id TEXT PRIMARY KEY, report_file TEXT, text TEXT)"
# Changes to the schema or the derived tables change every fingerprint, forcing a rebuild.
_SCHEMA_DIGEST = hashlib.sha256(
    "\n".join(
        [t.ddl() for t in TABLES]
        + list(DERIVED_TABLES.values())
        + [_REPORTS_DDL, *search_index.DDL]
    ).encode()
).hexdigest()
_build_lock = threading.Lock()
log = logging.getLogger("twg_data.build")


@dataclass(frozen=True)
class DatabaseStatus:
    """What the app can serve: the last good database, and what is wrong with the CSVs now."""

    db_path: Path | None  # None when no good database exists
    fingerprint: str  # of the CSVs on disk now
    problems: tuple[Problem, ...] = ()
    rebuilt: bool = False

    @property
    def stale(self) -> bool:
        """True when the CSVs are broken and an older good database is being served."""
        return bool(self.problems) and self.db_path is not None


def fingerprint(data_dir: Path) -> str:
    """Cheap identity of the data folder (names, sizes, modification times) and the schema."""
    digest = hashlib.sha256(_SCHEMA_DIGEST.encode())
    data_dir = Path(data_dir)
    reports = sorted((data_dir / REPORTS_FOLDER).glob("**/*"))
    for name in [t.file_name for t in TABLES] + [str(p.relative_to(data_dir)) for p in reports]:
        try:
            stat = (data_dir / name).stat()
            digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
        except OSError:
            digest.update(f"{name}:missing;".encode())
    return digest.hexdigest()[:16]


def stored_fingerprint(db_path: Path) -> str | None:
    """The fingerprint a database was built from; None if it is missing, unreadable, or was
    built for another schema (this code could not query it, so it is no last good database).
    """
    if not Path(db_path).is_file():
        return None
    try:
        with connect(db_path) as con:
            sql = "SELECT fingerprint FROM build_info WHERE schema = ?"
            row = con.execute(sql, [_SCHEMA_DIGEST]).fetchone()
    except duckdb.Error:  # not a database, or one built before build_info had `schema`
        return None
    return row[0] if row else None


def _load(con: duckdb.DuckDBPyConnection, parsed: ParsedTable) -> None:
    table = parsed.table
    arrow = pa.table(
        {
            name: pa.array([row[name] for row in parsed.rows], pa.string())
            for name in table.column_names
        }
    )
    con.register("incoming", arrow)
    casts = ", ".join(f"CAST({c.name} AS {c.duckdb_type})" for c in table.columns)
    con.execute(f"INSERT INTO {table.name} SELECT {casts} FROM incoming")
    con.unregister("incoming")


def _load_reports(con: duckdb.DuckDBPyConnection, data_dir: Path, meetings: ParsedTable) -> None:
    con.execute(_REPORTS_DDL)
    for row in meetings.rows:
        if row["report_file"]:
            text = (data_dir / row["report_file"]).read_text(encoding="utf-8")
            sql = "INSERT INTO reports VALUES (?, ?, ?)"
            con.execute(sql, [row["meeting_id"], row["report_file"], text])


def _remove_abandoned_temp_files(db_path: Path) -> None:
    """Delete temporary files of builds whose process no longer runs (e.g. was killed)."""
    for path in db_path.parent.glob(f".{db_path.name}.*.tmp*"):
        pid = path.name.removeprefix(f".{db_path.name}.").split("-")[0]
        try:
            os.kill(int(pid), 0)
        except (ValueError, ProcessLookupError):
            path.unlink(missing_ok=True)
        except PermissionError:
            pass


def build_database(data_dir: Path, db_path: Path) -> list[Problem]:
    """Validate data_dir and, if sound, replace db_path with a fresh database; else change
    nothing. Returns the problems found (empty on success). The search index is built from the
    database afterwards (`search.freshness`): the database never waits for it."""
    data_dir, db_path = Path(data_dir), Path(db_path)
    data_fingerprint = fingerprint(data_dir)  # before reading: a change mid-read rebuilds later
    parsed, problems = read_data(data_dir)
    if problems:
        return problems
    db_path.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_temp_files(db_path)
    temp = db_path.parent / f".{db_path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp"
    try:
        with duckdb.connect(str(temp)) as con:
            for table in TABLES:
                con.execute(table.ddl())
                _load(con, parsed[table.name])
            _load_reports(con, data_dir, parsed["meetings"])
            for name, sql in DERIVED_TABLES.items():
                con.execute(f"CREATE TABLE {name} AS {sql}")
            con.execute(
                "CREATE TABLE build_info AS SELECT ? AS fingerprint, ? AS schema, "
                "? AS data_dir, now() AS built_at",
                [data_fingerprint, _SCHEMA_DIGEST, str(data_dir.resolve())],
            )
            con.execute("CHECKPOINT")
        os.replace(temp, db_path)
    finally:
        temp.unlink(missing_ok=True)
        Path(f"{temp}.wal").unlink(missing_ok=True)
    return []


def settle_interrupted_apply(data_dir: Path) -> str | None:
    """Complete or undo an apply that was interrupted (a crash, a kill), so that what is read
    is wholly before or after it; what was done (logged), or None. One `stat` when there is
    nothing to settle; nothing is done while an apply is under way (it finishes its own)."""
    try:
        recovered = journal.recover(data_dir)
    except write_lock.Busy:
        return None
    except (OSError, journal.JournalError) as error:
        log.error("%s: an interrupted apply cannot be settled: %s", data_dir, error)
        return None
    if recovered:
        log.warning("%s: %s", data_dir, recovered)
    return recovered


def ensure_database(data_dir: Path, db_path: Path) -> DatabaseStatus:
    """Make db_path current with data_dir if the CSVs are sound; report what is being served.

    An interrupted apply is settled first (`settle_interrupted_apply`).
    """
    data_dir, db_path = Path(data_dir), Path(db_path)
    with _build_lock:
        settle_interrupted_apply(data_dir)
        current = fingerprint(data_dir)
        stored = stored_fingerprint(db_path)
        if stored == current:
            return DatabaseStatus(db_path, current)
        problems = build_database(data_dir, db_path)
        if problems:
            good = db_path if stored is not None else None
            return DatabaseStatus(good, current, tuple(problems))
        return DatabaseStatus(db_path, current, rebuilt=True)


def connect(db_path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the database file as it is now (even after a rebuild)."""
    # DuckDB keeps one database instance per path in a process: while any connection to the
    # file a rebuild replaced is open, connecting by db_path would return that old file.
    # Opening through a fresh hard link to the current file gets an instance of its own.
    db_path = Path(db_path)
    link = db_path.parent / f".{db_path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp-open"
    try:
        os.link(db_path, link)
    except OSError:  # no such file (DuckDB says so), or no hard links on this file system
        return duckdb.connect(str(db_path), read_only=True)
    try:
        return duckdb.connect(str(link), read_only=True)
    finally:
        with contextlib.suppress(OSError):
            link.unlink()
