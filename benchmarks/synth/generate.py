"""Synthetic data folders of the curated schema, for benchmarks and tests: never real data.

`generate(out_dir, meetings=M, people=N, seed=S)` writes every table of `schema.TABLES` as a
valid folder: M meetings, N invented people ("Synthetic Person 000042") of invented
organizations ("Synthetic Org 0017") spread over real cities and countries with a skewed,
long-tailed distribution, and a synthetic source passage behind every row. The M49 regions,
organization types and practice communities are copied from the project's curated `data/`.
Same arguments, same bytes. The project's `data/` folder is refused as a destination.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import os
import sys
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from twg_data.paths import PROJECT_ROOT
from twg_data.schema import TABLES, TABLES_BY_NAME, Table

CURATED_DIR = PROJECT_ROOT / "data"
# The columns synth writes for each table it generates, in this order. A column the schema
# adds later is written empty (fine when optional); a required one stops synth with a message.
GENERATED_COLUMNS: dict[str, tuple[str, ...]] = {
    "sources": ("source_id", "meeting_id", "section", "passage"),
    "meetings": (
        "meeting_id",
        "meeting_number",
        "title",
        "date",
        "city_id",
        "part_of",
        "agenda_process",
        "attendance_stated",
        "report_file",
        "source_id",
    ),
    "facilitators": ("meeting_id", "organization_id", "position", "name_as_stated", "source_id"),
    "objectives": ("meeting_id", "objective_id", "scope", "position", "label", "text", "source_id"),
    "sessions": (
        "meeting_id",
        "session_id",
        "position",
        "title",
        "date",
        "start_time",
        "end_time",
        "format",
        "format_basis",
        "format_rules",
        "purpose",
        "source_id",
    ),
    "people": ("person_id", "name", "aliases", "source_id"),
    "participants": (
        "meeting_id",
        "person_id",
        "list_number",
        "title",
        "unit",
        "organization_id",
        "city_id",
        "country_iso3",
        "location_basis",
        "source_id",
    ),
    "speakers": (
        "meeting_id",
        "session_id",
        "position",
        "person_id",
        "role",
        "title_as_stated",
        "source_id",
    ),
    "organizations": (
        "organization_id",
        "name",
        "acronym",
        "aliases",
        "parent_organization_id",
        "organization_type_id",
        "practice_community_id",
        "classification_basis",
        "source_id",
    ),
    "countries": (
        "iso3",
        "name",
        "m49_code",
        "sub_region",
        "intermediate_region",
        "named_in_report",
        "source_id",
    ),
    "cities": (
        "city_id",
        "name",
        "aliases",
        "country_iso3",
        "latitude",
        "longitude",
        "location_basis",
        "source_id",
    ),
    "delegations": ("meeting_id", "city_id", "network", "position", "source_id"),
    "key_points": (
        "meeting_id",
        "key_point_id",
        "category",
        "position",
        "heading",
        "text",
        "source_id",
    ),
    "framing": ("meeting_id", "framing_id", "kind", "position", "label", "text", "source_id"),
    "key_point_targets": ("meeting_id", "key_point_id", "target", "rationale", "basis"),
}
ID_PREFIX = "synth-"  # every synthetic meeting id starts with it
NETWORK = "Synthetic Network of Safer Cities"
REFERENCE_PASSAGE = (
    "Synthetic data for benchmarks and tests: real city and country names with curated codes "
    "and coordinates; every person, organization and passage is invented."
)

# countries.csv: countries in order of prominence (the rank drives the skew), with UN M49
# code, sub-region and intermediate region; sub-regions are those of the curated regions.csv.
# cities.csv: real cities (slug, name, country, latitude and longitude of the city centre,
# WGS84); within a country, the order is the rank that drives the skew.


# Meeting venues, in order; later meetings cycle through them.
VENUES = (
    "bogota",
    "geneva",
    "nairobi",
    "mexico-city",
    "johannesburg",
    "quito",
    "medellin",
    "barcelona",
    "manila",
    "beirut",
    "guatemala-city",
    "dakar",
)
_TITLES = (
    "Director",
    "Programme Officer",
    "Coordinator",
    "Senior Advisor",
    "Project Manager",
    "Mayor",
    "Deputy Mayor",
    "Researcher",
    "Head of Unit",
    "Executive Director",
    "Policy Officer",
    "Consultant",
    "Lecturer",
    "Country Representative",
    "Secretary of Security",
    "Community Organizer",
    "Specialist",
    "Chief Executive Officer",
)
# Organization type -> (practice community, weight) choices; "" leaves the community empty.
_TYPE_WEIGHTS = {
    "city-government": 30,
    "ngo": 20,
    "academic": 10,
    "national-government": 8,
    "un-entity": 7,
    "development-agency": 6,
    "network": 5,
    "foundation": 5,
    "international-organization": 3,
    "private-company": 3,
    "cooperation-programme": 2,
    "development-bank": 1,
}
_TYPE_COMMUNITIES = {
    "city-government": (("urban-safety", 9), ("", 1)),
    "ngo": (("peacebuilding", 4), ("development", 3), ("humanitarian", 2), ("", 1)),
    "academic": (("research", 1),),
    "national-government": (("urban-safety", 2), ("peacebuilding", 1), ("", 2)),
    "un-entity": (("urban-safety", 2), ("peacebuilding", 2), ("development", 1)),
    "development-agency": (("development", 3), ("research", 1)),
    "network": (("peacebuilding", 1), ("urban-safety", 1)),
    "foundation": (("development", 1), ("", 1)),
    "international-organization": (("humanitarian", 2), ("peacebuilding", 1)),
    "private-company": (("", 1),),
    "cooperation-programme": (("development", 1),),
    "development-bank": (("development", 1),),
}
_SESSION_TITLES = (
    "Exchange of promising practices",
    "Entry points for an integrated approach of urban safety and peacebuilding",
    "City-to-city exchange",
    "Lessons from cities affected by conflict",
)
_SESSION_FORMATS = ("TED-style talks", "Discussion", "Panel", "World café")
_KEY_POINT_CATEGORIES = ("commonality", "difference", "opportunity")
_KEY_POINT_SECTIONS = {
    "commonality": "Key points: Commonalities between urban safety and peacebuilding",
    "difference": "Key points: Differences between urban safety and peacebuilding",
    "opportunity": "Key points: Opportunities",
}
_FRAMING = (
    ("how", "dimension", 1, "The how"),
    ("themes", "dimension", 2, "The themes"),
    ("setting-conflict", "setting", 1, "conflict"),
    ("setting-post-conflict", "setting", 2, "post-conflict"),
    ("setting-criminal-violence", "setting", 3, "criminal violence"),
)
_OBJECTIVES = (
    ("meeting-a", "meeting", 1, "(a)", "to exchange synthetic promising practices"),
    ("meeting-b", "meeting", 2, "(b)", "to discuss synthetic entry points"),
    ("twg-purpose", "twg", 1, "", "to stand in for the TWG's purpose in synthetic data"),
    ("twg-network", "twg", 2, "", "to stand in for the TWG's network in synthetic data"),
)
_LOCATION_BASES = (
    # (basis, weight, keep city, keep country)
    ("stated", 72, True, False),
    ("stated: country only", 12, False, True),
    ("inferred: synthetic; the organization's city", 6, True, False),
    ("not stated", 10, False, False),
)


class SynthError(ValueError):
    """A request synth refuses: printed as a message, exit status 2."""


def _places(name: str) -> list[list[str]]:
    """Rows of a place list beside this file (its header dropped), in rank order."""
    with (Path(__file__).with_name(name)).open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))[1:]


COUNTRIES = _places("countries.csv")
CITIES = _places("cities.csv")


def _zipf(n: int, exponent: float) -> np.ndarray:
    weights = 1.0 / np.arange(1, n + 1) ** exponent
    return weights / weights.sum()


def city_weights() -> np.ndarray:
    """Probability of each city in `CITIES`: Zipf over countries, then over a country's cities."""
    country_rank = {row[0]: i for i, row in enumerate(COUNTRIES)}
    country_p = _zipf(len(COUNTRIES), 1.1)
    by_country: dict[str, list[int]] = {}
    for i, row in enumerate(CITIES):
        by_country.setdefault(row[2], []).append(i)
    weights = np.zeros(len(CITIES))
    for iso3, members in by_country.items():
        weights[members] = country_p[country_rank[iso3]] * _zipf(len(members), 1.3)
    return weights / weights.sum()


