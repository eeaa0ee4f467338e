"""What validation reports and reads: a problem (file, line, column, message) and a table's
parsed rows.

A problem's message is a template and its arguments, not text: the template is English,
marked `N_("...")` for the catalogs, with `str.format` fields (`{value!r}`) for what comes
from the data; `Problem.message` translates and fills it in the language the problem is
shown in, so one validation serves every language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import total_ordering

from twg_data.i18n import DEFAULT, N_, _, format_count, use
from twg_data.message import Message
from twg_data.schema import Table

# The column of a problem that is in no column, worded in the language it is shown in.
FILE_LEVEL = Message(N_("(file)"))  # the whole file, or a whole line of it
BLANK = Message(N_("(blank)"))  # a header cell with no name


def field_column(number: int) -> Message:
    """The column of a field beyond the header's: 'field 9'."""
    return Message(N_("field {n}"), (("n", number),))


class Count(int):
    """A number in a message, grouped as the language groups it (1,234 / 1 234)."""

    def __format__(self, spec: str) -> str:
        return format_count(int(self))


@total_ordering
@dataclass(frozen=True, eq=True)
class Problem:
    """One thing wrong with the data, where it is: `FILE:LINE: COLUMN: message`.

    `message_id` is the English template (`N_("{value!r} is not one of: {allowed}")`) and
    `args` its fields as (name, value) pairs; problems sort by file, line, column and English
    message.
    """

    file: str
    line: int  # 0 when the problem concerns the whole file
    column: str | Message  # a placeholder (FILE_LEVEL, BLANK, field N) is a Message
    message_id: str
    args: tuple[tuple[str, object], ...] = ()

    @property
    def message(self) -> str:
        """The message in the current language, its fields filled in."""
        return self._fill(_(self.message_id))

    @property
    def english(self) -> str:
        """The message in English, whatever the language (its fields too)."""
        with use(DEFAULT):
            return self._fill(self.message_id)

    def _fill(self, template: str) -> str:
        return template.format(**dict(self.args)) if self.args else template

    def _key(self) -> tuple:
        column = self.column.english if isinstance(self.column, Message) else self.column
        return (self.file, self.line, column, self.english)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self._key() < other._key()

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.message}"


def problem(file: str, line: int, column: str, message_id: str, /, **args: object) -> Problem:
    """A problem whose template's fields are given by name: `problem(f, 4, "date",
    N_("expected a date as YYYY-MM-DD, got {value!r}"), value=text)`."""
    return Problem(file, line, column, message_id, tuple(args.items()))


@dataclass
class ParsedTable:
    """A table's rows as text (None for empty cells), with the line each row starts on."""

    table: Table
    rows: list[dict[str, str | None]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    complete: bool = True  # False when a row could not be split into the header's columns
    # By line, the columns whose cell holds only spaces (read as None, like an empty cell).
    spaces: dict[int, frozenset[str]] = field(default_factory=dict)
