"""Value-level provenance: every verbatim value occurs in the passage its row cites."""

from __future__ import annotations

import re
from pathlib import Path

from twg_data.schema import TABLES
from twg_data.validate import Problem, read_data


def comparable(text: str) -> str:
    """Text as compared for verbatim quotes: line breaks and emphasis marks (`*`) aside."""
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def unquoted_values(data_dir: Path) -> list[Problem]:
    """Every verbatim value that its cited passage does not contain, as FILE:LINE: COLUMN."""
    parsed, problems = read_data(data_dir)
    if problems:
        return problems
    passages = {
        row["source_id"]: comparable(row["passage"] or "") for row in parsed["sources"].rows
    }
    found = []
    for table in TABLES:
        for column in (c for c in table.columns if c.verbatim):
            cited_by = column.source_column or "source_id"
            for row, line in zip(parsed[table.name].rows, parsed[table.name].lines, strict=True):
                value = row[column.name]
                if not value or (column.stated_by and row[column.stated_by] != "stated"):
                    continue
                cited = row[cited_by]
                if cited is None:
                    message = f"verbatim value has no passage: {cited_by} is empty"
                elif comparable(value) not in passages[cited]:
                    message = f"not found verbatim in passage {cited} ({cited_by})"
                else:
                    continue
                found.append(Problem(table.file_name, line, column.name, message))
    return sorted(found)
