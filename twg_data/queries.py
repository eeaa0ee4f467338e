"""Every question the app, the CLI and the exports ask the database: one function, one statement.

Each function takes a DuckDB connection (or cursor) and the one `Filters` object and returns a
pandas DataFrame. Values travel as named parameters (`$city`); the only text composed into SQL
is what the filter dimensions and the vocabulary declare, never user input. Aggregation
happens here, in SQL.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from twg_data import vocabulary
from twg_data.filters import DIMENSIONS, MEETING, PERSON, PLACE, Filters
from twg_data.schema import TABLES_BY_NAME
from twg_data.vocabulary import LISTED_ROLE, NOT_STATED, PRESENTER_ROLE

Connection = duckdb.DuckDBPyConnection

# Tables computed once per build from the curated tables, so that queries stay simple and fast.
DERIVED_TABLES: dict[str, str] = {
    "participant_facts": f"""
        WITH speaker_roles AS (
            SELECT meeting_id, person_id, list(DISTINCT role) AS roles
            FROM speakers GROUP BY meeting_id, person_id
        )
        SELECT
            p.meeting_id, p.person_id, pe.name, pe.aliases, p.list_number, p.title, p.unit,
            p.organization_id, o.name AS organization, o.acronym AS organization_acronym,
            o.organization_type_id, ot.label AS organization_type,
            o.practice_community_id, pc.label AS practice_community,
            p.city_id, ci.name AS city,
            coalesce(ci.country_iso3, p.country_iso3) AS iso3, co.name AS country,
            r.region, co.sub_region, p.location_basis,
            list_sort(list_concat(
                CASE WHEN p.list_number IS NULL THEN []::VARCHAR[]
                     ELSE ['{LISTED_ROLE}'] END,
                coalesce(sr.roles, []::VARCHAR[])
            )) AS roles,
            p.source_id
        FROM participants p
        JOIN people pe ON pe.person_id = p.person_id
        LEFT JOIN organizations o ON o.organization_id = p.organization_id
        LEFT JOIN organization_types ot ON ot.organization_type_id = o.organization_type_id
        LEFT JOIN practice_communities pc
            ON pc.practice_community_id = o.practice_community_id
        LEFT JOIN cities ci ON ci.city_id = p.city_id
        LEFT JOIN countries co ON co.iso3 = coalesce(ci.country_iso3, p.country_iso3)
        LEFT JOIN regions r ON r.sub_region = co.sub_region
        LEFT JOIN speaker_roles sr
            ON sr.meeting_id = p.meeting_id AND sr.person_id = p.person_id
    """,
    "cities_in_meetings": """
        SELECT city_id FROM meetings
        UNION SELECT city_id FROM participants WHERE city_id IS NOT NULL
        UNION SELECT city_id FROM delegations
    """,
    "place_facts": """
        SELECT ci.city_id, ci.name AS city, ci.country_iso3 AS iso3, co.name AS country,
               r.region, co.sub_region, ci.latitude, ci.longitude
        FROM cities ci
        LEFT JOIN countries co ON co.iso3 = ci.country_iso3
        LEFT JOIN regions r ON r.sub_region = co.sub_region
    """,
}

Params = dict[str, object]


def _people_where(filters: Filters, alias: str = "") -> tuple[str, Params]:
    return filters.where((MEETING, PLACE, PERSON), alias)


def _meeting_where(filters: Filters, alias: str = "") -> tuple[str, Params]:
    return filters.where((MEETING,), alias)


def _place_where(filters: Filters, alias: str = "") -> tuple[str, Params]:
    return filters.where((PLACE,), alias)


def _frame(con: Connection, sql: str, params: Params) -> pd.DataFrame:
    return con.execute(sql, params).df()


def filter_options(con: Connection) -> dict[str, list[tuple[str, str]]]:
    """For each filter parameter, the (value, label) pairs the data holds, in display order."""
    sql = " UNION ".join(
        f"SELECT DISTINCT '{d.param}' AS param, * FROM ({d.options})" for d in DIMENSIONS
    )
    options: dict[str, list[tuple[str, str]]] = {d.param: [] for d in DIMENSIONS}
    for param, value, label, _ in con.execute(f"{sql} ORDER BY 1, 4, 3").fetchall():
        options[param].append((value, label))
    return options


def meetings(con: Connection, filters: Filters) -> pd.DataFrame:
    """The selected meetings with their place, date and framing facts."""
    where, params = _meeting_where(filters, "m")
    sql = f"""
        SELECT m.meeting_id, m.meeting_number, m.title, m.date, ci.name AS city,
               {vocabulary.MEETING_LABEL_SQL} AS label, co.name AS country, m.part_of,
               m.agenda_process, m.attendance_stated,
               m.report_file,
               (SELECT string_agg(f.name_as_stated, '; ' ORDER BY f.position)
                FROM facilitators f WHERE f.meeting_id = m.meeting_id) AS co_facilitators
        FROM meetings m
        LEFT JOIN cities ci ON ci.city_id = m.city_id
        LEFT JOIN countries co ON co.iso3 = ci.country_iso3
        WHERE {where}
        ORDER BY m.date, m.meeting_id
    """
    return _frame(con, sql, params)


def objectives(con: Connection, filters: Filters) -> pd.DataFrame:
    """The TWG's standing objectives and each meeting's own, in report order."""
    where, params = _meeting_where(filters, "o")
    sql = f"""
        SELECT o.meeting_id, o.scope, o.position, o.label, o.text, s.passage AS source_passage
        FROM objectives o JOIN sources s ON s.source_id = o.source_id
        WHERE {where}
        ORDER BY o.meeting_id, o.scope DESC, o.position
    """
    return _frame(con, sql, params)


def headline_figures(con: Connection, filters: Filters) -> pd.DataFrame:
    """One row of counts for the current filters."""
    where, params = _people_where(filters)
    place_where, place_params = _place_where(filters, "pl")
    meeting_where, meeting_params = _meeting_where(filters, "d")
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
             WHERE {meeting_where} AND {place_where} AND NOT $person_level) AS delegation_cities
        FROM people
    """
    roles = {"listed_role": LISTED_ROLE, "presenter_role": PRESENTER_ROLE}
    params = {**params, **meeting_params, **place_params, **roles, "person_level": person_level}
    return _frame(con, sql, params)


