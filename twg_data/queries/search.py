"""What the search index is built from: every searchable text of the data with the meeting,
section and passage it belongs to, and the people each one is tied to (`twg_data.search`)."""

from __future__ import annotations

import duckdb
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


# The people each text is tied to: a participant's own row, and every person whose participant
# or speaker row cites a passage; with the places and organizations filters and facets read.
TIE_COLUMNS = (
    "city_id",
    "iso3",
    "region",
    "sub_region",
    "organization_id",
    "organization_type_id",
    "practice_community_id",
)
_TIES = f"""
    cited AS (
        SELECT meeting_id, source_id, person_id FROM participants
        UNION SELECT meeting_id, source_id, person_id FROM speakers
    ),
    tied AS (
        SELECT 'participant' AS kind, f.person_id AS ref, f.meeting_id, f.*
            EXCLUDE (meeting_id)
        FROM participant_facts f
        UNION ALL BY NAME
        SELECT 'passage' AS kind, c.source_id AS ref, c.meeting_id, f.* EXCLUDE (meeting_id)
        FROM cited c
        JOIN participant_facts f ON f.meeting_id = c.meeting_id AND f.person_id = c.person_id
    ),
    ties AS (
        SELECT kind, ref, meeting_id,
               {", ".join(f"list({c}) FILTER ({c} IS NOT NULL) AS {c}" for c in TIE_COLUMNS)},
               flatten(list(roles)) AS roles
        FROM tied GROUP BY kind, ref, meeting_id
    )
"""


def search_documents(con: Connection) -> duckdb.DuckDBPyConnection:
    """Every text the Search page searches, one row each, as a result to read in batches
    (`fetchmany`: the index build streams it): its `kind` (passage, key_point, session,
    participant), `ref` (id within the meeting), meeting, section, text, the passage it
    cites, its key-point category, which kind of page shows it (`shown_as`), and the lists of
    `TIE_COLUMNS` and `roles` of the people it is tied to (NULL when it is tied to no one)."""
    sql = f"""
        WITH documents AS (
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
                   concat_ws(', ', p.name, p.title, p.unit, p.organization,
                             p.organization_acronym),
                   p.source_id, NULL, 'participant'
            FROM participant_facts p LEFT JOIN sources s ON s.source_id = p.source_id
        ),
        {_TIES}
        SELECT d.kind, d.ref, d.meeting_id, d.section, d.text, d.source_id, d.category,
               d.shown_as, {", ".join(f"t.{c}" for c in TIE_COLUMNS)}, t.roles
        FROM documents d LEFT JOIN ties t USING (kind, meeting_id, ref)
        ORDER BY d.meeting_id, d.kind, d.ref
    """
    return con.execute(sql)


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
