"""What a participant's comment (or a point raised in the room) may hold: short plain text.

Markup is kept as typed (pages draw it escaped, so `<b>` or `**` shows literally); what cannot
be shown as typed is refused with a reason: nothing, more than `MAX_CHARACTERS`, or control
characters other than line breaks and tabs.
"""

from __future__ import annotations

import re

MAX_CHARACTERS = 500
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]"
)

EMPTY, TOO_LONG, CONTROL = "empty", "too_long", "control"


def problem(text: str) -> str | None:
    """Why the text is refused (`EMPTY`, `TOO_LONG`, `CONTROL`), or None if it is fine."""
    cleaned = text.replace("\r\n", "\n").strip()
    if not cleaned:
        return EMPTY
    if len(cleaned) > MAX_CHARACTERS:
        return TOO_LONG
    if _CONTROL.search(cleaned):
        return CONTROL
    return None


def cleaned(text: str) -> str:
    """The text as stored: line endings unified, outer blanks dropped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()
