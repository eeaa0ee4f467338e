"""What an agenda brief says, gathered once from the database, the `Filters` and a
`Selection`: `brief_content`. Every writer (`markdown`, `word`, `rows`, `pack`) lays out the
same `Content` or items and imports this module, never another writer.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from twg_data import citation, labels, localise, queries, vocabulary
from twg_data.brief.items import (
    KINDS,
    Selection,
    available_points,
    item_label,
    item_ref,
    rows_where,
    selected_points,
)
from twg_data.brief.priorities import Priorities
from twg_data.filters import Filters
from twg_data.i18n import N_, _, ngettext
from twg_data.queries import Connection
from twg_data.text import is_missing, text_of

INDENT = "    "  # a nested list item in the Markdown brief and the pack's README


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
    priorities: Priorities | None = None  # a workshop's results: a section of their own

    def cite(self, row) -> str:
        """The `Cite as` text of an item: its passage's section in its meeting's report."""
        return self.reports[row.meeting_id].cite(text_of(row.source_section))


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


def section(key: str) -> str:
    """A section's heading (`brief_content.SECTIONS`) in the current language."""
    return _(SECTIONS[key])


def _squash(text: object) -> str:
    return " ".join(text_of(text).split()).casefold()


def passage_adds_to(row, shown: str) -> bool:
    """True when the source passage says more than the text already shown (so it is
    printed once, as the point, rather than the point and again as its source)."""
    return _squash(row.source_passage) != _squash(shown)


def point_quote(row) -> tuple[str, str]:
    """What a key point quotes: its passage, which holds its text (so the text is not printed
    twice); or, when the curated text is not in the passage, the text and the passage."""
    if _squash(row.text) in _squash(row.source_passage):
        return text_of(row.source_passage), ""
    return text_of(row.text), text_of(row.source_passage)


def _meeting_part(m, objectives: pd.DataFrame, report: citation.Report) -> MeetingPart:
    place = ", ".join(str(p) for p in (m.city, m.country) if not is_missing(p))
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
        heading=labels.meeting(m.meeting_number, place, m.date),
        facts=tuple((label, str(v)) for label, v in facts if not is_missing(v)),
        objectives=tuple(
            " ".join(part for part in (text_of(o.label), text_of(o.text)) if part)
            for o in own.itertuples()
        ),
        citation=report.cite(),
    )


def _participation(con: Connection, filters: Filters) -> Participation:
    figures = queries.headline_figures(con, filters).iloc[0]
    vocabulary_labels = localise.labels(con)

    def asked(function) -> pd.DataFrame:
        return localise.values(function(con, filters), vocabulary_labels)

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
    options = labels.filter_options(queries.filter_options(con), localise.labels(con))
    return tuple(
        (name, ", ".join(f"{label} ({value})" for value, label in pairs))
        for name, pairs in labels.active_filters(filters, options)
    )


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
    crosswalk = localise.values(queries.key_point_targets(con, filters), localise.labels(con))
    kept = set(zip(kind["key_point"].meeting_id, kind["key_point"].id, strict=True))
    pairs = zip(crosswalk.meeting_id, crosswalk.key_point_id, strict=True)
    targets = crosswalk[rows_where(crosswalk, [pair in kept for pair in pairs])]
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
        priorities=selection.priorities,
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
