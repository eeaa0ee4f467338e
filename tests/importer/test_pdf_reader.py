"""A PDF's pages as lines of text in reading order: a page set in two columns is read column
by column (a line across both, as a title, stays where it is), a table without rules row by
row, as a table when a row names its columns."""

from __future__ import annotations

import textwrap

from tests.conftest import SHIPPED_DATA
from tests.importer import report_files
from twg_data.importer import draft_report
from twg_data.importer.reader import read_report

LEFT, RIGHT, LEADING = 50, 310, 13

OPENING = (
    "The forum opened with a minute of silence for the victims of the floods. The mayor "
    "recalled that the city had adopted its safety strategy three years earlier and that "
    "the ward committees had met every month since then, in every ward of the city."
)
PARTICIPANTS = [
    "1. Amina Said, Mombasa County",
    "2. Peter Otieno, Saferworld",
    "3. Grace Wanjiru, UN-Habitat",
    "4. Hassan Ali, Kilifi County",
]
CLOSING = (
    "In closing, the chair thanked the hosts and asked the secretariat to circulate the "
    "draft action plan to every member before the end of the month, with a date for the "
    "next meeting of the forum in Malindi."
)


def column(x: float, top: float, lines: list[str]) -> list[tuple[float, float, str]]:
    return [(x, top + LEADING * i, line) for i, line in enumerate(lines)]


def wrapped(text: str) -> list[str]:
    return textwrap.wrap(text, 44)  # about 220 points of 10 pt Helvetica: to the lane


def lines_of(data: bytes) -> list[str]:
    """The texts of the report's blocks (headings, paragraphs, items, rows) in order."""
    return [block.text for block in read_report("report.pdf", data).blocks]


def test_a_page_in_two_columns_is_read_column_by_column_below_a_title_across_both():
    title = (150, 60, "Report of the Coast Safer Streets Forum, Mombasa")
    left = column(LEFT, 100, ["Opening", *wrapped(OPENING)])
    right = column(RIGHT, 106, ["Participants", *PARTICIPANTS, *wrapped(CLOSING)])
    lines = lines_of(report_files.placed_pdf([[title, *left, *right]]))
    assert lines[0] == "Report of the Coast Safer Streets Forum, Mombasa"
    opening, participants = lines.index("Opening"), lines.index("Participants")
    # The left column's paragraph is one paragraph, whole, before the right column.
    assert lines[opening + 1] == OPENING
    assert opening < participants
    assert lines[participants + 1 : participants + 5] == [p[3:] for p in PARTICIPANTS]
    assert lines[participants + 5] == CLOSING
    # No line joins the two columns.
    assert not [line for line in lines if "Said" in line and "forum" in line.lower()]


def test_a_line_across_the_page_between_two_column_parts_keeps_its_place():
    upper_left = column(LEFT, 100, wrapped(OPENING))
    upper_right = column(RIGHT, 100, wrapped(CLOSING))
    middle = (LEFT, 200, "Annex: the participants, as the secretariat registered them at the door")
    lower_left = column(LEFT, 230, PARTICIPANTS[:2] + wrapped(OPENING)[:3])
    lower_right = column(RIGHT, 230, PARTICIPANTS[2:] + wrapped(CLOSING)[:3])
    page = [*upper_left, *upper_right, middle, *lower_left, *lower_right]
    lines = lines_of(report_files.placed_pdf([page]))
    order = [
        lines.index(OPENING),
        lines.index(CLOSING),
        lines.index(middle[2]),
        lines.index(PARTICIPANTS[0][3:]),
        lines.index(PARTICIPANTS[2][3:]),
    ]
    assert order == sorted(order)


