"""Search latency, ours and the peer's, over one fixed list of 50 queries.

Ours: `twg_data.search.find` on the index the build made (the hits, the total and every
facet's counts: what the Search page asks), server side. The peer: Datasette serving the same
texts from a table made with sqlite-utils, its FTS enabled (FTS5, Porter stemming), answering
`/db/docs.json?_search=...` with facets on kind and meeting, in process (no network). Both
report the median and p95 over every query and run, and the slowest query.

    python -m benchmarks.search_bench DB [--repeat 3] [--json FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from twg_data.build import connect
from twg_data.queries.search import search_documents
from twg_data.search.find import find
from twg_data.search.index import STORED, build_index, index_path

# Words, phrases, prefixes, OR and NOT: what a secretariat asks of the reports.
QUERIES = (
    "proximity",
    "pacifist",
    "city to city",
    "bottom-up",
    "repression",
    "mediation",
    "mediations",
    "youth",
    "policing",
    "violence",
    "peacebuilding",
    "peacebuild*",
    "urban safety",
    '"urban safety"',
    "mayor",
    "director",
    "coordinator",
    "advisor",
    "minist*",
    "research",
    "university",
    "programme",
    "network",
    "cities",
    "conflict",
    "prevention",
    "participatory",
    "community",
    "local level",
    "knowledge exchange",
    "violence OR conflict",
    "mayor OR deputy",
    "safety -urban",
    "peace NOT mediation",
    "integrated approach",
    '"integrated approach"',
    "entry points",
    "focus",
    "session",
    "discussion",
    "Bogota",
    "Geneva",
    "Nairobi",
    "GIZ",
    "UN-Habitat",
    "World Bank",
    "displaced",
    "IDPs",
    "victims",
    "reconciliation",
)


def _summary(times: dict[str, list[float]]) -> dict:
    every = sorted(t for runs in times.values() for t in runs)
    slowest = max(times, key=lambda q: statistics.median(times[q]))
    return {
        "queries": len(times),
        "median_ms": statistics.median(every) * 1000,
        "p95_ms": every[max(int(len(every) * 0.95) - 1, 0)] * 1000,
        "max_ms": every[-1] * 1000,
        "slowest": slowest,
        "slowest_ms": statistics.median(times[slowest]) * 1000,
    }


def time_ours(db_path: Path, repeat: int) -> dict:
    """Our search over QUERIES, `repeat` runs each after a warm one; and the index's build."""
    index = index_path(db_path)
    with connect(db_path) as con, tempfile.TemporaryDirectory() as temp:
        started = time.perf_counter()
        build_index(con, Path(temp) / "index.sqlite", "benchmark")
        built = time.perf_counter() - started
    times: dict[str, list[float]] = {}
    hits = {}
    for query in QUERIES:
        hits[query] = find(index, query).total  # warm
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            find(index, query)
            runs.append(time.perf_counter() - started)
        times[query] = runs
    return {
        **_summary(times),
        "index_build_s": built,
        "index_mb": sum(p.stat().st_size for p in index.rglob("*") if p.is_file()) / 1024**2,
        "hits_median": statistics.median(hits.values()),
    }


def peer_database(db_path: Path, target: Path) -> Path:
    """The same texts as a table of an SQLite file made with sqlite-utils, FTS enabled."""
    import sqlite_utils

    with connect(db_path) as con:
        documents = search_documents(con).df()[list(STORED)]
    database = sqlite_utils.Database(target, recreate=True)
    database["docs"].insert_all(
        documents.astype(object).where(documents.notna(), None).to_dict("records"),
        batch_size=10_000,
    )
    database["docs"].enable_fts(["text"], fts_version="FTS5", tokenize="porter")
    database.close()
    return target


async def _time_datasette(path: Path, repeat: int) -> dict[str, list[float]]:
    from datasette.app import Datasette

    settings = {"facet_time_limit_ms": 10_000, "sql_time_limit_ms": 30_000}
    datasette = Datasette([str(path)], settings=settings)
    await datasette.invoke_startup()
    name = path.stem
    times: dict[str, list[float]] = {}
    for query in QUERIES:
        params = [("_search", query), ("_facet", "kind"), ("_facet", "meeting_id")]
        url = f"/{name}/docs.json?{urlencode([*params, ('_size', '50')])}"
        response = await datasette.client.get(url)  # warm
        if response.status_code != 200:
            raise RuntimeError(f"Datasette answered {response.status_code} to {url}")
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            await datasette.client.get(url)
            runs.append(time.perf_counter() - started)
        times[query] = runs
    return times


def time_datasette(db_path: Path, repeat: int) -> dict:
    """Datasette's full-text search (with facets) over QUERIES on the same texts."""
    with tempfile.TemporaryDirectory() as temp:
        started = time.perf_counter()
        path = peer_database(db_path, Path(temp) / "peer.db")
        made = time.perf_counter() - started
        times = asyncio.run(_time_datasette(path, repeat))
    return {**_summary(times), "table_and_fts_s": made}


def time_search(db_path: Path, repeat: int, peer: bool = True) -> dict:
    """{"ours": ..., "datasette": ...}: median, p95 and slowest query of each."""
    measured = {"ours": time_ours(db_path, repeat)}
    if peer:
        measured["datasette"] = time_datasette(db_path, repeat)
    return measured


def report(results: dict[str, dict]) -> str:
    """The search step as a Markdown table: per size, ours and Datasette's figures."""
    header = "| data | engine | median ms | p95 ms | slowest query (median ms) | index |"
    lines = [header, "|---|---|---|---|---|---|"]
    for size, measured in results.items():
        for engine, m in measured.items():
            built = (
                f"built in {m['index_build_s']:.2f} s, {m['index_mb']:.2f} MB"
                if "index_build_s" in m
                else f"table + FTS in {m.get('table_and_fts_s', 0):.2f} s"
            )
            lines.append(
                f"| {size} | {engine} | {m['median_ms']:.1f} | {m['p95_ms']:.1f} | "
                f"`{m['slowest']}` ({m['slowest_ms']:.1f}) | {built} |"
            )
    return "\n".join(lines)


def main() -> None:
    """Time the search on one database; print or write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-peer", action="store_true", help="leave Datasette out")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    measured = time_search(args.db, args.repeat, peer=not args.no_peer)
    text = json.dumps(measured, indent=1)
    if args.json:
        args.json.write_text(text)
    else:
        print(text)


if __name__ == "__main__":
    main()
