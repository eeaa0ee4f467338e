"""Questions across meetings: participation per meeting, who and what returns, key points per
meeting. Aggregates in SQL, so that their cost follows what they count, not the page."""

from __future__ import annotations

import pandas as pd

from twg_data.filters import Filters
from twg_data.queries.base import (
    Connection,
    Params,
    _frame,
    meeting_where,
    people_where,
    place_where,
)
from twg_data.vocabulary import NOT_STATED

# A meeting in every per-meeting table, in parts (`labels.MEETING_PARTS`, which
# `labels.with_meeting` names): `m` joined to its city `ci`.
_MEETING = "m.meeting_id, m.meeting_number, ci.name AS meeting_city, m.date"
_MEETINGS = "meetings m LEFT JOIN cities ci ON ci.city_id = m.city_id"


def _people_per_meeting(con: Connection, filters: Filters, column: str) -> pd.DataFrame:
    """Distinct people per meeting and value of column (missing: `(not stated)`)."""
    where, params = people_where(filters)
    sql = f"""
        WITH counts AS (
            SELECT meeting_id, coalesce({column}, '{NOT_STATED}') AS {column},
                   count(DISTINCT person_id) AS people
            FROM participant_facts WHERE {where}
            GROUP BY ALL
        )
        SELECT {_MEETING}, c.{column}, c.people
        FROM counts c JOIN {_MEETINGS} ON m.meeting_id = c.meeting_id
        ORDER BY m.date, m.meeting_id, c.people DESC, c.{column}
    """
    return _frame(con, sql, params)


def participation_by_region(con: Connection, filters: Filters) -> pd.DataFrame:
    """People per meeting and UN M49 region."""
    return _people_per_meeting(con, filters, "region")


def participation_by_organization_type(con: Connection, filters: Filters) -> pd.DataFrame:
    """People per meeting and curated organization type."""
    return _people_per_meeting(con, filters, "organization_type")


def key_points_per_meeting(con: Connection, filters: Filters) -> pd.DataFrame:
    """Key points per meeting and category (meeting filter only)."""
    where, params = meeting_where(filters, "k")
    sql = f"""
        SELECT {_MEETING}, c.label AS category, count(*) AS key_points
        FROM key_points k
        JOIN key_point_categories c ON c.category = k.category
        JOIN {_MEETINGS} ON m.meeting_id = k.meeting_id
        WHERE {where}
        GROUP BY m.meeting_id, m.meeting_number, meeting_city, m.date, c.label, c.position
        ORDER BY m.date, m.meeting_id, c.position
    """
    return _frame(con, sql, params)


# Who and what returns: one row each, with the meetings it took part in. Each is a statement
# over `took_part (key columns, meeting_id, person_id)`, also counted by `returns`.


def _people_taking_part(filters: Filters) -> tuple[str, Params]:
    where, params = people_where(filters, "p")
    sql = f"""SELECT p.person_id, p.meeting_id, p.person_id AS person, p.organization, p.city,
               p.country
        FROM participant_facts p WHERE {where}"""
    return sql, params


def _organizations_taking_part(filters: Filters) -> tuple[str, Params]:
    where, params = people_where(filters, "p")
    sql = f"""SELECT p.organization_id, p.meeting_id, p.person_id AS person
        FROM participant_facts p WHERE {where} AND p.organization_id IS NOT NULL"""
    return sql, params


def _cities_taking_part(filters: Filters) -> tuple[str, Params]:
    """A city takes part in a meeting as its venue, through a delegation or through its named
    people; filters on people keep only the cities of matching people."""
    people, people_params = people_where(filters, "p")
    meeting, meeting_params = meeting_where(filters, "x")
    place, place_params = place_where(filters, "pl")
    sql = f"""
        SELECT t.city_id, t.meeting_id, t.person
        FROM (
            SELECT x.city_id, x.meeting_id, NULL AS person FROM meetings x
            WHERE NOT $person_level AND {meeting}
            UNION ALL
            SELECT x.city_id, x.meeting_id, NULL FROM delegations x
            WHERE NOT $person_level AND {meeting}
            UNION ALL
            SELECT p.city_id, p.meeting_id, p.person_id FROM participant_facts p
            WHERE {people} AND p.city_id IS NOT NULL
        ) t
        JOIN place_facts pl ON pl.city_id = t.city_id
        WHERE {place}
    """
    params = {**people_params, **meeting_params, **place_params}
    return sql, {**params, "person_level": bool(filters.person_level_active())}


