"""Dates, date ranges and times as reports write them, in English, Spanish and French.

A single date is found and parsed by dateparser (a maintained library: weekdays, ordinals,
`de`, `le`, numeric forms). A range of days, which dateparser does not read ("12-14 May
2019", "March 3-5 th, 2014", "June 2nd to 4th, 2012", "les 14 et 15 novembre 2017",
"30 September - 2 October 2019"), is found by a small grammar whose month and weekday names
come from CLDR through Babel; each end is then parsed by dateparser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from babel.dates import get_day_names, get_month_names

from twg_data.importer.identity import normal

LOCALES = ("en", "es", "fr")
_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


@dataclass(frozen=True)
class DateSpan:
    """A date or a range of days a text states, and the words that state it."""

    start: date
    end: date | None  # the last day of a range; None for one day
    words: str
    position: int  # where the words start in the text


@cache
def _names(kind: str) -> str:
    """A regular-expression alternation of CLDR month or weekday names in the locales."""
    names: set[str] = set()
    for locale in LOCALES:
        for width in ("wide", "abbreviated"):
            table = get_month_names if kind == "month" else get_day_names
            names.update(name.rstrip(".") for name in table(width, locale=locale).values())
    if kind == "month":
        names.update(("Sept", "Sep"))
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if len(n) >= 3)


@cache
def _month_numbers() -> dict[str, int]:
    numbers: dict[str, int] = {}
    for locale in LOCALES:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                numbers.setdefault(normal(name.rstrip(".")), number)
    numbers.setdefault("sept", 9)
    return numbers


_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:\s?(?:st|nd|rd|th|er|º|°))?"
_YEAR = r"(?:19|20)\d{2}"
_TO = r"\s*(?:-|–|—|/|&|\b(?:to|until|till|through|and|au|et|al|a|y|hasta)\b)\s*"
_OF = r"(?:\s+(?:de|of|del)\s+|\s+)"
_COMMA_YEAR = r"(?:,?\s+(?:de\s+|del\s+)?|\s*,\s*)"


@cache
def _ranges() -> list[tuple[re.Pattern, str]]:
    month, day_name = _names("month"), _names("day")
    weekday = rf"(?:(?:{day_name})\.?,?\s+)?"
    m = rf"(?:{month})\.?"
    shapes = {
        # 12-14 May 2019; les 14 et 15 novembre 2017; 17th - 18th October 2019
        "d-d m y": rf"{weekday}(?P<d1>{_DAY}){_TO}{weekday}(?P<d2>{_DAY}){_OF}(?P<m2>{m})"
        rf"{_COMMA_YEAR}(?P<y2>{_YEAR})",
        # 30 September - 2 October 2019
        "d m-d m y": rf"{weekday}(?P<d1>{_DAY}){_OF}(?P<m1>{m}){_TO}{weekday}(?P<d2>{_DAY})"
        rf"{_OF}(?P<m2>{m}){_COMMA_YEAR}(?P<y2>{_YEAR})",
        # 30 December 2019 - 2 January 2020
        "d m y-d m y": rf"{weekday}(?P<d1>{_DAY}){_OF}(?P<m1>{m}){_COMMA_YEAR}(?P<y1>{_YEAR})"
        rf"{_TO}{weekday}(?P<d2>{_DAY}){_OF}(?P<m2>{m}){_COMMA_YEAR}(?P<y2>{_YEAR})",
        # March 3-5 th, 2014; June 2nd to 4th, 2012
        "m d-d y": rf"(?P<m2>{m})\s+(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY}){_COMMA_YEAR}(?P<y2>{_YEAR})",
        # September 30 - October 2, 2019
        "m d-m d y": rf"(?P<m1>{m})\s+(?P<d1>{_DAY}){_TO}(?P<m2>{m})\s+(?P<d2>{_DAY})"
        rf"{_COMMA_YEAR}(?P<y2>{_YEAR})",
        # 2019-05-12 to 2019-05-14
        "iso-iso": r"(?P<iso1>\d{4}-\d{2}-\d{2})" + _TO + r"(?P<iso2>\d{4}-\d{2}-\d{2})",
    }
    return [
        (re.compile(rf"(?<![\w.]){pattern}(?![\w])", re.IGNORECASE), name)
        for name, pattern in shapes.items()
    ]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text)[0])


def _month(text: str) -> int | None:
    return _month_numbers().get(normal(text.rstrip(".")))


def _range(match: re.Match) -> tuple[date, date] | None:
    groups = match.groupdict()
    try:
        if groups.get("iso1"):
            start = date.fromisoformat(groups["iso1"])
            end = date.fromisoformat(groups["iso2"])
        else:
            year2 = int(groups["y2"])
            month2 = _month(groups["m2"])
            month1 = _month(groups["m1"]) if groups.get("m1") else month2
            year1 = int(groups["y1"]) if groups.get("y1") else year2
            if month1 is None or month2 is None:
                return None
            end = date(year2, month2, _day(groups["d2"]))
            start = date(year1, month1, _day(groups["d1"]))
            if start > end and not groups.get("y1"):  # 30 December - 2 January 2020
                start = date(year1 - 1, month1, _day(groups["d1"]))
    except ValueError:
        return None
    if not start < end or (end - start).days > 31:
        return None
    return start, end


@cache
def _ranges_without_year() -> list[re.Pattern]:
    """Ranges of days that leave the year to the report's dateline ('On 3 and 4 March')."""
    month, day_name = _names("month"), _names("day")
    weekday = rf"(?:(?:{day_name})\.?,?\s+)?"
    m = rf"(?:{month})\.?"
    shapes = (
        rf"{weekday}(?P<d1>{_DAY}){_TO}{weekday}(?P<d2>{_DAY}){_OF}(?P<m2>{m})",
        rf"{weekday}(?P<d1>{_DAY}){_OF}(?P<m1>{m}){_TO}{weekday}(?P<d2>{_DAY}){_OF}(?P<m2>{m})",
        rf"(?P<m2>{m})\s+(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})",
    )
    return [re.compile(rf"(?<![\w.]){shape}(?![\w])", re.IGNORECASE) for shape in shapes]


