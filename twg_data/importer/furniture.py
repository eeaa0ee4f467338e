"""What a report's lines hold that is not its content: page furniture and metadata.

Nothing is dropped silently: each line taken out is a `Furniture` with its reason, listed in
REVIEW.md. Found here: a YAML front-matter block (read as metadata: its title and date), web
boilerplate (`Skip to main content`, from `forms/boilerplate.csv`), page numbers, and running
headers or footers repeated across pages. Characters of a mis-decoded source (C1 controls
that Windows-1252 explains) are repaired.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import yaml

from twg_data.i18n import N_
from twg_data.importer import forms
from twg_data.importer.identity import normal
from twg_data.message import Message, message

PAGE_BREAK = "\f"
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|página|pagina|p\.|pg\.?)\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?"
    r"(?:\s*(?:/|of|de|sur|of the)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_FRONT_MATTER_END = ("---", "...")
PAGE_NUMBER = N_("page number")


@dataclass(frozen=True)
class Furniture:
    """A line of the report that is not content, and why: `reason` is an English template
    marked `N_()`, `args` its fields, worded in the run's language by `why`."""

    text: str
    reason: str
    args: dict[str, object] = field(default_factory=dict, hash=False)

    @property
    def why(self) -> str:
        """The reason in the run's language."""
        return Message(self.reason, tuple(self.args.items())).text

    @property
    def english(self) -> str:
        """The reason in English, whatever the language."""
        return Message(self.reason, tuple(self.args.items())).english


def repair_controls(text: str) -> tuple[str, list[Message]]:
    """C1 control characters (U+0080-U+009F) read as Windows-1252 would show them (a
    mis-decoded quote or dash); those it does not explain removed. What was done, listed as
    messages worded when shown."""
    notes: list[Message] = []
    repaired, removed = Counter(), Counter()

    def fix(match: re.Match) -> str:
        char = match.group()
        try:
            shown = bytes([ord(char)]).decode("cp1252")
        except UnicodeDecodeError:
            removed[f"U+{ord(char):04X}"] += 1
            return ""
        repaired[(f"U+{ord(char):04X}", shown)] += 1
        return shown

    text = re.sub("[\x80-\x9f]", fix, text)
    for (code, shown), count in sorted(repaired.items()):
        notes.append(message(_REPAIRED, count=count, code=code, char=shown))
    for code, count in sorted(removed.items()):
        notes.append(message(_REMOVED, count=count, code=code))
    return text, notes


_REPAIRED = N_("{count} control character(s) {code} -> {char} (Windows-1252)")
_REMOVED = N_("{count} control character(s) {code} removed (no character it stands for)")


def front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """The metadata of a YAML block opening the text (`---` ... `---`), and how many lines it
    takes; ({}, 0) when there is none or it is not YAML."""
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines) or lines[start].strip() != "---":
        return {}, 0
    for end in range(start + 1, min(len(lines), start + 80)):
        if lines[end].strip() in _FRONT_MATTER_END:
            try:
                found = yaml.safe_load("\n".join(lines[start + 1 : end]))
            except yaml.YAMLError:
                return {}, 0
            if not isinstance(found, dict):
                return {}, 0
            return {str(k).lower(): _plain(v) for k, v in found.items() if v is not None}, end + 1
    return {}, 0


def _plain(value: object) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(_plain(v) for v in value)
    return str(value).strip()


_RELATED = ("related", "you may also like", "upcoming events", "other events", "see also")
_RULE = re.compile(r"^\s*(?:[-=_*~]\s*){3,}$")
_CAPTION = re.compile(
    r"^(?:photo|foto|image|picture|caption|crédit photo|photo credit|pie de foto)"
    r"\s*(?:credit)?\s*[:©]",
    re.IGNORECASE,
)
_DOWNLOAD = re.compile(r"\((?:PDF|DOCX?|XLSX?|PPTX?|ZIP)\b[^)]{0,20}\b[KMG]B\)\s*$", re.I)


def _boilerplate_part(part: str) -> bool:
    found = normal(part)
    return found in forms.boilerplate(menu=True) or any(
        found.startswith(b + " ") and len(b.split()) >= 2 for b in forms.boilerplate()
    )


