"""The search index: a tantivy index in a folder beside the DuckDB file, built from the
database after the database is built (`search.freshness`). Each build writes a new version
into a folder of its own; a small pointer file (`current.json`, replaced atomically) names the
version served and the fingerprint of the data it was built from, so a reader sees the old
index or the new one, never half of one. Each text is held as its stems in its meeting's
language, ranked by BM25; its facets and the people it is tied to are fast fields."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import threading
import uuid
from pathlib import Path

import duckdb
import tantivy

from twg_data.queries.search import TIE_COLUMNS, search_documents, search_languages
from twg_data.search import words

# What the index holds; a change here changes the build's schema digest (every database is
# rebuilt): bump VERSION when what the index holds changes (`queries.search`, `words`).
VERSION = "search index 2 (tantivy)"
STORED = ("kind", "ref", "meeting_id", "section", "text", "source_id", "category", "shown_as")
# Fields a filter or facet tests, one value per person a text is tied to (`Dimension.column`).
TIE_FIELDS = (*TIE_COLUMNS, "roles")
FACET_FIELDS = ("kind", "meeting_id", "category", "language", *TIE_FIELDS)
TIED = "tied"  # "1" on a text tied to people
DDL = (f"-- {VERSION}", *STORED, *FACET_FIELDS, TIED)  # for the build's schema digest
_POINTER = "current.json"
_open_lock = threading.Lock()
_opened: dict[str, tantivy.Index] = {}


def schema() -> tantivy.Schema:
    """The index's fields: the stems (positions kept, for phrases), what a hit shows
    (stored), and the facets and ties (fast, one raw term each)."""
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("stems", tokenizer_name="whitespace", index_option="position")
    for name in STORED:
        if name not in FACET_FIELDS:
            builder.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
    for name in (*FACET_FIELDS, TIED):
        builder.add_text_field(
            name, stored=True, fast=True, tokenizer_name="raw", index_option="basic"
        )
    return builder.build()


def index_path(db_path: Path) -> Path:
    """The search index of a database file: the folder beside it, `<name>.search`."""
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}.search")


def _pointer(index: Path) -> dict | None:
    try:
        return json.loads((Path(index) / _POINTER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def built_from(index: Path) -> str | None:
    """The fingerprint of the data the index was built from; None when there is no index."""
    pointer = _pointer(index)
    if pointer is None or pointer.get("schema") != VERSION:
        return None
    if not (Path(index) / pointer["version"]).is_dir():
        return None
    return pointer.get("fingerprint")


class StaleIndex(LookupError):
    """The index served was built from other data than the data asked for."""


def open_index(
    index: Path, fingerprint: str | None = None
) -> tuple[tantivy.Index, tuple[str, ...]]:
    """The index served now (opened once per version and process) and its texts' languages;
    FileNotFoundError when there is none, StaleIndex when `fingerprint` is given and the
    index was built from other data."""
    pointer = _pointer(index)
    if pointer is None:
        raise FileNotFoundError(Path(index) / _POINTER)
    same = (pointer.get("schema"), pointer.get("fingerprint")) == (VERSION, fingerprint)
    if fingerprint is not None and not same:  # the pointer read once: no other version
        raise StaleIndex(fingerprint)
    folder = str(Path(index) / pointer["version"])
    with _open_lock:
        if folder not in _opened:
            _opened[folder] = tantivy.Index.open(folder)
        return _opened[folder], tuple(pointer.get("languages", ()))


def _fill(writer: tantivy.IndexWriter, con: duckdb.DuckDBPyConnection) -> list[str]:
    language = {
        row.meeting_id: words.language_of(row.text or "")
        for row in search_languages(con).itertuples(index=False)
    }
    default = words.stemmed_languages()[0]
    con.execute("SET enable_progress_bar = false")  # a long build would draw it on stdout
    result = search_documents(con)
    shown = [name for name in STORED if name != "text"]
    while batch := result.fetchmany(10_000):
        for kind, ref, meeting, section, text, source, category, page, *tied in batch:
            code = language.get(meeting, default)
            text = str(text or "")[: words.MAX_TEXT]
            doc = tantivy.Document(stems=words.stems(text, code), language=code, text=text)
            values = (kind, ref, meeting, section, source, category, page)
            for name, value in zip(shown, values, strict=True):
                if value is not None:
                    doc.add_text(name, str(value))
            if tied[-1] is not None:
                doc.add_text(TIED, "1")
                for name, found in zip(TIE_FIELDS, tied, strict=True):
                    for value in found or ():
                        if value is not None:
                            doc.add_text(name, str(value))
            writer.add_document(doc)
    return sorted(set(language.values()))


def build_index(con: duckdb.DuckDBPyConnection, index: Path, fingerprint: str) -> None:
    """Build the index of the database `con` reads as a new version beside the one served,
    then point the index at it (one atomic file replace) and remove the older versions. A
    build that fails or is killed leaves the pointer as it was; what it wrote is removed (by
    itself, or by the next build: `remove_abandoned_temp_files`)."""
    index = Path(index)
    index.mkdir(parents=True, exist_ok=True)
    name = f"v-{uuid.uuid4().hex[:12]}"
    temp = index / f".tmp-{os.getpid()}-{name}"
    staged = index / f".tmp-{os.getpid()}-{name}.json"
    served, writer = False, None
    try:
        temp.mkdir()
        writer = tantivy.Index(schema(), path=str(temp)).writer(heap_size=64_000_000, num_threads=1)
        found = _fill(writer, con)
        writer.commit()
        writer.wait_merging_threads()
        pointer = {"schema": VERSION, "version": name, "fingerprint": fingerprint}
        pointer["languages"] = found
        staged.write_text(json.dumps(pointer), encoding="utf-8")
        temp.rename(index / name)
        os.replace(staged, index / _POINTER)
        served = True
    except BaseException:
        if writer is not None:  # its threads stop writing into the folder before it goes
            with contextlib.suppress(Exception):
                writer.rollback()
            writer = None  # dropped now, not when the traceback is
        raise
    finally:
        shutil.rmtree(temp, ignore_errors=True)
        staged.unlink(missing_ok=True)
        if not served:
            shutil.rmtree(index / name, ignore_errors=True)
    for old in index.glob("v-*"):
        if old.name != name:  # a reader holding an older version keeps its open files
            shutil.rmtree(old, ignore_errors=True)


def remove_abandoned_temp_files(index: Path, own: bool = False) -> None:
    """Delete what builds whose process no longer runs left half-written; with `own`, this
    process's too (the caller holds the build lock: no build of this process runs)."""
    for path in Path(index).glob(".tmp-*"):
        pid = path.name.removeprefix(".tmp-").split("-")[0]
        try:
            if own and pid == str(os.getpid()):
                raise ProcessLookupError(pid)
            os.kill(int(pid), 0)
        except (ValueError, ProcessLookupError):
            with contextlib.suppress(OSError):
                shutil.rmtree(path) if path.is_dir() else path.unlink()
        except PermissionError:
            pass
