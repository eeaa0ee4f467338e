"""A report's text as blocks: headings, paragraphs, list items and table rows.

Plain text, Markdown, and the text the Word and PDF readers rebuild all go through here, so
one set of rules decides what a line is:

- Markdown headings (`#`), underlined headings (`===`, `---`), bold lines and ALL-CAPS lines
  are headings; so is a short unpunctuated line standing alone or opening a group of lines.
- A line that states something short is a passage, never swallowed as a heading: a label
  and its value (`Venue: City Hall`, `Moderator: Ana Ruiz`), a date line, an agenda line
  that opens with a time, and the names listed under a lead-in (`Panelists`, `Ponentes:`).
- List markers (`-`, `*`, `•`, `▪`, `–`, Word's U+F0B7, `1.`, `a)`) open items.
- A hard-wrapped paragraph is joined back into one; a line break that ends a short line
  stays a break.
- Pipe tables, and columns aligned with tabs or wide gaps under a header, are table rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from twg_data.importer.identity import normal
from twg_data.importer.line_kinds import (
    all_caps,
    heading_like,
    is_lead,
    label_of,
    starts_with_time,
)

BULLETS = "-*•▪▫◦●○■□➢➤►▶‣⁃∙·–—+\uf0b7\uf0a7\uf076\uf0d8\uf0fc"
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^(?:\*\*|__)(.+?)(?:\*\*|__):?$")
_ITEM = re.compile(
    rf"^\s*(?:([{re.escape(BULLETS)}])|(\d{{1,5}})[.)]|\(?([a-z]|[ivx]{{1,4}})\)|([ivx]{{1,4}})\.)"
    r"\s+(\S.*)$"
)
_SECTION_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$")  # '1.1 Background'
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
_RULE = re.compile(r"^\s*(?:[-=_*~#.]\s*){3,}$")
_COLUMNS = re.compile(r"\t+| {3,}")
_DANGLING = re.compile(
    r"\b(?:the|of|on|and|for|to|in|at|with|by|a|an|de|del|la|las|los|el|y|en|du|des|le|les|et|à|au|aux)$",
    re.IGNORECASE,
)
_ENDS_WITH_HONORIFIC = re.compile(
    r"\b(?:Dr|Mr|Mrs|Ms|Prof|Hon|Engr|Barr|Atty|Adv|Supt|Rev|Mme|Sr|Sra)\.?$"
)
# A line that opens like a list's entry: a capitalised name and a comma ('Ana Ruiz, Oxfam').
_ENTRY = re.compile(r"^\s*(?:[A-Z][\w.'’-]*\s|\([^()]{1,15}\)\s){1,5}[A-Z][\w'’-]+\s?[,(–-]")


@dataclass
class Block:
    """A unit of the report's layout; `lead` names the lead-in line an item follows."""

    kind: str  # heading | paragraph | item | row
    text: str
    level: int = 0  # heading level (1 = top) where the layout gives one, else 0
    number: int | None = None  # a numbered list item's number
    cells: dict[str, str] = field(default_factory=dict)  # a table row, by its header
    lead: str = ""  # an item's lead-in line ('Panelists', 'Ponentes:'), if any


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None when lines are not wrapped."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 8:
        return None
    p90 = lengths[int(len(lengths) * 0.9) - 1]
    if not 40 <= p90 <= 110 or lengths[-1] > p90 * 1.3:
        return None
    if sum(n >= p90 * 0.75 for n in lengths) < len(lengths) * 0.25:
        return None
    return max(n for n in lengths if n <= p90 * 1.3)


def _breaks_before(line: str) -> bool:
    """A line that starts something new, never a wrapped continuation."""
    stripped = line.strip()
    return bool(
        _ITEM.match(line)
        or _MD_HEADING.match(stripped)
        or starts_with_time(stripped)
        or label_of(stripped)
        or stripped.startswith("|")
    )