def is_boilerplate(line: str) -> bool:
    """A line of web-page furniture: a menu item, a share link, a breadcrumb ('Home ›
    Events › ...'), a row of footer links, a copyright line."""
    found = normal(line)
    if not found or len(found.split()) > 12:
        return False
    if found in forms.boilerplate() or re.match(
        r"^(?:©|copyright\s+(?:©|\d{4}))", line.strip(), re.I
    ):
        return True
    if _DOWNLOAD.search(line):
        return True  # 'Concept note (PDF, 210 KB)': a link to a file
    parts = [p for p in re.split(r"\s*(?:[>|›»·•]|\s{3,})\s*", line.strip()) if p.strip()]
    if any(re.search(r"\d", p) for p in parts) and not re.search(r"[>›»|]", line):
        return False  # '0830-0900   Registration': an agenda line in columns
    if len(parts) < 2:
        return False
    if normal(parts[0]) in ("home", "inicio", "accueil") and re.search(r"[>›»/]", line):
        return True  # a breadcrumb
    known = sum(_boilerplate_part(p) for p in parts)
    return known * 2 >= len(parts)


def _underlines(lines: list[str], index: int) -> bool:
    """A rule right under a single line of text underlines it (a heading: 'Title' over
    '====='); under a block of lines, or alone, it is a rule across the page."""
    above = index - 1
    if above < 0 or not lines[above].strip() or _RULE.match(lines[above]):
        return False
    return above == 0 or not lines[above - 1].strip() or bool(_RULE.match(lines[above - 1]))


def web_furniture(lines: list[str]) -> dict[int, str]:
    """Line indexes of a page that are web-page or layout furniture, with the reason: the
    lines above, a navigation menu (a block of one-to-three-word lines holding a menu
    word), a cookie notice, related content after its heading, a rule line."""
    found: dict[int, str] = {}
    blocks: list[list[int]] = []
    for index, line in enumerate(lines):
        if not line.strip():
            blocks.append([])
        elif not blocks:
            blocks.append([index])
        else:
            blocks[-1].append(index)
    blocks = [b for b in blocks if b]
    related = False
    for block in blocks:
        texts = [lines[i].strip() for i in block]
        short = all(len(t.split()) <= 3 and not t.endswith((".", ":", "?")) for t in texts)
        if related and all(len(t.split()) <= 12 for t in texts):
            found.update({i: N_("related content on a web page") for i in block})
            continue
        related = False
        if len(block) >= 3 and short and any(_boilerplate_part(t) for t in texts):
            found.update({i: N_("a web page's navigation menu") for i in block})
            continue
        if re.search(r"\bcookies?\b", " ".join(texts), re.IGNORECASE) and len(block) <= 3:
            found.update({i: N_("a cookie notice") for i in block})
            continue
        for i, text in zip(block, texts, strict=True):
            if is_boilerplate(text):
                found[i] = N_("web page furniture")
                related = related or normal(text).startswith(_RELATED)
            elif _RULE.match(text) and not _underlines(lines, i):
                found[i] = N_("a rule (a line across the page)")
            elif _CAPTION.match(text):
                found[i] = N_("a picture's caption")
    return found


def is_page_number(line: str) -> bool:
    """Whether a line is a page number alone (`12`, `- 3 -`, `Page 4 of 9`)."""
    return bool(_PAGE_NUMBER.fullmatch(line.strip())) and any(c.isdigit() for c in line)


def shape(line: str) -> str:
    """A line with its numbers as '#': a running header with its page number compares equal."""
    return re.sub(r"\d+", "#", " ".join(line.split()).casefold())


def repeats_needed(pages: int) -> int:
    """On how many pages a line at the top or bottom must repeat to be a running header or
    footer: half of them (a title page may go without), and at least two."""
    return max(2, (pages + 1) // 2)


def page_furniture(pages: list[list[str]]) -> dict[int, dict[int, Furniture]]:
    """Per page, the lines that are furniture, by index, with why: page numbers at the top
    or bottom, and lines repeated at the top or bottom of several pages."""
    found: dict[int, dict[int, Furniture]] = {}
    if len(pages) < 2:
        return found
    edges = [_edges(lines) for lines in pages]
    counts = Counter(shape(pages[p][i]) for p, indexes in enumerate(edges) for i in set(indexes))
    needed = repeats_needed(len(pages))
    for p, indexes in enumerate(edges):
        for i in indexes:
            line = pages[p][i]
            if is_page_number(line):
                found.setdefault(p, {})[i] = Furniture(line.strip(), PAGE_NUMBER)
            elif counts[shape(line)] >= needed and len(line.split()) <= 15:
                found.setdefault(p, {})[i] = running(line.strip(), counts[shape(line)])
    return found


def running(text: str, pages: int) -> Furniture:
    """A running header or footer, repeated on so many pages."""
    return Furniture(text, N_("running header or footer (on {n} pages)"), {"n": pages})


def _edges(lines: list[str]) -> list[int]:
    """Indexes of the first and last two non-blank lines of a page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:2] + filled[-2:]))
