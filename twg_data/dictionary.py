"""The data dictionary, generated from the schema and the summary registry."""

from __future__ import annotations

from functools import cache

from twg_data import i18n
from twg_data.i18n import N_, _
from twg_data.schema import TABLES, Column, Table
from twg_data.summaries import SUMMARIES

# The column types as the dictionary names them (the schema's names, translated when shown).
TYPE_NAMES = {
    "text": N_("text"),
    "integer": N_("integer"),
    "float": N_("float"),
    "date": N_("date"),
    "time": N_("time"),
}


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table_columns(table: Table) -> list[dict[str, str]]:
    """One row per column: name, type, required, description (for display as a table)."""
    refs = {c: str(r) for r in table.references for c in r.columns}
    rows = []
    for column in table.columns:
        notes = []
        if column.name in table.key:
            notes.append(_("key"))
        if column.name in refs:
            notes.append(_("references {table}").format(table=refs[column.name].split(" -> ")[1]))
        if column.allowed:
            values = ", ".join(f"`{v}`" for v in column.allowed)
            notes.append(_("one of {values}").format(values=values))
        if column.minimum is not None:
            notes.append(_("at least {number}").format(number=f"{column.minimum:g}"))
        if column.maximum is not None:
            notes.append(_("at most {number}").format(number=f"{column.maximum:g}"))
        if column.later_than:
            notes.append(_("after {column}").format(column=column.later_than))
        if column.verbatim:
            notes.append(_verbatim_note(column))
        rows.append(
            {
                "column": column.name,
                "type": _(TYPE_NAMES[column.type]),
                "required": _("yes") if column.required else "",
                "description": " ".join([column.described(), *(f"({n})" for n in notes)]),
            }
        )
    return rows


def _verbatim_note(column: Column) -> str:
    """The note on a verbatim column: where its value occurs."""
    cited = column.source_column or "source_id"
    if column.stated_by:
        return _(
            "verbatim when `{basis}` is `stated`: occurs in the passage `{cited}` cites"
        ).format(basis=column.stated_by, cited=cited)
    return _("verbatim: occurs in the passage `{cited}` cites").format(cited=cited)


def markdown() -> str:
    """The whole dictionary as Markdown: curated tables first, then the CSV summaries (their
    descriptions in the current language)."""
    return _tables_markdown(i18n.language()) + _summaries_markdown(i18n.language())


def summaries_markdown() -> str:
    """The dictionary's part on the CSV summaries, without its heading (the Data page)."""
    return _summaries_markdown(i18n.language()).split("\n", 3)[3]


@cache  # the schema does not change while the process runs
def _tables_markdown(language: str) -> str:
    del language  # one part per language
    lines = [
        "# " + _("Data dictionary"),
        "",
        _(
            "Generated from `twg_data/schema.py` and `twg_data/summaries.py` by "
            "`python -m twg_data dictionary`; do not edit by hand."
        ),
        "",
        "## " + _("Curated tables (`data/*.csv`)"),
        "",
        _(
            "UTF-8 CSV (Excel's 'CSV UTF-8' is fine), one file per table, a header row, "
            "empty cells for values the report does not state."
        ),
    ]
    for table in TABLES:
        lines += ["", f"### `{table.file_name}`", "", table.described(), ""]
        lines += [_("Key: {key}.").format(key=", ".join(table.key)), ""]
        header = [_("column"), _("type"), _("required"), _("description")]
        lines += ["| " + " | ".join(header) + " |", "|---|---|---|---|"]
        for row in table_columns(table):
            cells = [f"`{row['column']}`", row["type"], row["required"], row["description"]]
            lines.append("| " + " | ".join(_escape(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


@cache  # the summaries do not change while the process runs
def _summaries_markdown(language: str) -> str:
    del language  # one part per language
    lines = [
        "",
        "## " + _("CSV summaries (downloads and `python -m twg_data export NAME`)"),
        "",
        _(
            "UTF-8 with BOM, CRLF line ends; text cells starting with `=`, `+`, `-`, `@`, tab, "
            "carriage return or line feed are prefixed with `'` so spreadsheets do not run them."
        ),
    ]
    for summary in SUMMARIES.values():
        lines += ["", f"### `{summary.name}`", "", _(summary.description), ""]
        lines += ["| " + _("column") + " | " + _("description") + " |", "|---|---|"]
        for name, description in summary.columns.items():
            lines.append(f"| `{name}` | {_escape(_(description))} |")
    return "\n".join(lines) + "\n"
