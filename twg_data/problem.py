"""What validation reports and reads: a problem (file, line, column, message) and a table's
parsed rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from twg_data.schema import Table

FILE_LEVEL = "(file)"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, where it is: `FILE:LINE: COLUMN: message`."""

    file: str
    line: int  # 0 when the problem concerns the whole file
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.message}"


@dataclass
class ParsedTable:
    """A table's rows as text (None for empty cells), with the line each row starts on."""

    table: Table
    rows: list[dict[str, str | None]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    complete: bool = True  # False when a row could not be split into the header's columns
    # By line, the columns whose cell holds only spaces (read as None, like an empty cell).
    spaces: dict[int, frozenset[str]] = field(default_factory=dict)
