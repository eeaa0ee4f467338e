"""What the workshop store hands out and refuses: its records (`Workshop`, `Point`,
`Comment`), `WorkshopError` and its reasons, the stored form of a time, and the check of a
ballot against the workshop's method."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

PRIORITY_MAX = 5


class WorkshopError(Exception):
    """A request the store refuses; `reason` says why (one of the constants below)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


UNKNOWN, NOT_OPEN, CLOSED, EXPIRED = "unknown", "not_open", "closed", "expired"
NOT_JOINED, BAD_POINT, BAD_VALUE, TOO_MANY_DOTS = "not_joined", "bad_point", "bad_value", "dots"
BAD_SETUP = "bad_setup"


@dataclass(frozen=True)
class Workshop:
    """One workshop: its code, meeting, method and state."""

    id: str
    code: str
    title: str
    meeting_id: str
    held_on: str
    method: str
    dots: int
    status: str
    created_at: str
    expires_at: str
    closed_at: str | None


@dataclass(frozen=True)
class Point:
    """A point put to the room: a report item (`source='report'`, `point_id` its brief ref,
    no text of its own) or a point raised in the room (`source='room'`, its text as typed)."""

    point_id: str
    position: int
    source: str
    text: str


@dataclass(frozen=True)
class Comment:
    """A participant's comment and the facilitator's decision on it."""

    id: str
    text: str
    status: str
    created_at: str


def now_text(now: datetime | None = None) -> str:
    """A time as stored: UTC, ISO 8601 with microseconds (sorts as it reads)."""
    return (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="microseconds")


def check_ballot(ballot: Mapping[str, int], known: set[str], method: str, dots: int) -> None:
    """Refuse (WorkshopError) a ballot naming unknown points, a negative value, a priority
    above 5, or more dots than the workshop gives."""
    if set(ballot) - known:
        raise WorkshopError(BAD_POINT)
    values = list(ballot.values())
    if any(not isinstance(v, int) or isinstance(v, bool) or v < 0 for v in values):
        raise WorkshopError(BAD_VALUE)
    if method == "priority" and any(v > PRIORITY_MAX for v in values):
        raise WorkshopError(BAD_VALUE)
    if method == "dots" and sum(values) > dots:
        raise WorkshopError(TOO_MANY_DOTS)
