"""Hostile text: strings that a page drawing them unescaped would turn into HTML, links,
images, emphasis, headings, tables, icons, colours, emoji, formulas or tooltips; and a copy
of the data with them in every kind of text a page shows.

`hostile_data(folder)` writes the copy: the shipped data and the synthetic second meeting,
with each field of `FIELDS` (a key point's heading and text, its passage and section, people,
organization and city names, session titles, purposes, formats and rules, objectives,
framing, the meeting's stated facts, ...) replaced by the whole corpus, each field starting
with another entry (some constructs count only at the start of a line). Verbatim values are
added to the passage they cite, so `python -m twg_data validate` accepts the copy; names get
the corpus without line breaks and invisible characters, which validation rightly refuses
there. Every field ends with its own tag (`hostile-field-<name>`), so a test can find it.

A test then checks what the browser or AppTest shows: none of the constructs came to life,
and the text reads as written (`as_read`).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import SHIPPED_DATA, DataFolder, add_second_meeting
from twg_data.schema import TABLES_BY_NAME

CORPUS: tuple[str, ...] = (
    "<img src=x onerror=\"document.title='pwned'\"> <b>hostile html</b>",
    "<script>document.title='pwned'</script>",
    "[hostile link](https://evil.example/link) [ref][x]",
    "![hostile image](https://evil.example/image.png)",
    "**hostile bold** __hostile strong__ *hostile em* _hostile under_",
    ":material/skull: :material_skull: :material/home",
    ":red[hostile red] :blue-background[hostile background] :green-badge[hostile badge]",
    ":smile: :+1: :100:",
    ":streamlit:",
    "$x^2$ and $$y^3$$",
    "`hostile code`",
    "# hostile heading",
    "| hostile | table |\n|---|---|\n| a | b |",
    "> hostile quote",
    "- hostile item",
    "1. hostile number",
    "www.evil.example *www.evil.example http://evil.example/x hostile@evil.example",
    ":help[hostile tip] :small[hostile small]",
    "a -> b <- c -- d >= e",
    "~~hostile strike~~",
    "&lt;b&gt; &amp; &#60;",
    "$$\nz^4\n$$",
    "L" + "o" * 300 + "ng",
    "\u200fRTL mark, \u202eoverride\u202c end",
)
# What validation refuses in ids, names and codes (`validate.INVISIBLE_CHARACTERS`, line
# breaks): names get the corpus without them.
_NOT_IN_NAMES = re.compile("[\t\n\r\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069]")
_INVISIBLE = re.compile("[\u2060\u2068\u2069\u200f\u202a-\u202e]")

# (table, the row's key values, column): the text a page shows, one field each.
FIELDS: dict[str, tuple[str, dict[str, str], str]] = {
    "meeting-title": ("meetings", {"meeting_id": "twg-2015-bogota"}, "title"),
    "part-of": ("meetings", {"meeting_id": "twg-2015-bogota"}, "part_of"),
    "agenda-process": ("meetings", {"meeting_id": "twg-2015-bogota"}, "agenda_process"),
    "attendance": ("meetings", {"meeting_id": "twg-2015-bogota"}, "attendance_stated"),
    "city": ("cities", {"city_id": "bogota"}, "name"),
    "unmapped-city": ("cities", {"city_id": "abidjan"}, "name"),
    "person": ("people", {"person_id": "leoluca-orlando"}, "name"),
    "organization": ("organizations", {"organization_id": "un-habitat"}, "name"),
    "acronym": ("organizations", {"organization_id": "un-habitat"}, "acronym"),
    "facilitator": (
        "facilitators",
        {"meeting_id": "twg-2015-bogota", "organization_id": "un-habitat"},
        "name_as_stated",
    ),
    "session-title": (
        "sessions",
        {"meeting_id": "twg-2015-bogota", "session_id": "focus-1"},
        "title",
    ),
    "session-format": (
        "sessions",
        {"meeting_id": "twg-2015-bogota", "session_id": "focus-1"},
        "format",
    ),
    "format-rules": (
        "sessions",
        {"meeting_id": "twg-2015-bogota", "session_id": "focus-1"},
        "format_rules",
    ),
    "purpose": ("sessions", {"meeting_id": "twg-2015-bogota", "session_id": "focus-1"}, "purpose"),
    "speaker-title": (
        "speakers",
        {"meeting_id": "twg-2015-bogota", "session_id": "focus-1", "position": "1"},
        "title_as_stated",
    ),
    "objective-label": (
        "objectives",
        {"meeting_id": "twg-2015-bogota", "objective_id": "meeting-a"},
        "label",
    ),
    "objective": (
        "objectives",
        {"meeting_id": "twg-2015-bogota", "objective_id": "meeting-a"},
        "text",
    ),
    "category": ("key_point_categories", {"category": "commonality"}, "label"),
    "key-point-heading": (
        "key_points",
        {"meeting_id": "twg-2015-bogota", "key_point_id": "commonality-1"},
        "heading",
    ),
    "key-point": (
        "key_points",
        {"meeting_id": "twg-2015-bogota", "key_point_id": "commonality-1"},
        "text",
    ),
    "framing-label": ("framing", {"meeting_id": "twg-2015-bogota", "framing_id": "how"}, "label"),
    "framing": ("framing", {"meeting_id": "twg-2015-bogota", "framing_id": "how"}, "text"),
    "setting": (
        "framing",
        {"meeting_id": "twg-2015-bogota", "framing_id": "setting-conflict"},
        "label",
    ),
    "section": ("sources", {"source_id": "twg-2015-bogota-23"}, "section"),
    "passage": ("sources", {"source_id": "twg-2015-bogota-23"}, "passage"),
}

BOGOTA = "twg-2015-bogota"
# Each page (its link's parameters) and the hostile fields it shows as text.
SHOWN_ON: dict[str, tuple[dict[str, str], tuple[str, ...]]] = {
    "overview": (
        {"shown_meeting": BOGOTA},
        (
            "city",
            "part-of",
            "agenda-process",
            "attendance",
            "facilitator",
            "objective-label",
            "objective",
            "unmapped-city",
        ),
    ),
    "across_meetings": ({}, ("city",)),  # the meeting slider's options
    "participants": ({"city": "bogota"}, ("city",)),  # the filters line
    "sessions": (
        {"shown_meeting": BOGOTA},
        ("session-title", "session-format", "format-rules", "purpose", "person", "speaker-title"),
    ),
    "entry_points": (
        {"shown_meeting": BOGOTA},
        (
            "key-point-heading",
            "key-point",
            "section",
            "passage",
            "framing-label",
            "framing",
            "setting",
        ),
    ),
    "agenda_brief": (
        {"shown_meeting": BOGOTA},
        (
            "meeting-title",
            "part-of",
            "agenda-process",
            "attendance",
            "city",
            "person",
            "facilitator",
            "speaker-title",
            "objective-label",
            "objective",
            "key-point-heading",
            "key-point",
            "section",
            "passage",
            "framing-label",
            "framing",
            "setting",
        ),
    ),
    "data": ({"city": "bogota"}, ("city",)),
}


def tag(field: str) -> str:
    return f"hostile-field-{field}"


def hostile_text(field: str) -> str:
    """The corpus for one field: starting with another entry for each field, ending with its
    tag; without line breaks and invisible characters where validation refuses them."""
    start = list(FIELDS).index(field) % len(CORPUS)
    text = " ".join(CORPUS[start:] + CORPUS[:start]) + f" {tag(field)}"
    table, _key, column = FIELDS[field]
    if column in TABLES_BY_NAME[table].identifier_columns:
        text = " ".join(_NOT_IN_NAMES.sub(" ", text).split())
    return text


def as_read(text: str) -> str:
    """Text as a reader reads it: on one line, without invisible formatting characters (the
    escaper's word joiners and isolates, a text's own right-to-left marks and overrides)."""
    return " ".join(_INVISIBLE.sub("", text).split())


def _row(rows: list[dict[str, str]], key: dict[str, str]) -> dict[str, str]:
    (found,) = [row for row in rows if all(row[k] == v for k, v in key.items())]
    return found


def hostile_data(target: Path) -> dict[str, str]:
    """Write the hostile copy of the data to `target`; return each field's text."""
    folder = add_second_meeting(DataFolder(Path(shutil.copytree(SHIPPED_DATA, target))))
    texts = {field: hostile_text(field) for field in FIELDS}
    tables = {name: folder.rows(f"{name}.csv") for name, _key, _column in FIELDS.values()}
    tables.setdefault("sources", folder.rows("sources.csv"))
    passages = {row["source_id"]: row for row in tables["sources"]}
    for field, (name, key, column_name) in FIELDS.items():
        row = _row(tables[name], key)
        keep = row[column_name] if column_name == "passage" else None  # other rows cite it
        row[column_name] = f"{keep} {texts[field]}" if keep else texts[field]
    for field, (name, key, column_name) in FIELDS.items():
        row = _row(tables[name], key)
        column = TABLES_BY_NAME[name].column(column_name)
        if column.verbatim:  # the passage it cites quotes it too
            cited = passages[row[column.source_column or "source_id"]]
            cited["passage"] = f"{cited['passage']} {texts[field]}"
    cities = _row(tables["cities"], {"city_id": "abidjan"})
    cities["latitude"] = cities["longitude"] = ""  # listed under "Not on the map"
    for name, rows in tables.items():
        folder.write_rows(f"{name}.csv", folder.header(f"{name}.csv"), rows)
    return texts
