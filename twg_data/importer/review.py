"""REVIEW.md: every drafted row beside the passage it came from, and what is left to decide."""

from __future__ import annotations

from twg_data.importer.draft import Draft, table_columns
from twg_data.importer.tagging import described
from twg_data.schema import TABLES
from twg_data.text import escape_markdown

# Shown first, in this order; the sources table is the passages themselves.
ORDER = [t.name for t in TABLES if t.name != "sources"]


def _cell(value: str) -> str:
    """A value as a table cell of REVIEW.md, shown as written (never as markup)."""
    return escape_markdown(value) or "·"


def _curator_sections(draft: Draft) -> list[str]:
    """The suggestions to tag, what the curator tagged, and what reading set aside."""
    lines = ["", "## Suggestions to tag", ""]
    if draft.hints:
        lines += ["| passage | may be | because of | text |", "|---|---|---|---|"]
        for hint in draft.hints:
            what = f"{hint.kind.replace('_', ' ')}: {hint.value}"
            lines.append(
                f"| `{hint.source_id}` | {_cell(what)} | {_cell(hint.words)} "
                f"| {_cell(draft.passage(hint.source_id))} |"
            )
    else:
        lines.append("None.")
    lines += ["", "## Tagged by the curator", ""]
    lines += [
        f"- `{found.source_id}`: {_cell(described(draft, found))}" for found in draft.tags.values()
    ] or ["Nothing yet."]
    lines += ["", f"## Set aside as page furniture ({len(draft.furniture)})", ""]
    lines += [f"- {_cell(item.reason)}: {_cell(item.text)}" for item in draft.furniture] or [
        "Nothing: every line of the report is in a passage or names a section."
    ]
    if draft.document.notes:
        lines += ["", "## Repaired while reading", ""]
        lines += [f"- {_cell(note)}" for note in draft.document.notes]
    return lines


def review_markdown(draft: Draft) -> str:
    """REVIEW.md: what the import drafted, its hints and what it set aside, for the curator."""
    counts = draft.counts()
    lines = [
        f"# Review: {draft.meeting_id}",
        "",
        f"Drafted from `{draft.document.name}`: "
        + ", ".join(f"{n} {table}" for table, n in counts.items())
        + ".",
        "",
        "Nothing here is in the live data until it is applied "
        "(`python -m twg_data apply FOLDER`, or Apply on the Curate page).",
        "",
        "## Identities to decide",
        "",
    ]
    if draft.suggestions:
        lines += ["| drafted as new | may be the same as | score |", "|---|---|---|"]
        for s in draft.suggestions:
            lines.append(
                f"| {s.table}: `{s.drafted_id}` {_cell(s.drafted_name)} "
                f"| `{s.existing_id}` {_cell(s.existing_name)} | {s.score} |"
            )
        lines += ["", "Each stays a new row unless the curator confirms it is the same."]
    else:
        lines.append("None: every name is either new or an exact match of the data.")
    lines += ["", "## Values left to the curator", ""]
    if draft.decisions:
        lines += ["| table | row | column | why |", "|---|---|---|---|"]
        for d in draft.decisions:
            lines.append(f"| {d.table} | {_cell(d.key)} | {d.column} | {_cell(d.why)} |")
    else:
        lines.append("None.")
    lines += _curator_sections(draft)
    for table, changes in draft.changes.items():
        lines += ["", f"## Changed rows: {table}", ""]
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
        lines += ["", f"## {table} ({len(rows)})", "", "| " + " | ".join(columns) + " | passage |"]
        lines.append("|" + "---|" * (len(columns) + 1))
        for row in rows:
            passage = draft.passage(row.get("source_id", ""))
            lines.append(
                "| " + " | ".join(_cell(row[c]) for c in columns) + f" | {_cell(passage)} |"
            )
    lines += ["", f"## Passages ({len(draft.passages)})", ""]
    for passage in draft.passages:
        lines.append(f"- `{passage.source_id}` ({_cell(passage.section)}): {_cell(passage.text)}")
    return "\n".join(lines) + "\n"
