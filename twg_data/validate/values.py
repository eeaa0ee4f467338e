"""What a cell may hold: its value by column type (`parse_value`) and the characters refused.

The character rules are written as regular-expression ranges, so that the data package states
them as `pattern` constraints too (datapackage.py).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, time

from twg_data.i18n import N_, _
from twg_data.problem import Count
from twg_data.schema import Column

# Only what DuckDB's casts accept too (ASCII digits, no `_`, nothing after a newline), so
# that every value validation passes also loads; matched with fullmatch.
_INTEGER = re.compile(r"[+-]?[0-9]+")
_INT64 = range(-(2**63), 2**63)
_FLOAT = re.compile(r" *[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)? *")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?")
MAX_CELL = 100_000  # characters: a longer cell is named by its column, not read as broken quoting


class CellError(ValueError):
    """Why a cell is not a value of its column: a message template (`N_`) and its fields; its
    text is the English message."""

    def __init__(self, message_id: str, **args: object):
        self.message_id = message_id
        self.fields = args
        super().__init__(message_id.format(**args))


def parse_value(column: Column, text: str) -> object:
    """Convert one cell to its Python value; raise `CellError` (a ValueError) with a readable
    reason."""
    if column.type == "text":
        return text
    if column.type == "integer":
        if not _INTEGER.fullmatch(text):
            raise CellError(N_("expected a whole number, got {value!r}"), value=text)
        if int(text) not in _INT64:
            raise CellError(N_("expected a whole number, got {value!r} (too large)"), value=text)
        return int(text)
    if column.type == "float":
        if not _FLOAT.fullmatch(text):
            raise CellError(N_("expected a number, got {value!r}"), value=text)
        value = float(text)
        if not math.isfinite(value):
            raise CellError(N_("expected a finite number, got {value!r}"), value=text)
        return value
    if column.type == "date":
        try:
            if not _DATE.fullmatch(text):  # fromisoformat also takes 20150921, 2015-W39-1
                raise ValueError
            return date.fromisoformat(text)
        except ValueError:
            raise CellError(
                N_("expected a date as YYYY-MM-DD, got {value!r}"), value=text
            ) from None
    if column.type == "time":
        match = _TIME.fullmatch(text)
        hour, minute, second = (int(g or 0) for g in match.groups()) if match else (99, 0, 0)
        if hour > 23 or minute > 59 or second > 59:
            raise CellError(
                N_("expected a time as HH:MM between 00:00 and 23:59, got {value!r}"), value=text
            )
        return time(hour, minute, second)
    raise AssertionError(f"unknown column type {column.type}")


# The characters a cell may not hold, as regular-expression ranges.
# C0 and C1 control characters and DEL; tab, line feed and carriage return are handled apart.
CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
LAYOUT_CHARACTERS = r"\t\n\r"
# Zero-width and bidirectional formatting characters: invisible, they make two ids that look
# the same differ (or reorder how an id is shown).
INVISIBLE_CHARACTERS = r"\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff"
_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")
_LAYOUT = re.compile(f"[{LAYOUT_CHARACTERS}]")
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")


# The names of the characters refused in ids, names and codes, as Unicode gives them (marked
# for the catalogs, which give each its name in the language); control characters have none.
NAMES = (
    N_("ZERO WIDTH SPACE"),
    N_("ZERO WIDTH NON-JOINER"),
    N_("ZERO WIDTH JOINER"),
    N_("LEFT-TO-RIGHT MARK"),
    N_("RIGHT-TO-LEFT MARK"),
    N_("LEFT-TO-RIGHT EMBEDDING"),
    N_("RIGHT-TO-LEFT EMBEDDING"),
    N_("POP DIRECTIONAL FORMATTING"),
    N_("LEFT-TO-RIGHT OVERRIDE"),
    N_("RIGHT-TO-LEFT OVERRIDE"),
    N_("WORD JOINER"),
    N_("FUNCTION APPLICATION"),
    N_("INVISIBLE TIMES"),
    N_("INVISIBLE SEPARATOR"),
    N_("INVISIBLE PLUS"),
    N_("LEFT-TO-RIGHT ISOLATE"),
    N_("RIGHT-TO-LEFT ISOLATE"),
    N_("FIRST STRONG ISOLATE"),
    N_("POP DIRECTIONAL ISOLATE"),
    N_("ARABIC LETTER MARK"),
    N_("ZERO WIDTH NO-BREAK SPACE"),
)
NAMELESS = N_("(a control character)")


@dataclass(frozen=True)
class Character:
    """A character in a message: its code point and name, the name in the language the
    message is shown in ('U+200B ZERO WIDTH SPACE', 'U+200B ESPACE SANS CHASSE')."""

    char: str

    def __format__(self, spec: str) -> str:
        return f"U+{ord(self.char):04X} {_(unicodedata.name(self.char, NAMELESS))}"

    def __str__(self) -> str:
        return format(self)


def _character(char: str) -> Character:
    return Character(char)


def hygiene(text: str, identifier: bool) -> tuple[str, dict[str, object]] | None:
    """What is wrong with a cell's characters, as a message template (`N_`) and its fields, or
    None: too many of them; control characters; tabs, line breaks and invisible formatting
    characters in ids, names and codes.
    """
    if len(text) <= MAX_CELL and text.isascii() and text.isprintable():
        return None  # most cells: nothing to look for
    if len(text) > MAX_CELL:
        return N_(
            "is {length} characters long; a cell holds at most {most}: "
            "split the passage in two rows"
        ), {"length": Count(len(text)), "most": Count(MAX_CELL)}
    if found := _CONTROL.search(text):
        return N_("contains the control character {character}; remove it"), {
            "character": _character(found.group())
        }
    if identifier and (found := _LAYOUT.search(text)):
        return N_("contains a tab or line break ({character}) in an id, name or code"), {
            "character": _character(found.group())
        }
    if identifier and (found := _INVISIBLE.search(text)):
        return N_("contains the invisible character {character}; remove it"), {
            "character": _character(found.group())
        }
    return None
