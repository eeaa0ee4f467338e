"""Reports for the Curate page's tests and benchmark, written here: the Bogotá report with
passages to tag, a list of many invented participants, a line too long to read."""

from __future__ import annotations

import random

from tests.conftest import REPO

BOGOTA = REPO / "data" / "reports" / "twg-2015-bogota.txt"
MEETING = "twg-2015-bogota-again"  # the Bogotá report as a new meeting drafts valid rows
KEY_POINT = "Cities should publish their safety audits every year."
HINTED = "Participants recommended that municipalities fund neighbourhood peace committees."
SPEAKER = (
    "Achim Wennmann, Executive Coordinator, Geneva Peacebuilding Platform, moderated the exchange."
)
_FIRST = ["Ana", "Luis", "Maria", "Jorge", "Fatima", "Kofi", "Amina", "Pedro", "Elena", "Tomas"]
_SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "zu", "bel", "dor", "fan", "gi", "har", "jo", "ku"]
_SYLLABLES += ["len", "mor", "nes", "pal", "quin", "ros", "sul", "tav", "vor", "wen", "yar"]


def tagging_report() -> bytes:
    """The Bogotá report with three paragraphs after the first session's speakers that no
    recogniser drafts: a key point, a recommendation a sentence suggests, a moderator (whom
    the data already holds)."""
    lines = BOGOTA.read_text(encoding="utf-8").split("\n")
    extra = ["", KEY_POINT, "", HINTED, "", SPEAKER, ""]
    return "\n".join(lines[:26] + extra + lines[26:]).encode("utf-8")


def invented_names(n: int, seed: int = 1) -> list[str]:
    """`n` distinct invented names ('Amina Belwenkor')."""
    chosen = random.Random(seed)
    names: set[str] = set()
    while len(names) < n:
        surname = "".join(chosen.choice(_SYLLABLES) for _ in range(3)).capitalize()
        names.add(f"{chosen.choice(_FIRST)} {surname}")
    return sorted(names)


def participants_report(n: int) -> bytes:
    """A report listing `n` participants as 'Name Surname, Organization, City, Country'."""
    lines = [
        "Report on the tenth meeting of the Technical Working Group, Nairobi, 14 March 2019",
        "",
        "List of participants",
        "",
    ]
    for number, name in enumerate(invented_names(n), 1):
        lines.append(f"{number}. {name}, Organization {number % 500}, Nairobi, Kenya")
    return ("\n".join(lines) + "\n").encode("utf-8")


def long_line_report(size: int = 1 << 20) -> bytes:
    """A report whose one line of `size` characters holds no space."""
    return b"Report on a meeting\n\n" + b"x" * size + b"\n"
