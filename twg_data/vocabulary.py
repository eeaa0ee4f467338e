"""The domain's words in one place: roles, the word naming a meeting, labels for what is missing.

Key-point categories (their order and labels) are data: `data/key_point_categories.csv`.
Queries join that table; pages and the brief read the labels from query results.
"""

from __future__ import annotations

from twg_data.i18n import N_

# Roles a person has at a meeting: on the list of participants, or as a speaker (the
# speakers table's `role`, e.g. kick-off presenter).
LISTED_ROLE = "listed participant"
PRESENTER_ROLE = "kick-off presenter"

# A count's group whose value the report does not state.
NOT_STATED = N_("(not stated)")
# A key point the report gives no heading.
NO_HEADING = N_("(no heading)")

# The word a meeting is named with (`labels.meeting`: `Meeting 2 · Bogotá · 2015-09-21`).
MEETING_WORD = N_("Meeting")

# The framing of entry points (`framing.kind`): heading of each group, and what one item is.
FRAMING_HEADINGS = {
    "dimension": N_("Two kinds of entry point"),
    "setting": N_("Settings named for an integrated approach"),
}
FRAMING_LABELS = {"dimension": N_("Kind of entry point"), "setting": N_("Setting")}
