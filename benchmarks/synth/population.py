"""The synthetic population, drawn before any report is written: meetings, who attends which,
organizations, people, what the list of participants states of them, and its entries.

The draws happen in this order (attendance, organizations, people, list entries); changing it
changes every file for a seed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from benchmarks.synth import shape
from benchmarks.synth.draw import choice, zipf
from benchmarks.synth.folder import ID_PREFIX, Curated
from benchmarks.synth.places import CITIES, CITY_INDEX, COUNTRIES

FIRST_MEETING = date(2015, 9, 21)


def digits(count: int) -> int:
    """Digits of a zero-padded number up to count (at least 4)."""
    return max(4, len(str(count)))


@dataclass(frozen=True)
class Meetings:
    """The meetings: ids, venues (indexes into CITIES) and dates."""

    ids: list[str]
    venue: np.ndarray
    dates: list[date]

    @classmethod
    def plan(cls, count: int) -> Meetings:
        """count meetings, four months apart from September 2015, venues in `shape.VENUES` order."""
        venues = shape.VENUES
        return cls(
            [f"{ID_PREFIX}{m + 1:03d}" for m in range(count)],
            np.array([CITY_INDEX[venues[m % len(venues)]] for m in range(count)]),
            [FIRST_MEETING + timedelta(days=round(m * 365 / 3)) for m in range(count)],
        )


@dataclass(frozen=True)
class Attendance:
    """Who attends which meeting: one participant row per (meeting, person), sorted."""

    home: np.ndarray  # each person's home meeting
    meeting_of: np.ndarray  # per participant row
    person_of: np.ndarray
    starts: np.ndarray  # first row of each meeting, then the number of rows

    @property
    def rows(self) -> int:
        """Number of participant rows."""
        return int(self.person_of.size)

    def span(self, m: int) -> tuple[int, int]:
        """The participant rows of meeting m, as a half-open range."""
        return int(self.starts[m]), int(self.starts[m + 1])


def draw_attendance(rng: np.random.Generator, meetings: int, people: int) -> Attendance:
    """A home meeting per person; a quarter also attend another meeting, 8 % one more."""
    home = rng.integers(0, meetings, size=people)
    part_person, part_meeting = [np.arange(people)], [home]
    if meetings > 1:
        for share in (0.25, 0.08):
            extra = np.flatnonzero(rng.random(people) < share)
            offset = rng.integers(1, meetings, size=extra.size)
            part_person.append(extra)
            part_meeting.append((home[extra] + offset) % meetings)
    person_of, meeting_of = np.concatenate(part_person), np.concatenate(part_meeting)
    pairs = np.unique(meeting_of.astype(np.int64) * people + person_of)  # sorted, deduplicated
    meeting_of, person_of = pairs // people, pairs % people
    starts = np.searchsorted(meeting_of, np.arange(meetings + 1))
    return Attendance(home, meeting_of, person_of, starts)


@dataclass(frozen=True)
class Organizations:
    """Invented organizations: type, community, home city, acronym, parent."""

    ids: np.ndarray
    names: np.ndarray
    type_id: np.ndarray
    community: np.ndarray
    city: np.ndarray  # index into CITIES
    has_acronym: np.ndarray
    parent: np.ndarray  # index of an earlier organization, or -1


def draw_organizations(
    rng: np.random.Generator, people: int, curated: Curated, city_p: np.ndarray
) -> Organizations:
    """About 4·√people organizations (they saturate), each with a type, community and city."""
    count = min(people, max(5, round(4 * math.sqrt(people))))
    types = [t for t in shape.TYPE_WEIGHTS if t in curated.type_ids] or curated.type_ids
    type_id = choice(rng, [(t, shape.TYPE_WEIGHTS.get(t, 1)) for t in types], count)
    community = np.full(count, "", dtype=object)
    for t in types:
        members = np.flatnonzero(type_id == t)
        options = shape.TYPE_COMMUNITIES.get(t, (("", 1),))
        known = [(c, w) for c, w in options if c in curated.community_ids] or [("", 1)]
        community[members] = choice(rng, known, members.size)
    city = rng.choice(len(CITIES), size=count, p=city_p)
    width = digits(count)
    numbers = range(1, count + 1)
    has_acronym = rng.random(count) < 0.3
    has_parent = rng.random(count) < 0.05
    has_parent[0] = False
    earlier = (rng.random(count) * np.arange(count)).astype(np.int64)
    return Organizations(
        np.array([f"synthetic-org-{i:0{width}d}" for i in numbers], dtype=object),
        np.array([f"Synthetic Org {i:0{width}d}" for i in numbers], dtype=object),
        type_id.astype(object),
        community,
        city,
        has_acronym,
        np.where(has_parent, earlier, -1),
    )


@dataclass(frozen=True)
class People:
    """Invented people: organization, city and what the list of participants states of them."""

    ids: np.ndarray
    names: np.ndarray
    org: np.ndarray  # index into the organizations
    no_org: np.ndarray
    city: np.ndarray  # index into CITIES
    basis: np.ndarray  # index into shape.LOCATION_BASES
    keep_city: np.ndarray
    keep_country: np.ndarray
    title: np.ndarray
    unit: np.ndarray
    has_alias: np.ndarray


def draw_people(
    rng: np.random.Generator,
    count: int,
    orgs: Organizations,
    home_venue: np.ndarray,
    city_p: np.ndarray,
) -> People:
    """Per person: a Zipf-sized organization, a city (mostly the organization's), title, basis."""
    org = rng.choice(orgs.ids.size, size=count, p=zipf(orgs.ids.size, 0.9))
    no_org = rng.random(count) < 0.03
    at_org_city = rng.random(count) < 0.7
    local = rng.random(count) < 0.25  # from the venue city of their home meeting
    elsewhere = rng.choice(len(CITIES), size=count, p=city_p)
    city = np.where(at_org_city, orgs.city[org], np.where(local, home_venue, elsewhere))
    bases = shape.LOCATION_BASES
    basis_p = np.array([b[1] for b in bases], dtype=float)
    basis = rng.choice(len(bases), size=count, p=basis_p / basis_p.sum())
    titles = np.array(("",) + shape.TITLES, dtype=object)
    title_p = np.concatenate(([0.05], 0.95 * zipf(len(shape.TITLES), 0.8)))
    title = titles[rng.choice(len(titles), size=count, p=title_p)]
    has_unit = rng.random(count) < 0.2
    units = np.array([f"Synthetic Programme {u}" for u in range(40)], dtype=object)
    unit = np.where(has_unit, units[rng.integers(1, 40, size=count)], "")
    width = digits(count)
    numbers = range(1, count + 1)
    return People(
        np.array([f"synthetic-person-{i:0{width}d}" for i in numbers], dtype=object),
        np.array([f"Synthetic Person {i:0{width}d}" for i in numbers], dtype=object),
        org,
        no_org,
        city,
        basis,
        np.array([b[2] for b in bases])[basis],
        np.array([b[3] for b in bases])[basis],
        title,
        unit,
        rng.random(count) < 0.05,
    )


@dataclass(frozen=True)
class Stated:
    """What the list of participants states of each person (empty where it states nothing)."""

    org_id: np.ndarray
    org_name: np.ndarray
    city_id: np.ndarray
    city_name: np.ndarray
    country_iso3: np.ndarray  # only for a person the list places by country alone
    country_name: np.ndarray  # shown in the passage whenever a city or country is stated

    @classmethod
    def of(cls, people: People, orgs: Organizations) -> Stated:
        """What the list states of people."""
        city_ids = np.array([c.city_id for c in CITIES], dtype=object)[people.city]
        city_names = np.array([c.name for c in CITIES], dtype=object)[people.city]
        iso3 = np.array([c.country_iso3 for c in CITIES], dtype=object)[people.city]
        name_of = {c.iso3: c.name for c in COUNTRIES}
        country_name = np.array([name_of[i] for i in iso3], dtype=object)
        return cls(
            np.where(people.no_org, "", orgs.ids[people.org]),
            np.where(people.no_org, "", orgs.names[people.org]),
            np.where(people.keep_city, city_ids, ""),
            np.where(people.keep_city, city_names, ""),
            np.where(people.keep_country, iso3, ""),
            np.where(people.keep_city | people.keep_country, country_name, ""),
        )


@dataclass(frozen=True)
class Listing:
    """The list of participants: an entry (and its passage id) per participant row."""

    listed: np.ndarray  # 5 % of rows have no list number
    number: np.ndarray
    meeting_id: np.ndarray  # per row
    source: list[str]  # the entry's passage id


def draw_listing(rng: np.random.Generator, attendance: Attendance, meetings: Meetings) -> Listing:
    """Number each meeting's list entries in order, skipping unnumbered ones."""
    listed = rng.random(attendance.rows) >= 0.05
    number = np.zeros(attendance.rows, dtype=np.int64)
    for m in range(len(meetings.ids)):
        lo, hi = attendance.span(m)
        number[lo:hi] = np.cumsum(listed[lo:hi])
    row_in_meeting = np.arange(attendance.rows) - attendance.starts[attendance.meeting_of]
    width = digits(int(np.diff(attendance.starts).max(initial=1)))
    meeting_id = np.array(meetings.ids, dtype=object)[attendance.meeting_of]
    source = [
        f"{m}-l-{r:0{width}d}"
        for m, r in zip(meeting_id.tolist(), row_in_meeting.tolist(), strict=True)
    ]
    return Listing(listed, number, meeting_id, source)