def _returning(
    con: Connection, filters: Filters, taking_part, key: str, shown: str, joins: str, more=""
) -> pd.DataFrame:
    """One row per `key` with `shown` columns: the meetings it took part in (how many, the
    first and the last) and the distinct named people it counted; most meetings first.
    `more`: further aggregates over its rows `t` and their meetings `m`."""
    took_part, params = taking_part(filters)
    sql = f"""
        WITH took_part AS ({took_part}),
        counted AS (
            SELECT t.{key}, count(DISTINCT t.meeting_id) AS meetings,
                   count(DISTINCT t.person) AS people,
                   min(m.date) AS first_meeting, max(m.date) AS last_meeting {more}
            FROM took_part t JOIN meetings m ON m.meeting_id = t.meeting_id
            GROUP BY t.{key}
        )
        SELECT {shown}, c.meetings, c.people, c.first_meeting, c.last_meeting, c.{key}
        FROM counted c {joins}
        ORDER BY c.meetings DESC, c.people DESC, 1, c.{key}
    """
    return _frame(con, sql, params)


def returning_people(con: Connection, filters: Filters) -> pd.DataFrame:
    """Each named person with the meetings they took part in, and their organization, city
    and country as the latest of those meetings that states them."""
    latest = ("organization", "city", "country")
    more = "".join(f", arg_max(t.{c}, m.date) AS {c}" for c in latest)
    shown = "pe.name, " + ", ".join(f"c.{c}" for c in latest)
    joins = "JOIN people pe ON pe.person_id = c.person_id"
    return _returning(con, filters, _people_taking_part, "person_id", shown, joins, more)


def returning_organizations(con: Connection, filters: Filters) -> pd.DataFrame:
    """Each organization of named people with the meetings it took part in."""
    shown = "o.name AS organization, o.acronym, ot.label AS organization_type"
    joins = """JOIN organizations o ON o.organization_id = c.organization_id
        LEFT JOIN organization_types ot ON ot.organization_type_id = o.organization_type_id"""
    return _returning(con, filters, _organizations_taking_part, "organization_id", shown, joins)


def returning_cities(con: Connection, filters: Filters) -> pd.DataFrame:
    """Each city with the meetings it took part in (venue, delegation or named people)."""
    shown = "pl.city, pl.iso3, pl.country, pl.region"
    joins = "JOIN place_facts pl ON pl.city_id = c.city_id"
    return _returning(con, filters, _cities_taking_part, "city_id", shown, joins)


def returns(con: Connection, filters: Filters) -> pd.DataFrame:
    """How many people, organizations and cities took part, and how many of them in more than
    one meeting: one row each."""
    parts = {
        "people": (_people_taking_part, "person_id"),
        "organizations": (_organizations_taking_part, "organization_id"),
        "cities": (_cities_taking_part, "city_id"),
    }
    selects, params = [], {}
    for position, (what, (taking_part, key)) in enumerate(parts.items()):
        sql, own = taking_part(filters)
        params.update(own)
        selects.append(
            f"""SELECT {position} AS position, '{what}' AS what, count(*) AS took_part,
                       count(*) FILTER (meetings > 1) AS returned
                FROM (SELECT {key}, count(DISTINCT meeting_id) AS meetings
                      FROM ({sql}) GROUP BY {key})"""
        )
    sql = " UNION ALL ".join(selects)
    return _frame(con, f"SELECT what, took_part, returned FROM ({sql}) ORDER BY position", params)
