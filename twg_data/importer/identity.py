"""One person one id: names matched to the data's people and organizations.

A name that equals a person's name or alias, ignoring accents, case and punctuation, is
that person. A near match ('Antonio Zapata' beside 'Luis Antonio Zapata Guerrero') is only a
suggestion for the curator, never a merge. Organizations match by name, acronym or alias,
also when the report writes 'Name (ACRONYM)'.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from twg_data.text import slug

# 'Name (ACRONYM) rest': the name, the acronym, what follows.
_BRACKETED = re.compile(r"(.+?)\s*\(([^()]+)\)\s*(.*)")
NEAR = 88  # rapidfuzz token-set score from which two different names are suggested as one
NEAR_ONE_WORD = 80  # the same for one-word organization names ('ONU-Habitat', 'UN-Habitat')
COMMON = 40  # a word more name forms share than this does not find candidates (too common)
_INITIALS = re.compile(r"^[A-Z][A-Za-z]{0,3}[A-Z]?$")  # 'KM', 'TdV': a report's own shorthand


@lru_cache(maxsize=200_000)
def normal(text: str) -> str:
    """Lower case, no accents or punctuation, single spaces: 'UN-HABITAT' -> 'unhabitat'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    letters = re.sub(r"[-‐‑–—'’.]", "", letters)
    return " ".join(re.sub(r"[^\w\s]", " ", letters).split())


def aliases(row: dict[str, str]) -> list[str]:
    """A row's other names, from its `|`-separated `aliases` column."""
    return [alias.strip() for alias in row.get("aliases", "").split("|") if alias.strip()]


_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def _transliterated(name: str) -> str:
    """A German name as written without umlauts ('Jütersonke' -> 'Juetersonke')."""
    return name.translate(_UMLAUTS)


@dataclass
class Suggestion:
    """Two names that may be one person or organization: the curator decides."""

    table: str  # people | organizations
    drafted_id: str
    drafted_name: str
    existing_id: str
    existing_name: str
    score: int


class Registry:
    """The ids of one table's rows by every form of their names; new ids never collide."""

    def __init__(self, table: str, key: str, rows: list[dict[str, str]], acronyms: bool = False):
        self.table, self.key = table, key
        self.rows: dict[str, dict[str, str]] = {row[key]: row for row in rows}
        self._names: dict[str, str] = {}
        self._compact: dict[str, str] = {}  # organizations: names without spaces
        self._by_word: dict[str, set[str]] = {}  # a word -> the name forms holding it
        for row in rows:
            self._index(row, acronyms)
        self.acronyms = acronyms

    def _index(self, row: dict[str, str], acronyms: bool) -> None:
        # A person's initials are an alias of one report, not a name to match in others.
        forms = [row["name"], *(a for a in aliases(row) if acronyms or not _INITIALS.match(a))]
        if acronyms and row.get("acronym"):
            forms.append(row["acronym"])
        for form in [*forms, *(_transliterated(f) for f in forms if _transliterated(f) != f)]:
            self._names.setdefault(normal(form), row[self.key])
            if acronyms:  # 'UN Habitat', 'UN-HABITAT' and 'UNHabitat' are one name
                self._compact.setdefault(normal(form).replace(" ", ""), row[self.key])
            for word in normal(form).split():
                self._by_word.setdefault(word, set()).add(normal(form))
            bracketed = _BRACKETED.fullmatch(form)
            if bracketed:  # 'International Development Research Centre (IDRC)'
                self._names.setdefault(
                    normal(bracketed.group(1) + " " + bracketed.group(3)), row[self.key]
                )

    def find(self, name: str) -> str | None:
        """The id whose name, alias or acronym this is, exactly (ignoring accents and case,
        and for organizations the spaces: 'UN Habitat' is 'UN-HABITAT')."""
        found = self._names.get(normal(name))
        if found is None and self.acronyms:
            found = self._compact.get(normal(name).replace(" ", ""))
        if found is None:
            bracketed = _BRACKETED.fullmatch(name)
            # 'Name (ACRONYM)', or 'Name (ACRONYM) GmbH': a legal form may follow, no more.
            if bracketed and len(bracketed.group(3).split()) <= 1 and "," not in bracketed.group(3):
                found = self._names.get(normal(bracketed.group(1) + " " + bracketed.group(3)))
                found = found or (
                    self._names.get(normal(bracketed.group(2))) if self.acronyms else None
                )
        return found

    def near(self, name: str, exclude: str = "") -> tuple[str, int] | None:
        """The closest other row's id and score, when near enough to ask the curator.

        Both names must have two words or more ('Zapata' alone suggests no one), and the words
        they do not share must be alike: 'Antonio Zapata Guerrero' may be 'Luis Antonio Zapata
        Guerrero', but 'Person Number00001' is not 'Person Number00000' (numbers that differ)
        and 'Ana Ruiz' is not 'Ana Gómez'. Candidates come from the words a name shares with
        others, the common ones aside, so a list of thousands compares in linear time.
        """
        words = normal(name).split()
        if len(words) < 2:
            return self._near_one_word(name, exclude) if self.acronyms else None
        rare = [w for w in words if len(self._by_word.get(w, ())) <= COMMON] or words[-1:]
        forms = sorted(set().union(*(self._by_word.get(word, set()) for word in rare)))
        for form, score, index in process.extract(
            normal(name), forms, scorer=fuzz.token_set_ratio, score_cutoff=NEAR, limit=10
        ):
            row_id = self._names[forms[index]]
            if row_id != exclude and len(form.split()) >= 2 and _alike(words, form.split()):
                return row_id, int(score)
        return None

    def _near_one_word(self, name: str, exclude: str) -> tuple[str, int] | None:
        """An organization named in one word: a spelling of another's name or acronym
        ('ONU-Habitat' for UN-Habitat), or the same letters as its acronym ('CICR', 'ICRC')."""
        compact = normal(name).replace(" ", "")
        if len(compact) < 3:
            return None
        for form, row_id in self._compact.items():
            if row_id == exclude or len(form) < 3:
                continue
            anagram = len(compact) <= 6 and sorted(compact) == sorted(form)
            score = 100 if anagram else fuzz.ratio(compact, form)
            if score >= NEAR_ONE_WORD and len(compact) >= 8 or anagram:
                return row_id, int(score)
        return None

    def new_id(self, name: str) -> str:
        """An id for a new row named `name`: its slug, numbered when the data holds it already."""
        base = slug(name)
        candidate, n = base, 2
        while candidate in self.rows:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def add(self, row: dict[str, str]) -> None:
        """Hold a new row, so that later names match it too (by name, alias and acronym)."""
        self.rows[row[self.key]] = row
        self._index(row, self.acronyms)


def _alike(one: list[str], other: list[str]) -> bool:
    """Two names whose differing words do not contradict: one's extra words are absent from
    the other, or the words that differ are spelling variants without different numbers."""
    shared = set(one) & set(other)
    left, right = [w for w in one if w not in shared], [w for w in other if w not in shared]
    if not left or not right:
        return len(shared) >= 2
    a, b = " ".join(left), " ".join(right)
    if re.sub(r"\D", "", a) != re.sub(r"\D", "", b):
        return False
    return fuzz.ratio(a, b) >= NEAR
