"""Data text made safe to show: one escaping function, `escape_markdown`, for every text a
page draws from the data, a link or an upload, and for the brief's Markdown file.

Its Markdown renders the text literally (never as markup, links, images, HTML, icons,
colours, emoji or formulas) in Streamlit and in any CommonMark reader, and reads as plain text
too: it escapes only what would be markup where it stands (`16.1`, `Sub-Saharan`, `(GNSC)`
stay as typed). Streamlit turns Markdown into a page in three passes, and each needs a guard:

1. Before parsing, it rewrites `:material/` in the source to `:material_`.
2. Parsing (CommonMark, GFM, math, `:directive[...]`): a backslash before what would open a
   construct stops it, and `<` as `&lt;` never opens HTML.
3. After parsing, it rewrites the *text*: `:material_name:` becomes an icon, `:streamlit:` the
   logo, `:smile:` an emoji, ` -> ` an arrow, ` -- ` a dash. The backslashes are gone by then,
   so a WORD JOINER (U+2060, invisible and unbreakable) goes inside each such run instead.

Text that writes right to left, or carries bidirectional controls, is isolated (FSI ... PDI,
its own controls dropped), so it cannot reorder the interface words around it.

Pages draw data through `md` (one value), `fmt` (a template of interface text filled with
values) and `code` (an id or file name as inline code); all return `Markdown`, which they
never escape twice.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

WORD_JOINER = "\u2060"
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"

_ENTITY = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
# Pass 3 above: the colon that opens a `:name:` run (an icon, the logo, an emoji) or
# `:material/` (rewritten even without its closing colon); Streamlit's typographic pairs
# where it replaces them (between spaces, or at an end of the text: a page may put a space
# there).
_SHORTCODE = re.compile(r":(?=[\w+/-]+:|material/)")
_TYPOGRAPHIC = re.compile(r"(?:(?<= )|^)(?:<->|->|<-|--|>=|<=|~=)(?= |$)")
# GFM links web addresses and e-mail addresses in the text too (`www.`, `http://`, `a@b.c`),
# after parsing: a word joiner after `www`, after the scheme's colon and after the `@`.
_AUTOLINK = re.compile(r"(?i)(?<![^\W_])www(?=\.)|(?<![^\W_])https?:(?=//)|@(?=[-\w])")
# Control characters that whitespace does not cover (C0, DEL, C1): shown as U+FFFD.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
# Explicit bidirectional formatting (embeddings, overrides, isolates), and right-to-left
# letters and marks (Hebrew, Arabic, Syriac, Thaana, N'Ko, ...; RLM, ALM).
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
_RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\u061c\u200f\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff"
    "\U0001e800-\U0001efff]"
)
# Pass 2, escaped wherever they stand: markup characters (code, emphasis, links, tables,
# strikethrough, math, escapes); `_` where it can open or close emphasis (not between
# letters or digits); a colon that opens Streamlit's `:directive[...]` or a URL scheme
# (autolink); the `.` of a `www.` autolink (which may follow an emphasis mark) and the `@` of
# an e-mail autolink; a closing `#` run (it would end a heading).
_UNDERSCORE = r"(?<![^\W_])_|_(?![^\W_])"
_MARKUP_HERE = re.compile(
    rf"[\\`*\[\]|~$]|{_UNDERSCORE}|:(?=[A-Za-z/:])"
    r"|(?P<www>(?<![^\s(*_~])www\.)|(?<=[\w.+-])@(?=\w)|(?<= )#(?=#*$)"
)
# Constructs that count only at the start of a line (the text may land at a block start):
# headings, block quotes, list markers, and lines of `-` or `=` only (setext, rules).
_BLOCK_START = re.compile(r"^(?:#{1,6}(?=\s|$)|[+-](?=\s|$)|>|\d{1,9}(?=[.)](?:\s|$))|-[- ]*$|=+$)")


def _defused(text: str) -> str:
    """The text on one line, with what Streamlit rewrites after parsing kept literal, and
    right-to-left text isolated from the words around it."""
    isolated = bool(_BIDI_CONTROL.search(text) or _RIGHT_TO_LEFT.search(text))
    text = _CONTROL.sub("\ufffd", " ".join(_BIDI_CONTROL.sub("", text).split()))
    text = _SHORTCODE.sub(":" + WORD_JOINER, text)
    text = _TYPOGRAPHIC.sub(lambda pair: pair[0][0] + WORD_JOINER + pair[0][1:], text)
    text = _AUTOLINK.sub(lambda found: found[0] + WORD_JOINER, text)
    return FIRST_STRONG_ISOLATE + text + POP_DIRECTIONAL_ISOLATE if isolated else text


def _escape_here(match: re.Match) -> str:
    if match.group("www"):
        return "www\\."
    return "\\" + match.group(0)


def _escape_block_start(match: re.Match) -> str:
    found = match.group(0)
    if found[0].isdigit():  # an ordered-list number: escape the `.` or `)` after it
        return found + "\\"
    return "\\" + found


def escape_markdown(text: object) -> str:
    """Data text as Markdown that Streamlit and CommonMark draw literally, on one line,
    wherever it is put (a heading, a list item, a label, mid-line). The one escaping
    function: pages reach it through `md`, `fmt` and `code`; the brief calls it."""
    if text is None or text is pd.NA or (isinstance(text, float) and text != text):
        return ""
    text = _ENTITY.sub("&amp;", _defused(str(text))).replace("<", "&lt;")
    text = _MARKUP_HERE.sub(_escape_here, text)
    return _BLOCK_START.sub(_escape_block_start, text, count=1)


class Markdown(str):
    """Markdown that is safe to draw: data escaped by `md`, `code`, or a template filled by
    `fmt`."""

    __slots__ = ()


def md(text: object) -> Markdown:
    """Data text (from the data, a link or an upload) as Markdown drawn literally;
    Markdown already made by `md`, `fmt` or `code` is returned as it is."""
    return text if isinstance(text, Markdown) else Markdown(escape_markdown(text))


def fmt(template: str, /, **values: object) -> Markdown:
    """Interface text (a translated template, which may hold Markdown) with each value drawn
    literally: `fmt(_("Focus {n}: {title}"), n=position, title=row.title)`."""
    return Markdown(template.format(**{name: md(value) for name, value in values.items()}))


# What inline code may hold as it is: in a code span nothing is markup, except `:material/`,
# which Streamlit rewrites before parsing, and a backtick, which would close the span.
_PLAIN_CODE = re.compile(r"[\w .\-/\\~+=,@]+")


def code(text: object) -> Markdown:
    """An id, file name or path as inline code; text a code span cannot hold as it is (a
    backtick, a colon) is escaped by `md` instead, as plain text."""
    shown = "" if text is None else str(text)
    if _PLAIN_CODE.fullmatch(shown):
        return Markdown(f"`{shown}`")
    return md(shown)


def slug(text: str) -> str:
    """A stable id from a name: 'Oliver Jütersonke' -> 'oliver-jutersonke'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", letters).strip("-") or "unnamed"


def is_missing(value: object) -> bool:
    """Whether a value from the data is empty: None, pandas' NA or a float NaN."""
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def text_of(value: object) -> str:
    """A value from the data as text, "" when it is empty (`is_missing`)."""
    return "" if is_missing(value) else str(value)
