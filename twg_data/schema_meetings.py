"""The curated tables of the meetings themselves: the reports' passages, each meeting, its
co-facilitators, objectives and sessions."""

from __future__ import annotations

from twg_data.i18n import N_
from twg_data.schema_model import (
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

MEETING_TABLES: tuple[Table, ...] = (
    Table(
        "sources",
        N_("Verbatim passages of the meeting reports; every curated row points to one."),
        (
            Column("source_id", "text", N_("Stable id of the passage."), required=True),
            meeting_column(),
            Column("section", "text", N_("The report section the passage sits in."), required=True),
            Column("passage", "text", N_("The passage, quoted verbatim."), required=True),
        ),
        key=("source_id",),
        references=(MEETING_REF,),
    ),
    Table(
        "meetings",
        N_("One row per TWG meeting for which a report exists."),
        (
            Column("meeting_id", "text", N_("Stable id, e.g. `twg-2015-bogota`."), required=True),
            Column("meeting_number", "integer", N_("Which TWG meeting (2 = second)."), minimum=1),
            Column("title", "text", N_("The report's title."), required=True, verbatim=True),
            Column("date", "date", N_("Date of the meeting, its first day (YYYY-MM-DD)."), True),
            Column(
                "end_date",
                "date",
                N_(
                    "Last day of a meeting that spans days (YYYY-MM-DD); "
                    "empty for a one-day meeting."
                ),
                later_than="date",
            ),
            Column("city_id", "text", N_("Where it met."), required=True),
            Column(
                "part_of",
                "text",
                N_("The larger event it was part of, as stated."),
                verbatim=True,
                source_column="part_of_source_id",
            ),
            Column(
                "agenda_process",
                "text",
                N_("The agenda-setting process it feeds, as stated."),
                verbatim=True,
                source_column="agenda_process_source_id",
            ),
            Column(
                "attendance_stated",
                "text",
                N_("Attendance as the report words it."),
                verbatim=True,
                source_column="attendance_stated_source_id",
            ),
            Column(
                "report_file",
                "text",
                N_(
                    "Path of the meeting's report inside the data folder "
                    "(`reports/<meeting_id>.txt`)."
                ),
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
        N_("Organizations that co-facilitate the TWG, as a meeting's report names them."),
        (
            meeting_column(),
            Column(
                "organization_id", "text", N_("The co-facilitating organization."), required=True
            ),
            Column("position", "integer", N_("Order in the report."), required=True, minimum=1),
            Column(
                "name_as_stated",
                "text",
                N_("The name as the report words it."),
                True,
                verbatim=True,
            ),
            row_source(),
        ),
        key=("meeting_id", "organization_id"),
        references=(MEETING_REF, Reference(("organization_id",), "organizations"), SOURCE_REF),
    ),
    Table(
        "objectives",
        N_("The TWG's standing objectives and the meeting's own objectives."),
        (
            meeting_column(),
            Column("objective_id", "text", N_("Stable id within the meeting."), required=True),
            Column(
                "scope",
                "text",
                N_("`twg` (standing objective) or `meeting`."),
                required=True,
                allowed=("twg", "meeting"),
            ),
            Column("position", "integer", N_("Order in the report."), required=True, minimum=1),
            Column("label", "text", N_("Label the report gives, e.g. `(a)`."), verbatim=True),
            Column("text", "text", N_("The objective, verbatim."), required=True, verbatim=True),
            row_source(),
        ),
        key=("meeting_id", "objective_id"),
        references=(MEETING_REF, SOURCE_REF),
    ),
    Table(
        "sessions",
        N_("The sessions of a meeting, with times, format and purpose as stated."),
        (
            meeting_column(),
            Column("session_id", "text", N_("Stable id within the meeting, e.g. `focus-1`."), True),
            Column("position", "integer", N_("Order in the day."), required=True, minimum=1),
            Column("title", "text", N_("Session title as stated."), required=True, verbatim=True),
            Column("date", "date", N_("Date of the session."), required=True),
            Column("start_time", "time", N_("Start time (HH:MM)."), required=True),
            Column(
                "end_time",
                "time",
                N_(
                    "End time (HH:MM); empty when the report gives only a start "
                    "and nothing follows."
                ),
                later_than="start_time",
            ),
            Column(
                "time_basis",
                "text",
                N_(
                    "`stated`, or `inferred: <reason>` when the end time is read from elsewhere "
                    "(the next item's start)."
                ),
            ),
            Column(
                "format",
                "text",
                N_("Session format: the report's words when stated, else a curated label."),
                verbatim=True,
                source_column="format_source_id",
                stated_by="format_basis",
            ),
            Column("format_basis", "text", N_("`stated`, or `inferred: <reason>`.")),
            Column(
                "format_rules",
                "text",
                N_("The format's rules, verbatim."),
                verbatim=True,
                source_column="format_source_id",
            ),
            Column(
                "purpose",
                "text",
                N_("What the session was for, verbatim."),
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
)
