"""A report file, as blocks of text: headings, paragraphs, list items and table rows.

Reads UTF-8 text and Markdown, Word (.docx) and text PDFs. Whatever cannot be read is a
`ReportError` naming the file and saying what to do, never a traceback: an empty or binary
file, an image-only or encrypted PDF, a .docx that is not one or would unpack to too much.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

MAX_BYTES = 20 * 1024 * 1024  # an upload or file larger than this is refused unread
MAX_UNPACKED = 100 * 1024 * 1024  # a .docx unpacking to more is refused (zip bomb)
MAX_RATIO = 200  # ... as is one whose parts expand more than this
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
SUFFIXES = (*TEXT_SUFFIXES, ".docx", ".pdf")


class ReportError(Exception):
    """A report that cannot be read; the message names the file and what to do."""


@dataclass
class Block:
    kind: str  # heading | paragraph | item | row
    text: str
    level: int = 0  # heading level (1 = top) where the layout gives one, else 0
    number: int | None = None  # a numbered list item's number
    cells: dict[str, str] = field(default_factory=dict)  # a table row, by its header


@dataclass
class Document:
    name: str
    text: str  # the report's text as stored beside the data (reports/<meeting>.txt)
    blocks: list[Block]


def read_report(name: str, data: bytes) -> Document:
    """The report `name` (its file name: the suffix says the format) holding `data`."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise ReportError(f"{name}: not a report format this reads ({', '.join(SUFFIXES)})")
    if len(data) > MAX_BYTES:
        size = len(data) / 1024 / 1024
        raise ReportError(f"{name}: {size:.0f} MB is larger than the {MAX_BYTES >> 20} MB limit")
    if not data.strip():
        raise ReportError(f"{name}: the file is empty")
    if suffix == ".docx":
        return _docx(name, data)
    if suffix == ".pdf":
        return _pdf(name, data)
    text = _decode_text(name, data)
    return Document(name, text, text_blocks(text))


