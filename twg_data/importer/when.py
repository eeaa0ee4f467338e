"""Dates and time ranges as reports write them, in English, Spanish and French.

Month names come from CLDR through Babel, not from a list typed here.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from babel.dates import get_month_names

from twg_data.importer.identity import normal

LOCALES = ("en", "es", "fr")


@cache
def _months() -> dict[str, int]:
    months: dict[str, int] = {}
    for locale in LOCALES:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                months.setdefault(normal(name), number)
    return months


_MONTH = r"([A-Za-zÀ-ÿ]{3,10})\.?"
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|º)?\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?(\d{{4}})\b"
)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def find_date(text: str) -> tuple[date, str] | None:
    """The first date in the text, and the words that state it."""
    found: list[tuple[int, date, str]] = []
    for match in _ISO.finditer(text):
        found.extend(_checked(match.start(), int(match[1]), int(match[2]), int(match[3]), match[0]))
    for match in _DAY_MONTH_YEAR.finditer(text):
        month = _months().get(normal(match[2]))
        if month:
            found.extend(_checked(match.start(), int(match[3]), month, int(match[1]), match[0]))
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = _months().get(normal(match[1]))
        if month:
            found.extend(_checked(match.start(), int(match[3]), month, int(match[2]), match[0]))
    if not found:
        return None
    _, day, words = min(found, key=lambda item: item[0])
    return day, words


def _checked(position: int, year: int, month: int, day: int, words: str) -> list:
    try:
        return [(position, date(year, month, day), words)]
    except ValueError:
        return []


_TIME = r"(\d{1,2})(?:[:.h](\d{2}))?\s*([ap]\.?\s?m\.?)?"
_RANGE = re.compile(
    rf"(?<![\d.:]){_TIME}\s*(?:-|–|—|to|until|a)\s*{_TIME}(?![\d.:])(?:\s*h(?:rs?)?\b)?",
    re.IGNORECASE,
)


def _clock(hour: str, minute: str | None, half: str | None) -> tuple[int, int] | None:
    h, m = int(hour), int(minute or 0)
    if half:
        pm = half.lower().startswith("p")
        if not 1 <= h <= 12:
            return None
        h = (h % 12) + (12 if pm else 0)
    return (h, m) if 0 <= h <= 23 and 0 <= m <= 59 else None


def find_time_range(text: str) -> tuple[str, str, str] | None:
    """The first time range ('14.00-15.15', '2:00 pm – 3:15 pm', '14h00-15h15') as
    ('14:00', '15:15', the words). A bare '5-6' (no minutes, no am/pm) is not a time."""
    for match in _RANGE.finditer(text):
        h1, m1, half1, h2, m2, half2 = match.groups()
        if not (m1 or m2 or half1 or half2):
            continue
        start = _clock(h1, m1, half1 or (half2 if not m1 or int(h1) <= int(h2) else None))
        end = _clock(h2, m2, half2)
        if start and end and start < end:
            return f"{start[0]:02d}:{start[1]:02d}", f"{end[0]:02d}:{end[1]:02d}", match[0]
    return None
