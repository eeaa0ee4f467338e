"""The curated tables of who took part and where from: people, their roles and speaking,
organizations and their curated kinds, regions, countries, cities and delegations."""

from __future__ import annotations

from twg_data.i18n import N_
from twg_data.schema_model import (
    MEETING_REF,
    SOURCE_REF,
    Column,
    Reference,
    Table,
    languages_named,
    meeting_column,
    row_source,
)

_ROLES = N_(
    "Roles a person has at a meeting: `listed participant` (on a report's list of "
    "participants) and each role the speakers table names, with its {languages} label."
)

PEOPLE_TABLES: tuple[Table, ...] = (
    Table(
        "people",
        N_("Every named person, once; name variants kept as aliases."),
        (
            Column("person_id", "text", N_("Stable slug, e.g. `achim-wennmann`."), required=True),
            Column("name", "text", N_("The fullest form of the name the reports give."), True),
            Column(
                "aliases", "text", N_("Other forms of the name in the reports, ` | `-separated.")
            ),
            row_source(),
        ),
        key=("person_id",),
        references=(SOURCE_REF,),
    ),
    Table(
        "participants",
        N_("Who took part in a meeting: one row per person per meeting."),
        (
            meeting_column(),
            Column("person_id", "text", N_("The person."), required=True),
            Column(
                "list_number",
                "integer",
                N_("Number in the list of participants; empty if not on the list."),
                minimum=1,
            ),
            Column(
                "title",
                "text",
                N_("Title as the list of participants (else the speaker list) states."),
                verbatim=True,
            ),
            Column(
                "unit",
                "text",
                N_("Department, programme or unit within the organization, as stated."),
                verbatim=True,
            ),
            Column("organization_id", "text", N_("The organization; empty when none is stated.")),
            Column(
                "city_id", "text", N_("City the report places the person in; empty if not stated.")
            ),
            Column(
                "country_iso3",
                "text",
                N_(
                    "Country (ISO 3166 alpha-3) the report states for the person (or that "
                    "`location_basis` infers); empty if neither. Where it is empty, the city's "
                    "country is used."
                ),
            ),
            Column(
                "location_basis",
                "text",
                N_("`stated`, `inferred: <reason>` or `not stated`."),
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
        _ROLES.format(languages=languages_named()),
        (
            Column(
                "role",
                "text",
                N_("The role as the data names it, e.g. `kick-off presenter`."),
                True,
                translated=True,
                translation_stem="label",
            ),
        ),
        key=("role",),
        template=_ROLES,
    ),
    Table(
        "speakers",
        N_("Who spoke in which session, in order, with the title as the speaker list states it."),
        (
            meeting_column(),
            Column("session_id", "text", N_("The session."), required=True),
            Column("position", "integer", N_("Speaking order."), required=True, minimum=1),
            Column("person_id", "text", N_("The speaker."), required=True),
            Column(
                "role",
                "text",
                N_("Role in the session, e.g. `kick-off presenter` (see `roles`)."),
                True,
            ),
            Column(
                "title_as_stated",
                "text",
                N_("Title and affiliation as the speaker list words it."),
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
        N_("Curated kinds of organization."),
        (
            Column("organization_type_id", "text", N_("Stable slug."), required=True),
            Column(
                "label",
                "text",
                N_("Display label."),
                required=True,
                translated=True,
                vocabulary="organization_type",
            ),
            Column("description", "text", N_("What belongs here."), required=True, translated=True),
        ),
        key=("organization_type_id",),
    ),
    Table(
        "practice_communities",
        N_("Curated practice communities (urban safety, peacebuilding, ...)."),
        (
            Column("practice_community_id", "text", N_("Stable slug."), required=True),
            Column(
                "label",
                "text",
                N_("Display label."),
                required=True,
                translated=True,
                vocabulary="practice_community",
            ),
            Column("description", "text", N_("What belongs here."), required=True, translated=True),
            Column(
                "basis",
                "text",
                N_("Whether the report names it, or why it was added."),
                True,
                translated=True,
            ),
        ),
        key=("practice_community_id",),
    ),
    Table(
        "organizations",
        N_("Every organization, once; name variants kept as aliases; type and community curated."),
        (
            Column("organization_id", "text", N_("Stable slug, e.g. `giz`."), required=True),
            Column("name", "text", N_("Full name."), required=True),
            Column("acronym", "text", N_("Short name, where the report gives one.")),
            Column(
                "aliases", "text", N_("Other forms of the name in the reports, ` | `-separated.")
            ),
            Column(
                "parent_organization_id", "text", N_("Organization this one belongs to, if any.")
            ),
            Column("organization_type_id", "text", N_("Curated kind of organization."), True),
            Column(
                "practice_community_id",
                "text",
                N_("Curated main practice community; empty when not determinable."),
            ),
            Column(
                "classification_basis",
                "text",
                N_("Why the type and community were chosen."),
                True,
                translated=True,
            ),
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
        N_("UN M49 regions and sub-regions (reference list, so absent regions can be shown)."),
        (
            Column(
                "sub_region",
                "text",
                N_("M49 sub-region name."),
                required=True,
                translated=True,
                translation=N_("{language} name of the sub-region (CLDR, via Babel)."),
            ),
            Column("sub_region_m49", "text", N_("M49 code of the sub-region."), required=True),
            Column(
                "region",
                "text",
                N_("M49 region name."),
                required=True,
                translated=True,
                translation=N_("{language} name of the region (CLDR, via Babel)."),
            ),
            Column("region_m49", "text", N_("M49 code of the region."), required=True),
        ),
        key=("sub_region",),
    ),
    Table(
        "countries",
        N_("Every country named or implied by a named city, with ISO and UN M49 codes."),
        (
            Column("iso3", "text", N_("ISO 3166-1 alpha-3 code."), required=True),
            Column("name", "text", N_("Short English name."), required=True),
            Column("m49_code", "text", N_("UN M49 numeric code."), required=True),
            Column("sub_region", "text", N_("UN M49 sub-region."), required=True),
            Column(
                "intermediate_region", "text", N_("UN M49 intermediate region, where M49 has one.")
            ),
            Column(
                "named_in_report",
                "text",
                N_("`yes` if the report names it, else `no`."),
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
        N_("Every city named, with curated coordinates."),
        (
            Column("city_id", "text", N_("Stable slug, e.g. `quito`."), required=True),
            Column("name", "text", N_("Name, with its usual accents."), required=True),
            Column("aliases", "text", N_("Other spellings in the reports, ` | `-separated.")),
            Column("country_iso3", "text", N_("Country; empty when the name is ambiguous.")),
            Column("latitude", "float", N_("WGS84 latitude (curated)."), minimum=-90, maximum=90),
            Column(
                "longitude", "float", N_("WGS84 longitude (curated)."), minimum=-180, maximum=180
            ),
            Column("location_basis", "text", N_("Basis of country and coordinates."), True),
            row_source(),
        ),
        key=("city_id",),
        references=(Reference(("country_iso3",), "countries"), SOURCE_REF),
    ),
    Table(
        "delegations",
        N_("Cities whose delegations joined a meeting through a network (e.g. the GNSC)."),
        (
            meeting_column(),
            Column("city_id", "text", N_("The city."), required=True),
            Column(
                "network",
                "text",
                N_(
                    "The network the delegation came with, by its full name (curated; the passage "
                    "may use its acronym)."
                ),
                required=True,
            ),
            Column("position", "integer", N_("Order in the report."), required=True, minimum=1),
            row_source(),
        ),
        key=("meeting_id", "city_id"),
        references=(MEETING_REF, Reference(("city_id",), "cities"), SOURCE_REF),
    ),
)
