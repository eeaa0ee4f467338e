"""The one reader of the curated CSVs: a table's file as rows of text, with the line each starts on.

Validation reads through it and then checks the rows (`twg_data.validate`); the importer reads
the data through it too (`importer.folder.read_tables`). Files as Excel saves them (UTF-8 with
BOM, CRLF, quoted commas and line breaks) are accepted. What keeps a file or a row from being
read is a problem naming the file and the line: a missing, empty or not UTF-8 file, broken
quoting, a row of spaces, a row with more or fewer fields than the header.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path
from typing import Any

from twg_data.i18n import N_
from twg_data.message import Message
from twg_data.problem import FILE_LEVEL, ParsedTable, Problem, field_column, problem
from twg_data.schema import Table

# The fix the messages about the encoding end with (written out in each, for the catalogs).
SAVE_AS_UTF8 = "save it from Excel as 'CSV UTF-8 (Comma delimited)'"
NOT_UTF8 = N_(
    "the file is {encoding}, not UTF-8: save it from Excel as 'CSV UTF-8 (Comma delimited)'"
)
NOT_UTF8_NO_BOM = N_(
    "the file is {encoding}, without a byte-order mark, not UTF-8: "
    "save it from Excel as 'CSV UTF-8 (Comma delimited)'"
)
EMPTY_FILE = N_("file is empty (a header row is required)")
# Byte-order marks of the encodings Excel and other tools write instead of UTF-8.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16 (Excel's 'Unicode Text')"),
    (codecs.BOM_UTF16_BE, "UTF-16 (Excel's 'Unicode Text')"),
)
# The csv module's own limit (131,072) would stop the read with a message naming no column;
# the file is in memory already, so any cell it holds can be read and then measured.
csv.field_size_limit(2**31 - 1)


def _wide_encoding(raw: bytes) -> tuple[str, str] | None:
    """The message and name of a UTF-16/32 encoding the bytes are in (by BOM or by NUL
    bytes), or None."""
    for bom, encoding in _WIDE_BOMS:
        if raw.startswith(bom):
            return NOT_UTF8, encoding
    sample = raw[:400]
    if len(sample) >= 4 and sample.count(0) >= len(sample) // 3:
        return NOT_UTF8_NO_BOM, "UTF-16 (Excel's 'Unicode Text')"
    return None


def _decode(raw: bytes, name: str, problems: list[Problem]) -> str | None:
    """The file's text; None (one problem naming the encoding) for a UTF-16 or UTF-32 file."""
    wide = _wide_encoding(raw)
    if wide:
        message, encoding = wide
        problems.append(problem(name, 0, FILE_LEVEL, message, encoding=encoding))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        try:
            latin = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            message = N_(
                "not UTF-8 (byte {byte}); save it from Excel as 'CSV UTF-8 (Comma delimited)'"
            )
            problems.append(problem(name, line, FILE_LEVEL, message, byte=f"0x{byte:02x}"))
        else:
            message = N_(
                "not UTF-8 (byte {byte}, '{character}' in Windows-1252 (Latin-1)); "
                "save it from Excel as 'CSV UTF-8 (Comma delimited)'"
            )
            problems.append(
                problem(name, line, FILE_LEVEL, message, byte=f"0x{byte:02x}", character=latin)
            )
        return raw.decode("utf-8-sig", errors="replace")


def _broken_quote_column(text: str, start_line: int, header: list[str]) -> str | Message:
    """Find which field of the record starting at start_line opens a quote that never closes."""
    offset = 0
    for _ in range(start_line - 1):
        offset = text.index("\n", offset) + 1
    # Follow the csv module's rules: a quote opens only at the start of a field, `""` inside
    # quotes is a literal quote, and a closing quote must be followed by `,` or a line end.
    # The culprit is the field whose opening quote never closes properly.
    field_index, in_quotes, opened_at, at_start = 0, False, 0, True
    rest = text[offset:]
    i = 0
    while i < len(rest):
        char = rest[i]
        if in_quotes:
            if char == '"':
                if rest[i + 1 : i + 2] == '"':
                    i += 1
                elif rest[i + 1 : i + 2] in (",", "\r", "\n", ""):
                    in_quotes = False
                else:
                    break  # text after a closing quote
        elif char == '"' and at_start:
            in_quotes, opened_at = True, field_index
        elif char == ",":
            field_index += 1
            at_start = True
            i += 1
            continue
        elif char in "\r\n":
            break
        at_start = False
        i += 1
    index = opened_at if in_quotes else field_index
    return header[index] if index < len(header) else field_column(index + 1)


