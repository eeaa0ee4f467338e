"""What an agenda brief says, gathered once from the database, the `Filters` and a `Selection`
(what to leave out, a note per item): `brief_content`. The Markdown (`brief`) and Word
(`docx_brief`) writers lay the same `Content` out; `selected_points` is the CSV's rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from twg_data import citation, localise, queries, vocabulary
from twg_data.filters import Filters
from twg_data.i18n import N_, _, ngettext
from twg_data.queries import Connection

KINDS = {
    "key_point": N_("Key points"),
    "framing": N_("Framing of entry points"),
    "presenter": N_("Promising-practice speakers"),
}
# What an item is, as the page names it beside its heading (never its internal id).
CSV_COLUMNS = {
    "meeting_id": N_("The meeting."),
    "kind": N_("`key_point`, `framing` or `presenter` (a Focus 1 kick-off presenter)."),
    "id": N_("The item's id within the meeting (key point, framing entry or person)."),
    "category": N_("Key point category, framing kind, or the presenter's role."),
    "heading": N_("Key point heading, framing label, or the presenter's name."),
    "text": N_("Key point or framing text verbatim, or the presenter's title as stated."),
    "source_section": N_("Report section of the source passage."),
    "source_passage": N_("The report passage it comes from, verbatim."),
    "sdg_targets": N_("SDG targets the key point bears on, `; `-separated (curation)."),
    "note": N_("The facilitator's note."),
}

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


# Typed (or pasted) into a note, these would break a file: control characters other than tab
# and line feed, and lone surrogates (an undecodable command-line argument).
_NOTE_JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _clean_note(text: str | None) -> str:
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return _NOTE_JUNK.sub("", text).strip()


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _text(value: object) -> str:
    return "" if _missing(value) else str(value)


def _rows(frame: pd.DataFrame, mask: list[bool]) -> pd.Series:
    """A row mask: a plain empty list would select no columns instead of no rows."""
    return pd.Series(mask, index=frame.index, dtype=bool)


# --- the items ---------------------------------------------------------------------------


def available_points(con: Connection, filters: Filters) -> pd.DataFrame:
    """Every item the brief can carry forward under filters (see `queries.brief_points`),
    its vocabulary in the current language."""
    return localise.values(queries.brief_points(con, filters), localise.labels(con))


def unknown_refs(points: pd.DataFrame, selection: Selection) -> list[str]:
    """Refs in the selection that name no available item (for a clear CLI error)."""
    pairs = zip(points.meeting_id, points.id, strict=True)
    known = set(points.id) | {item_ref(m, i) for m, i in pairs}
    return sorted(selection.refs() - known)


def selected_points(con: Connection, filters: Filters, selection: Selection) -> pd.DataFrame:
    """The items carried forward, in brief order, each with its note (the brief's CSV rows)."""
    points = available_points(con, filters)
    keep = [selection.includes(m, i) for m, i in zip(points.meeting_id, points.id, strict=True)]
    chosen = points[_rows(points, keep)].copy()
    chosen["note"] = [
        selection.note(m, i) for m, i in zip(chosen.meeting_id, chosen.id, strict=True)
    ]
    return chosen[list(CSV_COLUMNS)].reset_index(drop=True)


def choices(con: Connection, filters: Filters) -> pd.DataFrame:
    """The items a facilitator chooses from, one row each, indexed by its ref: the section,
    the item as people name it and what it is (the Agenda brief page's table)."""
    rows = list(available_points(con, filters).itertuples())
    return pd.DataFrame(
        {
            "section": [_(KINDS[row.kind]) for row in rows],
            "item": [item_label(row) for row in rows],
            "what": [row.text if row.kind == "presenter" else category_label(row) for row in rows],
        },
        index=pd.Index([item_ref(row.meeting_id, row.id) for row in rows], name="ref"),
    )


def selection_of(chosen: pd.DataFrame) -> Selection:
    """What a table of choices (`include` and `note` per ref) carries forward."""
    included = chosen[chosen.include.astype(bool)]
    left_out = chosen.index[~chosen.include.astype(bool)]
    return Selection(tuple(left_out), dict(zip(included.index, included.note, strict=True)))


# --- the content, shared by the Markdown and Word briefs -------------------------------


@dataclass(frozen=True)
class Counts:
    """People per group of one kind (`By region (UN M49)`), as the brief lists them."""

    label: str
    groups: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Participation:
    """Who took part under the filters: headline facts, counts per kind, who is absent."""

    facts: tuple[tuple[str, str], ...]
    counts: tuple[Counts, ...]
    absent: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class MeetingPart:
    """One meeting's section: its heading, stated facts, objectives and report citation."""

    meeting_id: str
    heading: str
    facts: tuple[tuple[str, str], ...]
    objectives: tuple[str, ...]
    citation: str


@dataclass(frozen=True)
class Content:
    """Everything a brief says, as plain text: the Markdown and Word writers lay it out."""

    meetings: tuple[MeetingPart, ...]
    participation: Participation
    points: dict[str, pd.DataFrame]  # kind -> selected rows, in brief order
    targets: pd.DataFrame  # the crosswalk rows of the selected key points
    reports: dict[str, citation.Report]
    several_meetings: bool
    filters: tuple[tuple[str, str], ...]  # (filter label, values) of the active filters
    people_filters: str  # the active person/place filters, lower case ("" if none)
    left_out: tuple[str, ...]
    dataset: str  # the data set's citation
    references: tuple[str, ...]
    # (meeting_id, key-point category) -> the heading the meeting's report gives that group
    headings: dict[tuple[str, str], str]

    def cite(self, row) -> str:
        """The `Cite as` text of an item: its passage's section in its meeting's report."""
        return self.reports[row.meeting_id].cite(_text(row.source_section))


TITLE = N_("Agenda brief: urban safety and peacebuilding")
INTRO = N_(
    "Input from the Technical Working Group (TWG) on urban safety and peacebuilding to "
    "agenda-setting, from the curated data of its meeting reports."
)
PARTICIPATION_NOTE = N_(
    "Counted under the filters. Regions, organization types and practice communities are "
    "curation; the report states names, titles and organizations."
)
PRESENTERS_NOTE = N_(
    "The kick-off presenters of the exchange of promising practices, with their titles as the "
    "report states them."
)
TARGETS_NOTE = N_(
    "The key points above are mapped to these targets by curation; the report itself does not "
    "mention the Sustainable Development Goals. Target texts are quoted verbatim from their "
    "source."
)
SECTIONS = {
    "key_point": N_("Key points carried forward"),
    "framing": N_("Framing of entry points carried forward"),
    "presenter": N_("Promising-practice speakers carried forward"),
    "targets": N_("SDG targets referenced"),
    "made": N_("How this brief was made"),
    "references": N_("References"),
}


def category_label(row) -> str:
    """What an item is, as the page names it beside its heading (never its internal id): a
    key point's category (`key_point_categories.singular`), a framing entry's kind."""
    if not _missing(row.category_label):
        return str(row.category_label)
    return _(vocabulary.FRAMING_LABELS.get(row.category, row.category))


def item_label(row) -> str:
    """An item as people name it: its heading, or the opening words of its text."""
    if not _missing(row.heading) and str(row.heading).strip():
        return str(row.heading)
    words = _text(row.text).split()
    return " ".join(words[:8]) + ("…" if len(words) > 8 else "")


def _squash(text: object) -> str:
    return " ".join(_text(text).split()).casefold()


def passage_adds_to(row, shown: str) -> bool:
    """True when the source passage says more than the text already shown (so it is
    printed once, as the point, rather than the point and again as its source)."""
    return _squash(row.source_passage) != _squash(shown)


def point_quote(row) -> tuple[str, str]:
    """What a key point quotes: its passage, which holds its text (so the text is not printed
    twice); or, when the curated text is not in the passage, the text and the passage."""
    if _squash(row.text) in _squash(row.source_passage):
        return _text(row.source_passage), ""
    return _text(row.text), _text(row.source_passage)


def _meeting_part(m, objectives: pd.DataFrame, report: citation.Report) -> MeetingPart:
    number = (
        "" if _missing(m.meeting_number) else _(vocabulary.MEETING_WORD) + f" {m.meeting_number} · "
    )
    place = ", ".join(str(p) for p in (m.city, m.country) if not _missing(p))
    facts = [
        (_("Report"), m.title),
        (_("Part of"), m.part_of),
        (_("Co-facilitated by"), m.co_facilitators),
        (_("Feeds into"), m.agenda_process),
        (_("Attendance (as reported)"), m.attendance_stated),
    ]
    own = objectives[(objectives.meeting_id == m.meeting_id) & (objectives.scope == "meeting")]
    return MeetingPart(
        meeting_id=m.meeting_id,
        heading=f"{number}{place} · {localise.day(m.date)}",
        facts=tuple((label, str(v)) for label, v in facts if not _missing(v)),
        objectives=tuple(
            " ".join(part for part in (_text(o.label), _text(o.text)) if part)
            for o in own.itertuples()
        ),
        citation=report.cite(),
    )


def _participation(con: Connection, filters: Filters) -> Participation:
    figures = queries.headline_figures(con, filters).iloc[0]
    labels = localise.labels(con)

    def asked(function) -> pd.DataFrame:
        return localise.values(function(con, filters), labels)

    def region(row) -> str:
        return f"{row.region}, {row.sub_region}"

    counts = (
        (_("By region (UN M49)"), asked(queries.participants_by_region), region),
        (
            _("By country"),
            asked(queries.participants_by_country),
            lambda r: f"{r.country} ({r.iso3})",
        ),
        (
            _("By organization type"),
            asked(queries.participants_by_organization_type),
            lambda r: str(r.organization_type),
        ),
        (
            _("By practice community"),
            asked(queries.participants_by_practice_community),
            lambda r: str(r.practice_community),
        ),
    )
    missing_regions = asked(queries.missing_regions)
    missing_communities = asked(queries.missing_practice_communities)
    presenters = ngettext(
        "{n} kick-off presenter", "{n} kick-off presenters", int(figures.presenters)
    ).format(n=figures.presenters)
    return Participation(
        facts=(
            (
                _("Named people"),
                _("{people} ({listed} on the list of participants, {presenters})").format(
                    people=figures.people,
                    listed=figures.listed_participants,
                    presenters=presenters,
                ),
            ),
            (_("Organizations"), str(figures.organizations)),
            (_("Countries"), str(figures.countries)),
            (_("Cities"), str(figures.cities)),
            (
                _("Cities whose delegations joined through a network"),
                str(figures.delegation_cities),
            ),
        ),
        counts=tuple(
            Counts(label, tuple((name(r), int(r.people)) for r in frame.itertuples()))
            for label, frame, name in counts
        ),
        absent=(
            (
                _("Regions (UN M49 sub-regions)"),
                "; ".join(region(r) for r in missing_regions.itertuples()) or _("none"),
            ),
            (
                _("Practice communities"),
                "; ".join(missing_communities.practice_community) or _("none"),
            ),
        ),
    )


def _filters(con: Connection, filters: Filters) -> tuple[tuple[str, str], ...]:
    """The active filters, each value with its label and its id."""
    options = localise.filter_options(queries.filter_options(con), localise.labels(con))
    pairs = []
    for dimension in filters.active():
        labels = dict(options.get(dimension.param, []))
        values = ", ".join(f"{labels.get(v, v)} ({v})" for v in filters.values(dimension))
        pairs.append((_(dimension.label), values))
    return tuple(pairs)


def _left_out_labels(con: Connection, filters: Filters, selection: Selection) -> tuple[str, ...]:
    """The items left out, each by its label and the ref that names it on the command line."""
    points = available_points(con, filters)
    several = points.meeting_id.nunique() > 1
    return tuple(
        f"{item_label(row)} ({item_ref(row.meeting_id, row.id) if several else row.id})"
        for row in points.itertuples()
        if not selection.includes(row.meeting_id, row.id)
    )


def brief_content(con: Connection, filters: Filters, selection: Selection) -> Content:
    """What the brief says under filters and selection, before it is laid out."""
    chosen = selected_points(con, filters, selection)
    meetings = queries.meetings(con, filters)
    objectives = queries.objectives(con, filters)
    reports = citation.reports(queries.citation_facts(con, filters))
    kind = {k: chosen[chosen.kind == k] for k in KINDS}
    crosswalk = queries.key_point_targets(con, filters)
    kept = set(zip(kind["key_point"].meeting_id, kind["key_point"].id, strict=True))
    pairs = zip(crosswalk.meeting_id, crosswalk.key_point_id, strict=True)
    targets = crosswalk[_rows(crosswalk, [pair in kept for pair in pairs])]
    targets = targets.iloc[
        sorted(range(len(targets)), key=lambda i: _target_order(targets.iloc[i]))
    ].drop_duplicates(["meeting_id", "key_point_id", "target"])
    cited = [reports[m] for m in meetings.meeting_id]
    dataset = citation.dataset(queries.citation_facts(con, Filters()))
    references = [*(r.cite() for r in cited), dataset]
    references += list(dict.fromkeys(targets.target_source.dropna()))
    people_level = [_(d.label).lower() for d in filters.active() if d.field != "meetings"]
    return Content(
        meetings=tuple(
            _meeting_part(m, objectives, reports[m.meeting_id]) for m in meetings.itertuples()
        ),
        participation=_participation(con, filters),
        points=kind,
        targets=targets,
        reports=reports,
        several_meetings=len(meetings) > 1,
        filters=_filters(con, filters),
        people_filters=", ".join(people_level),
        left_out=_left_out_labels(con, filters, selection),
        dataset=dataset,
        references=tuple(references),
        headings={
            (row.meeting_id, row.category): row.heading
            for row in queries.key_point_categories(con, filters).itertuples()
        },
    )


def made_notes(content: Content) -> list[str]:
    """How the brief was made, as sentences (after the filters and what was left out)."""
    notes = []
    if content.people_filters:
        several = "," in content.people_filters
        applies = (
            _(
                "The {filters} filters apply to who took part and to the presenters. The report "
                "does not attribute key points or framing to people or places, so only the "
                "meeting filter applies to them."
            )
            if several
            else _(
                "The {filters} filter applies to who took part and to the presenters. The report "
                "does not attribute key points or framing to people or places, so only the "
                "meeting filter applies to them."
            )
        )
        notes.append(applies.format(filters=content.people_filters))
    notes += [
        _(
            "Texts, headings, titles and passages are quoted verbatim from the meeting report; "
            "their copyright stays with its authors. Regions, organization types, practice "
            "communities and the SDG crosswalk are curation ({licence}); DATA_DICTIONARY.md in "
            "the summary pack describes every column."
        ).format(licence=citation.DATA_LICENCE),
        _(
            "Made with the TWG dashboard (the Agenda brief page, or python -m twg_data brief); "
            "the same data, filters and selection give the same file."
        ),
    ]
    return notes


def by_category(points: pd.DataFrame, content: Content):
    """Rows grouped by meeting and category: (meeting_id, group title, rows); with several
    meetings the title names the meeting."""
    for (meeting_id, category), group in points.groupby(
        [points.meeting_id, points.category], sort=False
    ):
        # A key point's group: the heading its report gives; a framing group: the vocabulary's.
        title = content.headings.get((meeting_id, category)) or _(
            vocabulary.FRAMING_HEADINGS.get(category, category)
        )
        if content.several_meetings:
            title = f"{title} ({content.reports[meeting_id].meeting})"
        yield meeting_id, title, group


def by_passage(group: pd.DataFrame):
    """Consecutive rows that quote the same passage: (first row, rows)."""
    start = 0
    passages = list(group.source_passage)
    for end in range(1, len(passages) + 1):
        if end == len(passages) or passages[end] != passages[start]:
            rows = group.iloc[start:end]
            yield next(rows.itertuples()), rows
            start = end


def target_rows(content: Content, meeting_id: str, key_point_id: str) -> pd.DataFrame:
    """The crosswalk rows of one key point."""
    t = content.targets
    return t[(t.meeting_id == meeting_id) & (t.key_point_id == key_point_id)]


def _target_order(target: pd.Series) -> tuple:
    """UN order: by goal, numbered targets (16.1, 16.10) before lettered ones (16.a)."""
    number = str(target["target"]).partition(".")[2]
    return (target["goal"], (0, int(number), "") if number.isdigit() else (1, 0, number))


def unique_targets(content: Content) -> pd.DataFrame:
    """Each SDG target the brief refers to, once, in UN order."""
    return content.targets.drop_duplicates("target")


# --- Markdown ----------------------------------------------------------------------------
