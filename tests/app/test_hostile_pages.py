"""Every page with hostile text in every kind of data it shows (`tests/hostile.py`), through
AppTest: no Markdown the app sends holds a construct of the corpus unescaped, and each field
a page shows reads as written. What Streamlit's own renderer makes of it is checked in
Chromium (`tests/browser/test_hostile_browser.py`)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from google.protobuf.message import Message
from markdown_it import MarkdownIt

from tests.app_support import no_exceptions, open_app
from tests.hostile import BOGOTA, SHOWN_ON, as_read, hostile_data
from twg_data import pages

# Constructs of the corpus as they would stand in Markdown that draws them: none may be sent.
ALIVE = (
    "<img",
    "<script",
    "<b>",
    "](https://evil",
    "![hostile",
    "**hostile bold**",
    "*hostile em*",
    ":material/",
    ":material_skull:",
    ":red[",
    ":blue-background[",
    ":green-badge[",
    ":smile:",
    ":+1:",
    ":streamlit:",
    ":help[",
    ":small[",
    "$x^2$",
    "$$",
    "`hostile code`",
    "~~hostile",
    " -> ",
    " -- ",
    "http://evil",
    "| hostile |",
    "&lt;b&gt;",  # an entity in the data must stay an entity's text, not become `<b>`
)
BLOCK_STARTS = re.compile(r"(?m)^(?:#{1,6} hostile|> hostile|- hostile|1\. hostile|\$\$)")
# GFM links `www.` where it follows a space, `(`, an emphasis mark or the start.
WWW = re.compile(r"(?:^|[\s(*_~])www\.evil")
# Proto fields Streamlit draws as Markdown: bodies, labels, help, and the options of the
# widgets that draw them so (a select_slider; multiselect and selectbox options are text).
MARKDOWN_FIELDS = {"body", "label", "help", "caption", "captions"}
MARKDOWN_OPTIONS = {"Slider", "Radio", "ButtonGroup"}
MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("hostile") / "data"
    return folder, hostile_data(folder)


def _strings(proto: Message) -> Iterator[tuple[str, str]]:
    for field, value in proto.ListFields():
        items = value if field.is_repeated else [value]
        for item in items:
            if field.type == field.TYPE_MESSAGE:
                yield from ((name, text) for name, text in _strings(item))
            elif field.type == field.TYPE_STRING:
                yield field.name, item


def markdown_sent(at) -> list[str]:
    """Every string the app sent that the browser draws as Markdown."""
    found, nodes = [], [at._tree]
    while nodes:
        node = nodes.pop()
        nodes += list(getattr(node, "children", {}).values())
        proto = getattr(node, "proto", None)
        if not isinstance(proto, Message):
            continue
        options = type(proto).__name__ in MARKDOWN_OPTIONS
        found += [
            text
            for name, text in _strings(proto)
            if name in MARKDOWN_FIELDS or (options and name in ("options", "content"))
        ]
    return found


def read(markdown: str) -> str:
    """What CommonMark shows of the Markdown, as a reader reads it."""
    return as_read(html.unescape(re.sub(r"<[^>]+>", " ", MARKDOWN.render(markdown))))


@pytest.mark.parametrize("page", [spec.name for spec in pages.shown_pages(2)])
def test_every_page_sends_hostile_data_escaped_and_shows_it_as_written(page, hostile, monkeypatch):
    folder, texts = hostile
    monkeypatch.setenv("TWG_DATA_DIR", str(folder))
    query, shown = SHOWN_ON.get(page, ({}, ()))  # a new page: no field known to be shown
    at = open_app(page, **query)
    no_exceptions(at)
    sent = markdown_sent(at)
    alive = [(construct, text[:80]) for text in sent for construct in ALIVE if construct in text]
    alive += [(found, "line start") for text in sent for found in BLOCK_STARTS.findall(text)]
    alive += [(found, "autolink") for text in sent for found in WWW.findall(text)]
    assert alive == []
    drawn = "\n".join(read(text) for text in sent)
    assert [field for field in shown if as_read(texts[field]) not in drawn] == []


def test_the_brief_preview_and_its_markdown_file_are_the_same_text(hostile, monkeypatch):
    folder, texts = hostile
    monkeypatch.setenv("TWG_DATA_DIR", str(folder))
    at = open_app("agenda_brief", shown_meeting=BOGOTA)
    preview = max((m.value for m in at.markdown), key=len)
    assert as_read(texts["key-point"]) in read(preview)
    assert "\u2060" in preview  # Streamlit's shortcodes broken by word joiners