def _decode_text(name: str, data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise ReportError(
            f"{name}: this is not a text file (it holds binary data); "
            "save the report as UTF-8 text, or upload the .docx or .pdf itself"
        )
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ReportError(
            f"{name}:{line}: not UTF-8 text (byte 0x{data[error.start]:02x}); "
            "save the report as UTF-8"
        ) from None


# --- Plain text and Markdown -------------------------------------------------------------

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^(?:\*\*|__)(.+?)(?:\*\*|__):?$")
_ITEM = re.compile(r"^\s*(?:([-*•–+])|(\d{1,3})[.)])\s+(.*)$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_END = (".", ";", ",", ":", "!", "?")
HEADING_WORDS = 20  # a one-line paragraph of at most this many words, unpunctuated, is a heading


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _is_heading_line(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= HEADING_WORDS
        and not line.endswith(_END)
        and (line[0].isupper() or line[0].isdigit())
    )


def _numbered_heading(item: re.Match, lines: list[str]) -> bool:
    """'3. Recommendations' alone is a heading; '1. Ana Ruiz, Mayor, Quito' is a list item."""
    text = lines[0].strip()
    return bool(item.group(2)) and len(lines) == 1 and _is_heading_line(text) and "," not in text


def text_blocks(text: str) -> list[Block]:
    """Blocks of a plain-text or Markdown report, in order."""
    blocks: list[Block] = []
    for paragraph in _paragraphs(text.split("\n")):
        blocks.extend(_paragraph_blocks(paragraph))
    return _join_broken_paragraphs(blocks)


def _paragraphs(lines: list[str]) -> list[list[str]]:
    paragraphs, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _paragraph_blocks(lines: list[str]) -> list[Block]:
    if (
        lines[0].lstrip().startswith("|")
        and len(lines) >= 2
        and _TABLE_RULE.match(lines[1].strip())
    ):
        header = _cells(lines[0])
        rows = [_cells(line) for line in lines[2:] if line.lstrip().startswith("|")]
        return [
            Block(
                "row", " | ".join(c for c in row if c), cells=dict(zip(header, row, strict=False))
            )
            for row in rows
            if any(row)
        ]
    blocks: list[Block] = []
    prose: list[str] = []

    def flush() -> None:
        if prose:
            blocks.append(Block("paragraph", " ".join(s.strip() for s in prose)))
            prose.clear()

    for line in lines:
        stripped = line.strip()
        heading = _MD_HEADING.match(stripped)
        bold = _BOLD_LINE.match(stripped)
        item = _ITEM.match(line)
        if heading:
            flush()
            blocks.append(Block("heading", heading.group(2).strip(), level=len(heading.group(1))))
        elif bold and len(lines) == 1:
            blocks.append(Block("heading", bold.group(1).strip()))
        elif item and not _numbered_heading(item, lines):
            flush()
            number = int(item.group(2)) if item.group(2) else None
            blocks.append(Block("item", item.group(3).strip(), number=number))
        elif blocks and blocks[-1].kind == "item" and not prose:
            blocks[-1].text += " " + stripped  # a list item's wrapped line
        else:
            prose.append(stripped)
    flush()
    if len(lines) == 1 and blocks and blocks[0].kind == "paragraph" and _is_heading_line(lines[0]):
        blocks[0].kind = "heading"
    return blocks


def _join_broken_paragraphs(blocks: list[Block]) -> list[Block]:
    """Rejoin a paragraph split mid-sentence (no end mark, the next starts in lower case)."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and block.kind == "paragraph"
            and previous.kind in ("paragraph", "heading")
            and block.text[:1].islower()
            and not previous.text.endswith((".", "!", "?", ":"))
            and not (previous.kind == "heading" and previous.level)
        ):
            previous.kind = "paragraph"
            previous.text += " " + block.text
        else:
            joined.append(block)
    return joined


# --- Word --------------------------------------------------------------------------------


def _docx(name: str, data: bytes) -> Document:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise ReportError(
            f"{name}: not a Word document (.docx); open it in Word and save again"
        ) from None
    unpacked = sum(info.file_size for info in infos)
    packed = max(1, sum(info.compress_size for info in infos))
    if unpacked > MAX_UNPACKED or unpacked / packed > MAX_RATIO:
        raise ReportError(
            f"{name}: refused: it would unpack to {unpacked / 1024 / 1024:.0f} MB "
            f"({unpacked / packed:.0f} times its size), which no report needs"
        )
    if "word/document.xml" not in {info.filename for info in infos}:
        raise ReportError(f"{name}: not a Word document (.docx): it has no word/document.xml")
    import docx  # python-docx, a runtime dependency (the Word brief)
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a damaged file
        raise ReportError(f"{name}: the Word document cannot be read ({error})") from None
    blocks: list[Block] = []
    # Style names by id, read once: python-docx looks each paragraph's style up anew.
    styles = {style.style_id: style.name or "" for style in document.styles}
    for part in document.iter_inner_content():
        if isinstance(part, Paragraph):
            block = _docx_paragraph(part, styles.get(part._p.style or "Normal", ""))
            if block:
                blocks.append(block)
        elif isinstance(part, Table):
            blocks.extend(_docx_table(part))
    blocks = _join_broken_paragraphs(blocks)
    return Document(name, "\n\n".join(_as_text(b) for b in blocks) + "\n", blocks)


def _docx_paragraph(paragraph, style: str) -> Block | None:
    text = paragraph.text.strip()
    if not text:
        return None
    level = re.match(r"Heading (\d)", style)
    if style == "Title" or level:
        return Block("heading", text, level=int(level.group(1)) + 1 if level else 1)
    if "List" in style:
        number = re.match(r"(\d{1,3})[.)]\s+", text)
        return Block(
            "item",
            text[number.end() :] if number else text,
            number=int(number.group(1)) if number else None,
        )
    runs = [r for r in paragraph.runs if r.text.strip()]
    if runs and all(r.bold for r in runs) and _is_heading_line(text.rstrip(":")):
        return Block("heading", text.rstrip(":"))
    return next(iter(_paragraph_blocks([text])), None)


def _docx_table(table) -> list[Block]:
    rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
    if len(rows) < 2:
        return []
    header = rows[0]
    return [
        Block("row", " | ".join(c for c in row if c), cells=dict(zip(header, row, strict=False)))
        for row in rows[1:]
        if any(row)
    ]


def _as_text(block: Block) -> str:
    if block.kind == "heading":
        return "#" * max(block.level, 1) + " " + block.text
    if block.kind == "item":
        return (f"{block.number}. " if block.number is not None else "- ") + block.text
    if block.kind == "row":
        return "| " + " | ".join(block.cells.values()) + " |"
    return block.text


# --- PDF ---------------------------------------------------------------------------------


def _pdf(name: str, data: bytes) -> Document:
    import pypdf

    try:
        pdf = pypdf.PdfReader(io.BytesIO(data))
        if pdf.is_encrypted:
            raise ReportError(
                f"{name}: the PDF is encrypted; save an unprotected copy and try again"
            )
        # Layout mode keeps the gap between paragraphs as a blank line.
        pages = [page.extract_text(extraction_mode="layout") or "" for page in pdf.pages]
    except ReportError:
        raise
    except Exception as error:  # pypdf raises many kinds on a damaged file
        raise ReportError(f"{name}: not a readable PDF ({type(error).__name__}: {error})") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise ReportError(
            f"{name}: the PDF holds no text ({len(pages)} page(s) of images only); "
            "run it through text recognition (OCR) or use the report's Word file"
        )
    text = "\n".join(" ".join(line.split()) for line in text.splitlines()) + "\n"
    return Document(name, text, text_blocks(text))
