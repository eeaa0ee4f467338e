"""Questions about who took part: people, their counts, organizations, places, speakers."""

from __future__ import annotations

import pandas as pd

from twg_data.filters import DIMENSIONS, Filters, Option
from twg_data.queries.base import Connection, _frame, meeting_where, people_where, place_where
from twg_data.vocabulary import LISTED_ROLE, NOT_STATED, PRESENTER_ROLE


def filter_options(con: Connection) -> dict[str, list[Option]]:
    """For each filter parameter, the values the data holds in parts (`labels.Option`), in
    display order; `labels.filter_options` names them."""
    # UNION (not UNION ALL) already drops repeated rows; a DISTINCT per branch cost 12%.
    sql = " UNION ".join(f"SELECT '{d.param}' AS param, * FROM ({d.options})" for d in DIMENSIONS)
    options: dict[str, list[Option]] = {d.param: [] for d in DIMENSIONS}
    for param, value, name, code, number, sort in con.execute(
        f"{sql} ORDER BY 1, 6, 3, 4, 5"
    ).fetchall():
        options[param].append(Option(value, name, code, number, sort))
    return options


def headline_figures(con: Connection, filters: Filters) -> pd.DataFrame:
    """One row of counts for the current filters."""
    where, params = people_where(filters)
    place, place_params = place_where(filters, "pl")
    meeting, meeting_params = meeting_where(filters, "d")
    person_level = bool(filters.person_level_active())
    sql = f"""
        WITH people AS (SELECT * FROM participant_facts WHERE {where})
        SELECT
            count(DISTINCT person_id) AS people,
            count(DISTINCT person_id) FILTER (list_contains(roles, $listed_role))
                AS listed_participants,
            count(DISTINCT person_id) FILTER (list_contains(roles, $presenter_role))
                AS presenters,
            count(DISTINCT organization_id) AS organizations,
            count(DISTINCT iso3) AS countries,
            count(DISTINCT city_id) AS cities,
            (SELECT count(DISTINCT d.city_id) FROM delegations d
             JOIN place_facts pl ON pl.city_id = d.city_id
             WHERE {meeting} AND {place} AND NOT $person_level) AS delegation_cities
        FROM people
    """
    roles = {"listed_role": LISTED_ROLE, "presenter_role": PRESENTER_ROLE}
    params = {**params, **meeting_params, **place_params, **roles, "person_level": person_level}
    return _frame(con, sql, params)


def participants(con: Connection, filters: Filters) -> pd.DataFrame:
    """One row per person per meeting, with where they come from and their roles."""
    where, params = people_where(filters)
    sql = f"""
        SELECT meeting_id, list_number, name, title, unit, organization, organization_type,
               practice_community, city, country, iso3, region, sub_region,
               array_to_string(roles, '; ') AS roles, location_basis, person_id,
               organization_id, city_id
        FROM participant_facts
        WHERE {where}
        ORDER BY meeting_id, list_number NULLS LAST, name
    """
    return _frame(con, sql, params)


def _count_by(con: Connection, filters: Filters, columns: list[str]) -> pd.DataFrame:
    """People counted per value of columns; a missing value is counted as `(not stated)`."""
    where, params = people_where(filters)
    cols = ", ".join(columns)
    shown = ", ".join(f"coalesce({c}, '{NOT_STATED}') AS {c}" for c in columns)
    sql = f"""
        SELECT {shown}, count(DISTINCT person_id) AS people
        FROM participant_facts
        WHERE {where}
        GROUP BY ALL
        ORDER BY people DESC, {cols}
    """
    return _frame(con, sql, params)


def participants_by_region(con: Connection, filters: Filters) -> pd.DataFrame:
    """People per UN M49 region and sub-region (empty region: location not stated)."""
    return _count_by(con, filters, ["region", "sub_region"])


def participants_by_country(con: Connection, filters: Filters) -> pd.DataFrame:
    """People per country."""
    return _count_by(con, filters, ["iso3", "country", "region", "sub_region"])


def participants_by_organization_type(con: Connection, filters: Filters) -> pd.DataFrame:
    """People per curated organization type."""
    return _count_by(con, filters, ["organization_type"])


def participants_by_practice_community(con: Connection, filters: Filters) -> pd.DataFrame:
    """People per curated practice community."""
    return _count_by(con, filters, ["practice_community"])


