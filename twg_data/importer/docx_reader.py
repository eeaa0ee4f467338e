"""A Word (.docx) report as text: heading styles as Markdown headings, list paragraphs as
items, bold lines as bold, tables as pipe tables, so that `layout` reads it like any text."""

from __future__ import annotations

import io
import re
import zipfile

from twg_data.i18n import N_
from twg_data.importer.errors import ReportError

MAX_UNPACKED = 100 * 1024 * 1024  # a .docx unpacking to more is refused (zip bomb)
MAX_RATIO = 200  # ... as is one whose parts expand more than this
_LEVEL = re.compile(r"Heading (\d)")
_NUMBER = re.compile(r"(\d{1,3})[.)]\s+")


def docx_text(name: str, data: bytes) -> str:
    """The report's text, rebuilt from its paragraphs and tables in order."""
    _check_archive(name, data)
    import docx  # python-docx, a runtime dependency (the Word brief)
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a damaged file
        raise ReportError(
            N_("{name}: the Word document cannot be read ({error})"), name=name, error=str(error)
        ) from None
    # Style names by id, read once: python-docx looks each paragraph's style up anew.
    styles = {style.style_id: style.name or "" for style in document.styles}
    parts: list[str] = []
    for part in document.iter_inner_content():
        if isinstance(part, Paragraph):
            line = _paragraph(part, styles.get(part._p.style or "Normal", ""))
            if line is None:
                continue
            # List items follow each other without a blank line, as a Markdown list does;
            # so do lines set in columns with tabs (a table typed as text).
            together = _is_item(line) and _is_item(parts[-1]) if parts else False
            columns = "\t" in line and parts and "\t" in parts[-1].rsplit("\n", 1)[-1]
            if together or columns:
                parts[-1] += "\n" + line
            else:
                parts.append(line)
        elif isinstance(part, Table):
            table = _table(part)
            if table:
                parts.append(table)
    return "\n\n".join(parts) + "\n"


def _check_archive(name: str, data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise ReportError(
            N_("{name}: not a Word document (.docx); open it in Word and save again"), name=name
        ) from None
    unpacked = sum(info.file_size for info in infos)
    packed = max(1, sum(info.compress_size for info in infos))
    if unpacked > MAX_UNPACKED or unpacked / packed > MAX_RATIO:
        raise ReportError(
            N_(
                "{name}: refused: it would unpack to {size} MB ({ratio} times its size), "
                "which no report needs"
            ),
            name=name,
            size=str(round(unpacked / 1024 / 1024)),
            ratio=str(round(unpacked / packed)),
        )
    if "word/document.xml" not in {info.filename for info in infos}:
        raise ReportError(
            N_("{name}: not a Word document (.docx): it has no word/document.xml"), name=name
        )


def _is_item(text: str) -> bool:
    last = text.rsplit("\n", 1)[-1]
    return last.startswith("- ") or bool(_NUMBER.match(last))


def _paragraph(paragraph, style: str) -> str | None:
    text = paragraph.text.strip()
    if not text:
        return None
    level = _LEVEL.match(style)
    if style == "Title" or level:
        heading = " ".join(text.split())
        return "#" * (int(level.group(1)) + 1 if level else 1) + " " + heading
    if "List" in style:
        number = _NUMBER.match(text)
        if number:
            return text
        return "- " + text
    runs = [r for r in paragraph.runs if r.text.strip()]
    if runs and all(r.bold for r in runs) and "\n" not in text and len(text.split()) <= 14:
        return f"**{text.rstrip(':')}**" + (":" if text.endswith(":") else "")
    return text


def _table(table) -> str:
    rows = [[" ".join(cell.text.split()) for cell in row.cells] for row in table.rows]
    rows = [row for row in rows if any(row)]
    if len(rows) < 2:
        return "\n".join(" | ".join(row) for row in rows)
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)
