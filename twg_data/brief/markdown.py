"""The agenda brief as Markdown that also reads as plain text: `brief_markdown`.

Data text goes through the pages' one escaping function (`text.escape_markdown`), which
escapes only what would be markup, so the file reads as plain text too. No timestamps: the
same data, filters and selection give the same bytes.
"""

from __future__ import annotations

from twg_data.brief import priorities
from twg_data.brief.content import (
    INDENT,
    INTRO,
    PARTICIPATION_NOTE,
    PRESENTERS_NOTE,
    TARGETS_NOTE,
    TITLE,
    Content,
    brief_content,
    by_category,
    by_passage,
    made_notes,
    passage_adds_to,
    point_quote,
    section,
    target_rows,
    unique_targets,
)
from twg_data.brief.items import Selection, item_label
from twg_data.filters import Filters
from twg_data.i18n import _, labelled
from twg_data.queries import Connection
from twg_data.text import escape_markdown as esc


def _md_pair(label: str, value: str, indent: str = "") -> str:
    return f"{indent}- **{labelled(esc(label))}** {esc(value)}"


def _md_quote(text: object) -> str:
    return f"“{esc(text)}”"


def _md_note(note: str, indent: str) -> list[str]:
    """A note as Markdown lines under a list item, its line breaks kept as hard breaks."""
    lines = [line for line in (esc(line) for line in note.split("\n")) if line]
    if not lines:
        return []
    body = f"  \n{indent}  ".join(lines)
    return [f"{indent}- **" + labelled(_("Note")) + f"** {body}"]


def _md_cite(content: Content, row, indent: str = "") -> str:
    return f"{indent}- **" + labelled(_("Cite as")) + f"** {esc(content.cite(row))}"


def md_filters(content: Content) -> list[str]:
    """The filters in force as Markdown list lines (the brief's and the pack README's)."""
    if not content.filters:
        return [
            "- **" + labelled(_("Filters")) + "** " + _("none; everything in the data is included.")
        ]
    return [
        "- **" + labelled(_("Filters")) + "**",
        *(_md_pair(label, v, INDENT) for label, v in content.filters),
    ]


def md_left_out(content: Content) -> str:
    """What the facilitator left out, escaped and comma-separated (`nothing` if none)."""
    return ", ".join(esc(item) for item in content.left_out) or _("nothing")


def _md_meetings(content: Content) -> list[str]:
    heading = _("The meeting") if len(content.meetings) == 1 else _("The meetings")
    lines = ["## " + heading, ""]
    if not content.meetings:
        return [*lines, _("No meeting matches the filters."), ""]
    for m in content.meetings:
        lines += [f"### {esc(m.heading)}", ""]
        lines += [_md_pair(label, value) for label, value in m.facts]
        if m.objectives:
            lines.append("- **" + labelled(_("The meeting's objectives")) + "**")
            lines += [f"{INDENT}- {esc(o)}" for o in m.objectives]
        lines += [_md_pair(_("Cite the report as"), m.citation), ""]
    return lines


def _md_participation(content: Content) -> list[str]:
    p = content.participation
    lines = ["## " + _("Who took part"), "", _(PARTICIPATION_NOTE), ""]
    lines += [_md_pair(label, value) for label, value in p.facts]
    for counts in p.counts:
        shown = "; ".join(f"{name}: {people}" for name, people in counts.groups)
        lines.append(_md_pair(counts.label, shown or _("none under these filters")))
    lines += ["", _("Absent under these filters (no named participant):"), ""]
    lines += [_md_pair(label, value) for label, value in p.absent]
    return [*lines, ""]


def _md_key_points(content: Content) -> list[str]:
    points = content.points["key_point"]
    lines = [f"## {section('key_point')}", ""]
    if points.empty:
        return [*lines, _("None selected."), ""]
    for meeting_id, title, group in by_category(points, content):
        lines += [f"### {esc(title)}", ""]
        for row in group.itertuples():
            lines += [f"#### {esc(item_label(row))}", ""]
            quote, passage = point_quote(row)
            lines += [f"> {esc(quote)}", ""]
            if passage:
                lines.append(_md_pair(_("Source passage"), passage))
            mine = target_rows(content, meeting_id, row.id)
            if not mine.empty:
                lines.append(
                    "- **" + _("SDG targets it bears on") + "** " + _("(curation, not the report):")
                )
                lines += [
                    f"{INDENT}- " + labelled(f"**{esc(t.target)}**") + f" {esc(t.rationale)}"
                    for t in mine.itertuples()
                ]
            lines += [*_md_note(row.note, ""), _md_cite(content, row), ""]
    return lines


