"""The agenda brief: what a meeting produced, as a facilitator carries it forward.

`brief_content` gathers what a brief says from the database, the one `Filters` object and a
`Selection` (what to leave out, and a note per item); `brief_markdown` lays it out as
Markdown, `docx_brief.brief_docx` as Word, `brief_csv` as one row per item, and
`summary_pack` zips them with every summary. The app's Agenda brief page and
`python -m twg_data brief|pack` both call them, so the same inputs give the same bytes. Data
text inserted into Markdown goes through the pages' one escaping function
(`text.escape_markdown`), which escapes only what would be markup, so the file reads as plain
text too; CSV cells go through `export.to_csv_bytes`, which neutralises formulas. No
timestamps: output is deterministic.
"""

from __future__ import annotations

import csv
import io

from twg_data import citation, datapackage, dictionary, export
from twg_data.brief_content import (
    _INDENT,
    CSV_COLUMNS,
    INTRO,
    PARTICIPATION_NOTE,
    PRESENTERS_NOTE,
    SECTIONS,
    TARGETS_NOTE,
    TITLE,
    Content,
    Selection,
    brief_content,
    by_category,
    by_passage,
    item_label,
    made_notes,
    passage_adds_to,
    point_quote,
    selected_points,
    target_rows,
    unique_targets,
)
from twg_data.filters import Filters
from twg_data.i18n import N_, _, ngettext
from twg_data.queries import Connection
from twg_data.summaries import SUMMARIES
from twg_data.text import escape_markdown as esc

PACK_FILE_NAME = N_("twg-summary-pack.zip")


def section(key: str) -> str:
    """A section's heading (`brief_content.SECTIONS`) in the current language."""
    return _(SECTIONS[key])


def _md_pair(label: str, value: str, indent: str = "") -> str:
    return f"{indent}- **{esc(label)}:** {esc(value)}"


def _md_quote(text: object) -> str:
    return f"“{esc(text)}”"


def _md_note(note: str, indent: str) -> list[str]:
    """A note as Markdown lines under a list item, its line breaks kept as hard breaks."""
    lines = [line for line in (esc(line) for line in note.split("\n")) if line]
    if not lines:
        return []
    body = f"  \n{indent}  ".join(lines)
    return [f"{indent}- **" + _("Note") + f":** {body}"]


def _md_cite(content: Content, row, indent: str = "") -> str:
    return f"{indent}- **" + _("Cite as") + f":** {esc(content.cite(row))}"


def _md_filters(content: Content) -> list[str]:
    if not content.filters:
        return ["- **" + _("Filters") + ":** " + _("none; everything in the data is included.")]
    return [
        "- **" + _("Filters") + ":**",
        *(_md_pair(label, v, _INDENT) for label, v in content.filters),
    ]


def _md_left_out(content: Content) -> str:
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
            lines.append("- **" + _("The meeting's objectives") + ":**")
            lines += [f"{_INDENT}- {esc(o)}" for o in m.objectives]
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
                    f"{_INDENT}- **{esc(t.target)}**: {esc(t.rationale)}" for t in mine.itertuples()
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
                lines.append(f"- **{esc(item_label(row))}:** {_md_quote(row.text)}")
                lines += _md_note(row.note, _INDENT)
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
                lines.append(_md_pair(_("From the report"), row.source_passage, _INDENT))
            lines += [*_md_note(row.note, _INDENT), _md_cite(content, row, _INDENT)]
        lines.append("")
    return lines


def _md_targets(content: Content) -> list[str]:
    lines = [f"## {section('targets')}", ""]
    if content.targets.empty:
        return [*lines, _("None: no selected key point is mapped to an SDG target."), ""]
    lines += [_(TARGETS_NOTE), ""]
    lines += [
        f"- **{esc(t.target)}** (" + _("Goal") + f" {t.goal}): {_md_quote(t.target_text)}"
        for t in unique_targets(content).itertuples()
    ]
    return [*lines, ""]


