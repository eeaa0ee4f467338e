"""A text PDF as pages of lines, read with pdfplumber (characters with their positions,
sizes and fonts), its lines in reading order from `pdf_layout`.

Page numbers and running headers or footers (lines at the top or bottom of a page that
repeat on several pages) are set aside as furniture. A paragraph's wrapped lines are joined
(a line that reaches the right margin continues on the next), a heading is a line in a
larger font (its level by size) and one wrapped over two lines is one heading; bold short
lines are marked bold, so that `layout` reads them as headings or lead-ins.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from twg_data.i18n import N_
from twg_data.importer.errors import ReportError
from twg_data.importer.furniture import (
    PAGE_NUMBER,
    Furniture,
    is_page_number,
    repeats_needed,
    running,
    shape,
)
from twg_data.importer.pdf_layout import Line, page_lines

_MARGIN = 0.085  # the top and bottom share of a page where running headers and footers sit
_LARGER = 1.12  # a line this much larger than the body text is a heading
_LABEL = re.compile(r"[A-Z][\w'’ -]{0,30}:(\s|$)")  # 'Chair:', 'Panellists:' begin a line
_MARKERS = "•▪◦●■➢►-–\uf0b7\uf0a7"


def pdf_pages(name: str, data: bytes) -> tuple[list[list[str]], list[Furniture]]:
    """The report's pages as lines of text, and the furniture set aside."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [(page_lines(page), page.height) for page in pdf.pages]
    except Exception as error:  # pdfminer raises many kinds on a damaged file
        cause = error.args[0] if error.args else error  # pdfplumber wraps pdfminer's
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise ReportError(
                N_("{name}: the PDF is encrypted; save an unprotected copy and try again"),
                name=name,
            ) from None
        detail = f"{type(cause).__name__}: {cause}".rstrip(": ")
        raise ReportError(
            N_("{name}: not a readable PDF ({detail})"), name=name, detail=detail
        ) from None
    if not any(lines for lines, _ in pages):
        raise ReportError(
            N_(
                "{name}: the PDF holds no text ({pages} page(s) of images only); "
                "run it through text recognition (OCR) or use the report's Word file"
            ),
            name=name,
            pages=len(pages),
        )
    furniture, bodies = _furniture(pages)
    _continue_tables(bodies)
    texts = [line for lines in bodies for line in lines if line.table is None]
    body_size = _body_size(texts)
    sizes = sorted({round(n.size) for n in texts if n.size > body_size * _LARGER}, reverse=True)
    return [_page_text(lines, body_size, sizes) for lines in bodies], furniture


def _continue_tables(bodies: list[list[Line]]) -> None:
    """A table that goes on over a page break without repeating its header takes the
    header of the table before it (same columns, first row not a header)."""
    header: list[str] | None = None
    for lines in bodies:
        for line in lines:
            if line.table is None:
                continue
            first = line.table[0]
            starts_data = bool(re.match(r"^\d+\.?$", first[0].strip()))
            if header and starts_data and len(first) == len(header):
                line.table.insert(0, header)
            if not starts_data:
                header = first


def _furniture(pages: list[tuple[list[Line], float]]) -> tuple[list[Furniture], list[list[Line]]]:
    """Lines in a page's top or bottom margin that are page numbers or repeat across pages."""
    edge = [
        [
            line
            for line in lines
            if line.top < height * _MARGIN or line.bottom > height * (1 - _MARGIN)
        ]
        for lines, height in pages
    ]
    counts = Counter(
        shape(line.text) for lines in edge for line in {one.text: one for one in lines}.values()
    )
    needed = repeats_needed(len(pages))
    furniture, bodies = [], []
    for (lines, _), edges in zip(pages, edge, strict=True):
        body = []
        for line in lines:
            if line in edges and is_page_number(line.text):
                furniture.append(Furniture(line.text, PAGE_NUMBER))
            elif line in edges and len(pages) > 1 and counts[shape(line.text)] >= needed:
                furniture.append(running(line.text, counts[shape(line.text)]))
            else:
                body.append(line)
        bodies.append(body)
    return furniture, bodies


def _body_size(lines: list[Line]) -> float:
    weights = Counter()
    for line in lines:
        weights[round(line.size, 1)] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def _page_text(lines: list[Line], body_size: float, sizes: list[int]) -> list[str]:
    """A page's lines as text: paragraphs apart, wrapped lines joined, headings marked."""
    if not lines:
        return []
    texts = [line for line in lines if line.table is None] or lines
    gaps = sorted(b.top - a.bottom for a, b in zip(texts, texts[1:], strict=False))
    gaps = [gap for gap in gaps if gap > 0]
    usual = gaps[0] if gaps else 0.0  # the gap between two lines of one paragraph
    edges = {  # each column's left and right edge (a wrapped line reaches the right one)
        column: (min(line.x0 for line in part), max(line.x1 for line in part))
        for column in {line.column for line in lines}
        for part in [[line for line in lines if line.column == column]]
    }
    entries: list[list] = []  # [level, bold, text]: one paragraph or heading each
    previous: Line | None = None
    for line in lines:
        if line.table is not None:
            entries.append([0, False, _pipe_table(line.table)])
            previous = None
            continue
        level = sizes.index(round(line.size)) + 1 if round(line.size) in sizes else 0
        text = line.text
        if previous is not None and entries and previous.column == line.column:
            same_style = entries[-1][0] == level and entries[-1][1] == line.bold
            gap = line.top - previous.bottom
            close = -line.size < gap <= max(usual * 1.5 + 1.0, line.size * 0.55)
            starts_item = (
                text[:1] in _MARKERS
                or text[:2].rstrip(".)").isdigit()
                or _LABEL.match(text)
                or line.cells  # parts apart on the line: a row of its own
                or previous.cells
            )
            if same_style and close and not starts_item:
                if level or line.bold:
                    entries[-1][2] += " " + text  # a heading wrapped over two lines
                elif previous.x1 >= (edge := edges[line.column])[1] - (edge[1] - edge[0]) * 0.12:
                    entries[-1][2] = _join(entries[-1][2], text)
                else:
                    entries[-1][2] += "\n" + text
                previous = line
                continue
        entries.append([level, line.bold, text])
        previous = line
    out: list[str] = []
    for level, bold, text in entries:
        if out:
            out.append("")
        out.append(_marked(text, level, bold))
    return out


def _pipe_table(rows: list[list[str]]) -> str:
    """A table as Markdown's pipe table, its first row the header."""
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows[1:]])


def _join(before: str, after: str) -> str:
    if before.endswith("-") and after[:1].islower():
        return before + after  # a word hyphenated at the line's end
    return before + " " + after


def _marked(text: str, level: int, bold: bool) -> str:
    if level:
        return "#" * level + " " + text
    if bold and len(text.split()) <= 14 and text[:1] not in _MARKERS:
        return f"**{text}**"
    return text
