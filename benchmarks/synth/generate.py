"""Synthetic data folders of the curated schema, for benchmarks and tests: never real data.

`generate(out_dir, meetings=M, people=N, seed=S)` writes every table of `schema.TABLES` as a
valid folder: M meetings, N invented people ("Synthetic Person 000042") of invented
organizations ("Synthetic Org 0017") spread over real cities and countries with a skewed,
long-tailed distribution, and a synthetic source passage behind every row. The M49 regions,
organization types, practice communities, key-point categories and SDG targets come from the
project's curated `data/`. Same arguments, same bytes: the random draws happen in a fixed order
(the population of `population.py`, then each meeting's report in turn, then SDG targets).
One function per table; `generate()` composes them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from benchmarks.synth import shape
from benchmarks.synth.folder import (
    Curated,
    SynthError,
    check_destination,
    copy_reference_tables,
    read_curated,
    write_table,
)
from benchmarks.synth.places import CITIES, CITY_INDEX, COUNTRIES, city_weights
from benchmarks.synth.population import (
    Attendance,
    Listing,
    Meetings,
    Organizations,
    People,
    Stated,
    digits,
    draw_attendance,
    draw_listing,
    draw_organizations,
    draw_people,
)
from twg_data.schema import TABLES, TABLES_BY_NAME
from twg_data.vocabulary import PRESENTER_ROLE

Row = tuple[object, ...]
Source = tuple[str, str, str, str]  # source_id, meeting_id, section, passage
TARGET_BASIS = "curation: synthetic data, no reading behind it"


class Passages:
    """The report passages synth invents for a meeting's rows, collected as `sources` rows."""

    def __init__(self) -> None:
        self.rows: list[Source] = []

    def add(self, meeting_id: str, key: str, section: str, passage: str) -> str:
        """Record a passage of meeting_id's report; its source id."""
        source_id = f"{meeting_id}-a-{key}"
        self.rows.append((source_id, meeting_id, section, passage))
        return source_id


@dataclass(frozen=True)
class Context:
    """Everything drawn before the meetings' reports, which the table functions read."""

    meetings: Meetings
    attendance: Attendance
    orgs: Organizations
    people: People
    stated: Stated
    curated: Curated
    city_p: np.ndarray
    facilitators: np.ndarray  # the three largest organizations, by their people
    passages: Passages


def meeting_row(ctx: Context, m: int) -> Row:
    """Meeting m: number, title, date, venue, the attendance its report states."""
    meeting_id, when = ctx.meetings.ids[m], ctx.meetings.dates[m]
    venue = CITIES[ctx.meetings.venue[m]]
    lo, hi = ctx.attendance.span(m)
    title = f"Synthetic report on TWG meeting {m + 1}, {venue.name}, {when:%d %B %Y}"
    src = ctx.passages.add(meeting_id, "01-title", "Title", title)
    part_of, process = f"Synthetic event {m + 1}", "a synthetic agenda-setting process"
    attendance = f"around {hi - lo} participants (synthetic)"
    context = f"The meeting was part of {part_of}, feeding {process}, with {attendance}."
    about = ctx.passages.add(meeting_id, "01-context", "Background", context)
    return (
        meeting_id,
        m + 1,
        title,
        when.isoformat(),
        venue.city_id,
        part_of,
        process,
        attendance,
        "",
        about,
        about,
        about,
        src,
    )


def facilitator_rows(ctx: Context, m: int) -> list[Row]:
    """The three largest organizations co-facilitate every meeting."""
    meeting_id, names = ctx.meetings.ids[m], ctx.orgs.names
    listing = "; ".join(str(names[o]) for o in ctx.facilitators)
    text = f"Co-facilitated by {listing} (synthetic)."
    src = ctx.passages.add(meeting_id, "02-facilitators", "Background", text)
    return [
        (meeting_id, ctx.orgs.ids[o], position, names[o], src)
        for position, o in enumerate(ctx.facilitators, start=1)
    ]


