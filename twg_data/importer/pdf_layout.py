"""Where the text sits on a PDF page: its lines in reading order, with their positions,
sizes and weight; tables drawn with rules, and tables set out without them (cells apart by a
wide gap, aligned from row to row, under a row that names the columns), each as one line
holding its rows; a page set in two columns read column by column."""

from __future__ import annotations

import bisect
import statistics
from dataclasses import dataclass

_COLUMN_WORDS = 40  # a page with fewer words is not read for columns
_LANE = 5.0  # half the width of the free lane between two columns
_CELL_GAP = 1.5  # font sizes: a wider gap between two words on a line separates two cells
_ALIGNED = 8.0  # points: how far a cell may start from its column's start
_TABLE_ROWS = 3  # rows of aligned cells that make a table


@dataclass
class Line:
    """One line of a PDF page: its text, its box, its column, and its cells when a table row."""

    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    table: list[list[str]] | None = None  # a table: its rows of cells
    column: int = 0  # 0 the page's width, 1 and 2 the left and right of two columns
    cells: list[tuple[float, str]] | None = None  # (x, text) of a line's parts apart by a gap


def _tables(page) -> list[Line]:
    """The tables a page draws with rules, as one line each (at the table's top)."""
    found = []
    for table in page.find_tables():
        rows = [
            [" ".join((cell or "").split()).replace("|", "/") for cell in row]
            for row in table.extract()
        ]
        rows = [row for row in rows if any(row)]
        if len(rows) >= 1 and max(len(row) for row in rows) >= 2:
            x0, top, x1, bottom = table.bbox
            found.append(Line(" ".join(rows[0]), top, bottom, x0, x1, 0.0, False, rows))
    return found


def _inside(line: dict, tables: list[Line]) -> bool:
    middle = (line["top"] + line["bottom"]) / 2
    return any(t.top - 1 <= middle <= t.bottom + 1 and line["x0"] >= t.x0 - 1 for t in tables)


def page_lines(page) -> list[Line]:
    """The page's lines in reading order: top to bottom, and where the page is set in two
    columns, the left column's lines before the right's."""
    tables = _tables(page)
    words = [w for w in page.extract_words() if not _inside(w, tables)]
    gutter = _gutter(words, page.width)
    if gutter is None:
        return _aligned_tables(
            sorted(tables + _text_lines(page, tables), key=lambda line: line.top)
        )
    found = []
    left, page_top, right, page_bottom = page.bbox
    for band, (top, bottom, split) in enumerate(
        _bands(words, tables, gutter, page_top, page_bottom)
    ):
        parts = [(0, left, right)] if not split else [(1, left, gutter), (2, gutter, right)]
        for column, x0, x1 in parts:
            region = page.within_bbox((x0, top, x1, bottom))
            for line in tables + _text_lines(region, tables):
                if top <= line.top < bottom and x0 <= line.x0 < x1:
                    line.column = column
                    found.append(((band, column, line.top), line))
    return _aligned_tables([line for _, line in sorted(found, key=lambda item: item[0])])


def _text_lines(page, tables: list[Line]) -> list[Line]:
    found = []
    for line in page.extract_text_lines(return_chars=True, strip=True):
        chars = [c for c in line["chars"] if c["text"].strip()]
        if not chars or not line["text"].strip() or _inside(line, tables):
            continue
        bold = sum(
            "bold" in c["fontname"].lower() or "black" in c["fontname"].lower() for c in chars
        )
        found.append(
            Line(
                " ".join(line["text"].split()),
                line["top"],
                line["bottom"],
                line["x0"],
                line["x1"],
                statistics.median(c["size"] for c in chars),
                bold > len(chars) / 2,
                cells=_cells(chars),
            )
        )
    return found


def _cells(chars: list[dict]) -> list[tuple[float, str]] | None:
    """A line's parts that a wide gap separates, as (x, text); None for a line in one part."""
    cells: list[list] = []
    previous = None
    for char in sorted(chars, key=lambda c: c["x0"]):
        gap = char["x0"] - previous["x1"] if previous else 0.0
        if previous is None or gap > _CELL_GAP * char["size"]:
            cells.append([char["x0"], char["text"]])
        else:
            cells[-1][1] += (" " if gap > 0.15 * char["size"] else "") + char["text"]
        previous = char
    return [(x, text) for x, text in cells] if len(cells) > 1 else None


def _aligned_tables(lines: list[Line]) -> list[Line]:
    """Runs of lines whose parts line up in columns, as tables (one line each). A line whose
    parts all start under the table's later columns continues the row above (a wrapped cell)."""
    out: list[Line] = []
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and run and _fits(run, line):
            run.append(line)
            continue
        if len(run) >= _TABLE_ROWS and _is_header(run[0]):
            out.append(_table_of(run))
        else:
            out.extend(run)
        run = [line] if line is not None and line.cells and line.table is None else []
        if line is not None and not run:
            out.append(line)
    return out