def find_dates_in_year(text: str, year: int) -> list[DateSpan]:
    """The dates a text states without their year ('On 3 and 4 March', 'Thursday 17th
    October'), in the year given (the report's dateline); ranges first."""
    found: list[DateSpan] = []
    for pattern in _ranges_without_year():
        for match in pattern.finditer(text):
            days = _range(_WithYear(match, year))
            if days:
                found.append(DateSpan(days[0], days[1], match[0].strip(), match.start()))
    if not found:
        day = find_day_month(text, year)
        match = _day_month().search(text)
        if day and match:
            found.append(DateSpan(day, None, match[0].strip(), match.start()))
    return sorted(found, key=lambda span: span.position)


class _WithYear:
    """A match of a range without its year, read as if it stated `year`."""

    def __init__(self, match: re.Match, year: int) -> None:
        self.match, self.year = match, year

    def groupdict(self) -> dict[str, str | None]:
        return {**self.match.groupdict(), "y2": str(self.year)}


def find_dates(text: str) -> list[DateSpan]:
    """Every date and range of days the text states, in the order they appear."""
    found: list[DateSpan] = []
    masked = text
    for pattern, _ in _ranges():
        for match in pattern.finditer(masked):
            days = _range(match)
            if days:
                found.append(DateSpan(days[0], days[1], match[0].strip(), match.start()))
                masked = masked[: match.start()] + " " * len(match[0]) + masked[match.end() :]
    singles = _single_dates(masked)
    for span in singles:  # what dateparser read, masked for the grammar below
        start = masked.find(span.words)
        if start >= 0:
            masked = masked[:start] + " " * len(span.words) + masked[start + len(span.words) :]
    found.extend(singles)
    found.extend(_grammar_dates(masked))
    return sorted(found, key=lambda span: span.position)