def objective_rows(ctx: Context, m: int) -> list[Row]:
    """The same four objectives (`shape.OBJECTIVES`) for every meeting."""
    meeting_id, rows = ctx.meetings.ids[m], []
    for objective_id, scope, position, label, text in shape.OBJECTIVES:
        key, passage = f"03-objective-{objective_id}", f"The meeting aims {label} {text}."
        src = ctx.passages.add(meeting_id, key, "Objectives", passage)
        rows.append((meeting_id, objective_id, scope, position, label, text, src))
    return rows


@dataclass(frozen=True)
class SessionPlan:
    """A meeting's sessions: how many, speakers per session, and the participant rows speaking."""

    count: int
    speakers: np.ndarray
    pool: np.ndarray  # participant rows, in speaking order


def draw_sessions(rng: np.random.Generator, ctx: Context, m: int) -> SessionPlan:
    """2-4 sessions of 3-8 speakers, drawn without repeats from the meeting's participants."""
    count = int(rng.integers(2, 5))
    lo, hi = ctx.attendance.span(m)
    speakers = rng.integers(3, 9, size=count)
    pool = lo + rng.permutation(hi - lo)[: int(speakers.sum())]
    return SessionPlan(count, speakers, pool)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def session_rows(ctx: Context, m: int, plan: SessionPlan) -> list[Row]:
    """Sessions from 09:00, 75 minutes each with 15-minute breaks, formats in turn."""
    meeting_id, day, rows = ctx.meetings.ids[m], ctx.meetings.dates[m].isoformat(), []
    for s in range(plan.count):
        title, begin = shape.SESSION_TITLES[s], 9 * 60 + s * 90
        session_format = shape.SESSION_FORMATS[s % len(shape.SESSION_FORMATS)]
        purpose = f"synthetic purpose of session {s + 1}"
        rules = f"synthetic rules of the {session_format.lower()} format"
        passage = f"Focus {s + 1}: {title} ({session_format}); {purpose}; {rules}."
        src = ctx.passages.add(meeting_id, f"04-session-{s + 1}", "Agenda", passage)
        basis = "stated" if s % 2 == 0 else "inferred: synthetic"
        rows.append(
            (meeting_id, f"focus-{s + 1}", s + 1, title, day, _clock(begin), _clock(begin + 75))
            + ("stated", session_format, basis, rules, purpose, src, src, src)
        )
    return rows


def speaker_rows(ctx: Context, m: int, plan: SessionPlan) -> tuple[list[Row], list[Source]]:
    """Each session's speakers in order, and the speaker-list passage naming each."""
    meeting_id, rows, sources = ctx.meetings.ids[m], [], []
    turns = iter(plan.pool.tolist())
    for s in range(plan.count):
        for position, row in zip(range(1, int(plan.speakers[s]) + 1), turns, strict=False):
            person = int(ctx.attendance.person_of[row])
            role = (
                PRESENTER_ROLE
                if s == 0
                else (shape.MODERATOR_ROLE if position == 1 else shape.DISCUSSANT_ROLE)
            )
            affiliation = (ctx.people.title[person], ctx.stated.org_name[person])
            stated = ", ".join(p for p in (*affiliation, ctx.stated.city_name[person]) if p)
            source_id = f"{meeting_id}-s-{s + 1}-{position}"
            passage = (
                f"{ctx.people.names[person]} ({stated or 'no affiliation stated'}) spoke "
                f"as {role} (synthetic)."
            )
            sources.append((source_id, meeting_id, f"Focus {s + 1}", passage))
            person_id = ctx.people.ids[person]
            rows.append(
                (meeting_id, f"focus-{s + 1}", position, person_id, role, stated, source_id)
            )
    return rows, sources


