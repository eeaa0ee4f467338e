"""The building blocks of the schema: column, reference and table, with the DDL and the
properties validation reads, and the columns most tables share (meeting, source passage).

A translated column (`translated=True`) has, in each language besides the default
(`i18n.LANGUAGES`), a column `<column>_<code>` holding its translation: the table's columns are
the declared ones followed by those, language by language.

Descriptions are English (`description`, as `datapackage.json` gives them) and marked `N_`:
`described()` gives them in the run's language (the data dictionary, the Data page).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from twg_data import i18n
from twg_data.i18n import N_, _

DUCKDB_TYPES = {
    "text": "VARCHAR",
    "integer": "BIGINT",
    "float": "DOUBLE",
    "date": "DATE",
    "time": "TIME",
}


# Columns that name or label something, beside the ids and codes found by their suffix.
_NAME_COLUMNS = frozenset(
    {"name", "aliases", "acronym", "label", "singular", "name_as_stated", "network"}
    | {"region", "intermediate_region", "iso3", "target"}
)


@dataclass(frozen=True)
class Column:
    """One column of a curated table: its type, meaning, and what it must hold."""

    name: str
    type: str
    description: str
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    later_than: str | None = None  # name of a column in the same row this value must exceed
    allowed: tuple[str, ...] = ()  # when set, the only values accepted
    # Verbatim: the value is quoted from the report and occurs in the passage its row cites
    # (in `source_column` when set, else the row's `source_id`), line breaks and the report's
    # emphasis marks aside. With `stated_by`, only where that basis column says `stated`.
    verbatim: bool = False
    source_column: str | None = None
    stated_by: str | None = None
    # Translated: curated vocabulary the interface shows in its language, from one column per
    # language besides the default, `<stem>_<code>` (the stem is the column's name unless
    # `translation_stem` says otherwise: a role's translation is its `label_<code>`). Empty
    # means not translated yet; the interface then shows the English.
    translated: bool = False
    translation_stem: str | None = None
    # The kind of vocabulary it holds, as `localise.VALUE_KINDS` names it (default: its name).
    vocabulary: str | None = None
    # The translation columns' description; `{language}` is the language's name.
    translation: str = N_("{language} {stem} (curator's translation).")
    # When the description is made of parts: its translatable template, the values of its
    # `{...}` fields and, for a translation column, the language it holds (`{language}`).
    template: str = ""
    arguments: tuple[tuple[str, str], ...] = ()
    language: str = ""

    @property
    def duckdb_type(self) -> str:
        """The column's type in DuckDB."""
        return DUCKDB_TYPES[self.type]

    @property
    def kind(self) -> str:
        """The kind of vocabulary a translated column holds (`localise.VALUE_KINDS`)."""
        return self.vocabulary or self.name

    @property
    def stem(self) -> str:
        """What a translated column's translations are named after: `<stem>_<code>`."""
        return self.translation_stem or self.name

    def described(self) -> str:
        """Its description in this run's language (`description` is the English)."""
        return _described(self.description, self.template, self.arguments, self.language)

    def in_language(self, code: str) -> Column:
        """The column holding this translated column's translation in one language."""
        language = i18n.english_name(code)
        description = self.translation.format(language=language, stem=self.stem)
        return Column(
            f"{self.stem}_{code}",
            "text",
            description,
            template=self.translation,
            arguments=(("stem", self.stem),),
            language=code,
        )


@dataclass(frozen=True)
class Reference:
    """A foreign key: these columns name a row of that table (by its key)."""

    columns: tuple[str, ...]
    table: str  # the referenced table; its key is the target

    def __str__(self) -> str:
        return f"{', '.join(self.columns)} -> {self.table}"