def participants(con: Connection, filters: Filters) -> pd.DataFrame:
    """One row per person per meeting, with where they come from and their roles."""
    where, params = _people_where(filters)
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
    where, params = _people_where(filters)
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
    where, params = _people_where(filters, "p")
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
    where, params = _people_where(filters)
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
    where, params = _people_where(filters)
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


def sessions(con: Connection, filters: Filters) -> pd.DataFrame:
    """Sessions of the selected meetings; `speakers` counts named speakers under the filters."""
    where, params = _people_where(filters, "p")
    meeting_where, meeting_params = _meeting_where(filters, "s")
    sql = f"""
        WITH counts AS (
            SELECT sp.meeting_id, sp.session_id, count(*) AS speakers_in_report,
                   count(*) FILTER ({where}) AS speakers
            FROM speakers sp
            JOIN participant_facts p
                ON p.meeting_id = sp.meeting_id AND p.person_id = sp.person_id
            GROUP BY ALL
        )
        SELECT s.meeting_id, s.position, s.title, s.date,
               strftime(s.date + s.start_time, '%H:%M') AS start,
               strftime(s.date + s.end_time, '%H:%M') AS "end",
               datediff('minute', s.start_time, s.end_time) AS duration_minutes,
               s.format, s.format_basis, s.format_rules, s.purpose,
               coalesce(c.speakers, 0) AS speakers,
               coalesce(c.speakers_in_report, 0) AS speakers_in_report,
               src.passage AS source_passage, s.session_id
        FROM sessions s
        JOIN sources src ON src.source_id = s.source_id
        LEFT JOIN counts c ON c.meeting_id = s.meeting_id AND c.session_id = s.session_id
        WHERE {meeting_where}
        ORDER BY s.meeting_id, s.date, s.start_time
    """
    return _frame(con, sql, {**params, **meeting_params})