def _width(count: int) -> int:
    return max(4, len(str(count)))


def _is_within(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def check_destination(out_dir: Path) -> None:
    """Raise SynthError for the project's data/ folder or a folder holding non-synthetic data."""
    out_dir = Path(out_dir)
    if _is_within(out_dir, CURATED_DIR):
        raise SynthError(
            f"refusing to write synthetic data into the project's data folder ({CURATED_DIR}); "
            "choose another folder, e.g. -o /tmp/twg-synth"
        )
    meetings = out_dir / "meetings.csv"
    if meetings.is_file():
        with meetings.open(encoding="utf-8-sig", newline="") as handle:
            ids = [row.get("meeting_id") or "" for row in csv.DictReader(handle)]
        if any(not i.startswith(ID_PREFIX) for i in ids):
            raise SynthError(
                f"{out_dir} holds non-synthetic data (meetings.csv); refusing to overwrite it"
            )


def is_reference_table(table: Table) -> bool:
    """A curated list independent of any meeting (regions, organization types, ...): copied."""
    return "meeting_id" not in table.column_names and not table.references


def _read_curated(name: str) -> list[list[str]]:
    """The rows of a curated reference table in the schema's column order; none if absent."""
    table = TABLES_BY_NAME[name]
    path = CURATED_DIR / table.file_name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [[row.get(c) or "" for c in table.column_names] for row in csv.DictReader(handle)]


def _write(
    out_dir: Path, name: str, rows: Iterable[Sequence[object]], columns: Sequence[str]
) -> int:
    """Write one table (schema's header and column order) via a temporary file; count rows.

    rows hold the values of `columns`, in that order.
    """
    table = TABLES_BY_NAME[name]
    rows = rows if isinstance(rows, list) else list(rows)
    if tuple(columns) != table.column_names:
        missing = [c.name for c in table.columns if c.required and c.name not in columns]
        if missing:
            raise SynthError(
                f"the schema's table {name} requires {', '.join(missing)}, which synth does not "
                "generate yet; update benchmarks/synth/generate.py"
            )
        index = [columns.index(c) if c in columns else None for c in table.column_names]
        rows = [[row[i] if i is not None else "" for i in index] for row in rows]
    path = out_dir / table.file_name
    temp = path.with_name(f".{path.name}.tmp")
    with temp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(table.column_names)
        writer.writerows(rows)
    os.replace(temp, path)
    return len(rows)


def _choice(rng: np.random.Generator, options: Sequence[tuple[str, int]], size: int) -> np.ndarray:
    values = np.array([o for o, _ in options], dtype=object)
    weights = np.array([w for _, w in options], dtype=float)
    return values[rng.choice(len(values), size=size, p=weights / weights.sum())]


def generate(out_dir: Path, meetings: int, people: int, seed: int = 0) -> dict[str, int]:
    """Write a valid synthetic data folder; return the number of rows written per table."""
    if meetings < 1 or people < 1:
        raise SynthError("--meetings and --people must be at least 1")
    out_dir = Path(out_dir)
    check_destination(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    counts: dict[str, int] = {}

    def write(name: str, rows: Iterable[Sequence[object]]) -> None:
        if name in TABLES_BY_NAME:
            counts[name] = _write(out_dir, name, rows, GENERATED_COLUMNS[name])

    # Reference tables copied from the curation; what the generated rows may point to.
    for table in TABLES:
        if is_reference_table(table):
            counts[table.name] = _write(
                out_dir, table.name, _read_curated(table.name), table.column_names
            )
    type_ids = [row[0] for row in _read_curated("organization_types")]
    community_ids = {row[0] for row in _read_curated("practice_communities")}
    sub_regions = {row[0] for row in _read_curated("regions")}

    city_id = np.array([c[0] for c in CITIES], dtype=object)
    city_name = np.array([c[1] for c in CITIES], dtype=object)
    city_iso3 = np.array([c[2] for c in CITIES], dtype=object)
    country_name = {c[0]: c[1] for c in COUNTRIES}
    city_p = city_weights()
    city_index = {c[0]: i for i, c in enumerate(CITIES)}

    # Meetings: venue, date, id.
    meeting_ids = [f"{ID_PREFIX}{m + 1:03d}" for m in range(meetings)]
    venue = np.array([city_index[VENUES[m % len(VENUES)]] for m in range(meetings)])
    start = date(2015, 9, 21)
    meeting_dates = [start + timedelta(days=round(m * 365 / 3)) for m in range(meetings)]

    # People: a home meeting each; some also attend one or two other meetings.
    n_people = people
    home = rng.integers(0, meetings, size=n_people)
    part_person = [np.arange(n_people)]
    part_meeting = [home]
    if meetings > 1:
        for share in (0.25, 0.08):
            extra = np.flatnonzero(rng.random(n_people) < share)
            offset = rng.integers(1, meetings, size=extra.size)
            part_person.append(extra)
            part_meeting.append((home[extra] + offset) % meetings)
    person_of = np.concatenate(part_person)
    meeting_of = np.concatenate(part_meeting)
    pairs = np.unique(meeting_of.astype(np.int64) * n_people + person_of)  # sorted, deduplicated
    meeting_of, person_of = pairs // n_people, pairs % n_people
    n_rows = pairs.size

    # Organizations: fewer than people (they saturate), skewed in size, each with a home city.
    n_orgs = min(n_people, max(5, round(4 * math.sqrt(n_people))))
    types_present = [t for t in _TYPE_WEIGHTS if t in type_ids] or type_ids
    org_type = _choice(rng, [(t, _TYPE_WEIGHTS.get(t, 1)) for t in types_present], n_orgs).astype(
        object
    )
    org_community = np.full(n_orgs, "", dtype=object)
    for type_id in types_present:
        members = np.flatnonzero(org_type == type_id)
        options = [
            (c, w) for c, w in _TYPE_COMMUNITIES.get(type_id, (("", 1),)) if c in community_ids
        ] or [("", 1)]
        org_community[members] = _choice(rng, options, members.size)
    org_city = rng.choice(len(CITIES), size=n_orgs, p=city_p)
    ow = _width(n_orgs)
    org_ids = np.array([f"synthetic-org-{i:0{ow}d}" for i in range(1, n_orgs + 1)], dtype=object)
    org_names = np.array([f"Synthetic Org {i:0{ow}d}" for i in range(1, n_orgs + 1)], dtype=object)
    has_acronym = rng.random(n_orgs) < 0.3
    has_parent = rng.random(n_orgs) < 0.05
    has_parent[0] = False
    parent = (rng.random(n_orgs) * np.arange(n_orgs)).astype(np.int64)  # an earlier org

    # Per person: organization (Zipf-sized), city (mostly the organization's), title, basis.
    person_org = rng.choice(n_orgs, size=n_people, p=_zipf(n_orgs, 0.9))
    no_org = rng.random(n_people) < 0.03
    at_org_city = rng.random(n_people) < 0.7
    local = rng.random(n_people) < 0.25  # from the venue city of their home meeting
    person_city = np.where(
        at_org_city,
        org_city[person_org],
        np.where(local, venue[home], rng.choice(len(CITIES), size=n_people, p=city_p)),
    )
    bases = _LOCATION_BASES
    basis_p = np.array([b[1] for b in bases], dtype=float)
    basis_of = rng.choice(len(bases), size=n_people, p=basis_p / basis_p.sum())
    keep_city = np.array([b[2] for b in bases])[basis_of]
    keep_country = np.array([b[3] for b in bases])[basis_of]
    titles = np.array(("",) + _TITLES, dtype=object)
    title_p = np.concatenate(([0.05], 0.95 * _zipf(len(_TITLES), 0.8)))
    person_title = titles[rng.choice(len(titles), size=n_people, p=title_p)]
    has_unit = rng.random(n_people) < 0.2
    unit_number = rng.integers(1, 40, size=n_people)
    has_alias = rng.random(n_people) < 0.05

    pw = _width(n_people)
    person_ids = np.array(
        [f"synthetic-person-{i:0{pw}d}" for i in range(1, n_people + 1)], dtype=object
    )
    person_names = np.array(
        [f"Synthetic Person {i:0{pw}d}" for i in range(1, n_people + 1)], dtype=object
    )
    person_org_id = np.where(no_org, "", org_ids[person_org])
    person_org_name = np.where(no_org, "", org_names[person_org])
    person_city_id = np.where(keep_city, city_id[person_city], "")
    person_city_name = np.where(keep_city, city_name[person_city], "")
    person_country = np.where(keep_country, city_iso3[person_city], "")
    shown_country = np.array([country_name[i] for i in city_iso3[person_city]], dtype=object)
    shown_country = np.where(keep_city | keep_country, shown_country, "")
    units = np.array([f"Synthetic Programme {u}" for u in range(40)], dtype=object)
    person_unit = np.where(has_unit, units[unit_number], "")

    # Participant rows (sorted by meeting, person): list numbers and list-entry passages.
    listed = rng.random(n_rows) >= 0.05
    list_number = np.zeros(n_rows, dtype=np.int64)
    meeting_starts = np.searchsorted(meeting_of, np.arange(meetings + 1))
    for m in range(meetings):
        lo, hi = meeting_starts[m], meeting_starts[m + 1]
        list_number[lo:hi] = np.cumsum(listed[lo:hi])
    row_in_meeting = np.arange(n_rows) - meeting_starts[meeting_of]
    rw = _width(int(np.diff(meeting_starts).max(initial=1)))
    mid = np.array(meeting_ids, dtype=object)[meeting_of]
    entry_source = [
        f"{m}-l-{r:0{rw}d}" for m, r in zip(mid.tolist(), row_in_meeting.tolist(), strict=True)
    ]
    entry_source_arr = np.array(entry_source, dtype=object)

    # People and organizations point to the passage that first names them.
    first_row = np.full(n_people, -1, dtype=np.int64)
    first_row[person_of[::-1]] = np.arange(n_rows)[::-1]
    named_org = np.where(no_org[person_of], -1, person_org[person_of])
    org_first_row = np.full(n_orgs, -1, dtype=np.int64)
    has_org = named_org >= 0
    rows_with_org = np.flatnonzero(has_org)[::-1]
    org_first_row[named_org[rows_with_org]] = rows_with_org
    reference_source = f"{meeting_ids[0]}-a-00-reference"

    # Sources: report passages of each meeting, then the list entries, then speaker passages.
    source_rows: list[tuple[str, str, str, str]] = [
        (reference_source, meeting_ids[0], "Synthetic reference data", REFERENCE_PASSAGE)
    ]
    meeting_rows, facilitator_rows, objective_rows, session_rows = [], [], [], []
    speaker_rows, key_point_rows, framing_rows, delegation_rows = [], [], [], []
    speaker_sources: list[tuple[str, str, str, str]] = []
    delegation_cities: set[int] = set()
    facilitator_orgs = np.argsort(-np.bincount(person_org, minlength=n_orgs), kind="stable")[:3]
    for m, meeting_id in enumerate(meeting_ids):
        when = meeting_dates[m]
        place = CITIES[venue[m]][1]
        n_here = int(meeting_starts[m + 1] - meeting_starts[m])

        def source(key: str, section: str, passage: str, meeting_id: str = meeting_id) -> str:
            source_id = f"{meeting_id}-a-{key}"
            source_rows.append((source_id, meeting_id, section, passage))
            return source_id

        title = f"Synthetic report on TWG meeting {m + 1}, {place}, {when:%d %B %Y}"
        src = source("01-title", "Title", title)
        meeting_rows.append(
            (
                meeting_id,
                m + 1,
                title,
                when.isoformat(),
                CITIES[venue[m]][0],
                f"Synthetic event {m + 1}",
                "a synthetic agenda-setting process",
                f"around {n_here} participants (synthetic)",
                "",
                src,
            )
        )
        names = "; ".join(str(org_names[o]) for o in facilitator_orgs)
        src = source("02-facilitators", "Background", f"Co-facilitated by {names} (synthetic).")
        for position, o in enumerate(facilitator_orgs, start=1):
            facilitator_rows.append((meeting_id, org_ids[o], position, org_names[o], src))
        for objective_id, scope, position, label, text in _OBJECTIVES:
            src = source(f"03-objective-{objective_id}", "Objectives", f"The meeting aims {text}.")
            objective_rows.append((meeting_id, objective_id, scope, position, label, text, src))

        # Sessions (2-4), 75 minutes each with 15-minute breaks, and their speakers.
        n_sessions = int(rng.integers(2, 5))
        lo, hi = int(meeting_starts[m]), int(meeting_starts[m + 1])
        n_speakers = rng.integers(3, 9, size=n_sessions)
        pool = lo + rng.permutation(hi - lo)[: int(n_speakers.sum())]
        taken = 0
        for s in range(n_sessions):
            session_id = f"focus-{s + 1}"
            begin = 9 * 60 + s * 90
            session_format = _SESSION_FORMATS[s % len(_SESSION_FORMATS)]
            purpose = f"synthetic purpose of session {s + 1}"
            src = source(
                f"04-session-{s + 1}",
                "Agenda",
                f"Focus {s + 1}: {_SESSION_TITLES[s]} ({session_format}); {purpose}.",
            )
            session_rows.append(
                (
                    meeting_id,
                    session_id,
                    s + 1,
                    _SESSION_TITLES[s],
                    when.isoformat(),
                    f"{begin // 60:02d}:{begin % 60:02d}",
                    f"{(begin + 75) // 60:02d}:{(begin + 75) % 60:02d}",
                    session_format,
                    "stated" if s % 2 == 0 else "inferred: synthetic",
                    f"synthetic rules of the {session_format.lower()} format",
                    purpose,
                    src,
                )
            )
            for position in range(1, int(n_speakers[s]) + 1):
                if taken >= pool.size:
                    break
                row = int(pool[taken])
                taken += 1
                person = int(person_of[row])
                role = (
                    "kick-off presenter"
                    if s == 0
                    else ("moderator" if position == 1 else "discussant")
                )
                stated = ", ".join(
                    p
                    for p in (
                        person_title[person],
                        person_org_name[person],
                        person_city_name[person],
                    )
                    if p
                )
                speaker_source = f"{meeting_id}-s-{s + 1}-{position}"
                speaker_sources.append(
                    (
                        speaker_source,
                        meeting_id,
                        f"Focus {s + 1}",
                        f"{person_names[person]} ({stated or 'no affiliation stated'}) spoke "
                        f"as {role} (synthetic).",
                    )
                )
                speaker_rows.append(
                    (
                        meeting_id,
                        session_id,
                        position,
                        person_ids[person],
                        role,
                        stated,
                        speaker_source,
                    )
                )

        for category in _KEY_POINT_CATEGORIES:
            for position in range(1, int(rng.integers(2, 5)) + 1):
                key_point_id = f"{category}-{position}"
                text = f"Synthetic {category} {position} of meeting {m + 1}: invented text."
                src = source(f"05-{key_point_id}", _KEY_POINT_SECTIONS[category], text)
                key_point_rows.append(
                    (
                        meeting_id,
                        key_point_id,
                        category,
                        position,
                        f"Synthetic {category} {position}",
                        text,
                        src,
                    )
                )
        for framing_id, kind, position, label in _FRAMING:
            text = f"entry points framed by {label} (synthetic)"
            src = source(f"06-{framing_id}", "Entry points", text)
            framing_rows.append((meeting_id, framing_id, kind, position, label, text, src))

        n_delegations = int(rng.integers(5, 16))
        cities_here = rng.choice(len(CITIES), size=n_delegations, replace=False, p=city_p)
        delegation_cities.update(int(c) for c in cities_here)
        listing = ", ".join(CITIES[c][1] for c in cities_here)
        src = source(
            "07-delegations",
            "List of participants",
            f"Delegations of the {NETWORK} joined from {listing}.",
        )
        for position, c in enumerate(cities_here, start=1):
            delegation_rows.append((meeting_id, CITIES[c][0], NETWORK, position, src))

    # The list-of-participants entries: one passage per participant row.
    p_title, p_org_name = person_title[person_of], person_org_name[person_of]
    p_city, p_country = person_city_name[person_of], shown_country[person_of]
    passages = [
        ", ".join(part for part in parts if part)
        for parts in zip(
            person_names[person_of].tolist(),
            p_title.tolist(),
            p_org_name.tolist(),
            p_city.tolist(),
            p_country.tolist(),
            strict=True,
        )
    ]
    entry_rows = zip(
        entry_source,
        mid.tolist(),
        ["List of participants"] * n_rows,
        passages,
        strict=True,
    )
    source_rows.sort()
    write(
        "sources",
        _chain(source_rows, entry_rows, sorted(speaker_sources)),
    )
    write("meetings", meeting_rows)
    write("facilitators", sorted(facilitator_rows, key=lambda r: (r[0], r[1])))
    write("objectives", sorted(objective_rows, key=lambda r: (r[0], r[1])))
    write("sessions", session_rows)
    write("speakers", speaker_rows)
    write("key_points", sorted(key_point_rows, key=lambda r: (r[0], r[1])))
    write("framing", sorted(framing_rows, key=lambda r: (r[0], r[1])))
    write("delegations", sorted(delegation_rows, key=lambda r: (r[0], r[1])))

    write(
        "people",
        zip(
            person_ids.tolist(),
            person_names.tolist(),
            [f"Synth. Person {i:0{pw}d}" if a else "" for i, a in enumerate(has_alias, 1)],
            entry_source_arr[first_row].tolist(),
            strict=True,
        ),
    )
    basis_text = np.array([b[0] for b in bases], dtype=object)
    list_text = np.where(listed, list_number.astype(str).astype(object), "")
    write(
        "participants",
        zip(
            mid.tolist(),
            person_ids[person_of].tolist(),
            list_text.tolist(),
            p_title.tolist(),
            person_unit[person_of].tolist(),
            person_org_id[person_of].tolist(),
            person_city_id[person_of].tolist(),
            person_country[person_of].tolist(),
            basis_text[basis_of[person_of]].tolist(),
            entry_source,
            strict=True,
        ),
    )

    org_source = np.where(
        org_first_row >= 0, entry_source_arr[np.maximum(org_first_row, 0)], reference_source
    )
    write(
        "organizations",
        zip(
            org_ids.tolist(),
            org_names.tolist(),
            [f"SO{i:0{ow}d}" if a else "" for i, a in enumerate(has_acronym, 1)],
            [f"Synth. Org {i:0{ow}d}" if a else "" for i, a in enumerate(has_acronym, 1)],
            np.where(has_parent, org_ids[parent], "").tolist(),
            org_type.tolist(),
            org_community.tolist(),
            ["synthetic: type and community drawn at random"] * n_orgs,
            org_source.tolist(),
            strict=True,
        ),
    )

    # Places: every city named (venues, participants, delegations) and their countries.
    used = set(venue.tolist()) | delegation_cities
    used.update(np.unique(person_city[keep_city]).tolist())
    cities_used = sorted(used, key=lambda c: CITIES[c][0])
    write(
        "cities",
        (
            (
                CITIES[c][0],
                CITIES[c][1],
                "",
                CITIES[c][2],
                CITIES[c][3],
                CITIES[c][4],
                "synthetic data over a real city: country and coordinates curated (city centre)",
                reference_source,
            )
            for c in cities_used
        ),
    )
    iso3_used = {CITIES[c][2] for c in cities_used}
    iso3_used.update(np.unique(city_iso3[person_city[keep_country]]).tolist())
    write(
        "countries",
        (
            (iso3, name, m49, sub_region, intermediate, "no", reference_source)
            for iso3, name, m49, sub_region, intermediate in sorted(COUNTRIES)
            if iso3 in iso3_used and sub_region in sub_regions
        ),
    )
    if "key_point_targets" in TABLES_BY_NAME:
        targets = [row[0] for row in _read_curated("sdg_targets")]
        write(
            "key_point_targets",
            [
                (
                    meeting_id,
                    key_point_id,
                    target,
                    "synthetic: drawn at random",
                    "curation: synthetic data, no reading behind it",
                )
                for meeting_id, key_point_id, *_ in sorted(key_point_rows)
                for target in sorted(
                    rng.choice(targets, size=min(len(targets), 2), replace=False).tolist()
                    if targets
                    else []
                )
            ],
        )
    # A table synth does not know yet stays empty (header only), which is valid.
    for table in TABLES:
        if table.name not in counts:
            counts[table.name] = _write(out_dir, table.name, [], table.column_names)
    return counts


def _chain(*parts: Iterable[Sequence[object]]) -> Iterable[Sequence[object]]:
    for part in parts:
        yield from part


def build_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the generator's arguments to parser."""
    parser.add_argument("--meetings", type=int, default=3, help="number of meetings (default 3)")
    parser.add_argument("--people", type=int, default=300, help="number of people (default 300)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder to write")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.set_defaults(run=run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m benchmarks.synth`: parse the arguments and generate."""
    parser = build_parser(argparse.ArgumentParser(prog="python -m benchmarks.synth"))
    args = parser.parse_args(argv)
    return args.run(args)


def run(args: argparse.Namespace) -> int:
    """The `synth` command: generate, report what was written; exit 2 on a refused request."""
    try:
        counts = generate(args.output, args.meetings, args.people, args.seed)
    except SynthError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    summary = io.StringIO()
    for name, count in counts.items():
        summary.write(f"  {name}: {count:,} rows\n")
    print(f"wrote synthetic data to {args.output}:\n{summary.getvalue()}", end="", file=sys.stderr)
    return 0
