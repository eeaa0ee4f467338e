"""What an import drafts: new rows per table, each tied to its passage, and what is left to
the curator (suggested identities, values to fill in)."""

from __future__ import annotations

from dataclasses import dataclass, field

from twg_data import i18n
from twg_data.i18n import N_
from twg_data.importer.furniture import Furniture
from twg_data.importer.identity import Suggestion
from twg_data.importer.passages import Passage
from twg_data.importer.reader import Document
from twg_data.schema import TABLES, TABLES_BY_NAME

KEYS = {table.name: list(table.key) for table in TABLES}


def table_columns(table: str) -> list[str]:
    """A table's columns in its CSV's order, translations in every language included."""
    return list(TABLES_BY_NAME[table].column_names)


@dataclass
class Decision:
    """A value the report does not settle: the curator fills or checks it. Its reason is a
    message id (marked `N_`) with its arguments, worded in the run's language by `why`."""

    table: str
    key: str  # the row's key, e.g. `people: juma-assiago`
    column: str
    message: str  # an English message id, e.g. N_("drafted: check it")
    args: dict[str, str] = field(default_factory=dict)  # its `{name}`s: report words, numbers

    @property
    def why(self) -> str:
        """The reason in the run's language, the arguments quoted as they are."""
        return i18n._(self.message).format(**self.args)


# What a new row of curated vocabulary asks for, per table and translated column.
_ASKED = {
    ("roles", "label"): N_("a new role: give its label in {language}"),
    ("key_point_categories", "label"): N_("a new category: give its label in {language}"),
    ("key_point_categories", "singular"): N_("a new category: give its singular in {language}"),
    ("key_point_categories", "description"): N_(
        "a new category: give its description in {language}"
    ),
}
_ASKED_ANY = N_("a new row: give its {column} in {language}")


@dataclass
class Hint:
    """What a sentence suggests and no recogniser drafted ('participants recommended that
    ...', 'Maria Costa, Ministry of Planning, presented ...'): the curator tags it or not."""

    source_id: str
    kind: str  # a tag kind: key_point | speaker
    value: str  # the category or role it suggests
    words: str  # the words that suggest it


@dataclass
class Tag:
    """A curator's word on a passage: what it is, and the rows that made."""

    source_id: str
    kind: str  # key_point | speaker | participant | session | objective | framing | nothing
    options: dict[str, str] = field(default_factory=dict)
    added: list[tuple[str, str]] = field(default_factory=list)  # (table, row key) it added
    removed: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # rows it took


@dataclass
class Draft:
    """A new meeting's rows as an import drafts them, before a curator applies them."""

    meeting_id: str
    document: Document
    passages: list[Passage]
    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # new rows per table
    changes: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)  # key -> cols
    suggestions: list[Suggestion] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    hints: list[Hint] = field(default_factory=list)
    tags: dict[str, Tag] = field(default_factory=dict)  # by source id
    _index: dict[str, Passage] = field(default_factory=dict, repr=False, compare=False)

    @property
    def furniture(self) -> list[Furniture]:
        """What the reader set aside as not the report (page numbers, running headers, menus)."""
        return self.document.furniture

    @property
    def report_file(self) -> str:
        """The report's text file in the data folder, `reports/<meeting_id>.txt`."""
        return f"reports/{self.meeting_id}.txt"

    def add(self, table: str, **values: object) -> dict[str, str]:
        """A new row in the table's column order; unknown columns are an error."""
        columns = table_columns(table)
        unknown = set(values) - set(columns)
        if unknown:
            raise KeyError(f"{table} has no column {sorted(unknown)}")
        row = {column: _text(values.get(column, "")) for column in columns}
        self.rows.setdefault(table, []).append(row)
        return row

    def ask_translations(self, table: str, key: str) -> None:
        """A new row of curated vocabulary: a decision per language besides the default and
        per translated column, asking for its translation ('a new role: give its label in
        <the language's name>'); `add` left those columns empty."""
        for code in i18n.translated_languages():
            for column in TABLES_BY_NAME[table].translated:
                message = _ASKED.get((table, column.stem), _ASKED_ANY)
                args = {"language": i18n.LANGUAGES[code]}
                if message == _ASKED_ANY:
                    args["column"] = column.stem
                name = column.in_language(code).name
                self.decisions.append(Decision(table, key, name, message, args))

    def change(self, table: str, key: str, **values: str) -> None:
        """Record a change the curator makes to one row (table, row key, new values)."""
        self.changes.setdefault(table, {}).setdefault(key, {}).update(values)

    def key(self, table: str, row: dict[str, str]) -> str:
        """A row's key as REVIEW.md and the changes name it: its key columns joined by ` / `."""
        return " / ".join(row[column] for column in KEYS[table])

    def passage(self, source_id: str) -> str:
        """The text of a passage of this report, by its id ('' if none)."""
        found = self.passage_by_id(source_id)
        return found.text if found else ""

    def passage_by_id(self, source_id: str) -> Passage | None:
        """A passage of this report by its id."""
        if len(self._index) != len(self.passages):
            self._index = {p.source_id: p for p in self.passages}
        return self._index.get(source_id)

    def counts(self) -> dict[str, int]:
        """Rows drafted per table (tables with none left out)."""
        return {table: len(rows) for table, rows in self.rows.items() if rows}

    def not_found(self) -> list[str]:
        """What the report was read for and did not yield, in words (message ids: shown with
        `_()`)."""
        wanted = {
            "meetings": N_("the meeting's title"),
            "sessions": N_("sessions (a heading or line with a time range)"),
            "participants": N_("participants (a list or table under a participants heading)"),
            "key_points": N_("key points (a list under a heading such as Recommendations)"),
        }
        missing = [what for table, what in wanted.items() if not self.rows.get(table)]
        meeting = (self.rows.get("meetings") or [{}])[0]
        if meeting and not meeting.get("date"):
            missing.append(N_("the meeting's date"))
        if meeting and not meeting.get("city_id"):
            missing.append(N_("the meeting's city"))
        return missing

    def empty_required(self) -> list[Decision]:
        """Every required cell the draft leaves empty, with the reason the report gives none."""
        required = {t.name: {c.name for c in t.columns if c.required} for t in TABLES}
        listed = {(d.table, d.key, d.column) for d in self.decisions}
        found = []
        for table, rows in self.rows.items():
            for row in rows:
                for column in table_columns(table):
                    key = self.key(table, row)
                    if (
                        column in required[table]
                        and not row[column]
                        and (table, key, column) not in listed
                    ):
                        why = N_("required; the report does not state it")
                        found.append(Decision(table, key, column, why))
        return found


def _text(value: object) -> str:
    return "" if value is None else str(value)
