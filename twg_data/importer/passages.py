"""Source passages from a report's blocks: each sentence of a paragraph, each list item and
each table row, verbatim, with the section it sits in and a stable id (`<meeting>-NN`).

Headings name sections and are not passages, except the title lines before the first text
(section `Title`) and headings that carry data (a session's date and time).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from twg_data.i18n import N_
from twg_data.importer.errors import ReportError
from twg_data.importer.layout import Block
from twg_data.validate import MAX_CELL

TITLE = "Title"
# A sentence ends at . ! or ? (perhaps with a closing bracket or quote) before a capital,
# unless the word before is an abbreviation or an initial.
_SENTENCE_END = re.compile(r"(?<=[.!?])[)\"'”’*]*\s+(?=[A-Z\"“‘(*¿¡ÁÉÍÓÚÑ])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|vs?|Mr|Mrs|Ms|Dr|Prof|St|No|Nr|cf|al|a\.m|p\.m|Hon|Sr|Sra|Mme|Jr"
    r"|Engr|Barr|Atty|Adv|Supt|Insp|Sgt|Capt|Col|Gen|Maj|Lt|Rev|Fr|Ald|Esq|Cllr|Lic|Ing|Arq)"
    r"|\b[A-Z])\.$"
)
_DATED_TAIL = re.compile(r"\s*\([^()]*\d[^()]*\)\s*$")  # a heading's date and time in brackets
_TRAILING_HEADING = 4  # words: a paragraph's unpunctuated last fragment before a heading
OPENING_WORDS = 25  # a block this long is running text: the report's opening has ended
MAX_PASSAGE = MAX_CELL  # characters: a longer passage is split at word boundaries


@dataclass
class Passage:
    """One passage of the report: its id, the section it stands in, its text and block."""

    source_id: str
    section: str
    text: str
    block: Block
    heading: bool = False  # a heading kept as a passage (title or session line)

    @property
    def plain(self) -> str:
        """The text without Markdown's emphasis marks (`**Ana Ruiz**`), as recognisers read
        it; verbatim checks set those marks aside too."""
        return self.text.replace("*", "") if "*" in self.text else self.text


@dataclass
class Section:
    """One section of the report: its heading, level and the blocks under it."""

    heading: str  # the section's name as passages carry it
    title: str  # the heading's own text
    level: int
    blocks: list[Block] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, verbatim."""
    parts, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start : match.start()].rstrip(")\"'”’*")
        if _ABBREVIATION.search(candidate.split()[-1] if candidate.split() else ""):
            continue
        parts.append(text[start : match.start()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [part for part in parts if part]


def _split_trailing_headings(blocks: list[Block]) -> list[Block]:
    """A heading glued to the end of a paragraph ('... practice. Key points') is a heading."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind == "paragraph" and following is not None and following.kind == "heading":
            parts = sentences(block.text)
            last = parts[-1] if len(parts) > 1 else ""
            if (
                last
                and not last.endswith((".", "!", "?", ":", ";"))
                and len(last.split()) <= _TRAILING_HEADING
            ):
                out.append(Block("paragraph", block.text[: block.text.rindex(last)].rstrip()))
                out.append(Block("heading", last))
                continue
        out.append(block)
    return out


def sections(
    blocks: list[Block],
    carries_data: Callable[[str, str, bool], bool],
    groups: Callable[[str], bool],
) -> list[Section]:
    """The report's sections in order, the title first.

    The headings before the first text are the title, except the last of two or more, which
    heads that text. `carries_data(heading)` keeps a heading as a passage. A heading with no
    text before the next heading is a parent: its name prefixes the headings under it
    ('Key points: Opportunities'). Under it are the deeper headings where the layout gives
    levels (Markdown, Word), otherwise the run of headings `groups(heading)` accepts.
    """
    blocks = _split_trailing_headings(blocks)
    leading = 0
    while leading < len(blocks) and blocks[leading].kind == "heading":
        leading += 1
    title_count = leading - 1 if leading >= 2 else leading
    title = Section(TITLE, TITLE, 0, blocks=list(blocks[:title_count]))
    found, current, parent = [title], title, None
    rest = blocks[title_count:]
    opening = True  # no running text yet: the report's front matter
    for index, block in enumerate(rest):
        if block.kind != "heading":
            current.blocks.append(block)
            opening = opening and len(block.text.split()) < OPENING_WORDS
            continue
        empty = current is not title and not current.blocks
        if empty and (
            (current.level > 0 and block.level > current.level)
            or (block.level == current.level == 0 and groups(block.text))
        ):
            parent = current
        elif parent is not None and (
            block.level <= parent.level if block.level else not groups(block.text)
        ):
            parent = None
        own = _DATED_TAIL.sub("", block.text) or block.text  # '... (21 September 2015, 14.00)'
        name = f"{parent.title}: {own}" if parent else own
        current = Section(name, block.text, block.level)
        found.append(current)
        following = rest[index + 1].text if index + 1 < len(rest) else ""
        if carries_data(block.text, following, opening):
            current.blocks.append(block)
    return found


def _bounded(text: str) -> list[str]:
    """A text in parts of at most MAX_PASSAGE characters, cut at spaces; ReportError when a
    single word is longer (nothing a report's sentence holds)."""
    if len(text) <= MAX_PASSAGE:
        return [text]
    parts, current = [], ""
    for word in text.split(" "):
        if len(word) > MAX_PASSAGE:
            raise ReportError(
                N_(
                    "a passage holds {length} characters without a space (from '{start}…'); "
                    "a passage can hold at most {most}: remove or break that text in the report"
                ),
                length=len(word),
                start=word[:30],
                most=MAX_PASSAGE,
            )
        if current and len(current) + 1 + len(word) > MAX_PASSAGE:
            parts.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    parts.append(current)
    return parts


def number(meeting_id: str, found: list[Section]) -> list[Passage]:
    """Give every passage its id, in report order."""
    passages: list[Passage] = []
    for index, section in enumerate(found):
        following = found[index + 1].heading if index + 1 < len(found) else ""
        if (
            not section.blocks
            and section.heading != TITLE
            and not following.startswith(section.heading + ": ")
        ):  # a heading over nothing but the next heading: kept, so no line is lost
            section.blocks.append(Block("heading", section.title, section.level))
        for block in section.blocks:
            texts = sentences(block.text) if block.kind == "paragraph" else [block.text]
            texts = [part for text in texts for part in _bounded(text)]
            for text in texts:
                passage = Passage("", section.heading, text, block, heading=block.kind == "heading")
                section.passages.append(passage)
                passages.append(passage)
    width = max(2, len(str(len(passages))))
    for index, passage in enumerate(passages, start=1):
        passage.source_id = f"{meeting_id}-{index:0{width}d}"
    return passages
