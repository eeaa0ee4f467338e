"""Data text made safe to show: Markdown that renders it literally."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

# Markdown's punctuation (and `:` for Streamlit's :emoji: and :color[] directives, `=` for
# highlights) is backslash-escaped; entities are kept literal; `<` never opens HTML.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$:=])")
_ENTITY = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")


def escape_markdown(text: object) -> str:
    """Data text made safe to insert in Markdown: shown literally on one line, never as
    markup, links, images or HTML. Used by every page (`ui.md`) and by the brief."""
    if text is None or text is pd.NA or (isinstance(text, float) and text != text):
        return ""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", _ENTITY.sub("&amp;", str(text)))
    return " ".join(escaped.replace("<", "&lt;").split())


# Escaped wherever they stand: markup characters (code, emphasis, links, tables,
# strikethrough, math, escapes); `_` where it can open or close emphasis (not between
# letters or digits); the colons of a `:shortcode:`, and a colon that opens Streamlit's
# `:directive[...]`, `:material/icon:` or a URL scheme (autolink); the `.` of a `www.`
# autolink and the `@` of an e-mail autolink; a closing `#` run (it would end a heading).
_UNDERSCORE = r"(?<![^\W_])_|_(?![^\W_])"
_MARKUP_HERE = re.compile(
    rf"[\\`*\[\]|~$]|{_UNDERSCORE}|(?P<shortcode>:[\w+/-]+:)|:(?=[A-Za-z/:])"
    r"|(?P<www>(?<![^\s(])www\.)|(?<=[\w.+-])@(?=\w)|(?<= )#(?=#*$)"
)
# Constructs that count only at the start of a line (the text may land at a block start):
# headings, block quotes, list markers, and lines of `-` or `=` only (setext, rules).
_BLOCK_START = re.compile(r"^(?:#{1,6}(?=\s|$)|[+-](?=\s|$)|>|\d{1,9}(?=[.)](?:\s|$))|-[- ]*$|=+$)")


def _escape_here(match: re.Match) -> str:
    if match.group("shortcode"):
        inner = re.sub(_UNDERSCORE, r"\\_", match.group("shortcode")[1:-1])
        return f"\\:{inner}\\:"
    if match.group("www"):
        return "www\\."
    return "\\" + match.group(0)


def _escape_block_start(match: re.Match) -> str:
    found = match.group(0)
    if found[0].isdigit():  # an ordered-list number: escape the `.` or `)` after it
        return found + "\\"
    return "\\" + found


def escape_markdown_text(text: object) -> str:
    """Data text made safe to insert in a Markdown document that people also read as plain
    text: on one line, escaping only what would be markup where it stands (`16.1`,
    `Sub-Saharan`, `(GNSC)` stay as typed). Renders as `escape_markdown` does."""
    if text is None or text is pd.NA or (isinstance(text, float) and text != text):
        return ""
    text = " ".join(str(text).split())
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;")
    text = _MARKUP_HERE.sub(_escape_here, text)
    return _BLOCK_START.sub(_escape_block_start, text, count=1)


def slug(text: str) -> str:
    """A stable id from a name: 'Oliver Jütersonke' -> 'oliver-jutersonke'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", letters).strip("-") or "unnamed"
