"""Questions about the meetings themselves: facts, objectives, sessions, sources, reports."""

from __future__ import annotations

import pandas as pd

from twg_data.filters import Filters
from twg_data.queries.base import Connection, _frame, meeting_where, people_where
from twg_data.schema import TABLES_BY_NAME


def meetings(con: Connection, filters: Filters) -> pd.DataFrame:
    """The selected meetings with their place, date and framing facts."""
    where, params = meeting_where(filters, "m")
    sql = f"""
        SELECT m.meeting_id, m.meeting_number, m.title, m.date, ci.name AS city,
               co.name AS country, m.part_of,
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
    where, params = meeting_where(filters, "o")
    sql = f"""
        SELECT o.meeting_id, o.scope, o.position, o.label, o.text, s.passage AS source_passage
        FROM objectives o JOIN sources s ON s.source_id = o.source_id
        WHERE {where}
        ORDER BY o.meeting_id, o.scope DESC, o.position
    """
    return _frame(con, sql, params)


def sessions(con: Connection, filters: Filters) -> pd.DataFrame:
    """Sessions of the selected meetings; `speakers` counts named speakers under the filters."""
    where, params = people_where(filters, "p")
    meeting, meeting_params = meeting_where(filters, "s")
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
        WHERE {meeting}
        ORDER BY s.meeting_id, s.date, s.start_time
    """
    return _frame(con, sql, {**params, **meeting_params})


def session_timeline(con: Connection, filters: Filters) -> pd.DataFrame:
    """Sessions and the gaps between them, as bars on a time-of-day axis (`start_at`, `end_at`
    fall on one nominal day so that several meetings line up); `order` sorts the rows."""
    where, params = meeting_where(filters)
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


def sources(con: Connection, filters: Filters) -> pd.DataFrame:
    """The report passages of the selected meetings."""
    where, params = meeting_where(filters)
    sql = f"""
        SELECT meeting_id, source_id, section, passage FROM sources
        WHERE {where} ORDER BY meeting_id, source_id
    """
    return _frame(con, sql, params)


def table_rows(con: Connection, table_name: str, filters: Filters) -> pd.DataFrame:
    """A curated table as stored; only the meeting filter applies."""
    table = TABLES_BY_NAME[table_name]  # KeyError for anything not in the schema
    if "meeting_id" in table.column_names:
        where, params = meeting_where(filters)
    else:
        where, params = "TRUE", {}
    order = ", ".join(table.key)
    return _frame(con, f"SELECT * FROM {table.name} WHERE {where} ORDER BY {order}", params)


def reports(con: Connection, filters: Filters) -> pd.DataFrame:
    """The meetings' reports (meeting filter applied): path in the data folder and full text."""
    where, params = meeting_where(filters)
    sql = f"SELECT meeting_id, report_file, text FROM reports WHERE {where} ORDER BY report_file"
    return _frame(con, sql, params)


def citation_facts(con: Connection, filters: Filters) -> pd.DataFrame:
    """What a report citation is built from, per selected meeting: its title, number, city,
    date and report file, and its issuing body: the report's first `Title` passage other
    than the title itself (NULL when the report states none)."""
    where, params = meeting_where(filters, "m")
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
