"""Words as the search index holds them: case and accents folded, each stemmed in its text's
language (Snowball, through PyStemmer), and a text's language told apart (py3langid) among
the languages the dashboard speaks (`i18n.LANGUAGES`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

import Stemmer

from twg_data import i18n

# A word: letters and digits (any script); everything else separates words.
WORD = re.compile(r"[^\W_]+")
# The index holds text in this many characters at most per row (a runaway cell stays searchable
# at its start, and the index stays small).
MAX_TEXT = 20_000


def fold(word: str) -> str:
    """A word without case or accents: 'Bogotá' -> 'bogota', 'ÉLAN' -> 'elan'."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _stemmer(language: str) -> Stemmer.Stemmer | None:
    name = i18n.english_name(language).lower()
    return Stemmer.Stemmer(name) if name in Stemmer.algorithms() else None


def stemmed_languages() -> tuple[str, ...]:
    """The dashboard's languages that have a stemmer, in `LANGUAGES`' order."""
    return tuple(code for code in i18n.LANGUAGES if _stemmer(code) is not None)


@cache
def _stem(language: str, word: str) -> str:
    stemmer = _stemmer(language)
    lowered = word.casefold()
    return fold(stemmer.stemWord(lowered) if stemmer else lowered)


def stem(word: str, language: str) -> str:
    """A word's stem in a language, folded: 'Mediations' -> 'mediat' in English."""
    return _stem(language, word) if len(word) < 64 else fold(word)


def words(text: str) -> Iterator[re.Match]:
    """The words of a text, each a match with its place in the text (for highlighting)."""
    return WORD.finditer(text[:MAX_TEXT])


@cache
def _stems_of(language: str) -> dict[str, str]:
    return {}  # word -> stem, per language: a build looks up millions of words


def stems(text: str, language: str) -> str:
    """A text as the index holds it: its words' stems, in order, separated by spaces."""
    known = _stems_of(language)
    out = []
    for word in WORD.findall(text[:MAX_TEXT]):
        found = known.get(word)
        if found is None:
            found = known[word] = stem(word, language) if len(known) < 1_000_000 else fold(word)
        out.append(found)
    return " ".join(out)


@cache
def _identifier(languages: tuple[str, ...]):
    from py3langid import langid  # 0.5 s to load its model: only when an index is built

    identifier = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE)
    known = [code for code in languages if code in identifier.nb_classes]
    if len(known) < 2:
        return None
    identifier.set_languages(known)
    return identifier


def language_of(text: str) -> str:
    """The language, among those the dashboard speaks and stems, that a text is written in
    (the default when it cannot be told: an empty text, or none of them known)."""
    languages = stemmed_languages()
    identifier = _identifier(languages)
    if not text.strip() or identifier is None:
        return languages[0] if languages else i18n.DEFAULT
    found, _score = identifier.classify(text[:MAX_TEXT])
    return found if found in languages else i18n.DEFAULT