def session_timeline(con: Connection, filters: Filters) -> pd.DataFrame:
    """Sessions and the gaps between them, as bars on a time-of-day axis (`start_at`, `end_at`
    fall on one nominal day so that several meetings line up); `order` sorts the rows."""
    where, params = _meeting_where(filters)
    sql = f"""
        WITH s AS (
            SELECT meeting_id, date, start_time, end_time, title, position,
                   lead(start_time) OVER (PARTITION BY meeting_id, date ORDER BY start_time)
                       AS next_start,
                   (SELECT count(DISTINCT meeting_id) FROM sessions WHERE {where}) > 1
                       AS several
            FROM sessions WHERE {where}
        ),
        bars AS (
            SELECT meeting_id, date, several, 'session' AS kind, start_time AS t0,
                   end_time AS t1, concat('Focus ', position, ': ', title) AS name
            FROM s
            UNION ALL
            SELECT meeting_id, date, several, 'break', end_time, next_start,
                   'Break (not described in the report)'
            FROM s WHERE next_start > end_time
        )
        SELECT meeting_id,
               concat(CASE WHEN several THEN strftime(date, '%Y-%m-%d') || ' · ' END, name)
                   AS label,
               kind, strftime(date, '%Y-%m-%d') AS date,
               strftime(DATE '2000-01-01' + t0, '%H:%M') AS start,
               strftime(DATE '2000-01-01' + t1, '%H:%M') AS "end",
               datediff('minute', t0, t1) AS duration_minutes,
               DATE '2000-01-01' + t0 AS start_at, DATE '2000-01-01' + t1 AS end_at,
               row_number() OVER (ORDER BY date, meeting_id, t0) AS "order"
        FROM bars
        ORDER BY "order"
    """
    return _frame(con, sql, params)


def speakers(con: Connection, filters: Filters) -> pd.DataFrame:
    """Named speakers in session order, under the filters."""
    where, params = _people_where(filters, "p")
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


# The heading a report gives a group of key points: the innermost heading of its passages'
# section (`Key points: Opportunities` -> `Opportunities`); the category's label when the
# section has no sub-heading for it.
_REPORT_HEADING = (
    "CASE WHEN contains({0}, ': ') THEN regexp_replace({0}, '^.*: ', '') ELSE c.label END"
)


def key_point_categories(con: Connection, filters: Filters) -> pd.DataFrame:
    """The kinds of key point in display order, per selected meeting with points of that kind,
    with the heading the meeting's report gives them."""
    where, params = _meeting_where(filters, "k")
    sql = f"""
        SELECT c.category, c.position, c.label, c.description, k.meeting_id,
               any_value({_REPORT_HEADING.format("s.section")}) AS heading
        FROM key_point_categories c
        JOIN key_points k ON k.category = c.category
        JOIN sources s ON s.source_id = k.source_id
        WHERE {where}
        GROUP BY ALL
        ORDER BY k.meeting_id, c.position
    """
    return _frame(con, sql, params)


def entry_points(con: Connection, filters: Filters) -> pd.DataFrame:
    """Key points grouped by category, each with its source passage (meeting filter only)."""
    where, params = _meeting_where(filters, "k")
    sql = f"""
        SELECT k.meeting_id, k.category, k.position, k.heading, k.text,
               s.section AS source_section, s.passage AS source_passage, k.key_point_id,
               c.label AS category_label, c.position AS category_position,
               {_REPORT_HEADING.format("s.section")} AS category_heading
        FROM key_points k
        JOIN sources s ON s.source_id = k.source_id
        JOIN key_point_categories c ON c.category = k.category
        WHERE {where}
        ORDER BY k.meeting_id, c.position, k.position
    """
    return _frame(con, sql, params)


def framing(con: Connection, filters: Filters) -> pd.DataFrame:
    """The entry-point framing: dimensions (the how, the themes) and the settings named."""
    where, params = _meeting_where(filters, "f")
    sql = f"""
        SELECT f.meeting_id, f.kind, f.position, f.label, f.text, s.passage AS source_passage
        FROM framing f JOIN sources s ON s.source_id = f.source_id
        WHERE {where}
        ORDER BY f.meeting_id, f.kind, f.position
    """
    return _frame(con, sql, params)