def _md_made(content: Content) -> list[str]:
    return [
        f"## {section('made')}",
        "",
        *_md_filters(content),
        "- **" + _("Left out by the facilitator") + f":** {_md_left_out(content)}.",
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
        *_md_made(content),
        *_md_references(content),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"


# --- CSV and the pack --------------------------------------------------------------------


def brief_csv(con: Connection, filters: Filters, selection: Selection) -> bytes:
    """The brief as CSV, one row per item carried forward (Excel-safe, see `export`)."""
    rows = selected_points(con, filters, selection)
    rows["note"] = [_csv_note(note) for note in rows.note]
    return export.to_csv_bytes(rows)


def _csv_note(note: str) -> str:
    """Notes are typed by hand: neutralise every formula-like start, including what
    `export.neutralise` lets through as a plain number (`+1`, `-2`)."""
    return "'" + note if note.startswith(export.FORMULA_PREFIXES) else note


def _readme(content: Content, files: dict[str, bytes]) -> str:
    lines = [
        "# " + _("TWG summary pack"),
        "",
        _(
            "Made by the TWG dashboard (the Agenda brief page, or `python -m twg_data pack`). "
            "Every file was made under the same filters; the same data, filters and selection "
            "give the same pack."
        ),
        "",
        *_md_filters(content),
        "- **" + _("Left out of the brief") + f":** {_md_left_out(content)}.",
        "",
        _(
            "CSV files are UTF-8 with a byte order mark and CRLF line ends, so Excel opens them "
            "with accents intact; text cells starting with `=`, `+`, `-`, `@`, tab, carriage "
            "return or line feed are prefixed with `'` so spreadsheets do not run them."
        ),
        "",
        "## " + _("Files"),
        "",
        "- `brief.md`: "
        + _(
            "the agenda brief (Markdown): the meeting, who took part, the key "
            "points, framing and promising-practice speakers carried forward with their source "
            "passages and citations, SDG targets (curation), notes and references."
        ),
        "- `brief.docx`: " + _("the same brief as a Word document (A4, headings, page numbers)."),
        "- `brief.csv`: "
        + _("the same items, one row per item. Columns: ")
        + "; ".join(f"`{column}`: {_(text)}" for column, text in CSV_COLUMNS.items()),
        "- `DATA_DICTIONARY.md`: "
        + _("every curated table and every CSV summary, column by column."),
        f"- `{datapackage.DESCRIPTOR}`: "
        + _(
            "the Frictionless Data Package descriptor of the curated "
            "data set these files were made from (its tables, keys, licence and reports; the "
            "tables themselves are in the Data page's data set download)."
        ),
    ]
    for name, summary in SUMMARIES.items():
        text = files[f"summaries/{name}.csv"].decode("utf-8-sig")
        rows = len(list(csv.reader(io.StringIO(text, newline="")))) - 1  # less the header
        counted = ngettext("{n} row under these filters.", "{n} rows under these filters.", rows)
        lines.append(
            f"- `summaries/{name}.csv`: {_(summary.title)}. {_(summary.description)} "
            f"({counted.format(n=rows)})"
        )
    lines += [
        "",
        "## " + _("Citing and terms"),
        "",
        "- **" + _("Cite the data set as") + f":** {esc(content.dataset)}",
        *("- **" + _("Cite the report as") + f":** {esc(m.citation)}" for m in content.meetings),
        "- **" + _("Terms") + ":** " + citation.terms(),  # the project's own words and URL
    ]
    return "\n".join(lines) + "\n"


def summary_pack(con: Connection, filters: Filters, selection: Selection) -> bytes:
    """A ZIP: README, the brief (Markdown, Word, CSV), the data dictionary and every CSV
    summary."""
    from twg_data import docx_brief  # it lays out this module's Content

    content = brief_content(con, filters, selection)
    summaries = {
        f"summaries/{name}.csv": export.export_summary(con, name, filters) for name in SUMMARIES
    }
    files = {
        "README.md": _readme(content, summaries).encode("utf-8"),
        "brief.md": render_markdown(content).encode("utf-8"),
        "brief.docx": docx_brief.render_docx(content),
        "brief.csv": brief_csv(con, filters, selection),
        "DATA_DICTIONARY.md": dictionary.markdown().encode("utf-8"),
        datapackage.DESCRIPTOR: datapackage.descriptor_bytes(con, filters),
        **summaries,
    }
    return export.zip_bytes(files)
