"""The recognisers' vocabulary, read from `twg_data/importer/forms/*.csv` (see its README):
labels, headings and words in English, Spanish and French, matched ignoring case, accents and
punctuation."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from twg_data.importer.identity import normal

FOLDER = Path(__file__).with_name("forms")


def rows(name: str) -> list[dict[str, str]]:
    """The rows of one forms file (`roles`, `key_point_headings`, ...)."""
    with (FOLDER / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class Category:
    """A key-point category the import can draft when the data does not hold it yet."""

    category: str
    label: str
    singular: str
    description: str


@cache
def roles() -> dict[str, str]:
    """Normalised label -> role (`panelists` -> `panellist`)."""
    return {normal(row["form"]): row["role"] for row in rows("roles")}


@cache
def lead_roles() -> frozenset[str]:
    """Normalised labels that introduce a list of people on their own ('Panelists',
    'Ponentes'); the others only before names ('Presentation: ...', 'moderated by ...')."""
    return frozenset(normal(row["form"]) for row in rows("roles") if row["alone"] == "yes")


def role_named(text: str) -> str:
    """The role a label names ('Kick-off presenters included:' -> 'kick-off presenter',
    "Chairman's Opening Remarks" -> 'chair'): the form it names first, the longest of those
    that start there; '' when it names none."""
    padded = f" {normal(text.rstrip(':'))} "
    best: tuple[int, int, str] | None = None
    for form, role in roles().items():
        at = padded.find(f" {form} ")
        if at >= 0 and (best is None or (at, -len(form)) < (best[0], best[1])):
            best = (at, -len(form), role)
    return best[2] if best else ""


@cache
def key_point_headings() -> tuple[tuple[str, str], ...]:
    """(normalised heading form, category), longest form first."""
    forms = {(normal(row["form"]), row["category"]) for row in rows("key_point_headings")}
    return tuple(sorted(forms, key=lambda item: (-len(item[0]), item)))


@cache
def categories() -> dict[str, Category]:
    """The categories the import may add, by slug."""
    return {row["category"]: Category(**row) for row in rows("categories")}


@cache
def section_forms(kind: str) -> frozenset[str]:
    """Normalised forms of one kind of label (`participants`, `absent`, `date`, `venue`,
    `published`, `next`, `held`)."""
    return frozenset(normal(row["form"]) for row in rows("sections") if row["kind"] == kind)


def names_section(title: str, kind: str) -> bool:
    """Whether a heading names a section of this kind ('Annex 2: List of participants',
    'Participants', 'LISTE DES PARTICIPANTS'): it is, starts or ends with one of its forms."""
    found = normal(
        re.sub(r"^(?:[\dIVX]+[.)]?|annex\s*\w*[:.]?|anexo\s*\w*[:.]?)\s+", "", title, flags=re.I)
    )
    padded = f" {found} "
    return any(
        found == form or padded.startswith(f" {form} ") or padded.endswith(f" {form} ")
        for form in section_forms(kind)
    )


@cache
def boilerplate(menu: bool = False) -> frozenset[str]:
    """Normalised lines of web-page furniture; with `menu`, also the words that are
    furniture only among other menu words ('Events', 'Research', 'Contact')."""
    return frozenset(
        normal(row["line"]) for row in rows("boilerplate") if menu or row["kind"] == "line"
    )


@cache
def title_words() -> frozenset[str]:
    """Normalised words and phrases of job titles."""
    return frozenset(normal(row["word"]) for row in rows("titles"))


@cache
def organization_words() -> frozenset[str]:
    """Normalised words and phrases that mark an organization's name."""
    return frozenset(normal(row["word"]) for row in rows("organization_words"))


@cache
def note_words() -> frozenset[str]:
    """Normalised words that make a bracket an attendance note ('WebEx', 'delegate')."""
    return frozenset(normal(row["word"]) for row in rows("notes"))


def has_word(text: str, words: frozenset[str]) -> bool:
    """True when the text holds one of the words or phrases (whole words, normalised)."""
    found = normal(text)
    singles, phrases = _split_words(words)
    if singles.intersection(found.split()):
        return True
    padded = f" {found} "
    return any(f" {phrase} " in padded for phrase in phrases)


@cache
def _split_words(words: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """A set of words and phrases as one-word forms (a set) and the longer phrases."""
    return (
        frozenset(w for w in words if w and " " not in w),
        tuple(w for w in words if " " in w),
    )


def starts_with_form(text: str, forms: frozenset[str] | tuple[str, ...]) -> str | None:
    """The longest form the text starts with (as whole words, normalised), or None."""
    found = normal(re.sub(r"^[\d.)\s]+", "", text))
    best = None
    for form in forms:
        whole = found == form or found.startswith(form + " ")
        if form and whole and (best is None or len(form) > len(best)):
            best = form
    return best