@cache
def _single_shapes() -> list[re.Pattern]:
    month, day_name = _names("month"), _names("day")
    weekday = rf"(?:(?:{day_name})\.?,?\s+)?"
    m = rf"(?:{month})\.?"
    shapes = (
        rf"{weekday}(?P<d2>{_DAY}){_OF}(?P<m2>{m}){_COMMA_YEAR}(?P<y2>{_YEAR})",
        rf"{weekday}(?P<m2>{m})\s+(?P<d2>{_DAY}){_COMMA_YEAR}(?P<y2>{_YEAR})",
    )
    return [re.compile(rf"(?<![\w.]){shape}(?![\w])", re.IGNORECASE) for shape in shapes]


def _grammar_dates(text: str) -> list[DateSpan]:
    """Dates dateparser left aside ('Wednesday 6th June 2018 at 10.00am': the hours after
    the date put it off), read by the same grammar as ranges."""
    found = []
    for pattern in _single_shapes():
        for match in pattern.finditer(text):
            month = _month(match["m2"])
            if month is None:
                continue
            try:
                day = date(int(match["y2"]), month, _day(match["d2"]))
            except ValueError:
                continue
            found.append(DateSpan(day, None, match[0].strip(), match.start()))
    return found


_SINGLE_WORDS = re.compile(
    r"(?:(?:\b[A-Za-zÀ-ÿ]{3,}\.?,?\s+)?\d{1,2}|\b[A-Za-zÀ-ÿ]{3,}\.?)[\s\S]*?\b(?:19|20)\d{2}\b"
    r"|\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b"
)


@cache
def _search():
    from dateparser.search import search_dates  # imported on first use: ~0.2 s

    return search_dates


def _single_dates(text: str) -> list[DateSpan]:
    if not re.search(r"\b(?:19|20)\d{2}\b", text):
        return []
    found = _search()(text, languages=list(LOCALES), settings=_SETTINGS) or []
    spans, start = [], 0
    for words, moment in found:
        if not isinstance(moment, datetime) or str(moment.year) not in words:
            continue
        if not re.search(rf"(?<!\d)0?{moment.day}(?!\d)", words):
            continue
        position = text.find(words, start)
        start = max(start, position + len(words)) if position >= 0 else start
        trimmed = _trim(words)
        if not re.search(rf"(?<!\d)0?{moment.day}(?!\d)", trimmed):
            continue  # '17 | May 2016': an issue number beside a month, not a day
        spans.append(DateSpan(moment.date(), None, trimmed, max(position, 0)))
    return spans


def _trim(words: str) -> str:
    """The date's own words: 'On 16 May 2018 the' -> '16 May 2018'."""
    month, day_name = _names("month"), _names("day")
    pattern = re.compile(
        rf"(?:(?:{day_name})\.?,?\s+)?(?:\d{{1,2}}\S*\s+(?:de\s+|of\s+)?)?(?:{month})\.?"
        rf"(?:\s+\d{{1,2}}\S*)?,?\s+(?:de\s+)?(?:19|20)\d{{2}}"
        r"|\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}",
        re.IGNORECASE,
    )
    found = pattern.search(words)
    return found[0].strip() if found else words.strip()


@cache
def _day_month() -> re.Pattern:
    month, day_name = _names("month"), _names("day")
    weekday = rf"(?:(?:{day_name})\.?,?\s+)?"
    return re.compile(
        rf"(?<![\w.]){weekday}(?:(?P<d1>{_DAY}){_OF}(?P<m1>(?:{month}))\.?"
        rf"|(?P<m2>(?:{month}))\.?\s+(?P<d2>{_DAY}))(?![\w])",
        re.IGNORECASE,
    )


def find_day_month(text: str, year: int) -> date | None:
    """A day written without its year ('Thursday 17th October', 'MARCH 3', '10 de junio'),
    in the year given (the meeting's)."""
    for match in _day_month().finditer(text):
        month = _month(match["m1"] or match["m2"])
        if month is None:
            continue
        try:
            return date(year, month, _day(match["d1"] or match["d2"]))
        except ValueError:
            continue
    return None


