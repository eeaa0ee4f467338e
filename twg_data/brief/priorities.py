"""The brief's "Workshop priorities" section, as plain text every writer lays out: what a
workshop's room decided (`Priorities`, built by `workshop.results.priorities`), kept apart from
the report's content and cited as the workshop's own input, never as the report's."""

from __future__ import annotations

from dataclasses import dataclass

from twg_data.i18n import N_, _, format_count, labelled, ngettext

METHODS = {"dots": N_("Dot voting"), "priority": N_("Priority from 1 to 5")}
SOURCES = {"report": N_("Report"), "room": N_("Raised in the room")}
HEADING = N_("Workshop priorities")
NOTE = N_(
    "Set by the participants of a workshop, not stated in the report: their votes on the "
    "points put to them. A point raised in the room is the workshop's own input."
)


@dataclass(frozen=True)
class Priorities:
    """A workshop's results: title, date, method, participants who voted, whether voting is
    closed, and per point (label, source, total, voters), the highest total first."""

    title: str
    held_on: str
    method: str
    participants: int
    closed: bool
    points: tuple[tuple[str, str, int, int], ...]
    comments: tuple[str, ...] = ()


def facts(priorities: Priorities) -> list[tuple[str, str]]:
    """(label, value) lines: the workshop, its date, method, participants, state."""
    return [
        (_("Workshop"), priorities.title),
        (_("Date"), priorities.held_on),
        (_("Method"), _(METHODS[priorities.method])),
        (_("Participants who voted"), format_count(priorities.participants)),
        (_("Voting"), _("closed") if priorities.closed else _("still open")),
    ]


def point_line(priorities: Priorities, label: str, source: str, total: int, voters: int) -> str:
    """One point's result as a sentence part: its total and how many voted on it."""
    people = ngettext("{n} participant", "{n} participants", voters).format(n=format_count(voters))
    if priorities.method == "dots":
        counted = ngettext("{n} dot", "{n} dots", total).format(n=format_count(total))
    else:
        counted = _("priorities summing to {n}").format(n=format_count(total))
    room = f" ({_(SOURCES['room']).lower()})" if source == "room" else ""
    return f"{labelled(label + room)} " + _("{counted} from {people}").format(
        counted=counted, people=people
    )


def citation(priorities: Priorities) -> str:
    """How to cite the section: the workshop's, never the report's."""
    return _("Workshop “{title}”, {date}: participants' votes ({method}).").format(
        title=priorities.title, date=priorities.held_on, method=_(METHODS[priorities.method])
    )
