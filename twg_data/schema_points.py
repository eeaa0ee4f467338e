"""The curated tables of what the meetings said: key points and their categories, the framing
of entry points, and the crosswalk to SDG targets."""

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
)

POINT_TABLES: tuple[Table, ...] = (
    Table(
        "key_point_categories",
        N_(
            "Curated kinds of key point, in the order pages and the brief show them; a meeting "
            "whose report has, say, recommendations adds a row here, not code."
        ),
        (
            Column("category", "text", N_("Stable slug, e.g. `commonality`."), required=True),
            Column("position", "integer", N_("Display order."), required=True, minimum=1),
            Column(
                "label",
                "text",
                N_("Display label (plural), e.g. `Commonalities`."),
                required=True,
                translated=True,
                vocabulary="category",
            ),
            Column(
                "singular",
                "text",
                N_("One of them, e.g. `Commonality`."),
                required=True,
                translated=True,
                vocabulary="category",
                translation=N_("{language} for one of them (curator's translation)."),
            ),
            Column("description", "text", N_("What belongs here."), required=True, translated=True),
        ),
        key=("category",),
    ),
    Table(
        "key_points",
        N_("The meeting's key points on an integrated approach."),
        (
            meeting_column(),
            Column("key_point_id", "text", N_("Stable id within the meeting."), required=True),
            Column("category", "text", N_("Kind of key point (see `key_point_categories`)."), True),
            Column(
                "position", "integer", N_("Order within the category."), required=True, minimum=1
            ),
            Column(
                "heading",
                "text",
                N_("The point's heading as stated; empty if none."),
                verbatim=True,
            ),
            Column("text", "text", N_("The point's text, verbatim."), required=True, verbatim=True),
            row_source(),
        ),
        key=("meeting_id", "key_point_id"),
        references=(MEETING_REF, Reference(("category",), "key_point_categories"), SOURCE_REF),
    ),
    Table(
        "framing",
        N_(
            "How the report frames entry points: the dimensions (the how, the themes) and settings."
        ),
        (
            meeting_column(),
            Column("framing_id", "text", N_("Stable id within the meeting."), required=True),
            Column(
                "kind",
                "text",
                N_("`dimension` or `setting`."),
                required=True,
                allowed=("dimension", "setting"),
            ),
            Column("position", "integer", N_("Order in the report."), required=True, minimum=1),
            Column(
                "label",
                "text",
                N_("Short label: the report's word, with `The` for a dimension (curation)."),
                required=True,
            ),
            Column(
                "text",
                "text",
                N_("What the report says of it, verbatim."),
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
        N_("Sustainable Development Goal targets the crosswalk uses, with their official text."),
        (
            Column("target", "text", N_("Target number as the UN numbers it, e.g. `16.a`."), True),
            Column("goal", "integer", N_("The goal it belongs to."), True, minimum=1, maximum=17),
            Column("text", "text", N_("The target's official text, verbatim."), required=True),
            Column("source", "text", N_("The UN document the text is quoted from."), required=True),
        ),
        key=("target",),
    ),
    Table(
        "key_point_targets",
        N_(
            "Curated crosswalk from key points to the SDG targets they bear on; the report names "
            "no SDG targets, so every row is curation."
        ),
        (
            meeting_column(),
            Column("key_point_id", "text", N_("The key point."), required=True),
            Column("target", "text", N_("The SDG target it bears on."), required=True),
            Column("rationale", "text", N_("Why, in one line."), required=True, translated=True),
            Column("basis", "text", N_("`curation: <how the mapping was made>`."), required=True),
        ),
        key=("meeting_id", "key_point_id", "target"),
        references=(
            Reference(("meeting_id", "key_point_id"), "key_points"),
            Reference(("target",), "sdg_targets"),
        ),
    ),
)