def find_date(text: str) -> tuple[date, str] | None:
    """The first date in the text (a range's first day), and the words that state it."""
    spans = find_dates(text)
    return (spans[0].start, spans[0].words) if spans else None


# --- Times -----------------------------------------------------------------------------------

_CLOCK = r"(\d{1,2})(?:\s*[:.h]\s*(\d{2})|\s*h(?!\w))?\s*([ap]\.?\s?m\.?|noon|nn\b)?"
_COMPACT = r"([01]\d|2[0-3])([0-5]\d)"
_TO_TIME = r"\s*(?:-|–|—|to|until|a|à|au|hasta)\s*"
_RANGE = re.compile(
    rf"(?<![\d.:/,]){_CLOCK}{_TO_TIME}{_CLOCK}(?![\d.:/])(?:\s*h(?:rs?)?\b)?",
    re.IGNORECASE,
)
_COMPACT_RANGE = re.compile(
    rf"(?<![\d.:/]){_COMPACT}\s*(?:-|–|—|to)\s*{_COMPACT}(?![\d.:/])(?:\s*h(?:rs?)?\b)?",
    re.IGNORECASE,
)
_START = re.compile(
    rf"^\s*(?:{_COMPACT}(?=\s+\D)|{_CLOCK})(?:\s*(?:hrs?|h))?(?=\s|$|[-–—:])", re.IGNORECASE
)


def _clock(hour: str, minute: str | None, half: str | None) -> tuple[int, int] | None:
    h, m = int(hour), int(minute or 0)
    if half and half.lower() in ("noon", "nn"):
        return (12, m) if h == 12 else None
    if half:
        pm = half.lower().startswith("p")
        if not 1 <= h <= 12:
            return None
        h = (h % 12) + (12 if pm else 0)
    return (h, m) if 0 <= h <= 23 and 0 <= m <= 59 else None


def _hhmm(clock: tuple[int, int]) -> str:
    return f"{clock[0]:02d}:{clock[1]:02d}"


def find_time_range(text: str) -> tuple[str, str, str] | None:
    """The first time range ('14.00-15.15', '2:00 pm – 3:15 pm', '14h00-15h15', '0930-1045',
    'de 9h00 à 11h00') as ('14:00', '15:15', the words). A bare '5-6' (no minutes, no am/pm,
    no h) is not a time."""
    for match in _COMPACT_RANGE.finditer(text):
        start = (int(match[1]), int(match[2]))
        end = (int(match[3]), int(match[4]))
        years = match[1] in ("19", "20") and match[3] in ("19", "20")
        if years and not re.search(r"h", match[0], re.IGNORECASE):
            continue  # '2019-2020': years, not hours
        if start < end:
            return _hhmm(start), _hhmm(end), match[0]
    for match in _RANGE.finditer(text):
        h1, m1, half1, h2, m2, half2 = match.groups()
        marked = re.search(r"\d\s*h", match[0], re.IGNORECASE)
        if not (m1 or m2 or half1 or half2 or marked):
            continue
        start = _clock(h1, m1, half1 or (half2 if not m1 or int(h1) <= int(h2) else None))
        end = _clock(h2, m2, half2)
        if start and end and start < end:
            return _hhmm(start), _hhmm(end), match[0]
    return None


def find_start_time(text: str) -> tuple[str, str] | None:
    """The time an agenda line opens with ('10.15 Opening', '9 a.m. Welcome', '0930 Panel',
    '11h30 Pause'), as ('10:15', the words); None when the line does not open with one."""
    match = _START.match(text)
    if not match:
        return None
    if match[1]:  # compact: 0930, but not a year ('2019 was ...') unless marked 'hrs'
        if match[1] in ("19", "20") and not re.search(r"h", match[0], re.IGNORECASE):
            return None
        return _hhmm((int(match[1]), int(match[2]))), match[0].strip()
    hour, minute, half = match[3], match[4], match[5]
    if not (minute or half or re.search(r"\d\s*h", match[0], re.IGNORECASE)):
        return None
    clock = _clock(hour, minute, half)
    return (_hhmm(clock), match[0].strip()) if clock else None
