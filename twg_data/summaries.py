"""The CSV summaries the app offers and the CLI exports: name, rows, and documented columns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from twg_data import queries
from twg_data.filters import Filters
from twg_data.i18n import N_
from twg_data.queries import Connection


@dataclass(frozen=True)
class Summary:
    name: str
    title: str
    description: str
    query: Callable[[Connection, Filters], pd.DataFrame]
    columns: dict[str, str]  # exported column -> what it holds

    def frame(self, con: Connection, filters: Filters) -> pd.DataFrame:
        """The summary's rows under filters, with exactly its documented columns."""
        return self.query(con, filters)[list(self.columns)]


_MEETING = {"meeting_id": "The meeting."}
_PEOPLE = {"people": "Number of distinct named people."}
_PLACE = {
    "region": "UN M49 region.",
    "sub_region": "UN M49 sub-region.",
}
_SOURCE = {"source_passage": "The report passage it comes from, verbatim."}
_PER_MEETING = {
    "meeting_id": "The meeting.",
    "meeting": "The meeting as the dashboard names it (number, city, date).",
    "date": "Date of the meeting.",
}
_RETURNS = {
    "meetings": "Meetings it took part in, under the filters.",
    "first_meeting": "Date of the first of them.",
    "last_meeting": "Date of the last of them.",
}
_RETURNS_PEOPLE = {"people": "Distinct named people it counted at them."}