def _md_framing(content: Content) -> list[str]:
    points = content.points["framing"]
    lines = [f"## {section('framing')}", ""]
    if points.empty:
        return [*lines, _("None selected."), ""]
    for _meeting_id, title, group in by_category(points, content):
        lines += [f"### {esc(title)}", ""]
        for first, rows in by_passage(group):
            lines += [f"> {esc(first.source_passage)}", ""]
            for row in rows.itertuples():
                lines.append(f"- **{labelled(esc(item_label(row)))}** {_md_quote(row.text)}")
                lines += _md_note(row.note, INDENT)
            lines += [_md_cite(content, first), ""]
    return lines


def _md_presenters(content: Content) -> list[str]:
    points = content.points["presenter"]
    lines = [f"## {section('presenter')}", "", _(PRESENTERS_NOTE), ""]
    if points.empty:
        return [*lines, _("None selected (or none matches the filters)."), ""]
    for meeting_id, group in points.groupby(points.meeting_id, sort=False):
        if content.several_meetings:
            lines += [f"### {esc(content.reports[meeting_id].meeting)}", ""]
        for row in group.itertuples():
            shown = f"{row.heading}, {row.text}"
            lines.append(f"- **{esc(row.heading)}**, {esc(row.text)}")
            if passage_adds_to(row, shown):
                lines.append(_md_pair(_("From the report"), row.source_passage, INDENT))
            lines += [*_md_note(row.note, INDENT), _md_cite(content, row, INDENT)]
        lines.append("")
    return lines


def _md_targets(content: Content) -> list[str]:
    lines = [f"## {section('targets')}", ""]
    if content.targets.empty:
        return [*lines, _("None: no selected key point is mapped to an SDG target."), ""]
    lines += [_(TARGETS_NOTE), ""]
    lines += [
        "- "
        + labelled(f"**{esc(t.target)}** (" + _("Goal") + f" {t.goal})")
        + f" {_md_quote(t.target_text)}"
        for t in unique_targets(content).itertuples()
    ]
    return [*lines, ""]


def _md_workshop(content: Content) -> list[str]:
    found = content.priorities
    if found is None:
        return []
    lines = [f"## {_(priorities.HEADING)}", "", _(priorities.NOTE), ""]
    lines += [_md_pair(label, value) for label, value in priorities.facts(found)]
    lines += [""]
    lines += [
        f"{n}. {esc(priorities.point_line(found, *point))}"
        for n, point in enumerate(found.points, start=1)
    ]
    if found.comments:
        lines += ["", "**" + labelled(_("Comments from the room")) + "**", ""]
        lines += [f"- {_md_quote(comment)}" for comment in found.comments]
    return [*lines, "", "**" + labelled(_("Cite as")) + f"** {esc(priorities.citation(found))}", ""]


def _md_made(content: Content) -> list[str]:
    return [
        f"## {section('made')}",
        "",
        *md_filters(content),
        "- **" + labelled(_("Left out by the facilitator")) + f"** {md_left_out(content)}.",
        *(f"- {esc(note)}" for note in made_notes(content)),
        "",
    ]


def _md_references(content: Content) -> list[str]:
    return [
        f"## {section('references')}",
        "",
        *(f"- {esc(r)}" for r in content.references),
        "",
    ]


def brief_markdown(con: Connection, filters: Filters, selection: Selection) -> str:
    """The brief as Markdown that also reads as plain text: the meeting, who took part, the
    selected items with their passage once and a citation, provenance and references."""
    return render_markdown(brief_content(con, filters, selection))


def render_markdown(content: Content) -> str:
    """The brief's content laid out as Markdown."""
    lines = [
        f"# {_(TITLE)}",
        "",
        _(INTRO),
        "",
        *_md_meetings(content),
        *_md_participation(content),
        *_md_key_points(content),
        *_md_framing(content),
        *_md_presenters(content),
        *_md_targets(content),
        *_md_workshop(content),
        *_md_made(content),
        *_md_references(content),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"
