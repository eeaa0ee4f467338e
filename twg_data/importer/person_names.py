"""A person's name as reports write it: whether a text is one, its forms of address
(`Dr.`, `Hon. (Mrs.)`) and the letters after it (`PhD`), a surname in capitals or written
first (`BELLO, Musa Abdullahi`), and the several people one label's value names
('Ana Ruiz and Luis Gómez').

Used by `person_line.parse` and by every recogniser that reads a name on its own.
"""

from __future__ import annotations

import re
from functools import cache

from twg_data.importer import forms
from twg_data.importer.identity import normal

_PARTICLES = frozenset(
    [
        "de",
        "da",
        "das",
        "do",
        "dos",
        "del",
        "della",
        "der",
        "den",
        "di",
        "du",
        "el",
        "la",
        "le",
        "les",
        "van",
        "von",
        "ter",
        "ten",
        "y",
        "e",
        "bin",
        "ibn",
        "al",
        "mac",
        "st",
    ]
)


@cache
def _honorifics() -> tuple[str, ...]:
    forms_ = [row["form"] for row in forms.rows("honorifics")]
    return tuple(sorted(forms_, key=len, reverse=True))


@cache
def _postnominals() -> frozenset[str]:
    return frozenset(normal(row["form"]) for row in forms.rows("postnominals"))


def is_postnominal(text: str) -> bool:
    """Letters after a name ('PhD', 'Esq.', 'OON', 'mni'), not a title or organization."""
    return normal(text) in _postnominals()


_SURNAME_FIRST = re.compile(
    r"^([A-ZÀ-Ý][A-ZÀ-Ý'’ -]+),\s+([A-ZÀ-Ý][\w'’.-]+(?:\s[A-ZÀ-Ý][\w'’.-]+){0,3})$"
)


def given_name_first(text: str) -> str:
    """'BELLO, Musa Abdullahi' (a surname in capitals first) -> 'Musa Abdullahi BELLO'."""
    found = _SURNAME_FIRST.match(text.strip())
    return f"{found[2]} {found[1].strip()}" if found else text


_BRACKETED_PERSON = re.compile(r"\s*([^(),;]+?(?:\s*\([^()]*\))+)\s*(?:,|\band\b|\by\b|\bet\b|&|$)")
_AND = re.compile(r"\s+(?:and|y|et|&)\s+")


def split_people(value: str) -> list[str]:
    """The people a label's value names, one text each: 'A (Org); B (Org)', 'A (Org), B (Org)
    and C (Org)', 'Ana Ruiz and Luis Gómez', 'A, B y C', 'Dr. A and Mr. B, University X';
    else the whole value (one person's line: 'Ana Ruiz, Oxfam')."""
    value = value.strip().rstrip(".")
    if ";" in value:
        return [part.strip() for part in value.split(";") if part.strip()]
    groups = _BRACKETED_PERSON.findall(value)
    if len(groups) >= 2 and sum(len(g) for g in groups) >= len(value) * 0.8:
        return [g.strip() for g in groups]
    parts = _AND.split(value)
    if len(parts) >= 2 and "," not in value and all(looks_like_name(p) for p in parts):
        return parts
    names = [p.strip() for p in re.split(r",|\b(?:and|y|et)\b", value) if p.strip()]
    listed = len(names) >= 3 or re.search(r",[^,]+\b(?:and|y|et)\b", value)  # 'A, B and C'
    if listed and all(looks_like_name(strip_honorific(n)) for n in names):
        return names
    pair = re.match(r"^(.+?)\s+(?:and|y|et|&)\s+(.+)$", value)
    if pair and looks_like_name(strip_honorific(pair[1])):  # 'Dr. A and Mr. B, University X'
        right = re.split(r"[,(]", strip_honorific(pair[2]))[0].strip()
        if looks_like_name(right):
            return [pair[1].strip(), pair[2].strip()]
    return [value]


_BRACKETED_TITLE = re.compile(r"^\(([^()]{1,25})\)\s+")


def strip_honorific(name: str) -> str:
    """The name without the forms of address before it ('Dr. Halima Yusuf' -> 'Halima
    Yusuf', 'Hon. (Mrs.) Adebisi Ogunleye' -> 'Adebisi Ogunleye')."""
    while True:
        before = name
        bracket = _BRACKETED_TITLE.match(name)
        if bracket and all(strip_honorific(w + " X Y") == "X Y" for w in bracket[1].split()):
            name = name[bracket.end() :]
        for honorific in _honorifics():
            if name.startswith(honorific + " ") and len(name.split()) > len(honorific.split()) + 1:
                name = name[len(honorific) :].strip()
                break
        if name == before:
            return name


def as_name(text: str) -> str:
    """A surname in capitals as a name ('Aïssatou NDIAYE' -> 'Aïssatou Ndiaye')."""
    words = []
    for word in text.split():
        letters = [c for c in word if c.isalpha()]
        if len(letters) >= 3 and all(c.isupper() for c in letters):
            word = "-".join(part.capitalize() for part in word.split("-"))
        words.append(word)
    return " ".join(words)


def looks_like_name(text: str, listed: bool = False) -> bool:
    """A person's name: two to six words, capitalised (particles aside), no digits (except
    in a list of participants, where 'Person Number00001' is taken as written), and not an
    organization, a title or a place."""
    words = text.replace("’", "'").split()
    if not 2 <= len(words) <= 6 or re.search(r"[@/&|:;,]" if listed else r"[\d@/&|:;,]", text):
        return False
    if not all(w[:1].isupper() or w.lower() in _PARTICLES or w[:2] in ("d'", "O'") for w in words):
        return False
    if not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    lowered = normal(text)
    return not (
        forms.has_word(text, forms.organization_words())
        or forms.has_word(text, forms.title_words())
        or lowered in forms.boilerplate()
        or forms.has_word(text, forms.section_forms("participants"))
    )