def _broken_quoting(name: str, text: str, line: int, header: list[str], error: Exception):
    column = _broken_quote_column(text, line, header)
    message = N_("broken quoting ({error}); check for a stray '\"'")
    return problem(name, line, column, message, error=str(error))


class TableFile:
    """A table's CSV read as far as its header (`header`, names trimmed); `rows` reads the rest."""

    def __init__(self, table: Table, text: str, records: Any, header: list[str]):
        # records: the csv.reader, past the header (its line_num numbers the lines)
        self.table = table
        self.header = header
        self._text = text
        self._records = records

    def rows(self, problems: list[Problem], as_written: bool = False) -> tuple[ParsedTable, bool]:
        """The rows after the header, each keyed by the header's names, and whether the whole
        file was read (False: broken quoting stopped the reading; the rows before it are kept).

        A cell that is empty or holds only spaces is None, and the columns of such cells that
        hold spaces are kept in `spaces`; with `as_written`, every cell is the text the file
        holds ("" for an empty one). Blank rows are skipped; a row of spaces, and one with more
        or fewer fields than the header (the table is then not `complete`), are problems.
        """
        name, header, reader = self.table.file_name, self.header, self._records
        parsed = ParsedTable(self.table)
        rows, lines, width = parsed.rows, parsed.lines, len(header)
        start_line = reader.line_num + 1
        try:
            for record in reader:
                line, start_line = start_line, reader.line_num + 1
                if not (record and record[0].strip()) and not any(c.strip() for c in record):
                    # Blank lines and the empty rows Excel sometimes leaves at the end are
                    # skipped (the data package says so: skipBlankRows); a row of spaces is
                    # not blank. (Most rows start with an id: the first cell settles it.)
                    if any(record):
                        message = N_("the row holds only spaces: delete it")
                        problems.append(Problem(name, line, FILE_LEVEL, message))
                    continue
                if len(record) != width:
                    message = N_("row has {fields} fields, the header has {width}")
                    problems.append(
                        problem(name, line, FILE_LEVEL, message, fields=len(record), width=width)
                    )
                    parsed.complete = False
                    continue
                cells = zip(header, record, strict=True)
                if as_written:
                    row = dict(cells)
                else:
                    row = {h: (c if c.strip() else None) for h, c in cells}
                    # Cells of spaces are None like empty ones; the check of cells tells them apart.
                    if list(row.values()).count(None) != record.count(""):
                        parsed.spaces[line] = frozenset(
                            h for h, c in zip(header, record, strict=True) if c and not c.strip()
                        )
                rows.append(row)
                lines.append(line)
        except csv.Error as error:
            problems.append(_broken_quoting(name, self._text, start_line, header, error))
            return parsed, False
        return parsed, True


def open_table(data_dir: Path, table: Table, problems: list[Problem]) -> TableFile | None:
    """The table's file read as far as its header; None, with the problem, when it is missing,
    empty, in UTF-16 or UTF-32, or its first record's quoting is broken."""
    name = table.file_name
    path = data_dir / name
    if not path.is_file():
        problems.append(Problem(name, 0, FILE_LEVEL, N_("file is missing")))
        return None
    text = _decode(path.read_bytes(), name, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(Problem(name, 0, FILE_LEVEL, EMPTY_FILE))
        return None
    records = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        first = next(records, None)
    except csv.Error as error:
        problems.append(_broken_quoting(name, text, 1, [], error))
        return None
    if first is None:
        problems.append(Problem(name, 0, FILE_LEVEL, EMPTY_FILE))
        return None
    return TableFile(table, text, records, [h.strip() for h in first])


def read_table(
    data_dir: Path, table: Table, problems: list[Problem], as_written: bool = False
) -> ParsedTable | None:
    """The table's rows as the reader reads them (`TableFile.rows`), its header taken as it
    is; None, with the problems, when the file cannot be read to its end."""
    opened = open_table(data_dir, table, problems)
    if opened is None:
        return None
    parsed, whole = opened.rows(problems, as_written)
    return parsed if whole else None
