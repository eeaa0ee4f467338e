"""The brief's "Workshop priorities" section: in every format (Markdown, Word, CSV, pack),
after the report's content and apart from it, cited as the workshop's; a point raised in the
room and a comment keep their markup literal; without a workshop the brief is unchanged."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from docx import Document

from twg_data import i18n
from twg_data.brief import formats
from twg_data.brief.items import Selection
from twg_data.brief.priorities import Priorities
from twg_data.filters import Filters
from twg_data.workshop import results
from twg_data.workshop import store as ws

ROOM_POINT = "Street lighting **now** <script>alert(1)</script>"
PRIORITIES = Priorities(
    title="Room A",
    held_on="2026-05-28",
    method="dots",
    participants=7,
    closed=True,
    points=(("Youth first", "report", 12, 5), (ROOM_POINT, "room", 4, 2)),
    comments=("[link](http://x.example) # not a heading",),
)
WITH = Selection(priorities=PRIORITIES)


def test_the_markdown_brief_carries_the_section_after_the_reports_content_literally(con):
    text = formats.render("md", con, Filters(), WITH).decode("utf-8")
    before = formats.render("md", con, Filters(), Selection()).decode("utf-8")
    heading = text.index("## Workshop priorities")
    assert text.index("## SDG targets referenced") < heading < text.index("## How this brief")
    section = text[heading : text.index("## How this brief")]
    assert "not stated in the report" in section
    assert "1. Youth first: 12 dots from 5 participants" in section
    assert "\\*\\*now\\*\\*" in section and "&lt;script>" in section  # literal, not markup
    assert "Cite as:** Workshop “Room A”, 2026-05-28: participants' votes (Dot voting)." in section
    assert "Workshop priorities" not in before
    assert text.replace(section, "") == before  # the rest of the brief is unchanged


def test_the_word_brief_carries_the_section_with_its_citation(con):
    document = Document(io.BytesIO(formats.render("docx", con, Filters(), WITH)))
    paragraphs = [p.text for p in document.paragraphs]
    start = paragraphs.index("Workshop priorities")
    assert paragraphs.index("How this brief was made") > start
    section = "\n".join(paragraphs[start : paragraphs.index("How this brief was made")])
    assert ROOM_POINT in section and "Participants who voted: 7" in section
    assert "Cite as: Workshop “Room A”" in section


def test_the_csv_brief_adds_a_row_per_point_of_kind_workshop_priority(con):
    rows = list(
        csv.DictReader(io.StringIO(formats.render("csv", con, Filters(), WITH).decode("utf-8-sig")))
    )
    voted = [r for r in rows if r["kind"] == "workshop_priority"]
    assert [r["heading"] for r in voted] == ["Youth first", ROOM_POINT]
    assert all(r["source_section"].startswith("Workshop “Room A”") for r in voted)


def test_the_pack_holds_the_section_in_each_brief(con):
    pack = zipfile.ZipFile(io.BytesIO(formats.render("zip", con, Filters(), WITH)))
    assert "## Workshop priorities" in pack.read("brief.md").decode("utf-8")
    assert b"workshop_priority" in pack.read("brief.csv")


def test_the_section_is_in_spanish_with_the_brief(con):
    with i18n.use("es"):
        text = formats.render("md", con, Filters(), WITH).decode("utf-8")
    assert "## Prioridades del taller" in text


@pytest.mark.parametrize("method", ["dots", "priority"])
def test_a_workshops_results_rank_its_points_highest_first(con, tmp_path, method):
    store = ws.open_store(str(tmp_path / "w.sqlite3"))
    refs = ["twg-2015-bogota/commonality-1", "twg-2015-bogota/commonality-2"]
    workshop = store.create(
        meeting_id="twg-2015-bogota", title="T", method=method, dots=5, refs=refs
    )
    store.open_voting(workshop.id)
    store.add_room_point(workshop.id, "From the floor")
    token = store.join(workshop.id)
    store.submit(workshop.id, token, {"room-3": 3, refs[1]: 1})
    shown = results.point_rows(con, workshop.meeting_id, tuple(store.points(workshop.id)))
    found = results.priorities(
        store.workshop(workshop.id), shown, store.totals(workshop.id), store.voters(workshop.id), []
    )
    assert [(p[1], p[2]) for p in found.points] == [("room", 3), ("report", 1), ("report", 0)]
    assert found.points[0][0] == "From the floor" and found.participants == 1
    store.close()
