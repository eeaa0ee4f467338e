"""Running a query on the search index: the hits ranked by BM25 under the sidebar's filters
(where they apply) and the facets chosen, the total, and the facets' counts over the hits."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from twg_data.filters import DIMENSIONS, MEETING, Dimension, Filters
from twg_data.search import index as search_index
from twg_data.search import parse
from twg_data.search.highlight import marked

KINDS = ("passage", "key_point", "session", "participant")
# The facets: name -> (column, whether it is a column of `ties`: a person's, not the text's).
FACETS: dict[str, tuple[str, bool]] = {
    "meeting": ("meeting_id", False),
    "kind": ("kind", False),
    "category": ("category", False),
    "city": ("city_id", True),
    "region": ("region", True),
}
# Sidebar filters apply to a text tied to people (a participant, a passage naming them); the
# texts tied to nobody (key points, sessions, most passages) keep their place in the hits.
PERSON_FILTERS = tuple(d for d in DIMENSIONS if d.scope != MEETING)
FACET_VALUES = 20  # the most frequent values a facet lists
HITS = 50  # the hits a page shows


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


def _filter_condition(filters: Filters) -> tuple[str, list[object]]:
    conditions, params = [], []
    if filters.meetings:
        conditions.append(f"d.meeting_id IN ({', '.join('?' * len(filters.meetings))})")
        params += list(filters.meetings)
    tests, tie_params = [], []
    for dimension in PERSON_FILTERS:
        values = filters.values(dimension)
        if values:
            test, values_params = _tie_test(dimension, values)
            tests.append(test)
            tie_params += values_params
    if tests:
        conditions.append(
            "(NOT EXISTS (SELECT 1 FROM ties t WHERE t.doc = d.id) OR EXISTS (SELECT 1 FROM "
            f"ties t WHERE t.doc = d.id AND {' AND '.join(tests)}))"
        )
        params += tie_params
    return " AND ".join(conditions) or "1", params


def _tie_test(dimension: Dimension, values: tuple[str, ...]) -> tuple[str, list[object]]:
    column = dimension.column
    if column not in search_index.TIE_COLUMNS:
        raise KeyError(column)  # a new dimension: its column belongs in the index's ties
    if dimension.holds_list:
        test = " OR ".join(f"instr(t.{column}, ?) > 0" for _ in values)
        sep = search_index.ROLE_SEPARATOR
        return f"({test})", [f"{sep}{value}{sep}" for value in values]
    return f"t.{column} IN ({', '.join('?' * len(values))})", list(values)


def _chosen_condition(chosen: dict[str, str]) -> tuple[str, list[object]]:
    conditions, params = [], []
    for name, value in sorted(chosen.items()):
        column, tied = FACETS[name]
        if tied:
            conditions.append(
                f"EXISTS (SELECT 1 FROM ties t WHERE t.doc = d.id AND t.{column} = ?)"
            )
        else:
            conditions.append(f"d.{column} = ?")
        params.append(value)
    return " AND ".join(conditions) or "1", params


def _matched(con: sqlite3.Connection, query: parse.Query, where: str, params: list) -> None:
    parts, match_params = [], []
    for language in search_index.languages(con):
        parts.append(
            "SELECT rowid AS id, bm25(docs_fts) AS score, ? AS language FROM docs_fts "
            "WHERE docs_fts MATCH ?"
        )
        match_params += [language, parse.fts_expression(query, language)]
    if not parts:
        parts, match_params = ["SELECT NULL AS id, NULL AS score, NULL AS language"], []
    con.execute(
        f"""CREATE TEMP TABLE hits AS SELECT m.id, m.score
            FROM ({" UNION ALL ".join(parts)}) m
            JOIN docs d ON d.id = m.id AND d.language = m.language
            WHERE {where}""",
        [*match_params, *params],
    )


def _facets(con: sqlite3.Connection) -> dict[str, tuple[tuple[str, int], ...]]:
    counted = {}
    for name, (column, tied) in FACETS.items():
        source = (
            "ties t JOIN hits h ON h.id = t.doc" if tied else "docs t JOIN hits h ON h.id = t.id"
        )
        rows = con.execute(
            f"""SELECT t.{column}, count(DISTINCT h.id) AS n FROM {source}
                WHERE t.{column} IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT ?""",
            [FACET_VALUES],
        ).fetchall()
        counted[name] = tuple((str(value), int(n)) for value, n in rows)
    return counted


def find(
    index: Path,
    text: str,
    filters: Filters | None = None,
    chosen: dict[str, str] | None = None,
    limit: int | None = HITS,
) -> Found:
    """Search the index: the best `limit` hits (all with None) for the text under the filters
    and the chosen facets (`{"city": "bogota"}`), the total, and the facets' counts."""
    try:
        query = parse.parse(text)
    except parse.QueryProblem as problem:
        return Found(problem=problem)
    where, params = _filter_condition(filters or Filters())
    chosen_where, chosen_params = _chosen_condition(
        {k: v for k, v in (chosen or {}).items() if k in FACETS}
    )
    with contextlib.closing(search_index.connect(index)) as con:
        _matched(con, query, f"{where} AND {chosen_where}", [*params, *chosen_params])
        total = con.execute("SELECT count(*) FROM hits").fetchone()[0]
        rows = con.execute(
            f"""SELECT d.kind, d.ref, d.meeting_id, d.section, d.text, d.source_id,
                       d.category, d.shown_as, h.score, d.language
                FROM hits h JOIN docs d ON d.id = h.id ORDER BY h.score, d.id
                {"LIMIT ?" if limit is not None else ""}""",
            [limit] if limit is not None else [],
        ).fetchall()
        facets = _facets(con)
    hits = tuple(Hit(*row[:9], parts=marked(row[4], query, row[9])) for row in rows)
    return Found(hits, total, facets)
