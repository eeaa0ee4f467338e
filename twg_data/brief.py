"""The agenda brief: what a meeting produced, as a facilitator carries it forward.

`brief_markdown`, `brief_csv` and `summary_pack` build the brief from the database, the one
`Filters` object and a `Selection` (what to leave out, and a note per item). The app's Agenda
brief page and `python -m twg_data brief|pack` both call them, so the same inputs give the
same bytes. Data text inserted into Markdown is escaped (`escape_markdown`); CSV cells go
through `export.to_csv_bytes`, which neutralises formulas. No timestamps: output is
deterministic.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from twg_data import dictionary, export, queries
from twg_data.filters import Filters
from twg_data.queries import Connection
from twg_data.summaries import SUMMARIES
from twg_data.text import escape_markdown

KINDS = {
    "key_point": "Key points",
    "framing": "Framing of entry points",
    "presenter": "Promising-practice speakers",
}
CATEGORIES = {
    "commonality": "Commonalities between urban safety and peacebuilding",
    "difference": "Differences between urban safety and peacebuilding",
    "opportunity": "Opportunities",
    "dimension": "Two kinds of entry point",
    "setting": "Settings named for an integrated approach",
}
CSV_COLUMNS = {
    "meeting_id": "The meeting.",
    "kind": "`key_point`, `framing` or `presenter` (a Focus 1 kick-off presenter).",
    "id": "The item's id within the meeting (key point, framing entry or person).",
    "category": "Key point category, framing kind, or the presenter's role.",
    "heading": "Key point heading, framing label, or the presenter's name.",
    "text": "Key point or framing text verbatim, or the presenter's title as stated.",
    "source_section": "Report section of the source passage.",
    "source_passage": "The report passage it comes from, verbatim.",
    "sdg_targets": "SDG targets the key point bears on, `; `-separated (curation).",
    "note": "The facilitator's note.",
}
PACK_FILE_NAME = "twg-summary-pack.zip"

_SAFE_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")
_INDENT = "    "


@dataclass(frozen=True)
class Selection:
    """What a brief carries forward: everything except `excluded`, with optional notes.

    Items are named by a ref: the item's id (`commonality-1`, `how`, `leoluca-orlando`),
    which names it in every selected meeting, or `meeting_id/id` for one meeting only.
    `notes` may be given as a mapping of ref to note; empty notes are dropped.
    """

    excluded: tuple[str, ...] = ()
    notes: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        # Normalise so that equal selections are equal (and equally cached).
        excluded = (self.excluded,) if isinstance(self.excluded, str) else self.excluded
        object.__setattr__(self, "excluded", tuple(sorted(set(excluded))))
        pairs = self.notes.items() if isinstance(self.notes, Mapping) else self.notes
        notes = {ref: _clean_note(text) for ref, text in pairs}
        object.__setattr__(self, "notes", tuple(sorted((r, t) for r, t in notes.items() if t)))

    def includes(self, meeting_id: str, item_id: str) -> bool:
        return not {item_id, item_ref(meeting_id, item_id)} & set(self.excluded)

    def note(self, meeting_id: str, item_id: str) -> str:
        """The note on the item; a meeting-qualified note wins over an unqualified one."""
        notes = dict(self.notes)
        return notes.get(item_ref(meeting_id, item_id)) or notes.get(item_id, "")

    def refs(self) -> set[str]:
        return set(self.excluded) | {ref for ref, _ in self.notes}


def item_ref(meeting_id: str, item_id: str) -> str:
    """The ref naming one item of one meeting, e.g. `twg-2015-bogota/commonality-1`."""
    return f"{meeting_id}/{item_id}"


def _clean_note(text: str | None) -> str:
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _text(value: object) -> str:
    return "" if _missing(value) else str(value)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _code(text: object) -> str:
    """An id as inline code when it is a plain slug, else as escaped text."""
    text = _text(text)
    return f"`{text}`" if _SAFE_CODE.match(text) else escape_markdown(text)


def _quote(text: object) -> str:
    return f"“{escape_markdown(text)}”"


def _note_lines(note: str, indent: str) -> list[str]:
    """A note as Markdown lines under a list item, its line breaks kept as hard breaks."""
    lines = [escape_markdown(line) for line in note.split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return []
    body = f"  \n{indent}  ".join(lines)
    return [f"{indent}- **Note:** {body}"]


# --- the items ---------------------------------------------------------------------------


def available_points(con: Connection, filters: Filters) -> pd.DataFrame:
    """Every item the brief can carry forward under filters (see `queries.brief_points`)."""
    return queries.brief_points(con, filters)


def unknown_refs(points: pd.DataFrame, selection: Selection) -> list[str]:
    """Refs in the selection that name no available item (for a clear CLI error)."""
    pairs = zip(points.meeting_id, points.id, strict=True)
    known = set(points.id) | {item_ref(m, i) for m, i in pairs}
    return sorted(selection.refs() - known)


def selected_points(con: Connection, filters: Filters, selection: Selection) -> pd.DataFrame:
    """The items carried forward, in brief order, each with its note (the brief's CSV rows)."""
    points = available_points(con, filters)
    keep = [selection.includes(m, i) for m, i in zip(points.meeting_id, points.id, strict=True)]
    chosen = points[keep].copy()
    chosen["note"] = [
        selection.note(m, i) for m, i in zip(chosen.meeting_id, chosen.id, strict=True)
    ]
    return chosen[list(CSV_COLUMNS)].reset_index(drop=True)


def left_out(con: Connection, filters: Filters, selection: Selection) -> list[str]:
    """The available items the selection leaves out, named the same whatever form of ref
    chose them: `id`, or `meeting_id/id` when several meetings are selected."""
    points = available_points(con, filters)
    several = points.meeting_id.nunique() > 1
    return [
        item_ref(m, i) if several else i
        for m, i in zip(points.meeting_id, points.id, strict=True)
        if not selection.includes(m, i)
    ]


def _left_out_text(con: Connection, filters: Filters, selection: Selection) -> str:
    return ", ".join(_code(ref) for ref in left_out(con, filters, selection)) or "nothing"


# --- Markdown ----------------------------------------------------------------------------


def _filter_lines(con: Connection, filters: Filters) -> list[str]:
    """The filters as list items, each value with its label and its id."""
    if filters.is_empty:
        return ["- **Filters:** none; everything in the data is included."]
    options = queries.filter_options(con)
    lines = ["- **Filters:**"]
    for dimension in filters.active():
        labels = dict(options.get(dimension.param, []))
        values = ", ".join(
            f"{escape_markdown(labels.get(v, v))} ({_code(v)})" for v in filters.values(dimension)
        )
        lines.append(f"{_INDENT}- {escape_markdown(dimension.label)}: {values}")
    return lines


def _meeting_lines(con: Connection, filters: Filters) -> list[str]:
    meetings = queries.meetings(con, filters)
    objectives = queries.objectives(con, filters)
    lines = ["## The meeting" if len(meetings) == 1 else "## The meetings", ""]
    if meetings.empty:
        return [*lines, "No meeting matches the filters.", ""]
    for m in meetings.itertuples():
        number = "" if _missing(m.meeting_number) else f"Meeting {m.meeting_number} · "
        place = ", ".join(escape_markdown(p) for p in (m.city, m.country) if not _missing(p))
        lines += [f"### {number}{place} · {m.date:%Y-%m-%d} ({_code(m.meeting_id)})", ""]
        facts = [
            ("Report", m.title),
            ("Part of", m.part_of),
            ("Co-facilitated by", m.co_facilitators),
            ("Feeds into", m.agenda_process),
            ("Attendance (as reported)", m.attendance_stated),
        ]
        lines += [f"- **{label}:** {escape_markdown(v)}" for label, v in facts if not _missing(v)]
        own = objectives[(objectives.meeting_id == m.meeting_id) & (objectives.scope == "meeting")]
        if not own.empty:
            lines.append("- **The meeting's objectives:**")
            for o in own.itertuples():
                label = f"{escape_markdown(o.label)} " if not _missing(o.label) else ""
                lines.append(f"{_INDENT}- {label}{escape_markdown(o.text)}")
        lines.append("")
    return lines


def _counts(frame: pd.DataFrame, label: Callable) -> str:
    if frame.empty:
        return "none under these filters"
    return "; ".join(f"{label(row)}: {row.people}" for row in frame.itertuples())


def _region(row) -> str:
    return f"{escape_markdown(row.region)}, {escape_markdown(row.sub_region)}"


def _participation_lines(con: Connection, filters: Filters) -> list[str]:
    figures = queries.headline_figures(con, filters).iloc[0]
    regions = queries.participants_by_region(con, filters)
    countries = queries.participants_by_country(con, filters)
    types = queries.participants_by_organization_type(con, filters)
    communities = queries.participants_by_practice_community(con, filters)
    missing_regions = queries.missing_regions(con, filters)
    missing_communities = queries.missing_practice_communities(con, filters)
    lines = [
        "## Who took part",
        "",
        "Counted under the filters. Regions, organization types and practice communities are "
        "curation; the report states names, titles and organizations.",
        "",
        f"- **Named people:** {figures.people} ({figures.listed_participants} on the list of "
        f"participants, {_plural(figures.presenters, 'kick-off presenter')})",
        f"- **Organizations:** {figures.organizations}; **countries:** {figures.countries}; "
        f"**cities:** {figures.cities}",
        f"- **Cities whose delegations joined through a network:** {figures.delegation_cities}",
        "- **By region (UN M49):** " + _counts(regions, _region),
        "- **By country:** "
        + _counts(countries, lambda r: f"{escape_markdown(r.country)} ({_code(r.iso3)})"),
        "- **By organization type:** "
        + _counts(types, lambda r: escape_markdown(r.organization_type)),
        "- **By practice community:** "
        + _counts(communities, lambda r: escape_markdown(r.practice_community)),
        "",
        "Absent under these filters (no named participant):",
        "",
    ]
    absent_regions = "; ".join(_region(r) for r in missing_regions.itertuples())
    absent_communities = "; ".join(
        escape_markdown(c) for c in missing_communities.practice_community
    )
    lines += [
        f"- **Regions (UN M49 sub-regions):** {absent_regions or 'none'}",
        f"- **Practice communities:** {absent_communities or 'none'}",
        "",
    ]
    return lines


def _source_line(row, indent: str = "") -> str:
    section = escape_markdown(row.source_section)
    return f"{indent}- **Source** (report, {section}): {_quote(row.source_passage)}"


def _by_category(points: pd.DataFrame, several_meetings: bool):
    """Rows grouped by meeting and category, each group with its `###` heading."""
    for (meeting_id, category), group in points.groupby(
        [points.meeting_id, points.category], sort=False
    ):
        suffix = f" ({_code(meeting_id)})" if several_meetings else ""
        heading = f"### {escape_markdown(CATEGORIES.get(category, category))}{suffix}"
        yield meeting_id, heading, group


def _key_point_lines(
    points: pd.DataFrame, targets: pd.DataFrame, several_meetings: bool
) -> list[str]:
    lines = ["## Key points carried forward", ""]
    if points.empty:
        return [*lines, "None selected.", ""]
    for meeting_id, heading, group in _by_category(points, several_meetings):
        lines += [heading, ""]
        for row in group.itertuples():
            heading = escape_markdown(row.heading) if not _missing(row.heading) else "(no heading)"
            lines += [f"#### {heading} ({_code(row.id)})", "", f"> {escape_markdown(row.text)}", ""]
            lines.append(_source_line(row))
            mine = targets[(targets.meeting_id == meeting_id) & (targets.key_point_id == row.id)]
            if not mine.empty:
                lines.append("- **SDG targets it bears on** (curation, not the report):")
                for t in mine.itertuples():
                    lines.append(
                        f"{_INDENT}- **{escape_markdown(t.target)}** (Goal {t.goal}) "
                        f"{_quote(t.target_text)}: {escape_markdown(t.rationale)}"
                    )
            lines += [*_note_lines(row.note, ""), ""]
    return lines


def _framing_lines(points: pd.DataFrame, several_meetings: bool) -> list[str]:
    lines = ["## Framing of entry points carried forward", ""]
    if points.empty:
        return [*lines, "None selected.", ""]
    for _meeting_id, heading, group in _by_category(points, several_meetings):
        lines += [heading, ""]
        for row in group.itertuples():
            lines.append(
                f"- **{escape_markdown(row.heading)}** ({_code(row.id)}): {_quote(row.text)}"
            )
            lines.append(_source_line(row, _INDENT))
            lines += _note_lines(row.note, _INDENT)
        lines.append("")
    return lines


def _presenter_lines(points: pd.DataFrame, several_meetings: bool) -> list[str]:
    lines = [
        "## Promising-practice speakers carried forward",
        "",
        "The kick-off presenters of the exchange of promising practices, with their titles as "
        "the report states them.",
        "",
    ]
    if points.empty:
        return [*lines, "None selected (or none matches the filters).", ""]
    for meeting_id, group in points.groupby(points.meeting_id, sort=False):
        if several_meetings:
            lines += [f"### {_code(meeting_id)}", ""]
        for row in group.itertuples():
            lines.append(
                f"- **{escape_markdown(row.heading)}**, {escape_markdown(row.text)} "
                f"({_code(row.id)})"
            )
            lines.append(_source_line(row, _INDENT))
            lines += _note_lines(row.note, _INDENT)
        lines.append("")
    return lines


def _target_order(target: pd.Series) -> tuple:
    """UN order: by goal, numbered targets (16.1, 16.10) before lettered ones (16.a)."""
    number = str(target["target"]).partition(".")[2]
    return (target["goal"], (0, int(number), "") if number.isdigit() else (1, 0, number))


def _target_lines(targets: pd.DataFrame) -> list[str]:
    lines = ["## SDG targets referenced", ""]
    if targets.empty:
        return [*lines, "None: no selected key point is mapped to an SDG target.", ""]
    unique = targets.drop_duplicates("target")
    unique = unique.iloc[sorted(range(len(unique)), key=lambda i: _target_order(unique.iloc[i]))]
    lines += [
        "The key points above are mapped to these targets by curation; the report itself does "
        "not mention the Sustainable Development Goals. Target texts are quoted verbatim from "
        "their source.",
        "",
    ]
    for t in unique.itertuples():
        lines.append(
            f"- **{escape_markdown(t.target)}** (Goal {t.goal}): {_quote(t.target_text)} "
            f"(source: {escape_markdown(t.target_source)})"
        )
    return [*lines, ""]


def _provenance_lines(con: Connection, filters: Filters, selection: Selection) -> list[str]:
    people_level = [d.label.lower() for d in filters.active() if d.field != "meetings"]
    lines = ["## How this brief was made", "", *_filter_lines(con, filters)]
    if people_level:
        lines.append(
            f"- The {', '.join(people_level)} "
            f"{'filters apply' if len(people_level) > 1 else 'filter applies'} to who took part "
            "and to the presenters. The report does not attribute key "
            "points or framing to people or places, so only the meeting filter applies to them."
        )
    lines += [
        f"- **Left out by the facilitator:** {_left_out_text(con, filters, selection)}.",
        "- Texts, headings, titles and passages are quoted verbatim from the meeting report. "
        "Regions, organization types, practice communities and the SDG crosswalk are curation; "
        "DATA\\_DICTIONARY.md in the summary pack describes every column.",
        "- Made with the TWG dashboard (the Agenda brief page, or `python -m twg_data brief`); "
        "the same data, filters and selection give the same file.",
        "",
    ]
    return lines


def brief_markdown(con: Connection, filters: Filters, selection: Selection) -> str:
    """The brief as Markdown: the meeting, who took part, the selected items, provenance."""
    chosen = selected_points(con, filters, selection)
    several = len(queries.meetings(con, filters)) > 1
    kind = {k: chosen[chosen.kind == k] for k in KINDS}
    crosswalk = queries.key_point_targets(con, filters)
    kept = set(zip(kind["key_point"].meeting_id, kind["key_point"].id, strict=True))
    targets = crosswalk[
        [(m, k) in kept for m, k in zip(crosswalk.meeting_id, crosswalk.key_point_id, strict=True)]
    ]
    lines = [
        "# Agenda brief: urban safety and peacebuilding",
        "",
        "Input from the Technical Working Group (TWG) on urban safety and peacebuilding to "
        "agenda-setting, from the curated data of its meeting reports.",
        "",
        *_meeting_lines(con, filters),
        *_participation_lines(con, filters),
        *_key_point_lines(kind["key_point"], targets, several),
        *_framing_lines(kind["framing"], several),
        *_presenter_lines(kind["presenter"], several),
        *_target_lines(targets),
        *_provenance_lines(con, filters, selection),
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


def _readme(con: Connection, filters: Filters, selection: Selection, files: dict) -> str:
    lines = [
        "# TWG summary pack",
        "",
        "Made by the TWG dashboard (the Agenda brief page, or `python -m twg_data pack`). "
        "Every file was made under the same filters; the same data, filters and selection "
        "give the same pack.",
        "",
        *_filter_lines(con, filters),
        f"- **Left out of the brief:** {_left_out_text(con, filters, selection)}.",
        "",
        "CSV files are UTF-8 with a byte order mark and CRLF line ends, so Excel opens them "
        "with accents intact; text cells starting with `=`, `+`, `-`, `@`, tab, carriage "
        "return or line feed are prefixed with `'` so spreadsheets do not run them.",
        "",
        "## Files",
        "",
        "- `brief.md`: the agenda brief (Markdown): the meeting, who took part, the key "
        "points, framing and promising-practice speakers carried forward with their source "
        "passages, SDG targets (curation) and notes.",
        "- `brief.csv`: the same items, one row per item. Columns: "
        + "; ".join(f"`{column}`: {text}" for column, text in CSV_COLUMNS.items()),
        "- `DATA_DICTIONARY.md`: every curated table and every CSV summary, column by column.",
    ]
    for name, summary in SUMMARIES.items():
        text = files[f"summaries/{name}.csv"].decode("utf-8-sig")
        rows = len(list(csv.reader(io.StringIO(text, newline="")))) - 1  # less the header
        lines.append(
            f"- `summaries/{name}.csv`: {summary.title}. {summary.description} "
            f"({_plural(rows, 'row')} under these filters.)"
        )
    return "\n".join(lines) + "\n"


def summary_pack(con: Connection, filters: Filters, selection: Selection) -> bytes:
    """A ZIP: README, the brief (md and CSV), the data dictionary and every CSV summary."""
    summaries = {
        f"summaries/{name}.csv": export.export_summary(con, name, filters) for name in SUMMARIES
    }
    files = {
        "README.md": _readme(con, filters, selection, summaries).encode("utf-8"),
        "brief.md": brief_markdown(con, filters, selection).encode("utf-8"),
        "brief.csv": brief_csv(con, filters, selection),
        "DATA_DICTIONARY.md": dictionary.markdown().encode("utf-8"),
        **summaries,
    }
    return export.zip_bytes(files)
