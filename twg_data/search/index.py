"""The search index: an SQLite FTS5 file beside the DuckDB file, built from the database when
the database is built (`build.build_database`), into a temporary file that replaces the old
index only when complete. It holds each searchable text's stems in its meeting's language,
ranked by BM25; the fingerprint of the data it was built from says whether it is current."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from pathlib import Path

import duckdb

from twg_data.queries.search import search_documents, search_languages, search_ties
from twg_data.search import words

# The index's layout and what it holds; a change here changes the build's schema digest (every
# database is rebuilt): bump VERSION when what the index holds changes (`queries.search`, `words`).
VERSION = "search index 1"
DDL = (
    f"-- {VERSION}",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    """CREATE TABLE docs (id INTEGER PRIMARY KEY, kind TEXT, ref TEXT, meeting_id TEXT,
        section TEXT, text TEXT, source_id TEXT, category TEXT, shown_as TEXT, language TEXT)""",
    """CREATE TABLE ties (doc INTEGER, person_id TEXT, city_id TEXT, city TEXT, iso3 TEXT,
        region TEXT, sub_region TEXT, organization_id TEXT, organization_type_id TEXT,
        practice_community_id TEXT, roles TEXT)""",
    "CREATE VIRTUAL TABLE docs_fts USING fts5(stems, content='', "
    "tokenize='unicode61 remove_diacritics 2')",
)
_INDEXES = (
    "CREATE INDEX ties_doc ON ties (doc)",
    "CREATE INDEX docs_meeting ON docs (meeting_id)",
)
# The columns of `ties` a sidebar filter can test (`Dimension.column`), besides `roles`.
TIE_COLUMNS = (
    "person_id",
    "city_id",
    "city",
    "iso3",
    "region",
    "sub_region",
    "organization_id",
    "organization_type_id",
    "practice_community_id",
    "roles",
)
ROLE_SEPARATOR = "|"


def index_path(db_path: Path) -> Path:
    """The search index of a database file: beside it, `<name>.search.sqlite`."""
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}.search.sqlite")


def connect(index: Path) -> sqlite3.Connection:
    """A read-only connection to the index (one per use: SQLite connections stay in their
    thread)."""
    return sqlite3.connect(f"{Path(index).resolve().as_uri()}?mode=ro", uri=True)


def built_from(index: Path) -> str | None:
    """The fingerprint of the data the index was built from; None when there is no index."""
    if not Path(index).is_file():
        return None
    try:
        with contextlib.closing(connect(index)) as con:
            row = con.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def languages(con: sqlite3.Connection) -> tuple[str, ...]:
    """The languages the index's texts are written in."""
    row = con.execute("SELECT value FROM meta WHERE key = 'languages'").fetchone()
    return tuple(row[0].split()) if row and row[0] else ()


def _none(value: object) -> object:
    return None if value is None or value != value else value  # NaN -> None


def _fill(target: sqlite3.Connection, con: duckdb.DuckDBPyConnection) -> set[str]:
    language = {
        row.meeting_id: words.language_of(row.text or "")
        for row in search_languages(con).itertuples()
    }
    docs = search_documents(con)
    ids: dict[tuple[str, str, str], int] = {}
    rows, stems = [], []
    for number, row in enumerate(docs.itertuples(index=False), start=1):
        code = language.get(row.meeting_id, words.stemmed_languages()[0])
        ids[(row.kind, row.meeting_id, row.ref)] = number
        text = str(row.text or "")[: words.MAX_TEXT]
        values = (row.kind, row.ref, row.meeting_id, row.section, text, row.source_id)
        rows.append((number, *map(_none, values), _none(row.category), row.shown_as, code))
        stems.append((number, words.stems(text, code)))
    target.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    target.executemany("INSERT INTO docs_fts (rowid, stems) VALUES (?, ?)", stems)
    ties = []
    for row in search_ties(con).itertuples(index=False):
        doc = ids.get((row.kind, row.meeting_id, row.ref))
        if doc is None:
            continue
        roles = ROLE_SEPARATOR + ROLE_SEPARATOR.join(row.roles) + ROLE_SEPARATOR
        values = [_none(getattr(row, column)) for column in TIE_COLUMNS[:-1]]
        ties.append((doc, *values, roles))
    target.executemany(f"INSERT INTO ties VALUES ({', '.join('?' * 11)})", ties)
    return set(language.values())


def build_index(con: duckdb.DuckDBPyConnection, index: Path, fingerprint: str) -> None:
    """Build the index of the database `con` reads into a temporary file beside `index`, then
    replace `index` with it: a reader sees the old index or the new one, never half of one."""
    index = Path(index)
    temp = index.with_name(f".{index.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
    try:
        with contextlib.closing(sqlite3.connect(temp)) as target:
            for statement in DDL[1:]:
                target.execute(statement)
            found = _fill(target, con)
            for statement in _INDEXES:
                target.execute(statement)
            target.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("fingerprint", fingerprint), ("languages", " ".join(sorted(found)))],
            )
            target.execute("INSERT INTO docs_fts (docs_fts) VALUES ('optimize')")
            target.commit()
        os.replace(temp, index)
    finally:
        temp.unlink(missing_ok=True)


def remove_abandoned_temp_files(index: Path) -> None:
    """Delete temporary index files of builds whose process no longer runs."""
    index = Path(index)
    for path in index.parent.glob(f".{index.name}.*.tmp"):
        pid = path.name.removeprefix(f".{index.name}.").split("-")[0]
        try:
            os.kill(int(pid), 0)
        except (ValueError, ProcessLookupError):
            path.unlink(missing_ok=True)
        except PermissionError:
            pass
