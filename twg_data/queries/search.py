"""What the search index is built from: every searchable text of the data with the meeting,
section and passage it belongs to, and the people each one is tied to (`twg_data.search`)."""

from __future__ import annotations

import pandas as pd

from twg_data.queries.base import Connection, _frame

# Which page shows a passage: the first kind of row that cites it (key points, sessions,
# participants); a passage none cites opens on the meeting's overview.
_CITED_BY = """
    CASE
        WHEN s.source_id IN (SELECT source_id FROM key_points
                             UNION SELECT source_id FROM framing) THEN 'key_point'
        WHEN s.source_id IN (SELECT source_id FROM sessions
                             UNION SELECT purpose_source_id FROM sessions
                             UNION SELECT source_id FROM speakers) THEN 'session'
        WHEN s.source_id IN (SELECT source_id FROM participants) THEN 'participant'
    END
"""


def search_documents(con: Connection) -> pd.DataFrame:
    """Every text the Search page searches, one row each: its `kind` (passage, key_point,
    session, participant), `ref` (id within the meeting), meeting, section, text, the
    passage it cites, its key-point category and which kind of page shows it (`shown_as`)."""
    sql = f"""
        SELECT 'passage' AS kind, s.source_id AS ref, s.meeting_id, s.section,
               s.passage AS text, s.source_id, NULL AS category, {_CITED_BY} AS shown_as
        FROM sources s
        UNION ALL
        SELECT 'key_point', k.key_point_id, k.meeting_id, s.section,
               concat_ws('. ', k.heading, k.text), k.source_id, k.category, 'key_point'
        FROM key_points k LEFT JOIN sources s ON s.source_id = k.source_id
        UNION ALL
        SELECT 'session', se.session_id, se.meeting_id, s.section,
               concat_ws('. ', se.title, se.purpose), se.source_id, NULL, 'session'
        FROM sessions se LEFT JOIN sources s ON s.source_id = se.source_id
        UNION ALL
        SELECT 'participant', p.person_id, p.meeting_id, s.section,
               concat_ws(', ', p.name, p.title, p.unit, p.organization, p.organization_acronym),
               p.source_id, NULL,
               'participant'
        FROM participant_facts p LEFT JOIN sources s ON s.source_id = p.source_id
        ORDER BY 3, 1, 2
    """
    return _frame(con, sql, {})


def search_ties(con: Connection) -> pd.DataFrame:
    """The people each searchable text is tied to: a participant's own row, and every person
    whose participant or speaker row cites a passage; with the places and organizations the
    sidebar's filters and the facets read."""
    sql = """
        WITH cited AS (
            SELECT meeting_id, source_id, person_id FROM participants
            UNION SELECT meeting_id, source_id, person_id FROM speakers
        )
        SELECT 'participant' AS kind, f.person_id AS ref, f.meeting_id, f.person_id,
               f.city_id, f.city, f.iso3, f.region, f.sub_region, f.organization_id,
               f.organization_type_id, f.practice_community_id, f.roles
        FROM participant_facts f
        UNION ALL
        SELECT 'passage', c.source_id, c.meeting_id, f.person_id,
               f.city_id, f.city, f.iso3, f.region, f.sub_region, f.organization_id,
               f.organization_type_id, f.practice_community_id, f.roles
        FROM cited c
        JOIN participant_facts f ON f.meeting_id = c.meeting_id AND f.person_id = c.person_id
    """
    return _frame(con, sql, {})


def search_languages(con: Connection) -> pd.DataFrame:
    """Per meeting, the text its language is told from: its report, else its passages."""
    sql = """
        SELECT m.meeting_id,
               coalesce(r.text, (SELECT string_agg(passage, ' ') FROM sources s
                                 WHERE s.meeting_id = m.meeting_id)) AS text
        FROM meetings m LEFT JOIN reports r ON r.meeting_id = m.meeting_id
        ORDER BY m.meeting_id
    """
    return _frame(con, sql, {})
