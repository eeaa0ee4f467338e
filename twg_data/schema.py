"""Every curated table, defined once: validation, DDL, dictionary and data package follow it."""

from __future__ import annotations

from twg_data.schema_model import (
    DUCKDB_TYPES,
    MEETING_REF,
    SOURCE_REF,
    Column,
    Reference,
    Table,
    meeting_column,
    row_source,
    value_source,
    value_source_refs,
)

__all__ = ["DUCKDB_TYPES", "TABLES", "TABLES_BY_NAME", "Column", "Reference", "Table"]

# Spanish beside English: the curated vocabulary's own translations (issue: the dashboard in
# Spanish). Empty means not translated yet; the interface then shows the English label.
SPANISH_LABEL = "Spanish label (curator's translation)."
SPANISH_DESCRIPTION = "Spanish description (curator's translation)."

TABLES: tuple[Table, ...] = (
    Table(
        "sources",
        "Verbatim passages of the meeting reports; every curated row points to one.",
        (
            Column("source_id", "text", "Stable id of the passage.", required=True),
            meeting_column(),
            Column("section", "text", "The report section the passage sits in.", required=True),
            Column("passage", "text", "The passage, quoted verbatim.", required=True),
        ),
        key=("source_id",),
        references=(MEETING_REF,),
    ),
    Table(
        "meetings",
        "One row per TWG meeting for which a report exists.",
        (
            Column("meeting_id", "text", "Stable id, e.g. `twg-2015-bogota`.", required=True),
            Column("meeting_number", "integer", "Which TWG meeting (2 = second).", minimum=1),
            Column("title", "text", "The report's title.", required=True, verbatim=True),
            Column("date", "date", "Date of the meeting, its first day (YYYY-MM-DD).", True),
            Column(
                "end_date",
                "date",
                "Last day of a meeting that spans days (YYYY-MM-DD); empty for a one-day meeting.",
                later_than="date",
            ),
            Column("city_id", "text", "Where it met.", required=True),
            Column(
                "part_of",
                "text",
                "The larger event it was part of, as stated.",
                verbatim=True,
                source_column="part_of_source_id",
            ),
            Column(
                "agenda_process",
                "text",
                "The agenda-setting process it feeds, as stated.",
                verbatim=True,
                source_column="agenda_process_source_id",
            ),
            Column(
                "attendance_stated",
                "text",
                "Attendance as the report words it.",
                verbatim=True,
                source_column="attendance_stated_source_id",
            ),
            Column(
                "report_file",
                "text",
                "Path of the meeting's report inside the data folder (`reports/<meeting_id>.txt`).",
            ),
            value_source("part_of"),
            value_source("agenda_process"),
            value_source("attendance_stated"),
            row_source(),
        ),
        key=("meeting_id",),
        references=(
            Reference(("city_id",), "cities"),
            *value_source_refs("part_of", "agenda_process", "attendance_stated"),
            SOURCE_REF,
        ),
    ),
    Table(
        "facilitators",
        "Organizations that co-facilitate the TWG, as a meeting's report names them.",
        (
            meeting_column(),
            Column("organization_id", "text", "The co-facilitating organization.", required=True),
            Column("position", "integer", "Order in the report.", required=True, minimum=1),
            Column(
                "name_as_stated", "text", "The name as the report words it.", True, verbatim=True
            ),
            row_source(),
        ),
        key=("meeting_id", "organization_id"),
        references=(MEETING_REF, Reference(("organization_id",), "organizations"), SOURCE_REF),
    ),
    Table(
        "objectives",
        "The TWG's standing objectives and the meeting's own objectives.",
        (
            meeting_column(),
            Column("objective_id", "text", "Stable id within the meeting.", required=True),
            Column(
                "scope",
                "text",
                "`twg` (standing objective) or `meeting`.",
                required=True,
                allowed=("twg", "meeting"),
            ),
            Column("position", "integer", "Order in the report.", required=True, minimum=1),
            Column("label", "text", "Label the report gives, e.g. `(a)`.", verbatim=True),
            Column("text", "text", "The objective, verbatim.", required=True, verbatim=True),
            row_source(),
        ),
        key=("meeting_id", "objective_id"),
        references=(MEETING_REF, SOURCE_REF),
    ),
    Table(
        "sessions",
        "The sessions of a meeting, with times, format and purpose as stated.",
        (
            meeting_column(),
            Column("session_id", "text", "Stable id within the meeting, e.g. `focus-1`.", True),
            Column("position", "integer", "Order in the day.", required=True, minimum=1),
            Column("title", "text", "Session title as stated.", required=True, verbatim=True),
            Column("date", "date", "Date of the session.", required=True),
            Column("start_time", "time", "Start time (HH:MM).", required=True),
            Column(
                "end_time",
                "time",
                "End time (HH:MM); empty when the report gives only a start and nothing follows.",
                later_than="start_time",
            ),
            Column(
                "time_basis",
                "text",
                "`stated`, or `inferred: <reason>` when the end time is read from elsewhere "
                "(the next item's start).",
            ),
            Column(
                "format",
                "text",
                "Session format: the report's words when stated, else a curated label.",
                verbatim=True,
                source_column="format_source_id",
                stated_by="format_basis",
            ),
            Column("format_basis", "text", "`stated`, or `inferred: <reason>`."),
            Column(
                "format_rules",
                "text",
                "The format's rules, verbatim.",
                verbatim=True,
                source_column="format_source_id",
            ),
            Column(
                "purpose",
                "text",
                "What the session was for, verbatim.",
                verbatim=True,
                source_column="purpose_source_id",
            ),
            value_source("format"),
            value_source("purpose"),
            row_source(),
        ),
        key=("meeting_id", "session_id"),
        references=(MEETING_REF, *value_source_refs("format", "purpose"), SOURCE_REF),
    ),
    Table(
        "people",
        "Every named person, once; name variants kept as aliases.",
        (
            Column("person_id", "text", "Stable slug, e.g. `achim-wennmann`.", required=True),
            Column("name", "text", "The fullest form of the name the reports give.", True),
            Column("aliases", "text", "Other forms of the name in the reports, ` | `-separated."),
            row_source(),
        ),
        key=("person_id",),
        references=(SOURCE_REF,),
    ),
    Table(
        "participants",
        "Who took part in a meeting: one row per person per meeting.",
        (
            meeting_column(),
            Column("person_id", "text", "The person.", required=True),
            Column(
                "list_number",
                "integer",
                "Number in the list of participants; empty if not on the list.",
                minimum=1,
            ),
            Column(
                "title",
                "text",
                "Title as the list of participants (else the speaker list) states.",
                verbatim=True,
            ),
            Column(
                "unit",
                "text",
                "Department, programme or unit within the organization, as stated.",
                verbatim=True,
            ),
            Column("organization_id", "text", "The organization; empty when none is stated."),
            Column("city_id", "text", "City the report places the person in; empty if not stated."),
            Column(
                "country_iso3",
                "text",
                "Country (ISO 3166 alpha-3) the report states for the person (or that "
                "`location_basis` infers); empty if neither. Where it is empty, the city's "
                "country is used.",
            ),
            Column(
                "location_basis",
                "text",
                "`stated`, `inferred: <reason>` or `not stated`.",
                required=True,
            ),
            row_source(),
        ),
        key=("meeting_id", "person_id"),
        references=(
            MEETING_REF,
            Reference(("person_id",), "people"),
            Reference(("organization_id",), "organizations"),
            Reference(("city_id",), "cities"),
            Reference(("country_iso3",), "countries"),
            SOURCE_REF,
        ),
    ),
    Table(
        "roles",
        "Roles a person has at a meeting: `listed participant` (on a report's list of "
        "participants) and each role the speakers table names, with its Spanish label.",
        (
            Column(
                "role", "text", "The role as the data names it, e.g. `kick-off presenter`.", True
            ),
            Column("label_es", "text", SPANISH_LABEL),
        ),
        key=("role",),
    ),
    Table(
        "speakers",
        "Who spoke in which session, in order, with the title as the speaker list states it.",
        (
            meeting_column(),
            Column("session_id", "text", "The session.", required=True),
            Column("position", "integer", "Speaking order.", required=True, minimum=1),
            Column("person_id", "text", "The speaker.", required=True),
            Column(
                "role",
                "text",
                "Role in the session, e.g. `kick-off presenter` (see `roles`).",
                True,
            ),
            Column(
                "title_as_stated",
                "text",
                "Title and affiliation as the speaker list words it.",
                verbatim=True,
            ),
            row_source(),
        ),
        key=("meeting_id", "session_id", "position"),
        references=(
            Reference(("meeting_id", "session_id"), "sessions"),
            Reference(("meeting_id", "person_id"), "participants"),
            Reference(("role",), "roles"),
            SOURCE_REF,
        ),
    ),
    Table(
        "organization_types",
        "Curated kinds of organization.",
        (
            Column("organization_type_id", "text", "Stable slug.", required=True),
            Column("label", "text", "Display label.", required=True),
            Column("description", "text", "What belongs here.", required=True),
            Column("label_es", "text", SPANISH_LABEL),
            Column("description_es", "text", SPANISH_DESCRIPTION),
        ),
        key=("organization_type_id",),
    ),
    Table(
        "practice_communities",
        "Curated practice communities (urban safety, peacebuilding, ...).",
        (
            Column("practice_community_id", "text", "Stable slug.", required=True),
            Column("label", "text", "Display label.", required=True),
            Column("description", "text", "What belongs here.", required=True),
            Column("basis", "text", "Whether the report names it, or why it was added.", True),
            Column("label_es", "text", SPANISH_LABEL),
            Column("description_es", "text", SPANISH_DESCRIPTION),
        ),
        key=("practice_community_id",),
    ),
    Table(
        "organizations",
        "Every organization, once; name variants kept as aliases; type and community curated.",
        (
            Column("organization_id", "text", "Stable slug, e.g. `giz`.", required=True),
            Column("name", "text", "Full name.", required=True),
            Column("acronym", "text", "Short name, where the report gives one."),
            Column("aliases", "text", "Other forms of the name in the reports, ` | `-separated."),
            Column("parent_organization_id", "text", "Organization this one belongs to, if any."),
            Column("organization_type_id", "text", "Curated kind of organization.", True),
            Column(
                "practice_community_id",
                "text",
                "Curated main practice community; empty when not determinable.",
            ),
            Column("classification_basis", "text", "Why the type and community were chosen.", True),
            row_source(),
        ),
        key=("organization_id",),
        references=(
            Reference(("parent_organization_id",), "organizations"),
            Reference(("organization_type_id",), "organization_types"),
            Reference(("practice_community_id",), "practice_communities"),
            SOURCE_REF,
        ),
    ),
    Table(
        "regions",
        "UN M49 regions and sub-regions (reference list, so absent regions can be shown).",
        (
            Column("sub_region", "text", "M49 sub-region name.", required=True),
            Column("sub_region_m49", "text", "M49 code of the sub-region.", required=True),
            Column("region", "text", "M49 region name.", required=True),
            Column("region_m49", "text", "M49 code of the region.", required=True),
            Column("sub_region_es", "text", "Spanish name of the sub-region (CLDR, via Babel)."),
            Column("region_es", "text", "Spanish name of the region (CLDR, via Babel)."),
        ),
        key=("sub_region",),
    ),
    Table(
        "countries",
        "Every country named or implied by a named city, with ISO and UN M49 codes.",
        (
            Column("iso3", "text", "ISO 3166-1 alpha-3 code.", required=True),
            Column("name", "text", "Short English name.", required=True),
            Column("m49_code", "text", "UN M49 numeric code.", required=True),
            Column("sub_region", "text", "UN M49 sub-region.", required=True),
            Column("intermediate_region", "text", "UN M49 intermediate region, where M49 has one."),
            Column(
                "named_in_report",
                "text",
                "`yes` if the report names it, else `no`.",
                required=True,
                allowed=("yes", "no"),
            ),
            row_source(),
        ),
        key=("iso3",),
        references=(Reference(("sub_region",), "regions"), SOURCE_REF),
    ),
    Table(
        "cities",
        "Every city named, with curated coordinates.",
        (
            Column("city_id", "text", "Stable slug, e.g. `quito`.", required=True),
            Column("name", "text", "Name, with its usual accents.", required=True),
            Column("aliases", "text", "Other spellings in the reports, ` | `-separated."),
            Column("country_iso3", "text", "Country; empty when the name is ambiguous."),
            Column("latitude", "float", "WGS84 latitude (curated).", minimum=-90, maximum=90),
            Column("longitude", "float", "WGS84 longitude (curated).", minimum=-180, maximum=180),
            Column("location_basis", "text", "Basis of country and coordinates.", True),
            row_source(),
        ),
        key=("city_id",),
        references=(Reference(("country_iso3",), "countries"), SOURCE_REF),
    ),
    Table(
        "delegations",
        "Cities whose delegations joined a meeting through a network (e.g. the GNSC).",
        (
            meeting_column(),
            Column("city_id", "text", "The city.", required=True),
            Column(
                "network",
                "text",
                "The network the delegation came with, by its full name (curated; the passage "
                "may use its acronym).",
                required=True,
            ),
            Column("position", "integer", "Order in the report.", required=True, minimum=1),
            row_source(),
        ),
        key=("meeting_id", "city_id"),
        references=(MEETING_REF, Reference(("city_id",), "cities"), SOURCE_REF),
    ),
    Table(
        "key_point_categories",
        "Curated kinds of key point, in the order pages and the brief show them; a meeting whose "
        "report has, say, recommendations adds a row here, not code.",
        (
            Column("category", "text", "Stable slug, e.g. `commonality`.", required=True),
            Column("position", "integer", "Display order.", required=True, minimum=1),
            Column("label", "text", "Display label (plural), e.g. `Commonalities`.", True),
            Column("singular", "text", "One of them, e.g. `Commonality`.", required=True),
            Column("description", "text", "What belongs here.", required=True),
            Column("label_es", "text", SPANISH_LABEL),
            Column("singular_es", "text", "Spanish for one of them (curator's translation)."),
            Column("description_es", "text", SPANISH_DESCRIPTION),
        ),
        key=("category",),
    ),
    Table(
        "key_points",
        "The meeting's key points on an integrated approach.",
        (
            meeting_column(),
            Column("key_point_id", "text", "Stable id within the meeting.", required=True),
            Column("category", "text", "Kind of key point (see `key_point_categories`).", True),
            Column("position", "integer", "Order within the category.", required=True, minimum=1),
            Column(
                "heading", "text", "The point's heading as stated; empty if none.", verbatim=True
            ),
            Column("text", "text", "The point's text, verbatim.", required=True, verbatim=True),
            row_source(),
        ),
        key=("meeting_id", "key_point_id"),
        references=(MEETING_REF, Reference(("category",), "key_point_categories"), SOURCE_REF),
    ),
    Table(
        "framing",
        "How the report frames entry points: the dimensions (the how, the themes) and settings.",
        (
            meeting_column(),
            Column("framing_id", "text", "Stable id within the meeting.", required=True),
            Column(
                "kind",
                "text",
                "`dimension` or `setting`.",
                required=True,
                allowed=("dimension", "setting"),
            ),
            Column("position", "integer", "Order in the report.", required=True, minimum=1),
            Column(
                "label",
                "text",
                "Short label: the report's word, with `The` for a dimension (curation).",
                required=True,
            ),
            Column(
                "text",
                "text",
                "What the report says of it, verbatim.",
                required=True,
                verbatim=True,
            ),
            row_source(),
        ),
        key=("meeting_id", "framing_id"),
        references=(MEETING_REF, SOURCE_REF),
    ),
    Table(
        "sdg_targets",
        "Sustainable Development Goal targets the crosswalk uses, with their official text.",
        (
            Column("target", "text", "Target number as the UN numbers it, e.g. `16.a`.", True),
            Column("goal", "integer", "The goal it belongs to.", True, minimum=1, maximum=17),
            Column("text", "text", "The target's official text, verbatim.", required=True),
            Column("source", "text", "The UN document the text is quoted from.", required=True),
        ),
        key=("target",),
    ),
    Table(
        "key_point_targets",
        "Curated crosswalk from key points to the SDG targets they bear on; the report names "
        "no SDG targets, so every row is curation.",
        (
            meeting_column(),
            Column("key_point_id", "text", "The key point.", required=True),
            Column("target", "text", "The SDG target it bears on.", required=True),
            Column("rationale", "text", "Why, in one line.", required=True),
            Column("basis", "text", "`curation: <how the mapping was made>`.", required=True),
        ),
        key=("meeting_id", "key_point_id", "target"),
        references=(
            Reference(("meeting_id", "key_point_id"), "key_points"),
            Reference(("target",), "sdg_targets"),
        ),
    ),
)

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
