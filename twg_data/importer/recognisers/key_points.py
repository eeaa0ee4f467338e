"""Key points: the items (or the sentences) under a heading that names a kind of point —
conclusions, recommendations, key messages, lessons learned, outcomes, way forward, next
steps, decisions, agreed actions, and their forms in the other languages reports are written
in (`forms/key_point_headings.csv`). A category the data does not hold yet is drafted from
`forms/categories.csv`, its translations left to the curator."""

from __future__ import annotations

import re

from twg_data.i18n import N_
from twg_data.importer import forms, when
from twg_data.importer.draft import Decision
from twg_data.importer.identity import normal
from twg_data.importer.passages import Section
from twg_data.importer.recognisers.context import Context

# A key point's own heading: 'Common objective: Urban safety ...' or 'Consensus ... - ...'.
_HEADED_POINT = re.compile(r"^([^:.]{2,100}?):\s+(\S.*)$")
_DASHED_POINT = re.compile(r"^([^:.]{2,80}?)\s+-\s+(\S.*)$")
_BOLD_POINT = re.compile(r"^\*\*([^*]{2,100}?)\*\*[:.]?\s+(\S.*)$")
HEADING_WORDS = (12, 8)  # at most this many words before the colon, before the dash
_ENUMERATED = re.compile(r"^(?:\(?[a-z]\)|\d{1,2}[.)])\s+")


def category_of(heading: str, tables: dict | None = None) -> str | None:
    """The category a heading names ('3. Recommendations' -> 'recommendation'), or None."""
    text = normal(re.sub(r"^[\dIVXivx]+[.)]?\s*", "", heading))
    if not text:
        return None
    padded = f" {text} "
    for form, category in forms.key_point_headings():
        if text == form or padded.startswith(f" {form} ") or padded.endswith(f" {form} "):
            return category
    if tables is not None:
        for row in tables["key_point_categories"]:
            for form in (row["label"], row["singular"]):
                if normal(form) and padded.startswith(f" {normal(form)} "):
                    return row["category"]
    return None


def groups(tables: dict):
    """`groups(heading)` for `passages.sections`: a heading that names a category stays under
    the parent heading before it ('Key points: Commonalities ...')."""
    return lambda heading: category_of(heading, tables) is not None


def run(context: Context) -> None:
    """Every key point listed under a heading of its category."""
    positions: dict[str, int] = {}
    for section in context.sections:
        category = category_of(section.title, context.tables)
        if category is None or _excluded(section):
            continue
        items = [p for p in section.passages if p.block.kind in ("item", "row")]
        points = items or [p for p in section.passages if not p.heading]
        for passage in points:
            add(context, category, passage.plain, passage.source_id, positions)
    _labelled(context, positions)


def _labelled(context: Context, positions: dict[str, int]) -> None:
    """Points outside a key-point section: a list under a lead-in that names the category
    ('Key messages from the two days:'), or a paragraph that opens with one ('What comes
    next: The secretariat will ...', its following sentences too)."""
    drafted = {row["source_id"] for row in context.draft.rows.get("key_points", [])}
    block, category = None, None
    for section in context.sections:
        if category_of(section.title, context.tables) is not None:
            continue
        for passage in section.passages:
            if passage.source_id in drafted or passage.heading:
                continue
            lead = passage.block.lead
            if passage.block.kind == "item" and lead:
                found = category_of(lead.rstrip(":"), context.tables)
                if found:
                    add(context, found, passage.plain, passage.source_id, positions)
                continue
            head, colon, rest = passage.plain.partition(":")
            found = category_of(head, context.tables) if colon and len(head.split()) <= 6 else None
            if found and rest.strip():
                block, category = passage.block, found
                add(context, found, rest.strip(), passage.source_id, positions)
            elif block is not None and passage.block is block:
                add(context, category, passage.plain, passage.source_id, positions)


def add(context: Context, category: str, text: str, source_id: str, positions=None) -> dict:
    """Draft one key point of this category from a passage (its heading split off)."""
    _ensure_category(context, category)
    if positions is None:
        positions = {}
        for row in context.draft.rows.get("key_points", []):
            positions[row["category"]] = max(
                positions.get(row["category"], 0), int(row["position"])
            )
    positions[category] = positions.get(category, 0) + 1
    heading, point = point_heading(_ENUMERATED.sub("", text))
    return context.draft.add(
        "key_points",
        meeting_id=context.meeting_id,
        key_point_id=f"{category}-{positions[category]}",
        category=category,
        position=positions[category],
        heading=heading,
        text=point,
        source_id=source_id,
    )


def _excluded(section: Section) -> bool:
    return forms.names_section(section.title, "participants") or bool(
        when.find_time_range(section.title)
    )


def point_heading(text: str) -> tuple[str, str]:
    """A key point's heading and text, where it opens with a short heading; else none."""
    bold = _BOLD_POINT.match(text)
    if bold:
        return bold[1].strip(), bold[2]
    for pattern, words in zip((_HEADED_POINT, _DASHED_POINT), HEADING_WORDS, strict=True):
        found = pattern.match(text)
        if found and len(found[1].split()) <= words:
            return found[1], found[2]
    return "", text


def _ensure_category(context: Context, category: str) -> None:
    """A category the data does not hold yet gets a row from `forms/categories.csv`."""
    draft = context.draft
    known = {row["category"] for row in context.tables["key_point_categories"]}
    known |= {row["category"] for row in draft.rows.get("key_point_categories", [])}
    if category in known:
        return
    new = forms.categories()[category]
    draft.add(
        "key_point_categories",
        category=category,
        position=len(known) + 1,
        label=new.label,
        singular=new.singular,
        description=new.description,
    )
    draft.decisions.append(
        Decision("key_point_categories", category, "description", N_("drafted: check it"))
    )
    draft.ask_translations("key_point_categories", category)
