"""Value-level provenance: every verbatim value occurs in the passage its row cites.

Run by validation (so by `python -m twg_data validate`, the app's build and apply): an
imported or hand-edited row cannot carry text its passage does not hold.
"""

from __future__ import annotations

import re

from twg_data.problem import ParsedTable, Problem
from twg_data.schema import TABLES


def comparable(text: str) -> str:
    """Text as compared for verbatim quotes: line breaks and emphasis marks (`*`) aside."""
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def verbatim_problems(parsed: dict[str, ParsedTable]) -> list[Problem]:
    """Every verbatim value that its cited passage does not contain, as FILE:LINE: COLUMN.

    Rows whose cited passage is not in `sources` are left to the reference check."""
    sources = parsed.get("sources")
    if sources is None or not sources.complete:
        return []
    passages = {row["source_id"]: comparable(row["passage"] or "") for row in sources.rows}
    found = []
    for table in TABLES:
        if table.name not in parsed:
            continue
        for column in (c for c in table.columns if c.verbatim):
            cited_by = column.source_column or "source_id"
            for row, line in zip(parsed[table.name].rows, parsed[table.name].lines, strict=True):
                value = row[column.name]
                if not value or (column.stated_by and row[column.stated_by] != "stated"):
                    continue
                cited = row[cited_by]
                if cited is None:
                    message = f"verbatim value has no passage: {cited_by} is empty"
                elif cited not in passages:
                    continue
                elif comparable(value) not in passages[cited]:
                    message = f"not found verbatim in passage {cited} ({cited_by})"
                else:
                    continue
                found.append(Problem(table.file_name, line, column.name, message))
    return found
