"""REVIEW.md: every drafted row beside the passage it came from, and what is left to decide.

Written in the run's language (`i18n.use`): its headings and sentences are marked `_()`, the
decisions' reasons are worded by `Decision.why`; the report's words, ids, table and column
names are quoted as they are."""

from __future__ import annotations

from twg_data.i18n import _, labelled
from twg_data.importer.draft import Draft, table_columns
from twg_data.importer.tagging import described
from twg_data.schema import TABLES
from twg_data.text import escape_markdown

# Shown first, in this order; the sources table is the passages themselves.
ORDER = [t.name for t in TABLES if t.name != "sources"]


def _cell(value: str) -> str:
    """A value as a table cell of REVIEW.md, shown as written (never as markup)."""
    return escape_markdown(value) or "·"


def _header(*labels: str) -> list[str]:
    """A table's header row and rule, its labels in the run's language."""
    return ["| " + " | ".join(labels) + " |", "|" + "---|" * len(labels)]


def _curator_sections(draft: Draft) -> list[str]:
    """The suggestions to tag, what the curator tagged, and what reading set aside."""
    lines = ["", "## " + _("Suggestions to tag"), ""]
    if draft.hints:
        lines += _header(_("passage"), _("may be"), _("because of"), _("text"))
        for hint in draft.hints:
            what = f"{hint.kind.replace('_', ' ')}: {hint.value}"
            lines.append(
                f"| `{hint.source_id}` | {_cell(what)} | {_cell(hint.words)} "
                f"| {_cell(draft.passage(hint.source_id))} |"
            )
    else:
        lines.append(_("None."))
    lines += ["", "## " + _("Tagged by the curator"), ""]
    lines += [
        f"- `{found.source_id}`: {_cell(described(draft, found))}" for found in draft.tags.values()
    ] or [_("Nothing yet.")]
    heading = _("Set aside as page furniture ({n})").format(n=len(draft.furniture))
    lines += ["", "## " + heading, ""]
    lines += [f"- {labelled(_cell(item.why))} {_cell(item.text)}" for item in draft.furniture] or [
        _("Nothing: every line of the report is in a passage or names a section.")
    ]
    if draft.document.notes:
        lines += ["", "## " + _("Repaired while reading"), ""]
        lines += [f"- {_cell(note.text)}" for note in draft.document.notes]
    return lines


def review_markdown(draft: Draft) -> str:
    """REVIEW.md: what the import drafted, its hints and what it set aside, for the curator."""
    counts = draft.counts()
    lines = [
        "# " + _("Review: {meeting_id}").format(meeting_id=draft.meeting_id),
        "",
        _("Drafted from `{name}`: {counts}.").format(
            name=draft.document.name,
            counts=", ".join(f"{n} {table}" for table, n in counts.items()),
        ),
        "",
        _(
            "Nothing here is in the live data until it is applied "
            "(`python -m twg_data apply FOLDER`, or Apply on the Curate page)."
        ),
        "",
        "## " + _("Identities to decide"),
        "",
    ]
    if draft.suggestions:
        lines += _header(_("drafted as new"), _("may be the same as"), _("score"))
        for s in draft.suggestions:
            lines.append(
                f"| {s.table}: `{s.drafted_id}` {_cell(s.drafted_name)} "
                f"| `{s.existing_id}` {_cell(s.existing_name)} | {s.score} |"
            )
        lines += ["", _("Each stays a new row unless the curator confirms it is the same.")]
    else:
        lines.append(_("None: every name is either new or an exact match of the data."))
    lines += ["", "## " + _("Values left to the curator"), ""]
    if draft.decisions:
        lines += _header(_("table"), _("row"), _("column"), _("why"))
        for d in draft.decisions:
            lines.append(f"| {d.table} | {_cell(d.key)} | {d.column} | {_cell(d.why)} |")
    else:
        lines.append(_("None."))
    lines += _curator_sections(draft)
    for table, changes in draft.changes.items():
        lines += ["", "## " + _("Changed rows: {table}").format(table=table), ""]
        for key, values in changes.items():
            lines.append(f"- `{key}`: " + ", ".join(f"{c} = {v}" for c, v in values.items()))
    for table in ORDER:
        rows = draft.rows.get(table, [])
        if not rows:
            continue
        columns = [
            c for c in table_columns(table) if not c.endswith("source_id") or c == "source_id"
        ]
        columns = [c for c in columns if c != "meeting_id"]
        lines += ["", f"## {table} ({len(rows)})", "", *_header(*columns, _("passage"))]
        for row in rows:
            passage = draft.passage(row.get("source_id", ""))
            lines.append(
                "| " + " | ".join(_cell(row[c]) for c in columns) + f" | {_cell(passage)} |"
            )
    lines += ["", "## " + _("Passages ({n})").format(n=len(draft.passages)), ""]
    for passage in draft.passages:
        lines.append(f"- `{passage.source_id}` ({_cell(passage.section)}): {_cell(passage.text)}")
    return "\n".join(lines) + "\n"