SUMMARIES: dict[str, Summary] = {
    s.name: s
    for s in (
        Summary(
            "participants",
            N_("Participants"),
            N_("One row per person per meeting."),
            queries.participants,
            {
                **_MEETING,
                "list_number": "Number in the report's list of participants (empty: not listed).",
                "name": "Full name.",
                "title": "Title as the list of participants (else the speaker list) states.",
                "unit": "Department, programme or unit, as stated.",
                "organization": "Organization.",
                "organization_type": "Curated kind of organization.",
                "practice_community": "Curated practice community of the organization.",
                "city": "City the report places the person in.",
                "country": "Country.",
                "iso3": "ISO 3166-1 alpha-3 country code.",
                **_PLACE,
                "roles": "Roles at the meeting, `; `-separated.",
                "location_basis": "Whether city and country are stated or inferred, and why.",
            },
        ),
        Summary(
            "participants_by_region",
            N_("Participants by region"),
            N_("People per UN M49 region and sub-region."),
            queries.participants_by_region,
            {**_PLACE, **_PEOPLE},
        ),
        Summary(
            "participants_by_country",
            N_("Participants by country"),
            N_("People per country."),
            queries.participants_by_country,
            {"iso3": "ISO 3166-1 alpha-3 code.", "country": "Country.", **_PLACE, **_PEOPLE},
        ),
        Summary(
            "participants_by_organization_type",
            N_("Participants by organization type"),
            N_("People per curated organization type."),
            queries.participants_by_organization_type,
            {"organization_type": "Curated kind of organization.", **_PEOPLE},
        ),
        Summary(
            "participants_by_practice_community",
            N_("Participants by practice community"),
            N_("People per curated practice community."),
            queries.participants_by_practice_community,
            {"practice_community": "Curated practice community.", **_PEOPLE},
        ),
        Summary(
            "organizations",
            N_("Organizations"),
            N_("Organizations of the matching people, with people counted."),
            queries.organizations,
            {
                "organization": "Full name.",
                "acronym": "Short name.",
                "organization_type": "Curated kind of organization.",
                "practice_community": "Curated practice community.",
                **_PEOPLE,
                "classification_basis": "Why the type and community were chosen.",
            },
        ),
        Summary(
            "missing_regions",
            N_("Regions with no named participant"),
            N_("UN M49 sub-regions no matching person comes from."),
            queries.missing_regions,
            dict(_PLACE),
        ),
        Summary(
            "missing_practice_communities",
            N_("Practice communities with no named participant"),
            N_("Practice communities no matching person's organization belongs to."),
            queries.missing_practice_communities,
            {"practice_community": "Practice community.", "description": "What it covers."},
        ),
        Summary(
            "sessions",
            N_("Sessions"),
            N_("The sessions of each meeting, with times, format and speakers counted."),
            queries.sessions,
            {
                **_MEETING,
                "position": "Order in the day.",
                "title": "Session title.",
                "date": "Date.",
                "start": "Start time (HH:MM).",
                "end": "End time (HH:MM).",
                "duration_minutes": "Length in minutes.",
                "format": "Format.",
                "format_basis": "`stated`, or `inferred: <reason>`.",
                "format_rules": "The format's rules, verbatim.",
                "purpose": "Purpose, verbatim.",
                "speakers": "Named speakers matching the filters.",
                "speakers_in_report": "Named speakers in the report.",
                **_SOURCE,
            },
        ),
        Summary(
            "speakers",
            N_("Speakers"),
            N_("Named speakers in session order."),
            queries.speakers,
            {
                **_MEETING,
                "session": "Session title.",
                "order": "Speaking order.",
                "person": "Speaker.",
                "role": "Role in the session.",
                "title_as_stated": "Title and affiliation as the speaker list words it.",
                "organization": "Organization.",
                "city": "City.",
                "country": "Country.",
            },
        ),
        Summary(
            "entry_points",
            N_("Entry points"),
            N_("The key points on an integrated approach, by category."),
            queries.entry_points,
            {
                **_MEETING,
                "category": "`commonality`, `difference` or `opportunity`.",
                "position": "Order within the category.",
                "heading": "Heading as stated (empty if none).",
                "text": "Text, verbatim.",
                "source_section": "Report section.",
                **_SOURCE,
            },
        ),
        Summary(
            "framing",
            N_("Entry-point framing"),
            N_("The dimensions (the how, the themes) and the settings the report names."),
            queries.framing,
            {
                **_MEETING,
                "kind": "`dimension` or `setting`.",
                "position": "Order.",
                "label": "Label.",
                "text": "What the report says, verbatim.",
                **_SOURCE,
            },
        ),
        Summary(
            "cities",
            N_("Cities"),
            N_("Every city that took part, with coordinates and how it took part."),
            queries.cities,
            {
                "city": "City.",
                "iso3": "ISO 3166-1 alpha-3 country code (empty: ambiguous).",
                "country": "Country.",
                "region": "UN M49 region.",
                "latitude": "WGS84 latitude (curated).",
                "longitude": "WGS84 longitude (curated).",
                "people": "Named people placed in the city.",
                "meeting_venue": "Whether the meeting took place there.",
                "delegation": "Network whose delegation from the city joined.",
                "took_part_as": "How the city took part.",
            },
        ),
        Summary(
            "meetings",
            N_("Meetings"),
            N_("The meetings, with place, date, the event they were part of and facilitators."),
            queries.meetings,
            {
                **_MEETING,
                "meeting_number": "Which TWG meeting.",
                "title": "Report title.",
                "date": "Date.",
                "city": "City.",
                "country": "Country.",
                "part_of": "Event it was part of.",
                "agenda_process": "Agenda-setting process it feeds.",
                "attendance_stated": "Attendance as the report words it.",
                "report_file": "Report file.",
                "co_facilitators": "Co-facilitating organizations as stated.",
            },
        ),
        Summary(
            "objectives",
            N_("Objectives"),
            N_("The TWG's standing objectives and each meeting's own."),
            queries.objectives,
            {
                **_MEETING,
                "scope": "`twg` or `meeting`.",
                "position": "Order.",
                "label": "Label as stated.",
                "text": "Objective, verbatim.",
                **_SOURCE,
            },
        ),
        Summary(
            "sources",
            N_("Source passages"),
            N_("The report passages every curated row points to."),
            queries.sources,
            {
                **_MEETING,
                "source_id": "Passage id.",
                "section": "Report section.",
                "passage": "Passage, verbatim.",
            },
        ),
        Summary(
            "participation_by_region",
            N_("Participation per meeting by region"),
            N_("People per meeting and UN M49 region."),
            queries.participation_by_region,
            {**_PER_MEETING, "region": "UN M49 region.", **_PEOPLE},
        ),
        Summary(
            "participation_by_organization_type",
            N_("Participation per meeting by organization type"),
            N_("People per meeting and curated organization type."),
            queries.participation_by_organization_type,
            {**_PER_MEETING, "organization_type": "Curated kind of organization.", **_PEOPLE},
        ),
        Summary(
            "returning_people",
            N_("People across meetings"),
            N_("Each named person and how many of the meetings they took part in."),
            queries.returning_people,
            {
                "name": "Full name.",
                "organization": "Organization, as the latest of their meetings that states it.",
                "city": "City, as the latest of their meetings that states it.",
                "country": "Country, as the latest of their meetings that states it.",
                **_RETURNS,
            },
        ),
        Summary(
            "returning_organizations",
            N_("Organizations across meetings"),
            N_("Each organization of named people and how many meetings it took part in."),
            queries.returning_organizations,
            {
                "organization": "Full name.",
                "acronym": "Short name.",
                "organization_type": "Curated kind of organization.",
                **_RETURNS,
                **_RETURNS_PEOPLE,
            },
        ),
        Summary(
            "returning_cities",
            N_("Cities across meetings"),
            N_(
                "Each city and how many meetings it took part in: as venue, through a "
                "delegation or through its named people."
            ),
            queries.returning_cities,
            {
                "city": "City.",
                "iso3": "ISO 3166-1 alpha-3 country code (empty: ambiguous).",
                "country": "Country.",
                "region": "UN M49 region.",
                **_RETURNS,
                **_RETURNS_PEOPLE,
            },
        ),
        Summary(
            "key_points_per_meeting",
            N_("Key points per meeting"),
            N_("Key points per meeting and category."),
            queries.key_points_per_meeting,
            {**_PER_MEETING, "category": "Key point category.", "key_points": "Key points."},
        ),
        Summary(
            "sdg_crosswalk",
            N_("SDG targets the key points bear on (curation)"),
            N_(
                "Curated crosswalk from each key point to SDG targets, with the official target "
                "text; the report names no SDG targets."
            ),
            queries.key_point_targets,
            {
                **_MEETING,
                "category": "`commonality`, `difference` or `opportunity`.",
                "position": "Order of the key point within its category.",
                "heading": "Heading of the key point as stated (empty if none).",
                "key_point_id": "Key point id.",
                "target": "SDG target, e.g. `16.a`.",
                "goal": "SDG the target belongs to.",
                "target_text": "Official target text, verbatim.",
                "rationale": "Why the point bears on the target (curation).",
                "basis": "How the mapping was made (`curation: ...`).",
                "target_source": "The UN document the target text is quoted from.",
            },
        ),
    )
}