def key_point_rows(rng: np.random.Generator, ctx: Context, m: int) -> list[Row]:
    """2-4 key points of each curated category, under the section the report gives it."""
    meeting_id, rows = ctx.meetings.ids[m], []
    for category, section in ctx.curated.key_point_sections.items():
        for position in range(1, int(rng.integers(2, 5)) + 1):
            key_point_id = f"{category}-{position}"
            text = f"Synthetic {category} {position} of meeting {m + 1}: invented text."
            src = ctx.passages.add(meeting_id, f"05-{key_point_id}", section, text)
            heading = f"Synthetic {category} {position}"
            rows.append((meeting_id, key_point_id, category, position, heading, text, src))
    return rows


def framing_rows(ctx: Context, m: int) -> list[Row]:
    """The same framing entries (`shape.FRAMING`) for every meeting."""
    meeting_id, rows = ctx.meetings.ids[m], []
    for framing_id, kind, position, label in shape.FRAMING:
        text = f"entry points framed by {label} (synthetic)"
        src = ctx.passages.add(meeting_id, f"06-{framing_id}", "Entry points", text)
        rows.append((meeting_id, framing_id, kind, position, label, text, src))
    return rows


def delegation_rows(rng: np.random.Generator, ctx: Context, m: int) -> list[Row]:
    """5-15 city delegations of the synthetic network, drawn like participants' cities."""
    meeting_id = ctx.meetings.ids[m]
    count = int(rng.integers(5, 16))
    cities = rng.choice(len(CITIES), size=count, replace=False, p=ctx.city_p)
    listing = ", ".join(CITIES[c].name for c in cities)
    passage = f"Delegations of the {shape.NETWORK} joined from {listing}."
    src = ctx.passages.add(meeting_id, "07-delegations", "List of participants", passage)
    return [
        (meeting_id, CITIES[c].city_id, shape.NETWORK, position, src)
        for position, c in enumerate(cities, start=1)
    ]


def _by_key(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda r: (r[0], r[1]))


def report_tables(rng: np.random.Generator, ctx: Context) -> dict[str, list[Row]]:
    """What each meeting's report states: its meeting, sessions, speakers, points, ..."""
    tables: dict[str, list[Row]] = {
        name: []
        for name in (
            "meetings",
            "facilitators",
            "objectives",
            "sessions",
            "speakers",
            "speaker_sources",
            "key_points",
            "framing",
            "delegations",
        )
    }
    for m in range(len(ctx.meetings.ids)):
        tables["meetings"].append(meeting_row(ctx, m))
        tables["facilitators"] += facilitator_rows(ctx, m)
        tables["objectives"] += objective_rows(ctx, m)
        plan = draw_sessions(rng, ctx, m)
        tables["sessions"] += session_rows(ctx, m, plan)
        speakers, speaker_sources = speaker_rows(ctx, m, plan)
        tables["speakers"] += speakers
        tables["speaker_sources"] += speaker_sources
        tables["key_points"] += key_point_rows(rng, ctx, m)
        tables["framing"] += framing_rows(ctx, m)
        tables["delegations"] += delegation_rows(rng, ctx, m)
    for name in ("facilitators", "objectives", "key_points", "framing", "delegations"):
        tables[name] = _by_key(tables[name])
    return tables


def reference_source(ctx: Context) -> str:
    """The passage behind reference rows (places, organizations no list entry names)."""
    return f"{ctx.meetings.ids[0]}-a-00-reference"


def source_rows(ctx: Context, listing: Listing, speaker_sources: list[Row]) -> Iterable[Row]:
    """The reference passage and report passages, then list entries, then speaker passages."""
    first = ctx.meetings.ids[0]
    reference = (reference_source(ctx), first, "Synthetic reference data", shape.REFERENCE_PASSAGE)
    person_of = ctx.attendance.person_of
    parts = (
        ctx.people.names[person_of],
        ctx.people.title[person_of],
        ctx.people.unit[person_of],
        ctx.stated.org_name[person_of],
        ctx.stated.city_name[person_of],
        ctx.stated.country_name[person_of],
    )
    entries = (
        (source_id, meeting_id, "List of participants", ", ".join(p for p in entry if p))
        for source_id, meeting_id, *entry in zip(
            listing.source, listing.meeting_id.tolist(), *(p.tolist() for p in parts), strict=True
        )
    )
    return itertools.chain(
        sorted([reference, *ctx.passages.rows]), entries, sorted(speaker_sources)
    )


