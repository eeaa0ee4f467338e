"""Data text made safe to show: Markdown that renders it literally."""

from __future__ import annotations

import re

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