def test_a_table_of_two_columns_without_rules_is_read_row_by_row():
    names = ["Amina Said", "Peter Otieno", "Grace Wanjiru", "Hassan Ali", "Mary Achieng"] * 4
    places = ["Mombasa County", "Saferworld", "UN-Habitat", "Kilifi County", "Kwale"] * 4
    rows = [
        item
        for i, (name, place) in enumerate(zip(names, places, strict=True))
        for item in ((LEFT, 100 + LEADING * i, name), (RIGHT, 100 + LEADING * i, place))
    ]
    lines = lines_of(report_files.placed_pdf([rows]))
    # No row names the columns: each row is a line of its own, in the page's order.
    assert lines[:3] == [
        "Amina Said Mombasa County",
        "Peter Otieno Saferworld",
        "Grace Wanjiru UN-Habitat",
    ]
    header = [(LEFT, 87, "Name"), (RIGHT, 87, "Organization")]
    lines = lines_of(report_files.placed_pdf([header + rows]))
    assert lines[:3] == [
        "Name | Organization",
        "Amina Said | Mombasa County",
        "Peter Otieno | Saferworld",
    ]


def test_an_agenda_set_out_in_two_columns_keeps_every_item_as_a_session():
    items = [
        ("09:00 – 09:30", "Registration and coffee"),
        ("09:30 – 10:30", "Opening session: cities and peace"),
        ("10:30 – 11:00", "Tea break"),
        ("11:00 – 12:30", "Panel on community policing"),
    ]
    page = [(LEFT, 50, "Report of the Coast Safer Streets Forum, Mombasa, 12 May 2019")]
    page += [*column(LEFT, 100, wrapped(OPENING)), (LEFT, 200, "Programme")]
    for i, (time, title) in enumerate(items):
        page += [(LEFT, 230 + LEADING * i, time), (160, 230 + LEADING * i, title)]
    draft = draft_report("agenda.pdf", report_files.placed_pdf([page]), "x-test", SHIPPED_DATA)
    sessions = [(r["start_time"], r["end_time"], r["title"]) for r in draft.rows["sessions"]]
    assert sessions == [(time[:5], time[-5:], title) for time, title in items]


def test_a_participants_table_set_out_without_rules_drafts_its_people():
    people = [
        ("Name", "Organization", "Country"),
        ("Amina Said", "Mombasa County Government", "Kenya"),
        ("Peter Otieno", "Saferworld", "Kenya"),
        ("Grace Wanjiru", "Kenya Private Sector Alliance", "Kenya"),
        ("Joseph Massawe", "REPOA", "Tanzania"),
    ]
    top = 250
    rows = [
        item
        for i, row in enumerate(people)
        for item in zip((LEFT, 200, 420), [top + 2 * LEADING * i] * 3, row, strict=True)
    ]
    # A long organization wraps onto the next line, under its own column.
    rows.append((200, top + 2 * LEADING * 2 + LEADING, "(Nairobi office)"))
    opening = column(LEFT, 100, wrapped(OPENING))
    page = [(LEFT, 50, "Report of the Coast Safer Streets Forum"), *opening]
    page += [(LEFT, top - 2 * LEADING, "Participants"), *rows]
    draft = draft_report("annex.pdf", report_files.placed_pdf([page]), "x-test", SHIPPED_DATA)
    names = {row["person_id"]: row["name"] for row in draft.rows.get("people", [])}
    organizations = {row["organization_id"]: row["name"] for row in draft.rows["organizations"]}
    drafted = {
        names[row["person_id"]]: organizations.get(row["organization_id"], row["organization_id"])
        for row in draft.rows.get("participants", [])
    }
    assert drafted == {
        "Amina Said": "Mombasa County Government",
        "Peter Otieno": "Saferworld (Nairobi office)",
        "Grace Wanjiru": "Kenya Private Sector Alliance",
        "Joseph Massawe": "REPOA",
    }


def test_a_page_of_one_column_is_read_line_by_line():
    text = wrapped(OPENING + " " + CLOSING)
    lines = lines_of(report_files.placed_pdf([column(LEFT, 100, text)]))
    assert lines == [" ".join(text)]