def cities(con: Connection, filters: Filters) -> pd.DataFrame:
    """Every city that took part, and how: venue, home of named people, network delegation.

    Filters on people (organization, role, ...) keep only the cities of matching people.
    """
    people_where, people_params = _people_where(filters)
    meeting_where, meeting_params = _meeting_where(filters, "x")
    place_where, place_params = _place_where(filters, "pl")
    person_level = bool(filters.person_level_active())
    sql = f"""
        WITH people AS (  -- a person at several meetings counts once, as everywhere else
            SELECT city_id, count(DISTINCT person_id) AS people
            FROM participant_facts WHERE {people_where} AND city_id IS NOT NULL
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
            SELECT city_id, venue, network FROM taking_part x WHERE {meeting_where}
            UNION ALL
            SELECT city_id, false, NULL FROM people
        )
        SELECT pl.city, pl.iso3, pl.country, pl.region, pl.latitude, pl.longitude,
               coalesce(max(p.people), 0) AS people,
               bool_or(t.venue) AS meeting_venue,
               string_agg(DISTINCT t.network, '; ') AS delegation,
               concat_ws('; ',
                   CASE WHEN bool_or(t.venue) THEN 'meeting venue' END,
                   CASE WHEN max(p.people) > 0 THEN 'named participants' END,
                   CASE WHEN count(t.network) > 0
                        THEN concat('delegation (', string_agg(DISTINCT t.network, '; '), ')')
                   END) AS took_part_as,
               CASE WHEN bool_or(t.venue) THEN 'Meeting venue'
                    WHEN max(p.people) > 0 AND count(t.network) > 0
                        THEN 'Named participants and a delegation'
                    WHEN max(p.people) > 0 THEN 'Named participants'
                    ELSE 'Delegation only' END AS map_group,
               pl.city_id
        FROM places t
        JOIN place_facts pl ON pl.city_id = t.city_id
        LEFT JOIN people p ON p.city_id = t.city_id
        WHERE {place_where}
        GROUP BY pl.city_id, pl.city, pl.iso3, pl.country, pl.region, pl.latitude, pl.longitude
        ORDER BY people DESC, pl.city
    """
    params = {**people_params, **meeting_params, **place_params, "person_level": person_level}
    return _frame(con, sql, params)


def sources(con: Connection, filters: Filters) -> pd.DataFrame:
    """The report passages of the selected meetings."""
    where, params = _meeting_where(filters)
    sql = f"""
        SELECT meeting_id, source_id, section, passage FROM sources
        WHERE {where} ORDER BY meeting_id, source_id
    """
    return _frame(con, sql, params)


def table_rows(con: Connection, table_name: str, filters: Filters) -> pd.DataFrame:
    """A curated table as stored; only the meeting filter applies."""
    table = TABLES_BY_NAME[table_name]  # KeyError for anything not in the schema
    if "meeting_id" in table.column_names:
        where, params = _meeting_where(filters)
    else:
        where, params = "TRUE", {}
    order = ", ".join(table.key)
    return _frame(con, f"SELECT * FROM {table.name} WHERE {where} ORDER BY {order}", params)


def reports(con: Connection, filters: Filters) -> pd.DataFrame:
    """The meetings' reports (meeting filter applied): path in the data folder and full text."""
    where, params = _meeting_where(filters)
    sql = f"SELECT meeting_id, report_file, text FROM reports WHERE {where} ORDER BY report_file"
    return _frame(con, sql, params)


# UN order of targets within a goal: numbered targets (16.1, 16.10) before lettered ones (16.a).
_TARGET_ORDER = "TRY_CAST(split_part({0}, '.', 2) AS INTEGER) NULLS LAST, {0}"


