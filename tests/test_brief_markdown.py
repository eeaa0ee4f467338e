"""The Markdown brief as a document people read as plain text: few escapes, the same
rendering as the fully escaped form, each passage once, a citation under every item, and
references at the end. Rendering is checked with markdown-it-py (CommonMark + GFM tables and
strikethrough), the parser behind Streamlit's `rich` dependency; what Streamlit itself does
beyond CommonMark is checked in Chromium (`tests/browser/test_hostile_browser.py`)."""

from __future__ import annotations

import html
import re
from collections import namedtuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.hostile import as_read
from tests.report_facts import PRESENTERS
from twg_data import citation, queries, text
from twg_data.brief import items
from twg_data.brief import markdown as markdown_module
from twg_data.brief.content import point_quote
from twg_data.brief.items import Selection
from twg_data.brief.markdown import brief_markdown
from twg_data.build import build_database, connect
from twg_data.filters import Filters

# The reference the one escaping function is held to: every punctuation mark escaped.
_EVERY_MARK = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$:=@])")
_ENTITY = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")


def escape_every_mark(data: object) -> str:
    """Data text with every punctuation mark escaped (and the same word joiners and isolation
    as `escape_markdown`, which CommonMark leaves alone)."""
    if data is None:
        return ""
    defused = text._defused(str(data))  # noqa: SLF001 (the part both escapers share)
    return _EVERY_MARK.sub(r"\\\1", _ENTITY.sub("&amp;", defused)).replace("<", "&lt;")


MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# Where the brief inserts data text: a list item, a quote, a heading, after a label, mid-line,
# a line of its own, a continuation line, before a list.
CONTEXTS = ["- {}", "> {}", "#### {}", "- **Note:** {}", "x {} y", "{}", "- a\n  {}", "{}\n\n- b"]
HOSTILE = [
    "<script>alert(1)</script>",
    "[x](http://evil) ![i](http://evil/p.png)",
    ":red[big] :material/home: :smile: **bold** __b__ *i* _i_ ~~s~~ `c` $x$",
    "# heading",
    "> quote",
    "- item",
    "1. item",
    "---",
    "===",
    "a | b",
    "www.evil.example and a@evil.example",
    "&amp; &#60; \\* trailing #",
]


def rendered(markdown: str) -> str:
    return MARKDOWN.render(markdown)


def text_content(markdown: str) -> str:
    """What a reader sees: the rendered HTML without tags, entities decoded, one line, the
    invisible word joiners and isolates aside."""
    return as_read(html.unescape(re.sub(r"<[^>]+>", " ", rendered(markdown))))


@pytest.fixture
def fully_escaped(monkeypatch: pytest.MonkeyPatch):
    """Make the brief with every punctuation mark escaped: the brief's Markdown as it was
    rendered before the minimal escaper."""

    def make(con, filters: Filters, selection: Selection) -> str:
        with monkeypatch.context() as patch:
            patch.setattr(markdown_module, "esc", escape_every_mark)
            return brief_markdown(con, filters, selection)

    return make


def test_the_shipped_brief_has_at_most_one_backslash_per_1000_characters(con):
    markdown = brief_markdown(con, Filters(), Selection())
    assert markdown.count("\\") * 1000 <= len(markdown)
    for typed in ("16.1", "Sub-Saharan", "(GNSC)", "agenda-setting", "UN-Habitat's"):
        assert typed in markdown


def test_the_brief_renders_exactly_as_the_fully_escaped_brief(con, fully_escaped):
    selection = Selection(excluded=("difference-4",), notes={"how": "Keep\nthis", "x": "y"})
    for filters in (Filters(), Filters(cities=("bogota",))):
        minimal = brief_markdown(con, filters, selection)
        full = fully_escaped(con, filters, selection)
        assert minimal.count("\\") < full.count("\\") / 10
        assert rendered(minimal) == rendered(full)


@pytest.mark.parametrize("note", HOSTILE)
def test_hostile_notes_render_as_the_fully_escaped_brief_and_stay_text(con, fully_escaped, note):
    selection = Selection(notes={"commonality-1": note, "how": note})
    minimal = brief_markdown(con, Filters(), selection)
    assert rendered(minimal) == rendered(fully_escaped(con, Filters(), selection))
    assert " ".join(note.split()) in text_content(minimal)