def people_rows(ctx: Context, listing: Listing) -> Iterable[Row]:
    """Each person, an alias for 5 %, and the list entry that first names them."""
    people, person_of = ctx.people, ctx.attendance.person_of
    first_row = np.full(people.ids.size, -1, dtype=np.int64)
    first_row[person_of[::-1]] = np.arange(person_of.size)[::-1]
    width = digits(people.ids.size)
    aliases = [
        f"Synth. Person {i:0{width}d}" if a else "" for i, a in enumerate(people.has_alias, 1)
    ]
    sources = np.array(listing.source, dtype=object)[first_row]
    return zip(people.ids.tolist(), people.names.tolist(), aliases, sources.tolist(), strict=True)


def participant_rows(ctx: Context, listing: Listing) -> Iterable[Row]:
    """One row per list entry: what the list states of the person, and the location's basis."""
    person_of, stated = ctx.attendance.person_of, ctx.stated
    basis_text = np.array([b[0] for b in shape.LOCATION_BASES], dtype=object)
    numbers = np.where(listing.listed, listing.number.astype(str).astype(object), "")
    columns = (
        listing.meeting_id,
        ctx.people.ids[person_of],
        numbers,
        ctx.people.title[person_of],
        ctx.people.unit[person_of],
        stated.org_id[person_of],
        stated.city_id[person_of],
        stated.country_iso3[person_of],
        basis_text[ctx.people.basis[person_of]],
    )
    return zip(*(c.tolist() for c in columns), listing.source, strict=True)


def organization_rows(ctx: Context, listing: Listing) -> Iterable[Row]:
    """Each organization, cited by the list entry that first names it (else the reference)."""
    orgs, people, person_of = ctx.orgs, ctx.people, ctx.attendance.person_of
    named_org = np.where(people.no_org[person_of], -1, people.org[person_of])
    first_row = np.full(orgs.ids.size, -1, dtype=np.int64)
    rows_with_org = np.flatnonzero(named_org >= 0)[::-1]
    first_row[named_org[rows_with_org]] = rows_with_org
    entry = np.array(listing.source, dtype=object)[np.maximum(first_row, 0)]
    source = np.where(first_row >= 0, entry, reference_source(ctx))
    width = digits(orgs.ids.size)
    numbered = list(enumerate(orgs.has_acronym, 1))
    return zip(
        orgs.ids.tolist(),
        orgs.names.tolist(),
        [f"SO{i:0{width}d}" if a else "" for i, a in numbered],
        [f"Synth. Org {i:0{width}d}" if a else "" for i, a in numbered],
        np.where(orgs.parent >= 0, orgs.ids[np.maximum(orgs.parent, 0)], "").tolist(),
        orgs.type_id.tolist(),
        orgs.community.tolist(),
        ["synthetic: type and community drawn at random"] * orgs.ids.size,
        source.tolist(),
        strict=True,
    )


def cities_named(ctx: Context, delegations: list[Row]) -> list[int]:
    """Every city a row names (venues, participants, delegations), sorted by id."""
    used = set(ctx.meetings.venue.tolist())
    used.update(CITY_INDEX[str(row[1])] for row in delegations)
    used.update(np.unique(ctx.people.city[ctx.people.keep_city]).tolist())
    return sorted(used, key=lambda c: CITIES[c].city_id)


