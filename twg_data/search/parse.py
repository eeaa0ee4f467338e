"""A search box's text -> a query: words, "phrases", prefix*, OR between terms, NOT (or a
leading -) before a term; every other character is read literally (as a word separator).

What cannot be searched is a `QueryProblem` with a plain message, never an exception escaping:
an empty query, one only of excluded terms, or one too long. Unbalanced quotes close at the
end of the text; control characters are spaces; `OR` or `NOT` where no term follows is a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from twg_data.i18n import N_
from twg_data.search import words

MAX_CHARACTERS = 500
MAX_TERMS = 32
OR, NOT = "OR", "NOT"
_PIECE = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<bare>[^\s"]+)')
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Term:
    """One thing to look for: a word, a phrase (several words in order) or a prefix."""

    text: str  # as typed, without quotes or star
    phrase: bool = False
    prefix: bool = False

    def words(self) -> list[str]:
        """The term's words as written."""
        return [m.group() for m in words.words(self.text)]


@dataclass(frozen=True)
class Query:
    """A parsed query: every group must match (AND), a group matches when one of its terms
    does (OR), and no `excluded` term may match (NOT)."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    @property
    def terms(self) -> tuple[Term, ...]:
        """The terms looked for (not the excluded ones): what the hits highlight."""
        return tuple(term for group in self.groups for term in group)


class QueryProblem(ValueError):
    """A query that cannot be searched; `message` (marked for translation) says why."""

    def __init__(self, message: str, **values: object) -> None:
        super().__init__(message.format(**values))
        self.message = message
        self.values = values


TOO_LONG = N_("The search is too long: at most {limit} characters.")
EMPTY = N_("Type a word to look for.")
ONLY_EXCLUDED = N_("NOT only leaves words out: add a word to look for.")
TOO_MANY = N_("The search has too many words: at most {limit}.")
NO_INDEX = N_(
    "Search is not available: the search index is missing. Rebuilding the database makes it "
    "(python -m twg_data build)."
)


def _pieces(text: str) -> list[tuple[str, Term]]:
    """The text's pieces: (OR or NOT, the operator as a word) for an operator, ("", Term)
    for a term; a leading - is NOT, and stands for no word."""
    found: list[tuple[str, Term]] = []
    for match in _PIECE.finditer(text):
        if match.group("phrase") is not None:
            found.append(("", Term(match.group("phrase"), phrase=True)))
            continue
        bare = match.group("bare")
        if bare in (OR, NOT):
            found.append((bare, Term(bare.lower())))
            continue
        if bare.startswith("-") and words.WORD.search(bare):
            found.append((NOT, Term("")))
            bare = bare.lstrip("-")
        found.append(("", Term(bare.rstrip("*"), prefix=bare.endswith("*"))))
    return found


def parse(text: str) -> Query:
    """The query a search box's text asks; `QueryProblem` when it cannot be searched."""
    if len(text) > MAX_CHARACTERS:
        raise QueryProblem(TOO_LONG, limit=MAX_CHARACTERS)
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    pending: tuple[str, Term] | None = None  # the operator waiting for its term
    for operator, term in _pieces(_CONTROL.sub(" ", text)):
        if operator:
            if pending is not None and pending[1].words():  # "OR OR": the first is a word
                groups.append([pending[1]])
            pending = (operator, term)
            continue
        if not term.words():
            continue  # punctuation alone: nothing to look for
        if pending is not None and pending[0] == NOT:
            excluded.append(term)
        elif pending is not None and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending = None
    if pending is not None and pending[1].words() and (groups or pending[0] == OR):
        groups.append([pending[1]])  # a trailing operator is a word of the text ("or")
        pending = None
    if sum(len(g) for g in groups) + len(excluded) > MAX_TERMS:
        raise QueryProblem(TOO_MANY, limit=MAX_TERMS)
    if not groups:
        raise QueryProblem(ONLY_EXCLUDED if excluded or pending else EMPTY)
    return Query(tuple(tuple(g) for g in groups), tuple(excluded))
