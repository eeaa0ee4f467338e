"""What synthetic data looks like: the columns each table gets, and the generator's fixed choices.

Key-point categories and the presenter role are not here: they come from the curated
`key_point_categories` table and `twg_data.vocabulary`, where the dashboard reads them.
"""

from __future__ import annotations

# The columns synth writes for each table it generates, in this order. A column the schema
# adds later is written empty (fine when optional); a required one stops synth with a message.
COLUMNS: dict[str, tuple[str, ...]] = {
    "sources": ("source_id", "meeting_id", "section", "passage"),
    "meetings": (
        "meeting_id",
        "meeting_number",
        "title",
        "date",
        "city_id",
        "part_of",
        "agenda_process",
        "attendance_stated",
        "report_file",
        "part_of_source_id",
        "agenda_process_source_id",
        "attendance_stated_source_id",
        "source_id",
    ),
    "facilitators": ("meeting_id", "organization_id", "position", "name_as_stated", "source_id"),
    "objectives": ("meeting_id", "objective_id", "scope", "position", "label", "text", "source_id"),
    "sessions": (
        "meeting_id",
        "session_id",
        "position",
        "title",
        "date",
        "start_time",
        "end_time",
        "time_basis",
        "format",
        "format_basis",
        "format_rules",
        "purpose",
        "format_source_id",
        "purpose_source_id",
        "source_id",
    ),
    "people": ("person_id", "name", "aliases", "source_id"),
    "participants": (
        "meeting_id",
        "person_id",
        "list_number",
        "title",
        "unit",
        "organization_id",
        "city_id",
        "country_iso3",
        "location_basis",
        "source_id",
    ),
    "speakers": (
        "meeting_id",
        "session_id",
        "position",
        "person_id",
        "role",
        "title_as_stated",
        "source_id",
    ),
    "organizations": (
        "organization_id",
        "name",
        "acronym",
        "aliases",
        "parent_organization_id",
        "organization_type_id",
        "practice_community_id",
        "classification_basis",
        "source_id",
    ),
    "countries": (
        "iso3",
        "name",
        "m49_code",
        "sub_region",
        "intermediate_region",
        "named_in_report",
        "source_id",
    ),
    "cities": (
        "city_id",
        "name",
        "aliases",
        "country_iso3",
        "latitude",
        "longitude",
        "location_basis",
        "source_id",
    ),
    "delegations": ("meeting_id", "city_id", "network", "position", "source_id"),
    "key_points": (
        "meeting_id",
        "key_point_id",
        "category",
        "position",
        "heading",
        "text",
        "source_id",
    ),
    "framing": ("meeting_id", "framing_id", "kind", "position", "label", "text", "source_id"),
    "key_point_targets": ("meeting_id", "key_point_id", "target", "rationale", "basis"),
}
NETWORK = "Synthetic Network of Safer Cities"
REFERENCE_PASSAGE = (
    "Synthetic data for benchmarks and tests: real city and country names with curated codes "
    "and coordinates; every person, organization and passage is invented."
)

# Meeting venues, in order; later meetings cycle through them.
VENUES = (
    "bogota",
    "geneva",
    "nairobi",
    "mexico-city",
    "johannesburg",
    "quito",
    "medellin",
    "barcelona",
    "manila",
    "beirut",
    "guatemala-city",
    "dakar",
)
TITLES = (
    "Director",
    "Programme Officer",
    "Coordinator",
    "Senior Advisor",
    "Project Manager",
    "Mayor",
    "Deputy Mayor",
    "Researcher",
    "Head of Unit",
    "Executive Director",
    "Policy Officer",
    "Consultant",
    "Lecturer",
    "Country Representative",
    "Secretary of Security",
    "Community Organizer",
    "Specialist",
    "Chief Executive Officer",
)
# Organization type -> weight; a type missing from the curated organization_types is skipped.
TYPE_WEIGHTS = {
    "city-government": 30,
    "ngo": 20,
    "academic": 10,
    "national-government": 8,
    "un-entity": 7,
    "development-agency": 6,
    "network": 5,
    "foundation": 5,
    "international-organization": 3,
    "private-company": 3,
    "cooperation-programme": 2,
    "development-bank": 1,
}
# Organization type -> (practice community, weight) choices; "" leaves the community empty.
TYPE_COMMUNITIES = {
    "city-government": (("urban-safety", 9), ("", 1)),
    "ngo": (("peacebuilding", 4), ("development", 3), ("humanitarian", 2), ("", 1)),
    "academic": (("research", 1),),
    "national-government": (("urban-safety", 2), ("peacebuilding", 1), ("", 2)),
    "un-entity": (("urban-safety", 2), ("peacebuilding", 2), ("development", 1)),
    "development-agency": (("development", 3), ("research", 1)),
    "network": (("peacebuilding", 1), ("urban-safety", 1)),
    "foundation": (("development", 1), ("", 1)),
    "international-organization": (("humanitarian", 2), ("peacebuilding", 1)),
    "private-company": (("", 1),),
    "cooperation-programme": (("development", 1),),
    "development-bank": (("development", 1),),
}
SESSION_TITLES = (
    "Exchange of promising practices",
    "Entry points for an integrated approach of urban safety and peacebuilding",
    "City-to-city exchange",
    "Lessons from cities affected by conflict",
)
# Session s's speakers: Focus 1 has kick-off presenters (`vocabulary.PRESENTER_ROLE`); later
# sessions a moderator, then discussants. The shipped report states only presenters, and the
# schema leaves `role` open, so these two are the generator's own words.
MODERATOR_ROLE = "moderator"
DISCUSSANT_ROLE = "discussant"
SESSION_FORMATS = ("TED-style talks", "Discussion", "Panel", "World café")
FRAMING = (
    ("how", "dimension", 1, "The how"),
    ("themes", "dimension", 2, "The themes"),
    ("setting-conflict", "setting", 1, "conflict"),
    ("setting-post-conflict", "setting", 2, "post-conflict"),
    ("setting-criminal-violence", "setting", 3, "criminal violence"),
)
OBJECTIVES = (
    ("meeting-a", "meeting", 1, "(a)", "to exchange synthetic promising practices"),
    ("meeting-b", "meeting", 2, "(b)", "to discuss synthetic entry points"),
    ("twg-purpose", "twg", 1, "", "to stand in for the TWG's purpose in synthetic data"),
    ("twg-network", "twg", 2, "", "to stand in for the TWG's network in synthetic data"),
)
LOCATION_BASES = (
    # (basis, weight, keep city, keep country)
    ("stated", 72, True, False),
    ("stated: country only", 12, False, True),
    ("inferred: synthetic; the organization's city", 6, True, False),
    ("not stated", 10, False, False),
)
