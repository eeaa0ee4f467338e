"""Questions about what the meetings concluded: key points, framing, the SDG crosswalk, the
items an agenda brief can carry forward."""

from __future__ import annotations

import pandas as pd

from twg_data.filters import Filters
from twg_data.queries.base import Connection, _frame, meeting_where, people_where
from twg_data.vocabulary import FRAMING_HEADINGS, PRESENTER_ROLE

# The heading a report gives a group of key points: the innermost heading of its passages'
# section (`Key points: Opportunities` -> `Opportunities`); the category's label when the
# section has no sub-heading for it.
_REPORT_HEADING = (
    "CASE WHEN contains({0}, ': ') THEN regexp_replace({0}, '^.*: ', '') ELSE c.label END"
)


def key_point_categories(con: Connection, filters: Filters) -> pd.DataFrame:
    """The kinds of key point in display order, per selected meeting with points of that kind,
    with the heading the meeting's report gives them."""
    where, params = meeting_where(filters, "k")
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
    where, params = meeting_where(filters, "k")
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
    where, params = meeting_where(filters, "f")
    sql = f"""
        SELECT f.meeting_id, f.kind, f.position, f.label, f.text, s.passage AS source_passage
        FROM framing f JOIN sources s ON s.source_id = f.source_id
        WHERE {where}
        ORDER BY f.meeting_id, f.kind, f.position
    """
    return _frame(con, sql, params)


# UN order of targets within a goal: numbered targets (16.1, 16.10) before lettered ones (16.a).
_TARGET_ORDER = "TRY_CAST(split_part({0}, '.', 2) AS INTEGER) NULLS LAST, {0}"


def key_point_targets(con: Connection, filters: Filters) -> pd.DataFrame:
    """The curated crosswalk: each key point with the SDG targets it bears on (meeting filter)."""
    where, params = meeting_where(filters, "kt")
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
    meeting_k, meeting_params = meeting_where(filters, "k")
    meeting_f, _ = meeting_where(filters, "f")  # the same $meeting parameter
    people, people_params = people_where(filters, "p")
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
                   k.category, c.position AS category_order, c.singular AS category_label,
                   k.position, k.heading, k.text, k.source_id, t.sdg_targets
            FROM key_points k
            JOIN key_point_categories c ON c.category = k.category
            LEFT JOIN targets t
                ON t.meeting_id = k.meeting_id AND t.key_point_id = k.key_point_id
            WHERE {meeting_k}
            UNION ALL
            SELECT 2, 'framing', f.meeting_id, f.framing_id, f.kind,
                   array_position($framing_kinds::VARCHAR[], f.kind), NULL, f.position,
                   f.label, f.text, f.source_id, NULL
            FROM framing f
            WHERE {meeting_f}
            UNION ALL
            SELECT 3, 'presenter', sp.meeting_id, sp.person_id, sp.role, s.position, NULL,
                   sp.position, p.name, sp.title_as_stated, sp.source_id, NULL
            FROM speakers sp
            JOIN sessions s ON s.meeting_id = sp.meeting_id AND s.session_id = sp.session_id
            JOIN participant_facts p
                ON p.meeting_id = sp.meeting_id AND p.person_id = sp.person_id
            WHERE sp.role = $presenter_role AND {people}
        )
        SELECT i.kind, i.meeting_id, i.id, i.category, i.heading, i.text,
               src.section AS source_section, src.passage AS source_passage, i.sdg_targets,
               i.category_label
        FROM items i JOIN sources src ON src.source_id = i.source_id
        ORDER BY i.kind_order, i.meeting_id, i.category_order, i.position, i.id
    """
    params = {
        **meeting_params,
        **people_params,
        "presenter_role": PRESENTER_ROLE,
        "framing_kinds": list(FRAMING_HEADINGS),  # their order in the brief
    }
    return _frame(con, sql, params)
