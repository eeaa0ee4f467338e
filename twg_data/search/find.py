"""Running a query on the search index: the hits ranked by BM25 under the sidebar's filters
(where they apply) and the facets chosen, the total, and the facets' counts over the hits."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import tantivy

from twg_data.filters import DIMENSIONS, MEETING, Dimension, Filters
from twg_data.search import index as search_index
from twg_data.search import parse, words
from twg_data.search.highlight import marked

KINDS = ("passage", "key_point", "session", "participant")
# The facets: name -> the index's field.
FACETS: dict[str, str] = {
    "meeting": "meeting_id",
    "kind": "kind",
    "category": "category",
    "city": "city_id",
    "region": "region",
}
# Sidebar filters apply to a text tied to people (a participant, a passage naming them); the
# texts tied to nobody (key points, sessions, most passages) keep their place in the hits.
PERSON_FILTERS = tuple(d for d in DIMENSIONS if d.scope != MEETING)
FACET_VALUES = 20  # the most frequent values a facet lists
HITS = 50  # the hits a page shows
_MUST, _SHOULD, _MUST_NOT = tantivy.Occur.Must, tantivy.Occur.Should, tantivy.Occur.MustNot


@dataclass(frozen=True)
class Hit:
    """One text found, as ranked: what it is, where it is, and its words marked."""

    kind: str
    ref: str
    meeting_id: str
    section: str | None
    text: str
    source_id: str | None
    category: str | None
    shown_as: str | None
    score: float
    parts: tuple[tuple[str, bool], ...]  # the text in pieces, True where a searched word


@dataclass(frozen=True)
class Found:
    """A query's answer: the hits (the best `limit`), how many there are, and per facet its
    values with their counts (the most frequent first); `problem` when it could not run."""

    hits: tuple[Hit, ...] = ()
    total: int = 0
    facets: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    problem: parse.QueryProblem | None = None
    any_word: bool = False  # no text held every word: these hold some, the most first


def _all(queries: list[tantivy.Query]) -> tantivy.Query:
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(_MUST, q) for q in queries])


def _any(queries: list[tantivy.Query]) -> tantivy.Query:
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(_SHOULD, q) for q in queries])


def _term(schema: tantivy.Schema, term: parse.Term, language: str) -> tantivy.Query:
    written = term.words()
    stems = [words.stem(word, language) for word in written]
    if term.prefix:
        stems[-1] = words.fold(written[-1])
        if len(stems) > 1:
            return tantivy.Query.phrase_prefix_query(schema, "stems", stems)
        # Stems are letters and digits only: nothing in them is a regular expression's syntax.
        # Every word it starts (scored alike), and the word itself ranked by BM25.
        starting = tantivy.Query.regex_query(schema, "stems", f"{stems[-1]}.*")
        itself = tantivy.Query.term_query(schema, "stems", words.stem(written[-1], language))
        return _any([starting, itself])
    if len(stems) > 1:
        return tantivy.Query.phrase_query(schema, "stems", stems)
    return tantivy.Query.term_query(schema, "stems", stems[0])


def _in_language(schema: tantivy.Schema, query: parse.Query, language: str) -> tantivy.Query:
    groups = [_any([_term(schema, t, language) for t in group]) for group in query.groups]
    clauses = [(_MUST, q) for q in groups]
    clauses += [(_MUST_NOT, _term(schema, t, language)) for t in query.excluded]
    return tantivy.Query.boolean_query(clauses)


def _matching(schema: tantivy.Schema, query: parse.Query, languages: tuple[str, ...]):
    if len(languages) <= 1:
        return _in_language(schema, query, languages[0] if languages else "")
    return _any(
        [
            _all(
                [
                    tantivy.Query.term_query(schema, "language", language),
                    _in_language(schema, query, language),
                ]
            )
            for language in languages
        ]
    )


def _values(schema: tantivy.Schema, name: str, values) -> tantivy.Query:
    return tantivy.Query.term_set_query(schema, name, list(values))


def _tie_test(schema: tantivy.Schema, dimension: Dimension, values) -> tantivy.Query:
    if dimension.column not in search_index.TIE_FIELDS:
        raise KeyError(dimension.column)  # a new dimension: its column belongs in the index
    return _values(schema, dimension.column, values)


def _narrowing(schema: tantivy.Schema, filters: Filters, chosen: dict[str, str]) -> list:
    narrowing = []
    if filters.meetings:
        narrowing.append(_values(schema, "meeting_id", filters.meetings))
    tests = [_tie_test(schema, d, filters.values(d)) for d in PERSON_FILTERS if filters.values(d)]
    if tests:
        untied = tantivy.Query.boolean_query(
            [
                (_MUST, tantivy.Query.all_query()),
                (_MUST_NOT, tantivy.Query.term_query(schema, search_index.TIED, "1")),
            ]
        )
        narrowing.append(_any([untied, _all(tests)]))
    for name, value in sorted(chosen.items()):
        narrowing.append(tantivy.Query.term_query(schema, FACETS[name], value))
    return narrowing


def _facets(searcher: tantivy.Searcher, query: tantivy.Query) -> dict:
    wanted = {
        name: {"terms": {"field": column, "size": FACET_VALUES}} for name, column in FACETS.items()
    }
    counted = searcher.aggregate(query, wanted)
    return {
        name: tuple(
            (str(bucket["key"]), int(bucket["doc_count"]))
            for bucket in counted.get(name, {}).get("buckets", [])
            if bucket["key"] != ""
        )
        for name in FACETS
    }


def _first(doc: tantivy.Document, name: str) -> str | None:
    values = doc.get_all(name)
    return str(values[0]) if values else None


def find(
    index: Path,
    text: str,
    filters: Filters | None = None,
    chosen: dict[str, str] | None = None,
    limit: int | None = HITS,
    fingerprint: str | None = None,
) -> Found:
    """Search the index: the best `limit` hits (all with None) for the text under the filters
    and the chosen facets (`{"city": "bogota"}`), the total, and the facets' counts. With a
    `fingerprint`, only an index built from that data is searched (`index.StaleIndex`)."""
    try:
        query = parse.parse(text)
    except parse.QueryProblem as problem:
        return Found(problem=problem)
    try:
        opened, languages = search_index.open_index(index, fingerprint)
    except (OSError, ValueError):  # no index beside this database, or one unreadable
        return Found(problem=parse.QueryProblem(parse.NO_INDEX))
    schema = opened.schema
    chosen = {k: v for k, v in (chosen or {}).items() if k in FACETS}
    narrowing = _narrowing(schema, filters or Filters(), chosen)
    searcher = opened.searcher()
    wanted = _all([_matching(schema, query, languages), *narrowing])
    found = searcher.search(wanted, max(limit or HITS, 1), count=True)
    any_word = False
    if found.count == 0 and len(query.groups) > 1:
        # No text holds every word: as a reader would, look for any of them; BM25 ranks the
        # texts holding the most of them (and the rarest) first. The page says so.
        loose = parse.Query((query.terms,), query.excluded)
        wanted = _all([_matching(schema, loose, languages), *narrowing])
        found = searcher.search(wanted, max(limit or HITS, 1), count=True)
        any_word = found.count > 0
    total = found.count
    if limit is None and total > len(found.hits):
        found = searcher.search(wanted, total, count=False)
    elif limit is not None:
        found.hits[limit:] = []
    hits = []
    for score, address in found.hits:
        doc = searcher.doc(address)
        values = {name: _first(doc, name) for name in (*search_index.STORED, "language")}
        body = values["text"] or ""
        parts = marked(body, query, values["language"] or "")
        hits.append(
            Hit(
                values["kind"] or "",
                values["ref"] or "",
                values["meeting_id"] or "",
                values["section"],
                body,
                values["source_id"],
                values["category"],
                values["shown_as"],
                float(score),
                parts,
            )
        )
    return Found(tuple(hits), total, _facets(searcher, wanted), any_word=any_word)