def organizations(con: Connection, filters: Filters) -> pd.DataFrame:
    """Organizations of the matching people, with people counted and the curation basis."""
    where, params = people_where(filters, "p")
    sql = f"""
        SELECT o.name AS organization, o.acronym, ot.label AS organization_type,
               pc.label AS practice_community, count(DISTINCT p.person_id) AS people,
               o.classification_basis, o.organization_id
        FROM participant_facts p
        JOIN organizations o ON o.organization_id = p.organization_id
        LEFT JOIN organization_types ot ON ot.organization_type_id = o.organization_type_id
        LEFT JOIN practice_communities pc
            ON pc.practice_community_id = o.practice_community_id
        WHERE {where}
        GROUP BY ALL
        ORDER BY people DESC, organization
    """
    return _frame(con, sql, params)


def missing_regions(con: Connection, filters: Filters) -> pd.DataFrame:
    """UN M49 sub-regions with no named participant under the filters."""
    where, params = people_where(filters)
    sql = f"""
        SELECT r.region, r.sub_region
        FROM regions r
        WHERE r.sub_region NOT IN (
            SELECT sub_region FROM participant_facts
            WHERE {where} AND sub_region IS NOT NULL
        )
        ORDER BY r.region, r.sub_region
    """
    return _frame(con, sql, params)


def missing_practice_communities(con: Connection, filters: Filters) -> pd.DataFrame:
    """Practice communities with no named participant under the filters."""
    where, params = people_where(filters)
    sql = f"""
        SELECT pc.label AS practice_community, pc.description
        FROM practice_communities pc
        WHERE pc.practice_community_id NOT IN (
            SELECT practice_community_id FROM participant_facts
            WHERE {where} AND practice_community_id IS NOT NULL
        )
        ORDER BY pc.label
    """
    return _frame(con, sql, params)


def speakers(con: Connection, filters: Filters) -> pd.DataFrame:
    """Named speakers in session order, under the filters."""
    where, params = people_where(filters, "p")
    sql = f"""
        SELECT sp.meeting_id, s.title AS session, sp.position AS "order", p.name AS person,
               sp.role, sp.title_as_stated, p.organization, p.city, p.country,
               sp.session_id, p.person_id
        FROM speakers sp
        JOIN sessions s ON s.meeting_id = sp.meeting_id AND s.session_id = sp.session_id
        JOIN participant_facts p ON p.meeting_id = sp.meeting_id AND p.person_id = sp.person_id
        WHERE {where}
        ORDER BY sp.meeting_id, s.position, sp.position
    """
    return _frame(con, sql, params)


def cities(con: Connection, filters: Filters) -> pd.DataFrame:
    """Every city that took part, and how: venue, home of named people, network delegation.

    Filters on people (organization, role, ...) keep only the cities of matching people.
    """
    people, people_params = people_where(filters)
    meeting, meeting_params = meeting_where(filters, "x")
    place, place_params = place_where(filters, "pl")
    person_level = bool(filters.person_level_active())
    sql = f"""
        WITH people AS (  -- a person at several meetings counts once, as everywhere else
            SELECT city_id, count(DISTINCT person_id) AS people
            FROM participant_facts WHERE {people} AND city_id IS NOT NULL
            GROUP BY city_id
        ),
        taking_part AS (
            SELECT x.meeting_id, x.city_id, true AS venue, NULL AS network
            FROM meetings x WHERE NOT $person_level
            UNION ALL
            SELECT x.meeting_id, x.city_id, false, x.network
            FROM delegations x WHERE NOT $person_level
        ),
        places AS (
            SELECT city_id, venue, network FROM taking_part x WHERE {meeting}
            UNION ALL
            SELECT city_id, false, NULL FROM people
        )
        SELECT pl.city, pl.iso3, pl.country, pl.region, pl.latitude, pl.longitude,
               coalesce(max(p.people), 0) AS people,
               bool_or(t.venue) AS meeting_venue,
               string_agg(DISTINCT t.network, '; ') AS delegation,
               CASE WHEN bool_or(t.venue) THEN 'venue'
                    WHEN max(p.people) > 0 AND count(t.network) > 0
                        THEN 'participants_and_delegation'
                    WHEN max(p.people) > 0 THEN 'participants'
                    ELSE 'delegation' END AS map_group,
               pl.city_id
        FROM places t
        JOIN place_facts pl ON pl.city_id = t.city_id
        LEFT JOIN people p ON p.city_id = t.city_id
        WHERE {place}
        GROUP BY pl.city_id, pl.city, pl.iso3, pl.country, pl.region, pl.latitude, pl.longitude
        ORDER BY people DESC, pl.city
    """
    params = {**people_params, **meeting_params, **place_params, "person_level": person_level}
    return _frame(con, sql, params)