@settings(max_examples=400, deadline=None)
@given(
    data=st.lists(
        st.sampled_from(
            list("\\`*_{}[]()#+-.!|~>$:=<&;@/aA1 \n\t")
            + ["www.", "http://", ":red[", "&amp;", "1.", "---", "é", "“"]
        ),
        max_size=12,
    ).map("".join),
    context=st.sampled_from(CONTEXTS),
)
def test_minimal_escaping_renders_like_full_escaping_wherever_the_brief_puts_text(data, context):
    minimal = rendered(context.format(text.escape_markdown(data)))
    assert minimal == rendered(context.format(escape_every_mark(data)))


def test_each_key_points_passage_appears_once(con):
    markdown = brief_markdown(con, Filters(), Selection())
    seen = text_content(markdown)
    points = items.selected_points(con, Filters(), Selection())
    for row in points[points.kind == "key_point"].itertuples():
        assert seen.count(" ".join(row.source_passage.split())) == 1, row.id
    for passage in set(points[points.kind == "framing"].source_passage):
        assert seen.count(" ".join(passage.split())) == 1


def test_every_key_point_and_presenter_carries_its_cite_as_line(con):
    markdown = brief_markdown(con, Filters(), Selection())
    report = citation.reports(queries.citation_facts(con, Filters()))["twg-2015-bogota"]
    points = items.selected_points(con, Filters(), Selection())
    key_points = markdown.split("## Key points carried forward")[1].split("\n## ")[0]
    for row in points[points.kind == "key_point"].itertuples():
        section = key_points.split(f"#### {text.escape_markdown(items.item_label(row))}\n")[1]
        cite = section.split("- **Cite as:** ", 1)[1].split("\n", 1)[0]
        assert cite == text.escape_markdown(report.cite(row.source_section))
    presenters = markdown.split("## Promising-practice speakers carried forward")[1]
    presenters = presenters.split("\n## ")[0]
    for name in PRESENTERS:
        item = presenters.split(f"- **{name}**", 1)[1].split("\n- ", 1)[0]
        assert "\n    - **Cite as:** " in item
        assert "section “Focus 1: Exchange of promising practices”" in item
    assert markdown.count("- **Cite as:** ") == 9 + 7 + 2  # key points, presenters, framing


def test_the_brief_ends_with_its_references(con):
    markdown = brief_markdown(con, Filters(), Selection())
    references = markdown.split("\n## References\n\n")[1]
    facts = queries.citation_facts(con, Filters())
    expected = [
        citation.reports(facts)["twg-2015-bogota"].cite(),
        citation.dataset(facts),
        "Transforming our world: the 2030 Agenda for Sustainable Development (A/RES/70/1)",
    ]
    assert references == "".join(f"- {text.escape_markdown(r)}\n" for r in expected)


def test_no_internal_ids_in_the_brief_headings(con):
    markdown = brief_markdown(con, Filters(), Selection())
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert not [h for h in headings if re.search(r"commonality-|difference-|`", h)]
    assert "#### Many urban safety initiatives focus only at the…" in headings


def test_a_key_point_whose_text_its_passage_lacks_quotes_both():
    # Validation refuses such data (the verbatim check); the brief still never hides a
    # passage behind a text that differs from it, e.g. by the report's emphasis marks.
    Row = namedtuple("Row", "text source_passage")
    inside = Row("long term approaches.", "Consensus - long term approaches.")
    assert point_quote(inside) == ("Consensus - long term approaches.", "")
    emphasised = Row("the *how* of it", "the how of it")
    assert point_quote(emphasised) == ("the *how* of it", "the how of it")


def test_with_two_meetings_groups_are_named_by_meeting_not_by_id(second_meeting_dir, tmp_path):
    db = tmp_path / "two.duckdb"
    assert build_database(second_meeting_dir.path, db) == []
    with connect(db) as con:
        markdown = brief_markdown(con, Filters(), Selection())
    # Each meeting's group is headed as its own report heads it: the synthetic report has no
    # sub-heading for its commonalities, so the category's label stands in.
    assert "### Commonalities between urban safety and peacebuilding (Meeting 2, Bogotá, " in (
        markdown
    )
    assert "### Commonalities (Meeting 3, Geneva, " in markdown
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert not [h for h in headings if "twg-20" in h]