def _logical_lines(lines: list[str], width: int | None) -> list[str]:
    """A paragraph's lines with wrapped ones joined: a break stays where a line ends short,
    ends a sentence, or the next line starts something new."""
    out: list[str] = []
    for line in lines:
        if not out:
            out.append(line.rstrip())
            continue
        previous = out[-1]
        last_physical = previous.rsplit("\n", 1)[-1]
        first_word = line.split()[0] if line.split() else ""
        opened = _ITEM.match(last_physical)
        indented_continuation = (
            _ITEM.match(previous) is not None
            and len(line) - len(line.lstrip()) >= (opened.start(5) if opened else 2)
            and not _breaks_before(line)
            and not (_ENTRY.match(line) and (previous.endswith(":") or _ENTRY.match(previous)))
        )
        honorific = _ENDS_WITH_HONORIFIC.search(last_physical) is not None  # 'Engr.' / name
        wrapped = (
            width is not None
            and len(last_physical) + 1 + len(first_word) > width - 3
            and not _breaks_before(line)
            and not (_ENTRY.match(last_physical) and _ENTRY.match(line))  # two list entries
        )
        continues = (
            line.strip()[:1].islower()
            and not previous.rstrip().endswith((".", "!", "?", ":"))
            and not _breaks_before(line)
        ) or (
            _DANGLING.search(last_physical) is not None and not _breaks_before(line)
        )  # 'REPORT OF THE' / 'STAKEHOLDERS' FORUM ...': a line cannot end on 'the'

        if indented_continuation or wrapped or continues or honorific:
            out[-1] = previous + " " + line.strip()
        else:
            out.append(line.rstrip())
    return out


def _table(lines: list[str]) -> list[Block] | None:
    """A table's rows, its header first (a row without cells: the report's words for its
    columns, kept as a passage)."""
    rows = _table_rows(lines)
    if not rows:
        return rows
    header = [key for key in rows[0].cells if key.strip()]
    return [Block("row", " | ".join(header)), *rows]


def _table_rows(lines: list[str]) -> list[Block] | None:
    """A pipe table, or columns aligned with tabs or wide gaps under a header row."""
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
    piped = [_cells(line) for line in lines]
    if len(lines) >= 3 and all("|" in line for line in lines) and len(piped[0]) >= 3:
        header = [normal(cell) for cell in piped[0]]
        if any(word in " ".join(header) for word in ("name", "nombre", "nom")):
            width = len(piped[0])  # 'N° | Nombre | Institución | ...' without outer pipes
            rows = [row for row in piped[1:] if abs(len(row) - width) <= 1 and any(row)]
            return [
                Block(
                    "row",
                    " | ".join(c for c in row if c),
                    cells=dict(zip(piped[0], row, strict=False)),
                )
                for row in rows
                if not _TABLE_RULE.match("|".join(row))
            ]
    split = [_COLUMNS.split(line.strip()) for line in lines]
    if len(split[0]) >= 3:  # a header of three columns or more: a gap of two spaces parts cells
        split = [re.split(r"\t+| {2,}", line.strip()) for line in lines]
    if len(lines) >= 3 and len(split[0]) >= 2 and all(len(cells) >= 2 for cells in split[1:]):
        header = [normal(cell) for cell in split[0]]
        if any(word in " ".join(header) for word in ("name", "nombre", "nom")):
            return [
                Block(
                    "row",
                    " | ".join(c for c in cells if c),
                    cells=dict(zip(split[0], cells, strict=False)),
                )
                for cells in split[1:]
            ]
    return None


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


def _underlined(paragraph: list[str]) -> list[list[str]]:
    """Split a paragraph after each underlined heading ('Title' over '=====')."""
    out, current = [], []
    for index, line in enumerate(paragraph):
        if _UNDERLINE.match(line.strip()) and current and len(current[-1].strip()) > 0:
            heading = current.pop()
            if current:
                out.append(current)
            out.append([("#" if line.strip()[0] == "=" else "##") + " " + heading.strip()])
            current = []
        elif _RULE.match(line) and not _UNDERLINE.match(line.strip()):
            continue  # a decorative rule ('* * *', '____'): layout, no text
        else:
            current.append(line)
        del index
    if current:
        out.append(current)
    return out


@dataclass
class _Lead:
    """An open lead-in: its text, and how its list goes on (`markers`: items with list
    markers; `lines`: plain lines, `spaced` when each stands in a paragraph of its own)."""

    text: str = ""
    mode: str = ""  # '' (none) | pending | markers | lines
    spaced: bool = False
    marker: str = ""  # the kind of marker its items use: bullet, number or letter

    def open(self, text: str) -> None:
        self.text, self.mode, self.spaced, self.marker = text, "pending", False, ""

    def close(self) -> None:
        self.text, self.mode, self.spaced, self.marker = "", "", False, ""