def _is_header(line: Line) -> bool:
    """A table's first row names its columns ('Name', 'Organization', 'Country'; 'Time',
    'Session'): short words, no figures. Rows without such a header stay lines of text, as
    an agenda's '09:00 – 09:30   Registration' reads best."""
    cells = [text for _, text in line.cells or []]
    words = sum(len(text.split()) for text in cells)
    return all(not any(char.isdigit() for char in text) for text in cells) and (
        line.bold or words <= 1.5 * len(cells)
    )


def _fits(run: list[Line], line: Line) -> bool:
    starts = [x for x, _ in run[0].cells]
    if line.table is not None or line.column != run[0].column:
        return False
    cells = line.cells or [(line.x0, line.text)]
    placed = [_column_at(starts, x) for x, _ in cells]
    if None in placed or placed != sorted(set(placed)):
        return False
    return len(cells) > 1 or placed[0] > 0  # one part under a later column: a wrapped cell


def _column_at(starts: list[float], x: float) -> int | None:
    for index, start in enumerate(starts):
        if abs(x - start) <= _ALIGNED:
            return index
    return None


def _table_of(run: list[Line]) -> Line:
    starts = [x for x, _ in run[0].cells]
    rows: list[list[str]] = []
    for line in run:
        cells = line.cells or [(line.x0, line.text)]
        row = [""] * len(starts)
        for x, text in cells:
            row[_column_at(starts, x)] = text.replace("|", "/")
        if line.cells and len(line.cells) > 1 or not rows:
            rows.append(row)
        else:  # a cell wrapped onto the next line
            rows[-1] = [" ".join(filter(None, pair)) for pair in zip(rows[-1], row, strict=True)]
    first, last = run[0], run[-1]
    return Line(
        " ".join(rows[0]),
        first.top,
        last.bottom,
        min(line.x0 for line in run),
        max(line.x1 for line in run),
        first.size,
        False,
        rows,
        first.column,
    )


def _gutter(words: list[dict], width: float) -> float | None:
    """The x of the free lane between two columns of text, or None for a page of one column.

    A lane in the page's middle third that at most a few words cross (a title, a page
    number: lines across the page), with many words on either side. Two columns of a table
    (a name, an organization) have rows side by side and short cells; two columns of text
    have lines that do not line up, or lines that run to the lane."""
    if len(words) < _COLUMN_WORDS:
        return None
    ends = sorted(w["x1"] for w in words)
    starts = sorted(w["x0"] for w in words)
    best: tuple[int, float] | None = None
    for step in range(int(width * 0.3), int(width * 0.7), 2):
        x = float(step)
        left = bisect.bisect_right(ends, x - _LANE)
        right = len(words) - bisect.bisect_left(starts, x + _LANE)
        crossing = len(words) - left - right
        score = min(left, right) - 10 * crossing
        if best is None or score > best[0]:
            best = (score, x)
    if best is None or best[0] < _COLUMN_WORDS // 2:
        return None
    x = best[1]
    lefts = _row_ends(w for w in words if w["x1"] <= x - _LANE)
    rights = {round(w["top"]) for w in words if w["x0"] >= x + _LANE}
    side_by_side = sum(top in rights or top - 1 in rights or top + 1 in rights for top in lefts)
    to_the_lane = sum(end >= x - _LANE - (x - min(lefts.values())) * 0.15 for end in lefts.values())
    if side_by_side > 0.6 * len(lefts) and to_the_lane < 0.4 * len(lefts):
        return None  # a table of two columns, read row by row
    return x


def _row_ends(words) -> dict[int, float]:
    """The rightmost x of the words on each row (by their rounded top)."""
    ends: dict[int, float] = {}
    for word in words:
        top = round(word["top"])
        ends[top] = max(ends.get(top, 0.0), word["x1"])
    return ends


def _bands(
    words: list[dict], tables: list[Line], gutter: float, page_top: float, page_bottom: float
) -> list[tuple[float, float, bool]]:
    """The page cut across into bands, top to bottom: (top, bottom, in two columns). A band
    holding a line or table across the lane is of the page's width."""
    across = sorted(
        [(w["top"], w["bottom"]) for w in words if w["x0"] < gutter < w["x1"]]
        + [(t.top, t.bottom) for t in tables if t.x0 < gutter < t.x1]
    )
    bands: list[tuple[float, float, bool]] = []
    cursor = page_top
    for top, bottom in across:
        top, bottom = max(top - 0.5, page_top), min(bottom + 0.5, page_bottom)
        if top > cursor:
            bands.append((cursor, top, True))
        if bands and not bands[-1][2] and top <= bands[-1][1]:
            bands[-1] = (bands[-1][0], max(bottom, bands[-1][1]), False)
        else:
            bands.append((max(top, cursor), bottom, False))
        cursor = max(cursor, bottom)
    bands.append((cursor, page_bottom, True))
    return [band for band in bands if band[1] > band[0]]
