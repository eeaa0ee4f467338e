"""Time every query in `twg_data.queries` on one database: unfiltered, and filtered to a city.

The city is the one most people come from: the typical workshop filter ("filter to one city").
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from twg_data import queries
from twg_data.build import connect
from twg_data.filters import Filters

# Tables timed through `table_rows` (what the Data page shows): the two that grow with people.
TABLE_ROWS = ("participants", "sources")


def typical_filter(con: queries.Connection) -> Filters:
    """One city: the one most people come from."""
    row = con.execute(
        "SELECT city_id FROM participant_facts WHERE city_id IS NOT NULL "
        "GROUP BY ALL ORDER BY count(*) DESC, city_id LIMIT 1"
    ).fetchone()
    return Filters(cities=(row[0],)) if row else Filters()


def _median_ms(call: Callable[[], object], repeat: int) -> float:
    call()  # warm: first use of a table pays for reading it from disk
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def time_queries(db_path: Path, repeat: int) -> dict[str, dict[str, float]]:
    """{query: {"all": ms, "city": ms}}: median milliseconds over repeat runs."""
    results: dict[str, dict[str, float]] = {}
    with connect(db_path) as con:
        city = typical_filter(con)
        with con.cursor() as cursor:
            results["filter_options"] = {
                "all": _median_ms(lambda: queries.filter_options(cursor), repeat),
                "city": float("nan"),
            }
            for name, function in queries.questions().items():
                results[name] = {
                    label: _median_ms(lambda f=function, fl=fl: f(cursor, fl), repeat)
                    for label, fl in (("all", Filters()), ("city", city))
                }
            for table in TABLE_ROWS:
                results[f"table_rows({table})"] = {
                    label: _median_ms(
                        lambda t=table, fl=fl: queries.table_rows(cursor, t, fl), repeat
                    )
                    for label, fl in (("all", Filters()), ("city", city))
                }
    return results