def city_rows(ctx: Context, cities: list[int]) -> Iterable[Row]:
    """The named cities, as cities.csv gives them."""
    basis = "synthetic data over a real city: country and coordinates curated (city centre)"
    source = reference_source(ctx)
    return (
        (city.city_id, city.name, "", city.country_iso3, city.latitude, city.longitude)
        + (basis, source)
        for city in (CITIES[c] for c in cities)
    )


def country_rows(ctx: Context, cities: list[int]) -> Iterable[Row]:
    """The countries of named cities and of people placed by country alone, by ISO3 code."""
    used = {CITIES[c].country_iso3 for c in cities}
    country_only = ctx.people.city[ctx.people.keep_country]
    used.update(CITIES[c].country_iso3 for c in np.unique(country_only).tolist())
    source = reference_source(ctx)
    return (
        (*country, "no", source)
        for country in sorted(COUNTRIES)
        if country.iso3 in used and country.sub_region in ctx.curated.sub_regions
    )


def key_point_target_rows(
    rng: np.random.Generator, key_points: list[Row], targets: Sequence[str]
) -> list[Row]:
    """Two curated SDG targets drawn for each key point (none if there are no targets)."""
    rows: list[Row] = []
    for meeting_id, key_point_id, *_ in sorted(key_points):
        drawn = rng.choice(targets, size=min(len(targets), 2), replace=False) if targets else []
        rows += [
            (meeting_id, key_point_id, target, "synthetic: drawn at random", TARGET_BASIS)
            for target in sorted(np.asarray(drawn).tolist())
        ]
    return rows


def generate(out_dir: Path, meetings: int, people: int, seed: int = 0) -> dict[str, int]:
    """Write a valid synthetic data folder; return the number of rows written per table."""
    if meetings < 1 or people < 1:
        raise SynthError("--meetings and --people must be at least 1")
    out_dir = Path(out_dir)
    check_destination(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = copy_reference_tables(out_dir)
    # The generator's own two roles join the curated ones (not translated: no labels).
    columns = TABLES_BY_NAME["roles"].column_names
    own = [
        [role, *[""] * (len(columns) - 1)] for role in (shape.MODERATOR_ROLE, shape.DISCUSSANT_ROLE)
    ]
    counts["roles"] = write_table(out_dir, "roles", read_curated("roles") + own, columns)
    rng, curated, city_p = np.random.default_rng(seed), Curated.read(), city_weights()
    plan = Meetings.plan(meetings)
    attendance = draw_attendance(rng, meetings, people)
    orgs = draw_organizations(rng, people, curated, city_p)
    persons = draw_people(rng, people, orgs, plan.venue[attendance.home], city_p)
    biggest = np.argsort(-np.bincount(persons.org, minlength=orgs.ids.size), kind="stable")[:3]
    stated = Stated.of(persons, orgs)
    ctx = Context(plan, attendance, orgs, persons, stated, curated, city_p, biggest, Passages())
    listing = draw_listing(rng, attendance, plan)
    report = report_tables(rng, ctx)
    speaker_sources = report.pop("speaker_sources")
    cities = cities_named(ctx, report["delegations"])
    tables: dict[str, Iterable[Row]] = {
        "sources": source_rows(ctx, listing, speaker_sources),
        **report,
        "people": people_rows(ctx, listing),
        "participants": participant_rows(ctx, listing),
        "organizations": organization_rows(ctx, listing),
        "cities": city_rows(ctx, cities),
        "countries": country_rows(ctx, cities),
    }
    if "key_point_targets" in TABLES_BY_NAME:
        targets = curated.sdg_targets
        tables["key_point_targets"] = key_point_target_rows(rng, report["key_points"], targets)
    for name, rows in tables.items():
        if name in TABLES_BY_NAME:
            counts[name] = write_table(out_dir, name, rows, shape.COLUMNS[name])
    # A table synth does not know yet stays empty (header only), which is valid.
    for table in TABLES:
        if table.name not in counts:
            counts[table.name] = write_table(out_dir, table.name, [], table.column_names)
    return counts
