"""Reading a report: lines into blocks (layout.py) and what is set aside as furniture
(furniture.py), with the rule that nothing of a report is lost in reading."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_DATA
from tests.importer import report_files
from twg_data.importer import draft_report
from twg_data.importer.furniture import repair_controls
from twg_data.importer.layout import text_blocks
from twg_data.importer.reader import read_report

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
REPORTS = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".docx", ".pdf"))


def kinds(blocks):
    return [(b.kind, b.text) for b in blocks]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A label and its value, a date line and an agenda line are passages, not headings.
        ("Venue: City Hall", [("paragraph", "Venue: City Hall")]),
        ("Moderator: Ana Ruiz, Oxfam", [("paragraph", "Moderator: Ana Ruiz, Oxfam")]),
        ("Geneva, March 3, 2017", [("paragraph", "Geneva, March 3, 2017")]),
        ("10.15 Opening remarks", [("paragraph", "10.15 Opening remarks")]),
        # A short unpunctuated line alone is a heading; so is an ALL-CAPS title over two lines.
        ("Background", [("heading", "Background")]),
        (
            "RENCONTRE DES VILLES\nPOUR LA PRÉVENTION",
            [("heading", "RENCONTRE DES VILLES POUR LA PRÉVENTION")],
        ),
        # Names one per line under a lead-in are its list.
        (
            "Panelists\nJuma Assiago, UN-Habitat\nMariam Koné, Saferworld",
            [
                ("paragraph", "Panelists"),
                ("item", "Juma Assiago, UN-Habitat"),
                ("item", "Mariam Koné, Saferworld"),
            ],
        ),
        # Word's bullet glyphs and other markers open items.
        (
            "\uf0b7 First point\n• Second point\n▪ Third point",
            [("item", "First point"), ("item", "Second point"), ("item", "Third point")],
        ),
        # A heading underlined with = or - signs.
        (
            "Purpose\n-------\n\nText follows here.",
            [("heading", "Purpose"), ("paragraph", "Text follows here.")],
        ),
    ],
)
def test_what_a_line_is(text, expected):
    assert kinds(text_blocks(text)) == expected


def test_a_hard_wrapped_paragraph_is_joined_but_list_entries_are_not():
    lines = ["The workshop asked whether, and how, the model can work in fast-growing urban"]
    lines += ["neighbourhoods, and what city councils can do to support committees without"]
    lines += ["controlling them. It also looked at the police."]
    lines += ["x" * 70] * 6  # enough lines for the wrap width to be read
    text = "\n".join(lines) + "\n\nAna Ruiz, Director of Planning, Municipality of Quito, Quito\n"
    text += "Luis Gómez, Head of Research, University of the Andes, Bogotá\n"
    blocks = text_blocks(text)
    assert blocks[0].text.startswith("The workshop asked") and "neighbourhoods" in blocks[0].text
    assert [b.text for b in blocks[-2:]] == [
        "Ana Ruiz, Director of Planning, Municipality of Quito, Quito",
        "Luis Gómez, Head of Research, University of the Andes, Bogotá",
    ]


def test_a_fixed_width_table_is_read_by_its_header():
    text = (
        "S/N  NAME                 ORGANISATION                  LOCATION\n"
        "1.   BELLO, Musa          Oyo State Ministry of Justice  Ibadan\n"
        "2.   OGUNLEYE, Adebisi    University of Ibadan           Ibadan\n"
    )
    header, *rows = text_blocks(text)
    assert (header.kind, header.text, header.cells) == (
        "row",
        "S/N | NAME | ORGANISATION | LOCATION",
        {},
    )  # the header's words are a passage too
    assert [b.kind for b in rows] == ["row", "row"]
    assert rows[0].cells == {
        "S/N": "1.",
        "NAME": "BELLO, Musa",
        "ORGANISATION": "Oyo State Ministry of Justice",
        "LOCATION": "Ibadan",
    }


def test_control_characters_of_a_misdecoded_source_are_repaired_or_removed():
    text, notes = repair_controls("\x93quoted\x94 \x96 dash\x81")
    assert text == "“quoted” – dash"
    assert [note.english for note in notes] == [
        "1 control character(s) U+0093 -> “ (Windows-1252)",
        "1 control character(s) U+0094 -> ” (Windows-1252)",
        "1 control character(s) U+0096 -> – (Windows-1252)",
        "1 control character(s) U+0081 removed (no character it stands for)",
    ]


def test_a_yaml_block_is_metadata_and_its_title_heads_the_report():
    document = read_report(
        "notes.md",
        b'---\ntitle: "Peer exchange on policing"\ndate: 2017-04-27\n---\n\n## Summary\n\nText.\n',
    )
    assert document.metadata == {"title": "Peer exchange on policing", "date": "2017-04-27"}
    assert kinds(document.blocks)[0] == ("heading", "Peer exchange on policing")
    assert {f.why for f in document.furniture} == {"YAML front matter (read as metadata)"}


def test_web_page_furniture_is_set_aside_with_its_reason():
    text = (
        "Skip to main content\n\nHome\nAbout us\nEvents\nContact\n\n"
        "Home › Events › A panel\n\nThis website uses cookies to improve your experience.\n\n"
        "A panel on safer cities\n\nConcept note (PDF, 210 KB)\n\n"
        "© 2016 The Centre. All rights reserved.\n"
    )
    document = read_report("page.txt", text.encode())
    reasons = {f.text: f.why for f in document.furniture}
    assert reasons["Skip to main content"] == "web page furniture"
    assert reasons["Events"] == "a web page's navigation menu"
    assert reasons["Home › Events › A panel"] == "web page furniture"
    assert reasons["This website uses cookies to improve your experience."] == "a cookie notice"
    assert reasons["Concept note (PDF, 210 KB)"] == "web page furniture"
    assert kinds(document.blocks) == [("heading", "A panel on safer cities")]


def test_a_pdfs_page_numbers_and_running_header_are_furniture_and_a_paragraph_goes_on():
    pages = [
        ["Expert meeting report", "", "The meeting discussed the city and", "its police.", "", "1"],
        ["Expert meeting report", "", "Recommendations", "", "- Cities should act.", "", "2"],
        ["Expert meeting report", "", "Participants", "", "1. Ana Ruiz, Oxfam", "", "3"],
    ]
    document = read_report("r.pdf", report_files.text_pdf(pages))
    reasons = sorted((f.text, f.why) for f in document.furniture)
    assert ("Expert meeting report", "running header or footer (on 3 pages)") in reasons
    assert {text for text, reason in reasons if reason == "page number"} == {"1", "2", "3"}
    assert ("paragraph", "The meeting discussed the city and its police.") in kinds(document.blocks)


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_nothing_of_a_report_is_lost_every_line_is_a_passage_a_heading_or_furniture(path):
    draft = draft_report(path.name, path.read_bytes(), "corpus-x", SHIPPED_DATA)
    kept = " ".join(
        [p.text for p in draft.passages]
        + [s for p in draft.passages for s in p.section.split(": ")]
        + [f.text for f in draft.furniture]
    )
    kept = _words(kept)
    missing = [
        line
        for line in draft.document.text.splitlines()
        if line.strip() and not _words(_MARKER.sub("", line)) <= kept and not _layout_only(line)
    ]
    assert missing == []


# A list item's marker: not a word of the report's text ('b)', 'ii.', '3.', '•').
_MARKER = re.compile(r"^\s*(?:[-*•▪–\uf0b7]|\d{1,5}[.)]|\(?[a-z]\)|\(?[ivx]{1,4}[.)])\s+")


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", text.replace("*", "").casefold()))


def _layout_only(line: str) -> bool:
    """Markup that holds no words (table rules, list markers, a Markdown heading's #)."""
    return not _words(line) or bool(re.fullmatch(r"[\s|:\-=#*_]+", line))