@dataclass(frozen=True)
class Table:
    """One curated table: its CSV, columns, key and references."""

    name: str
    description: str
    declared: tuple[Column, ...]  # the columns bar the translations, which follow the languages
    key: tuple[str, ...]
    references: tuple[Reference, ...] = ()
    # When the description names the languages: its translatable template (`{languages}`).
    template: str = ""
    _by_languages: dict[tuple[str, ...], tuple[Column, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def columns(self) -> tuple[Column, ...]:
        """Its columns in the CSV's order: the declared ones, then, for each language besides
        the default (`i18n.LANGUAGES`), the translation of each translated column."""
        listed = tuple(i18n.LANGUAGES)  # asked for every row validated: a quick key
        found = self._by_languages.get(listed)
        if found is None:
            found = self._by_languages[listed] = self.declared + tuple(
                column.in_language(code)
                for code in i18n.translated_languages()
                for column in self.translated
            )
        return found

    def described(self) -> str:
        """Its description in this run's language (`description` is the English)."""
        return _described(self.description, self.template)

    @property
    def translated(self) -> tuple[Column, ...]:
        """Its translated columns, in their order."""
        return tuple(c for c in self.declared if c.translated)

    @property
    def file_name(self) -> str:
        """The table's CSV file in the data folder."""
        return f"{self.name}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        """The columns' names, in the CSV's order."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        """The column of that name."""
        return next(c for c in self.columns if c.name == name)

    @cached_property  # asked for every row the data holds
    def identifier_columns(self) -> frozenset[str]:
        """Ids, names and codes: one line of visible text (no tabs, breaks, invisible marks)."""
        referencing = {c for r in self.references for c in r.columns}
        return frozenset(
            c.name
            for c in self.columns
            if c.name in self.key
            or c.name in referencing
            or c.name in _NAME_COLUMNS
            or c.name.endswith(("_id", "_iso3", "_m49", "_code"))
        )

    def ddl(self) -> str:
        """The table's CREATE TABLE statement for DuckDB."""
        cols = ",\n  ".join(
            f"{c.name} {c.duckdb_type}{' NOT NULL' if c.required else ''}" for c in self.columns
        )
        return f"CREATE TABLE {self.name} (\n  {cols},\n  PRIMARY KEY ({', '.join(self.key)})\n)"


def meeting_column() -> Column:
    """The `meeting_id` column every per-meeting table has."""
    return Column("meeting_id", "text", N_("The meeting this row belongs to."), required=True)


def row_source(required: bool = True) -> Column:
    """The `source_id` column: the passage a row comes from."""
    return Column(
        "source_id",
        "text",
        N_("The report passage this row comes from (see `sources`)."),
        required=required,
    )


def value_source(column: str) -> Column:
    """The `<column>_source_id` column: the passage one value is quoted from."""
    template = N_("The passage `{column}` is quoted from (see `sources`).")
    return Column(
        f"{column}_source_id",
        "text",
        template.format(column=column),
        template=template,
        arguments=(("column", column),),
    )


def value_source_refs(*columns: str) -> tuple[Reference, ...]:
    """The references of `value_source` columns to `sources`."""
    return tuple(Reference((f"{c}_source_id",), "sources") for c in columns)


MEETING_REF = Reference(("meeting_id",), "meetings")
SOURCE_REF = Reference(("source_id",), "sources")


def languages_named() -> str:
    """The languages besides the default, by their English names ('A', 'A and B', 'A, B and
    C'): how a table's description names its translations."""
    names = [i18n.english_name(code) for code in i18n.translated_languages()]
    return " and ".join(filter(None, [", ".join(names[:-1]), *names[-1:]]))


def _described(english: str, template: str = "", arguments: tuple = (), language: str = "") -> str:
    """A description in this run's language: the English as declared, else the translation of
    its template (filled with its arguments and the languages' names), else of itself."""
    if i18n.language() == i18n.DEFAULT:
        return english
    if not template:
        return _(english)
    values = dict(arguments, languages=i18n.list_names(i18n.translated_languages()))
    if language:
        values["language"] = i18n.language_name(language)
    return _(template).format(**values)
