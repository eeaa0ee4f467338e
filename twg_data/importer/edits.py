"""A curator's corrections to a draft: edited rows, and identities confirmed as one."""

from __future__ import annotations

import pandas as pd

from twg_data.importer.draft import KEYS, Draft, table_columns
from twg_data.importer.identity import Suggestion, aliases

PASSAGE = "passage"  # the column shown beside each drafted row (read only)
READ_ONLY = ("meeting_id", "source_id", PASSAGE)
# Where each kind of id is used in the drafted rows.
_USES = {
    "people": {"people": "person_id", "participants": "person_id", "speakers": "person_id"},
    "organizations": {
        "organizations": "organization_id",
        "participants": "organization_id",
        "facilitators": "organization_id",
    },
}


def frame(draft: Draft, table: str) -> pd.DataFrame:
    """The table's drafted rows, each with the passage it was read from."""
    rows = draft.rows.get(table, [])
    data = pd.DataFrame(rows, columns=table_columns(table), dtype="string")
    if "source_id" in data.columns:
        data[PASSAGE] = [draft.passage(row["source_id"]) for row in rows]
    return data


def update_rows(draft: Draft, table: str, edited: pd.DataFrame) -> None:
    """Take the curator's edits of a table's drafted rows (empty cells as empty text)."""
    columns = table_columns(table)
    clean = edited.reindex(columns=columns).astype("object").where(edited.notna(), "")
    draft.rows[table] = [
        {column: str(row[column]).strip() for column in columns} for _, row in clean.iterrows()
    ]


def confirm(draft: Draft, suggestion: Suggestion, existing: dict[str, str]) -> None:
    """The drafted row is the existing one: its uses take the existing id, the drafted row
    goes, and the drafted name becomes an alias of the existing row (`existing`)."""
    for table, column in _USES[suggestion.table].items():
        kept, keys = [], set()
        for row in draft.rows.get(table, []):
            if table == suggestion.table and row[column] == suggestion.drafted_id:
                continue  # the drafted row itself
            if row.get(column) == suggestion.drafted_id:
                row[column] = suggestion.existing_id
            key = tuple(row[c] for c in KEYS[table])
            if key not in keys:  # one participation a person: the list's, read first
                kept.append(row)
                keys.add(key)
        if table in draft.rows:
            draft.rows[table] = kept
    known = [existing["name"], *aliases(existing)]
    if suggestion.drafted_name not in known and existing in draft.rows.get(suggestion.table, []):
        existing["aliases"] = " | ".join([*aliases(existing), suggestion.drafted_name])
    elif suggestion.drafted_name not in known:
        current = draft.changes.get(suggestion.table, {}).get(suggestion.existing_id, {})
        forms = aliases({"aliases": current.get("aliases", existing.get("aliases", ""))})
        draft.change(
            suggestion.table,
            suggestion.existing_id,
            aliases=" | ".join([*forms, suggestion.drafted_name]),
        )
    draft.suggestions = [s for s in draft.suggestions if s is not suggestion]
    draft.decisions = [d for d in draft.decisions if not d.key.startswith(suggestion.drafted_id)]


def dismiss(draft: Draft, suggestion: Suggestion) -> None:
    """Not the same: the drafted row stays a new one, and the question goes."""
    draft.suggestions = [s for s in draft.suggestions if s is not suggestion]
