"""Tables computed once per build from the curated tables, so that queries stay simple and fast."""

from __future__ import annotations

from twg_data.vocabulary import LISTED_ROLE

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
