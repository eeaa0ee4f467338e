"""Data reaches Markdown only escaped: the one escaping function keeps every hostile string
literal, and no page hands Streamlit Markdown built from data without it."""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.conftest import REPO
from tests.hostile import CORPUS, as_read
from tests.markdown_sinks import Project
from twg_data.text import Markdown, code, escape_markdown, fmt, md

SCANNED = [
    REPO / "app.py",
    *sorted((REPO / "pages").glob("*.py")),
    *sorted((REPO / "twg_data" / "ui").glob("*.py")),
]
MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def shown_text(markdown: str) -> str:
    """What CommonMark shows of the Markdown, as a reader reads it."""
    return as_read(html.unescape(re.sub(r"<[^>]+>", " ", MARKDOWN.render(markdown))))


def test_every_markdown_argument_on_the_pages_is_escaped_or_interface_text():
    found = [str(f) for f in Project(SCANNED, REPO).scan()]
    assert found == [], "draw data through ui.md, ui.fmt or ui.code (see twg_data/text.py)"


def scan(source: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "page.py"
    path.write_text(source, encoding="utf-8")
    return [f.argument for f in Project([path], tmp_path).scan()]


@pytest.mark.parametrize(
    "source",
    [
        "st.markdown(row.text)",
        "st.markdown(f'**{row.heading}**')",
        "st.caption(_('Source: {p}').format(p=ui.md(row.passage)))",
        "st.warning('Ignored: ' + value)",
        "st.subheader(ui.fmt(row.title))",
        "for label, value in ((_('A'), row.a),):\n    st.markdown(f'{label} {value}')",
        "st.tabs(names)",
        "st.tabs([name for name in names])",
        "st.select_slider('x', options, format_func=labels.__getitem__)",
        "st.metric(_('People'), row.people)",
        "st.expander(row.title)",
        "st.markdown('<b>x</b>', unsafe_allow_html=True)",
        "st.html(f'<p>{row.text}</p>')",
        "h = {k: v for k, v in row.items()}\nst.markdown(h['x'])",
        "st.button(_('x'), help=row.help)",
        "ui.Markdown(row.text)",
        "parts = []\nparts.append(row.name)\nst.caption(', '.join(parts))",
        "def header(title):\n    st.title(title)\nheader(row.title)",
        "def label(row):\n    return row.name\nst.markdown(label(row))",
    ],
)
def test_the_scan_finds_data_drawn_without_escaping(source, tmp_path):
    assert scan(source, tmp_path), source


@pytest.mark.parametrize(
    "source",
    [
        "st.markdown(ui.md(row.text))",
        "st.markdown(f'**{ui.md(row.heading)}**')",
        "st.caption(ui.fmt(_('Source: {p}'), p=row.passage))",
        "st.warning(_('Ignored: ') + md(value))",
        "for label, value in ((_('A'), ui.md(row.a)),):\n    st.markdown(f'{label} {value}')",
        "st.tabs([_('People'), _('Cities')])",
        "st.tabs([ui.md(name) for name in names])",
        "st.select_slider('x', options, format_func=lambda m: md(labels[m]))",
        "st.metric(_('People'), format_count(row.people))",
        "st.markdown('**' + _('Speakers') + '**')",
        "label = _('x')\nst.download_button(label or _('Download'), data=b'')",
        "parts = [ui.fmt('{a}', a=r) for r in rows]\nst.caption(Markdown('; '.join(parts)))",
        "def header(title):\n    st.title(title)\nheader(_('Participants'))",
        "def label(row):\n    return md(row.name)\nst.markdown(label(row))",
        "st.dataframe(frame, key=f'table_{name}')",
        "wide = 'p { }'\nst.html(f'<style>{wide}</style>')",
        "h = {k: _(v) for k, v in HEADINGS.items()}\nst.markdown('**' + h['x'] + '**')",
    ],
)
def test_the_scan_accepts_escaped_data_and_interface_text(source, tmp_path):
    assert scan(source, tmp_path) == [], source


@pytest.mark.parametrize("hostile", CORPUS)
def test_hostile_text_escaped_reads_as_written_in_every_place(hostile):
    escaped = escape_markdown(hostile)
    assert "\n" not in escaped
    for context in ("{}", "- {}", "#### {}", "**Label:** {}", "*{}*", "> {}", "1. x {}"):
        shown = shown_text(context.format(escaped))
        assert as_read(hostile) in shown, (context, escaped)


@pytest.mark.parametrize(
    ("hostile", "kept_out"),
    [
        (":material/skull:", ":material/"),  # rewritten before parsing
        (":material_skull:", ":material_skull:"),  # an icon after parsing
        (":smile: :+1:", ":smile:"),
        (":streamlit:", ":streamlit:"),
        ("a -> b", " -> "),
        ("a -- b", " -- "),
        ("x >= y", " >= "),
        ("see www.evil.example", "www."),  # GFM links addresses in the text too
        ("see HTTPS://evil.example", "HTTPS://"),
        ("write to a@evil.example", "a@evil"),
    ],
)
def test_what_streamlit_rewrites_after_parsing_gets_a_word_joiner(hostile, kept_out):
    escaped = escape_markdown(hostile)
    assert kept_out not in escaped.replace("\\", "")
    assert "\u2060" in escaped
    assert as_read(escaped.replace("\\", "")) == hostile


def test_right_to_left_text_is_isolated_and_its_overrides_dropped():
    assert escape_markdown("abc\u202edef") == "\u2068abcdef\u2069"
    assert escape_markdown("\u2069 x \u202e y") == "\u2068x y\u2069"
    assert escape_markdown("שלום") == "\u2068שלום\u2069"
    assert escape_markdown("Bogotá") == "Bogotá"


def test_control_characters_show_as_a_replacement_character():
    assert escape_markdown("a\x00b\x7fc") == "a\ufffdb\ufffdc"


def test_md_escapes_once_and_fmt_escapes_values_not_the_template():
    once = md("*x*")
    assert md(once) is once and once == "\\*x\\*"
    filled = fmt("**{name}**: {n}", name="a_b_ *c*", n=3)
    assert filled == "**a_b\\_ \\*c\\***: 3" and isinstance(filled, Markdown)
    assert fmt("{x}", x=once) == once


@pytest.mark.parametrize(
    ("value", "drawn"),
    [
        ("sources.csv", "`sources.csv`"),
        ("/srv/twg/data", "`/srv/twg/data`"),
        ("report `x`.txt", "report \\`x\\`.txt"),
        ("C:\\data", "C:\\\\data"),  # a colon before a backslash opens nothing
        (":material/skull:.txt", ":\u2060material/skull:.txt"),
    ],
)
def test_code_keeps_plain_names_as_code_and_escapes_anything_else(value, drawn):
    assert code(value) == drawn


def test_the_scan_covers_every_page_of_the_registry():
    from twg_data import pages

    specs = [*pages.PAGES, pages.CURATE, pages.DATA_PROBLEMS]
    assert {REPO / spec.file for spec in specs} <= set(SCANNED)
    assert all(isinstance(ast.parse(path.read_text("utf-8")), ast.Module) for path in SCANNED)