def text_blocks(text: str) -> list[Block]:
    """Blocks of a plain-text or Markdown report, in order."""
    lines = text.split("\n")
    width = _wrap_width(lines)
    blocks: list[Block] = []
    lead = _Lead()
    for raw in _paragraphs(lines):
        for paragraph in _underlined(raw):
            table = _table(paragraph)
            if table is not None:
                blocks.extend(table)
                lead.close()
                continue
            blocks.extend(_classify(_logical_lines(paragraph, width), lead))
    return join_broken_paragraphs(blocks)


def _classify(lines: list[str], lead: _Lead) -> list[Block]:
    """The blocks of one paragraph's logical lines; `lead` carries an open lead-in over."""
    blocks: list[Block] = []
    alone = len(lines) == 1
    if lead.mode == "lines" and not (lead.spaced and alone):
        lead.close()  # plain lines under a lead-in end at a blank line, unless spaced
    for index, line in enumerate(lines):
        stripped = line.strip()
        heading = _MD_HEADING.match(stripped)
        bold = _BOLD_LINE.match(stripped)
        item = _ITEM.match(line)
        numbered = _SECTION_NUMBER.match(stripped)
        if heading:
            blocks.append(Block("heading", heading[2].strip(), level=len(heading[1])))
            lead.close()
        elif is_lead(item[5] if item else stripped):
            text = (item[5] if item else stripped).replace("**", "").replace("__", "").strip()
            blocks.append(Block("paragraph", text))  # '3. The panellists were:' opens a list
            lead.open(text)
        elif bold and heading_like(bold[1]):
            blocks.append(Block("heading", bold[1].strip()))
            lead.close()
        elif (
            index
            and all_caps(stripped)
            and blocks
            and blocks[-1].kind == "heading"
            and (all_caps(blocks[-1].text) and not blocks[-1].level and heading_like(stripped))
        ):
            blocks[-1].text += " " + stripped  # an ALL-CAPS title wrapped over two lines
        elif item and not _numbered_heading(item, stripped, alone):
            number = int(item[2]) if item[2] else None
            marker = "bullet" if item[1] else "number" if item[2] else "letter"
            marker = "roman" if item[4] else marker
            listed = lead.mode == "pending" or (lead.mode == "markers" and lead.marker == marker)
            if listed:
                lead.mode, lead.marker = "markers", marker
            else:
                lead.close()  # another kind of marker: the lead-in's list has ended
            blocks.append(
                Block("item", item[5].strip(), number=number, lead=lead.text if listed else "")
            )
        elif lead.mode in ("pending", "lines") and _listed(stripped):
            lead.spaced = lead.mode == "pending" and index == 0 or lead.spaced
            lead.mode = "lines"
            blocks.append(Block("item", stripped, lead=lead.text))
        else:
            lead.close()
            if (
                numbered
                and heading_like(numbered[2])
                and "," not in stripped
                and not starts_with_time(stripped)
            ):
                blocks.append(Block("heading", stripped, level=numbered[1].count(".") + 1))
            elif (
                (
                    (alone or index == 0)
                    and heading_like(stripped)
                    and (alone or all_caps(stripped) or not heading_like(lines[1]))
                )
                or all_caps(stripped)
                and label_of(stripped) is None
                and len(stripped.split()) > 1
            ):
                blocks.append(Block("heading", stripped))
            else:
                blocks.append(Block("paragraph", _unbold(stripped)))
    return blocks


def _unbold(text: str) -> str:
    """A line set in bold, without its marks ('**Nairobi, 14 February 2019**')."""
    found = _BOLD_LINE.match(text)
    return found[1].strip() if found else text


def _listed(line: str) -> bool:
    """A line that can be an entry of a list under a lead-in: short, not a heading by form."""
    return (
        0 < len(line.split()) <= 25
        and (line[0].isupper() or line[0] in "([")
        and not starts_with_time(line)
        and not all_caps(line)
        and label_of(line) is None
    )


def _numbered_heading(item: re.Match, line: str, alone: bool) -> bool:
    """'3. Recommendations' alone is a heading; '1. Ana Ruiz, Mayor, Quito' is a list item."""
    return bool(item[2]) and alone and heading_like(item[5]) and "," not in line


def join_broken_paragraphs(blocks: list[Block]) -> list[Block]:
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


def as_text(block: Block) -> str:
    """A block as a line of the text stored beside the data (Markdown-like)."""
    if block.kind == "heading":
        return "#" * max(block.level, 1) + " " + block.text
    if block.kind == "item":
        return (f"{block.number}. " if block.number is not None else "- ") + block.text
    if block.kind == "row":
        return "| " + " | ".join(block.cells.values()) + " |"
    return block.text
