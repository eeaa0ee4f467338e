"""Hints: what a sentence suggests and no other recogniser drafted, for the curator to tag or
leave ('Participants recommended that ...', 'It was agreed that ...', 'Maria Costa, Ministry
of Planning, presented ...'). Phrases are data (`forms/hints.csv`); a hint is never a row."""

from __future__ import annotations

import re
from functools import cache

from twg_data.importer import forms
from twg_data.importer.draft import Hint
from twg_data.importer.identity import normal
from twg_data.importer.person_names import looks_like_name, strip_honorific
from twg_data.importer.recognisers.context import Context


@cache
def _phrases() -> tuple[tuple[str, str, str], ...]:
    return tuple((normal(row["phrase"]), row["kind"], row["value"]) for row in forms.rows("hints"))


def run(context: Context) -> None:
    """A hint for every sentence that suggests a key point or a speaker not drafted."""
    drafted = {
        row["source_id"]
        for table in ("key_points", "speakers")
        for row in context.draft.rows.get(table, [])
    }
    for passage in context.draft.passages:
        if passage.source_id in drafted or passage.heading:
            continue
        hint = suggest(passage.plain)
        if hint:
            kind, value, words = hint
            context.draft.hints.append(Hint(passage.source_id, kind, value, words))


def suggest(text: str) -> tuple[str, str, str] | None:
    """(kind, category or role, the words that suggest it) for a sentence, or None."""
    padded = f" {normal(text)} "
    for phrase, kind, value in _phrases():
        if f" {phrase} " not in padded:
            continue
        if kind == "key_point":
            return kind, value, phrase
        name = _subject(text, phrase)
        if name:
            return kind, value, name
    return None


def _subject(text: str, phrase: str) -> str:
    """The person a sentence opens with, before its verb ('Maria Costa, Ministry of
    Planning, presented ...' -> 'Maria Costa')."""
    head = re.split(r",|\s+(?:who|which|then)\s+", text, maxsplit=1)[0]
    name = strip_honorific(" ".join(head.split()[:6]).strip())
    words = normal(name).split()
    if phrase.split()[0] in words:
        name = " ".join(name.split()[: words.index(phrase.split()[0])])
    return name if looks_like_name(name) else ""
