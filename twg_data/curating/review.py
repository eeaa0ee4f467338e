"""What the Curate page shows of a draft, a page at a time, and the changes it makes there:
table rows a page of `ROWS_A_PAGE` (edited in place), passages a page of
`PASSAGES_A_PAGE` (found by words, by what they suggest, by their tags), long passages
shortened, and a drafted person or organization said to be one already in the data."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from twg_data.importer import forms
from twg_data.importer.draft import Draft, Hint, table_columns
from twg_data.importer.edits import PASSAGE, READ_ONLY, confirm
from twg_data.importer.identity import Suggestion, aliases, normal
from twg_data.importer.passages import Passage

ROWS_A_PAGE = 100
PASSAGES_A_PAGE = 50
SHORT = 600  # characters of a long passage shown before "show all"
IN_EDITOR = 300  # characters of a passage shown beside a row in the table editors
MATCHES = 50  # names offered for one search
KEY_COLUMN = {"people": "person_id", "organizations": "organization_id"}
# Which passages to list: every one, those a sentence suggests tagging, those tagged.
SHOW = ("all", "suggested", "tagged")


def page_count(total: int, size: int) -> int:
    """How many pages `total` items fill (at least one)."""
    return max(1, -(-total // size))


def page_span(total: int, size: int, page: int) -> tuple[int, int]:
    """The items of page `page` (1-based, clamped): [start, stop)."""
    page = min(max(1, page), page_count(total, size))
    start = (page - 1) * size
    return start, min(total, start + size)


def shortened(text: str, limit: int = SHORT) -> str:
    """The text, cut at a word near `limit` characters with an ellipsis if longer."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit // 2, limit)
    return text[: cut if cut > 0 else limit].rstrip() + " …"


def page_frame(draft: Draft, table: str, page: int) -> pd.DataFrame:
    """One page of a table's drafted rows, each with (the start of) the passage it cites (the
    sources' own passages shortened too: read only, they are never taken back)."""
    rows = draft.rows.get(table, [])
    start, stop = page_span(len(rows), ROWS_A_PAGE, page)
    shown = rows[start:stop]
    data = pd.DataFrame(shown, columns=table_columns(table), dtype="string")
    if "source_id" in data.columns:
        data[PASSAGE] = [shortened(draft.passage(row["source_id"]), IN_EDITOR) for row in shown]
    elif PASSAGE in data.columns:
        data[PASSAGE] = [shortened(row[PASSAGE], IN_EDITOR) for row in shown]
    data.index = range(start, stop)
    return data


def update_page(draft: Draft, table: str, page: int, edited: pd.DataFrame) -> bool:
    """Take the curator's edits of one page of a table (empty cells as empty text; the read
    only columns as they were); whether anything changed."""
    columns = table_columns(table)
    rows = draft.rows.get(table, [])
    start, stop = page_span(len(rows), ROWS_A_PAGE, page)
    clean = edited.reindex(columns=columns).astype("object").where(edited.notna(), "")
    new = [
        {c: row[c] if c in READ_ONLY else str(value[c]).strip() for c in columns}
        for row, (_, value) in zip(rows[start:stop], clean.iterrows(), strict=True)
    ]
    if new == rows[start:stop]:
        return False
    draft.rows[table] = [*rows[:start], *new, *rows[stop:]]
    return True


def hints_by_passage(draft: Draft) -> dict[str, list[Hint]]:
    """The sentences that suggest a tag, by the passage they are in."""
    found: dict[str, list[Hint]] = {}
    for hint in draft.hints:
        found.setdefault(hint.source_id, []).append(hint)
    return found


def folded(draft: Draft) -> list[str]:
    """Each passage's text without case or accents, in the passages' order (for search)."""
    return [normal(passage.text) for passage in draft.passages]


def passages_shown(
    draft: Draft, words: str = "", show: str = "all", texts: list[str] | None = None
) -> list[Passage]:
    """The passages holding all the words (ignoring case and accents), of the kind asked
    (`SHOW`); `texts` are the passages' `folded` texts, when already made."""
    wanted = normal(words).split()
    hinted = {hint.source_id for hint in draft.hints}
    keep = {
        "suggested": lambda p: p.source_id in hinted,
        "tagged": lambda p: p.source_id in draft.tags,
    }.get(show, lambda p: True)
    if not wanted:
        return [p for p in draft.passages if keep(p)]
    texts = texts if texts is not None else folded(draft)
    return [
        p
        for p, text in zip(draft.passages, texts, strict=True)
        if keep(p) and all(w in text for w in wanted)
    ]


@dataclass(frozen=True)
class TagChoices:
    """What the tagging form offers for a draft."""

    categories: list[str]
    roles: list[str]
    sessions: list[tuple[str, str]]  # (session id, title)


def tag_choices(draft: Draft, tables: dict[str, list[dict[str, str]]]) -> TagChoices:
    """Key-point categories, speakers' roles and sessions, from the data, the draft and the
    import's own forms."""
    categories = [row["category"] for row in tables["key_point_categories"]]
    categories += [row["category"] for row in draft.rows.get("key_point_categories", [])]
    categories += list(forms.categories())
    roles = [row["role"] for row in tables["roles"] if row["role"] != "listed participant"]
    roles += [row["role"] for row in draft.rows.get("roles", [])]
    roles += sorted(set(forms.roles().values()))
    sessions = [(row["session_id"], row["title"]) for row in draft.rows.get("sessions", [])]
    return TagChoices(list(dict.fromkeys(categories)), list(dict.fromkeys(roles)), sessions)


def name_matches(rows: list[dict[str, str]], table: str, words: str) -> list[tuple[str, str]]:
    """Up to `MATCHES` (id, name) whose name or an alias holds all the words (ignoring case
    and accents), those whose name starts with them first."""
    wanted = normal(words).split()
    if not wanted:
        return []
    key = KEY_COLUMN[table]
    first, then = [], []
    for row in rows:
        forms_of = [normal(row["name"]), *(normal(a) for a in aliases(row))]
        if any(all(w in form for w in wanted) for form in forms_of):
            (first if forms_of[0].startswith(wanted[0]) else then).append((row[key], row["name"]))
            if len(first) >= MATCHES:
                break
    return (first + then)[:MATCHES]


def merge(draft: Draft, table: str, drafted_id: str, existing: dict[str, str]) -> None:
    """The curator's word that a drafted person or organization is one in the data: its uses
    take the existing id and its name becomes an alias there (as a confirmed suggestion)."""
    key = KEY_COLUMN[table]
    drafted = next(row for row in draft.rows.get(table, []) if row[key] == drafted_id)
    if existing[key] == drafted_id:
        raise ValueError(f"{drafted_id} is the same row")
    suggestion = Suggestion(
        table, drafted_id, drafted["name"], existing[key], existing["name"], 100
    )
    draft.suggestions.append(suggestion)
    confirm(draft, suggestion, existing)
    # Other questions about the drafted row are answered too.
    draft.suggestions = [
        s for s in draft.suggestions if (s.table, s.drafted_id) != (table, drafted_id)
    ]
