"""A hit's text in pieces, the words the query looked for marked: the page draws them bold
(each piece escaped), the CSV leaves them plain."""

from __future__ import annotations

from twg_data.search import words
from twg_data.search.parse import Query


def marked(text: str, query: Query, language: str) -> tuple[tuple[str, bool], ...]:
    """The text in pieces, `(piece, True)` for each word the query's terms look for (by stem,
    or by the start of the word for a prefix), `(piece, False)` for what lies between."""
    stems, prefixes = set(), []
    for term in query.terms:
        for i, word in enumerate(term.words()):
            if term.prefix and i == len(term.words()) - 1:
                prefixes.append(words.fold(word))
            else:
                stems.add(words.stem(word, language))
    parts: list[tuple[str, bool]] = []
    at = 0
    for match in words.words(text):
        word = match.group()
        found = words.stem(word, language) in stems or (
            prefixes and words.fold(word).startswith(tuple(prefixes))
        )
        if found:
            if match.start() > at:
                parts.append((text[at : match.start()], False))
            parts.append((word, True))
            at = match.end()
    if at < len(text):
        parts.append((text[at:], False))
    return tuple(parts)
