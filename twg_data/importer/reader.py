"""A report file, as blocks of text: headings, paragraphs, list items and table rows.

Reads UTF-8 text and Markdown, Word (.docx) and text PDFs; the Word and PDF readers rebuild
the text, which `layout` then reads like any other. Nothing of a report is dropped silently:
what is not content (page numbers, running headers, web boilerplate, a YAML block) is listed
as `Furniture`, and repaired characters as notes. Whatever cannot be read is a `ReportError`
naming the file and saying what to do, never a traceback: an empty or binary file, an
image-only or encrypted PDF, a .docx that is not one or would unpack to too much.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from twg_data.i18n import N_
from twg_data.importer.docx_reader import docx_text
from twg_data.importer.errors import ReportError
from twg_data.importer.furniture import (
    PAGE_BREAK,
    PAGE_NUMBER,
    Furniture,
    front_matter,
    is_page_number,
    page_furniture,
    repair_controls,
    web_furniture,
)
from twg_data.importer.layout import Block, text_blocks
from twg_data.importer.pdf_reader import pdf_pages
from twg_data.message import Message

MAX_BYTES = 20 * 1024 * 1024  # an upload or file larger than this is refused unread
# Why a file larger than MAX_BYTES is refused (by whoever checks its size first).
TOO_LARGE = N_("{name}: larger than the {limit} MB limit")
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
SUFFIXES = (*TEXT_SUFFIXES, ".docx", ".pdf")

__all__ = [
    "MAX_BYTES",
    "SUFFIXES",
    "TEXT_SUFFIXES",
    "TOO_LARGE",
    "Block",
    "Document",
    "ReportError",
]
__all__ += ["read_report", "text_blocks"]


@dataclass
class Document:
    """A report as read: the text stored beside the data, its blocks, and what was set aside."""

    name: str
    text: str  # the report's text as stored beside the data (reports/<meeting>.txt)
    blocks: list[Block]
    furniture: list[Furniture] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)  # a YAML block's title, date, ...
    notes: list[Message] = field(default_factory=list)  # repairs made while reading


def read_report(name: str, data: bytes) -> Document:
    """The report `name` (its file name: the suffix says the format) holding `data`."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise ReportError(
            N_("{name}: not a report format this reads ({formats})"),
            name=name,
            formats=", ".join(SUFFIXES),
        )
    if len(data) > MAX_BYTES:
        raise ReportError(
            N_("{name}: {size} MB is larger than the {limit} MB limit"),
            name=name,
            size=str(round(len(data) / 1024 / 1024)),
            limit=MAX_BYTES >> 20,
        )
    if not data.strip():
        raise ReportError(N_("{name}: the file is empty"), name=name)
    if suffix == ".docx":
        return read_text(name, docx_text(name, data))
    if suffix == ".pdf":
        pages, furniture = pdf_pages(name, data)
        return read_pages(name, pages, furniture=furniture)
    return read_text(name, _decode_text(name, data))


def _decode_text(name: str, data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise ReportError(
            N_(
                "{name}: this is not a text file (it holds binary data); "
                "save the report as UTF-8 text, or upload the .docx or .pdf itself"
            ),
            name=name,
        )
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ReportError(
            N_("{name}:{line}: not UTF-8 text (byte 0x{byte}); save the report as UTF-8"),
            name=name,
            line=str(line),
            byte=f"{data[error.start]:02x}",
        ) from None


def read_text(name: str, text: str) -> Document:
    """A report's text (from a file, or rebuilt from Word): its pages are split at form
    feeds or at page-number lines, and their furniture set aside."""
    text, notes = repair_controls(text)
    return read_pages(name, _pages(text), notes)


def _pages(text: str) -> list[list[str]]:
    if PAGE_BREAK in text:
        return [page.split("\n") for page in text.split(PAGE_BREAK)]
    lines = text.split("\n")
    # Text saved from a PDF without form feeds: a page ends at a line holding only its number.
    numbered = [
        i
        for i, line in enumerate(lines)
        if is_page_number(line) and re.search(r"\D", line.strip()) is not None
    ]
    if len(numbered) < 2:
        return [lines]
    pages, start = [], 0
    for index in numbered:
        pages.append(lines[start : index + 1])
        start = index + 1
    pages.append(lines[start:])
    return pages


def read_pages(
    name: str,
    pages: list[list[str]],
    notes: list[Message] | None = None,
    furniture: list[Furniture] | None = None,
) -> Document:
    """A report from its pages of lines: furniture set aside, the rest read as blocks.

    `furniture` is what a reader already set aside (the PDF reader, by position); then the
    pages' own running headers are not looked for again."""
    paged = furniture is None
    furniture = list(furniture or [])
    metadata, skip = front_matter(pages[0]) if pages else ({}, 0)
    furniture.extend(
        Furniture(line.strip(), N_("YAML front matter (read as metadata)"))
        for line in pages[0][:skip]
        if line.strip()
    )
    on_pages = page_furniture(pages) if paged else {}
    read: list[str] = []  # the lines read for blocks: furniture as blank lines
    for p, lines in enumerate(pages):
        web = web_furniture(lines)
        for i, line in enumerate(lines):
            if p == 0 and i < skip:
                read.append("")
                continue
            found = on_pages.get(p, {}).get(i)
            reason = web.get(i) or (PAGE_NUMBER if _lone_page_number(lines, i) else None)
            if found is not None or reason:
                furniture.append(found or Furniture(line.strip(), reason))
                read.append("")
            else:
                read.append(line)
        if p < len(pages) - 1:
            read.append("")
    if metadata.get("title") and skip:  # the YAML block's title heads the report
        read[skip - 1] = "# " + " ".join(metadata["title"].split())
    blocks = text_blocks("\n".join(read))
    stored = _stored_text(pages, on_pages)
    return Document(name, stored, blocks, furniture, metadata, list(notes or []))


def _lone_page_number(lines: list[str], index: int) -> bool:
    """A line of only a number with blank lines around it."""
    line = lines[index].strip()
    if not (line.isdigit() and len(line) <= 3):
        return False
    before = lines[index - 1].strip() if index > 0 else ""
    after = lines[index + 1].strip() if index + 1 < len(lines) else ""
    return not before and not after


def _stored_text(pages: list[list[str]], on_pages: dict[int, dict[int, Furniture]]) -> str:
    """The text kept beside the data: the report's own, without page numbers and running
    headers (so a passage that crosses a page break reads as one). Web boilerplate and a
    YAML block stay: they are the report's text, only not read as passages."""
    out: list[str] = []
    for p, lines in enumerate(pages):
        out.extend(
            line
            for i, line in enumerate(lines)
            if i not in on_pages.get(p, {}) and not _lone_page_number(lines, i)
        )
        if p < len(pages) - 1:
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