def key_point_targets(con: Connection, filters: Filters) -> pd.DataFrame:
    """The curated crosswalk: each key point with the SDG targets it bears on (meeting filter)."""
    where, params = _meeting_where(filters, "kt")
    sql = f"""
        SELECT kt.meeting_id, k.category, k.position, k.heading, kt.key_point_id, kt.target,
               t.goal, t.text AS target_text, kt.rationale, kt.basis, t.source AS target_source
        FROM key_point_targets kt
        JOIN key_points k ON k.meeting_id = kt.meeting_id AND k.key_point_id = kt.key_point_id
        JOIN sdg_targets t ON t.target = kt.target
        JOIN key_point_categories c ON c.category = k.category
        WHERE {where}
        ORDER BY kt.meeting_id, c.position, k.position, t.goal, {_TARGET_ORDER.format("kt.target")}
    """
    return _frame(con, sql, params)


def brief_points(con: Connection, filters: Filters) -> pd.DataFrame:
    """What an agenda brief can carry forward, in brief order: key points (with their SDG
    targets) and framing entries of the selected meetings, and the kick-off presenters who
    match every filter; each with its source passage."""
    meeting_k, meeting_params = _meeting_where(filters, "k")
    meeting_f, _ = _meeting_where(filters, "f")  # the same $meeting parameter
    people, people_params = _people_where(filters, "p")
    sql = f"""
        WITH targets AS (
            SELECT kt.meeting_id, kt.key_point_id,
                   string_agg(kt.target, '; ' ORDER BY t.goal, {_TARGET_ORDER.format("kt.target")})
                       AS sdg_targets
            FROM key_point_targets kt JOIN sdg_targets t ON t.target = kt.target
            GROUP BY ALL
        ),
        items AS (
            SELECT 1 AS kind_order, 'key_point' AS kind, k.meeting_id, k.key_point_id AS id,
                   k.category, c.position AS category_order,
                   k.position, k.heading, k.text, k.source_id, t.sdg_targets
            FROM key_points k
            JOIN key_point_categories c ON c.category = k.category
            LEFT JOIN targets t
                ON t.meeting_id = k.meeting_id AND t.key_point_id = k.key_point_id
            WHERE {meeting_k}
            UNION ALL
            SELECT 2, 'framing', f.meeting_id, f.framing_id, f.kind,
                   array_position(['dimension', 'setting'], f.kind), f.position, f.label,
                   f.text, f.source_id, NULL
            FROM framing f
            WHERE {meeting_f}
            UNION ALL
            SELECT 3, 'presenter', sp.meeting_id, sp.person_id, sp.role, s.position,
                   sp.position, p.name, sp.title_as_stated, sp.source_id, NULL
            FROM speakers sp
            JOIN sessions s ON s.meeting_id = sp.meeting_id AND s.session_id = sp.session_id
            JOIN participant_facts p
                ON p.meeting_id = sp.meeting_id AND p.person_id = sp.person_id
            WHERE sp.role = $presenter_role AND {people}
        )
        SELECT i.kind, i.meeting_id, i.id, i.category, i.heading, i.text,
               src.section AS source_section, src.passage AS source_passage, i.sdg_targets
        FROM items i JOIN sources src ON src.source_id = i.source_id
        ORDER BY i.kind_order, i.meeting_id, i.category_order, i.position, i.id
    """
    params = {**meeting_params, **people_params, "presenter_role": PRESENTER_ROLE}
    return _frame(con, sql, params)


def citation_facts(con: Connection, filters: Filters) -> pd.DataFrame:
    """What a report citation is built from, per selected meeting: its title, number, city,
    date and report file, and its issuing body: the report's first `Title` passage other
    than the title itself (NULL when the report states none)."""
    where, params = _meeting_where(filters, "m")
    sql = f"""
        SELECT m.meeting_id, m.meeting_number, m.title, m.date, ci.name AS city, m.report_file,
               (SELECT s.passage FROM sources s
                WHERE s.meeting_id = m.meeting_id AND s.section = 'Title'
                  AND s.passage <> m.title
                ORDER BY s.source_id LIMIT 1) AS author
        FROM meetings m LEFT JOIN cities ci ON ci.city_id = m.city_id
        WHERE {where}
        ORDER BY m.date, m.meeting_id
    """
    return _frame(con, sql, params)
