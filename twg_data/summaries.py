"""The CSV summaries the app offers and the CLI exports: name, rows, and documented columns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from twg_data import labels, queries
from twg_data.filters import Filters
from twg_data.i18n import N_
from twg_data.queries import Connection


@dataclass(frozen=True)
class Summary:
    """One CSV summary: its name, title, meaning, query and documented columns."""

    name: str
    title: str
    description: str
    query: Callable[[Connection, Filters], pd.DataFrame]
    columns: dict[str, str]  # exported column -> what it holds

    def frame(self, con: Connection, filters: Filters) -> pd.DataFrame:
        """The summary's rows under filters, with exactly its documented columns (a
        per-meeting table's `meeting`, a city's `took_part_as`: named from parts by `labels`)."""
        return labels.named(self.query(con, filters), list(self.columns))[list(self.columns)]


_MEETING = {"meeting_id": "The meeting."}
_PEOPLE = {"people": N_("Number of distinct named people.")}
_PLACE = {
    "region": N_("UN M49 region."),
    "sub_region": N_("UN M49 sub-region."),
}
_SOURCE = {"source_passage": "The report passage it comes from, verbatim."}
_PER_MEETING = {
    "meeting_id": N_("The meeting."),
    "meeting": N_("The meeting as the dashboard names it (number, city, date)."),
    "date": N_("Date of the meeting."),
}
_RETURNS = {
    "meetings": N_("Meetings it took part in, under the filters."),
    "first_meeting": N_("Date of the first of them."),
    "last_meeting": N_("Date of the last of them."),
}
_RETURNS_PEOPLE = {"people": N_("Distinct named people it counted at them.")}

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
                "list_number": N_(
                    "Number in the report's list of participants (empty: not listed)."
                ),
                "name": N_("Full name."),
                "title": N_("Title as the list of participants (else the speaker list) states."),
                "unit": N_("Department, programme or unit, as stated."),
                "organization": N_("Organization."),
                "organization_type": N_("Curated kind of organization."),
                "practice_community": N_("Curated practice community of the organization."),
                "city": N_("City the report places the person in."),
                "country": N_("Country."),
                "iso3": N_("ISO 3166-1 alpha-3 country code."),
                **_PLACE,
                "roles": N_("Roles at the meeting, `; `-separated."),
                "location_basis": N_("Whether city and country are stated or inferred, and why."),
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
                "organization": N_("Full name."),
                "acronym": N_("Short name."),
                "organization_type": N_("Curated kind of organization."),
                "practice_community": N_("Curated practice community."),
                **_PEOPLE,
                "classification_basis": N_("Why the type and community were chosen."),
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
            {"practice_community": N_("Practice community."), "description": N_("What it covers.")},
        ),
        Summary(
            "sessions",
            N_("Sessions"),
            N_("The sessions of each meeting, with times, format and speakers counted."),
            queries.sessions,
            {
                **_MEETING,
                "position": N_("Order in the day."),
                "title": N_("Session title."),
                "date": N_("Date."),
                "start": N_("Start time (HH:MM)."),
                "end": N_("End time (HH:MM)."),
                "duration_minutes": N_("Length in minutes."),
                "format": N_("Format."),
                "format_basis": N_("`stated`, or `inferred: <reason>`."),
                "format_rules": N_("The format's rules, verbatim."),
                "purpose": N_("Purpose, verbatim."),
                "speakers": N_("Named speakers matching the filters."),
                "speakers_in_report": N_("Named speakers in the report."),
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
                "session": N_("Session title."),
                "order": N_("Speaking order."),
                "person": N_("Speaker."),
                "role": N_("Role in the session."),
                "title_as_stated": N_("Title and affiliation as the speaker list words it."),
                "organization": N_("Organization."),
                "city": N_("City."),
                "country": N_("Country."),
            },
        ),
        Summary(
            "entry_points",
            N_("Entry points"),
            N_("The key points on an integrated approach, by category."),
            queries.entry_points,
            {
                **_MEETING,
                "category": N_("`commonality`, `difference` or `opportunity`."),
                "position": N_("Order within the category."),
                "heading": N_("Heading as stated (empty if none)."),
                "text": N_("Text, verbatim."),
                "source_section": N_("Report section."),
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
                "kind": N_("`dimension` or `setting`."),
                "position": N_("Order."),
                "label": N_("Label."),
                "text": N_("What the report says, verbatim."),
                **_SOURCE,
            },
        ),
        Summary(
            "cities",
            N_("Cities"),
            N_("Every city that took part, with coordinates and how it took part."),
            queries.cities,
            {
                "city": N_("City."),
                "iso3": N_("ISO 3166-1 alpha-3 country code (empty: ambiguous)."),
                "country": N_("Country."),
                "region": N_("UN M49 region."),
                "latitude": N_("WGS84 latitude (curated)."),
                "longitude": N_("WGS84 longitude (curated)."),
                "people": N_("Named people placed in the city."),
                "meeting_venue": N_("Whether the meeting took place there."),
                "delegation": N_("Network whose delegation from the city joined."),
                "took_part_as": N_("How the city took part."),
            },
        ),
        Summary(
            "meetings",
            N_("Meetings"),
            N_("The meetings, with place, date, the event they were part of and facilitators."),
            queries.meetings,
            {
                **_MEETING,
                "meeting_number": N_("Which TWG meeting."),
                "title": N_("Report title."),
                "date": N_("Date."),
                "city": N_("City."),
                "country": N_("Country."),
                "part_of": N_("Event it was part of."),
                "agenda_process": N_("Agenda-setting process it feeds."),
                "attendance_stated": N_("Attendance as the report words it."),
                "report_file": N_("Report file."),
                "co_facilitators": N_("Co-facilitating organizations as stated."),
            },
        ),
        Summary(
            "objectives",
            N_("Objectives"),
            N_("The TWG's standing objectives and each meeting's own."),
            queries.objectives,
            {
                **_MEETING,
                "scope": N_("`twg` or `meeting`."),
                "position": N_("Order."),
                "label": N_("Label as stated."),
                "text": N_("Objective, verbatim."),
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
                "source_id": N_("Passage id."),
                "section": N_("Report section."),
                "passage": N_("Passage, verbatim."),
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
                "name": N_("Full name."),
                "organization": N_("Organization, as the latest of their meetings that states it."),
                "city": N_("City, as the latest of their meetings that states it."),
                "country": N_("Country, as the latest of their meetings that states it."),
                **_RETURNS,
            },
        ),
        Summary(
            "returning_organizations",
            N_("Organizations across meetings"),
            N_("Each organization of named people and how many meetings it took part in."),
            queries.returning_organizations,
            {
                "organization": N_("Full name."),
                "acronym": N_("Short name."),
                "organization_type": N_("Curated kind of organization."),
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
                "city": N_("City."),
                "iso3": N_("ISO 3166-1 alpha-3 country code (empty: ambiguous)."),
                "country": N_("Country."),
                "region": N_("UN M49 region."),
                **_RETURNS,
                **_RETURNS_PEOPLE,
            },
        ),
        Summary(
            "key_points_per_meeting",
            N_("Key points per meeting"),
            N_("Key points per meeting and category."),
            queries.key_points_per_meeting,
            {
                **_PER_MEETING,
                "category": N_("Key point category."),
                "key_points": N_("Key points."),
            },
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
                "category": N_("`commonality`, `difference` or `opportunity`."),
                "position": N_("Order of the key point within its category."),
                "heading": N_("Heading of the key point as stated (empty if none)."),
                "key_point_id": N_("Key point id."),
                "target": N_("SDG target, e.g. `16.a`."),
                "goal": N_("SDG the target belongs to."),
                "target_text": N_("Official target text, verbatim."),
                "rationale": N_("Why the point bears on the target (curation)."),
                "basis": N_("How the mapping was made (`curation: ...`)."),
                "target_source": N_("The UN document the target text is quoted from."),
            },
        ),
    )
}
