"""The data set as a Frictionless Data Package: `data/datapackage.json`, generated from the schema.

Every table is a resource whose Table Schema (types, required fields, allowed values, ranges,
primary and foreign keys, composite ones included) comes from `twg_data/schema.py`, so the
published descriptor and our own validation describe the same data. The meeting reports are
listed as the package's sources, from the meetings table, and the bodies that issued them as
contributors, from the reports' own title passages: read from the database
(`descriptor_bytes`, which can select meetings) or, when a draft is applied, from its validated
tables (`tables_descriptor_bytes`); the descriptor is then written by the same code.
Frictionless itself is a dev dependency: the tests run it on this descriptor; nothing here
imports it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from twg_data import citation, queries
from twg_data.filters import Filters
from twg_data.queries import Connection
from twg_data.schema import TABLES, Column, Table
from twg_data.validate import (
    CONTROL_CHARACTERS,
    INVISIBLE_CHARACTERS,
    LAYOUT_CHARACTERS,
    ParsedTable,
)

DESCRIPTOR = "datapackage.json"
NAME = "twg-urban-safety-peacebuilding"
DATA_LICENSE = {
    "name": "CC-BY-4.0",  # SPDX identifier of citation.DATA_LICENCE
    "path": citation.DATA_LICENCE_URL,
    "title": f"Creative Commons Attribution 4.0 International ({citation.DATA_LICENCE})",
}
# Table Schema types for the schema's column types.
FIELD_TYPES = {
    "text": "string",
    "integer": "integer",
    "float": "number",
    "date": "date",
    "time": "time",
}
DIALECT = {
    "delimiter": ",",
    "lineTerminator": "\n",
    "quoteChar": '"',
    "doubleQuote": True,
    "header": True,
    # Validation skips empty rows (Excel leaves some at the end of a sheet); so does Frictionless.
    "skipBlankRows": True,
}
# What validation refuses in a cell, as Table Schema patterns (Python and JavaScript regular
# expressions). Frictionless matches a pattern as ^...$, where $ also matches before a final
# line feed: the lookahead refuses that line feed in ids, names and codes.
FREE_TEXT_PATTERN = f"[^{CONTROL_CHARACTERS}]*"
IDENTIFIER_PATTERN = f"[^{CONTROL_CHARACTERS}{LAYOUT_CHARACTERS}{INVISIBLE_CHARACTERS}]*(?!\\n)"


def _field(column: Column, table: Table) -> dict:
    field: dict = {"name": column.name, "type": FIELD_TYPES[column.type]}
    if column.type == "time":
        # HH:MM as the report writes times, or HH:MM:SS as Excel may save them: validation
        # accepts both, and no strptime format does.
        field["format"] = "any"
    field["description"] = column.description
    constraints: dict = {}
    if column.required or column.name in table.key:
        constraints["required"] = True
    if column.allowed:
        constraints["enum"] = list(column.allowed)
    elif column.type == "text":
        identifier = column.name in table.identifier_columns
        constraints["pattern"] = IDENTIFIER_PATTERN if identifier else FREE_TEXT_PATTERN
    if column.minimum is not None:
        constraints["minimum"] = _number(column.minimum, column)
    if column.maximum is not None:
        constraints["maximum"] = _number(column.maximum, column)
    if constraints:
        field["constraints"] = constraints
    return field


def _number(value: float, column: Column) -> int | float:
    return int(value) if column.type == "integer" else value


def _foreign_keys(table: Table) -> list[dict]:
    keys = []
    for reference in table.references:
        target = next(t for t in TABLES if t.name == reference.table)
        keys.append(
            {
                "fields": list(reference.columns),
                # A reference to the table itself is written with an empty resource name.
                "reference": {
                    "resource": "" if target.name == table.name else target.name,
                    "fields": list(target.key),
                },
            }
        )
    return keys


def _resource(table: Table) -> dict:
    schema: dict = {
        "fields": [_field(c, table) for c in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.key),
    }
    if table.references:
        schema["foreignKeys"] = _foreign_keys(table)
    return {
        "name": table.name,
        "path": table.file_name,
        "title": table.name.replace("_", " ").capitalize(),
        "description": table.description,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": DIALECT,
        "schema": schema,
    }


@dataclass(frozen=True)
class Cited:
    """What the descriptor says of a meeting's report: its title, its file next to the
    descriptor (`reports/...`; "" if none) and the body that issued it ("" if not stated)."""

    title: str
    path: str
    author: str


def _cited(con: Connection, filters: Filters) -> list[Cited]:
    """The reports of the selected meetings, as the citations name them."""
    folder = f"{citation.DATA_FOLDER}/"
    reports = citation.reports(queries.citation_facts(con, filters)).values()
    return [Cited(r.title, r.path.removeprefix(folder), r.author) for r in reports]


def _cited_in(tables: Mapping[str, ParsedTable]) -> list[Cited]:
    """Every meeting's report from the validated tables, as `queries.citation_facts` finds
    them: by date, then id; the issuer is the first `Title` passage (by source id) that is
    not the title itself."""
    titles: dict[str, list[tuple[str, str]]] = {}
    for row in tables["sources"].rows:
        if row["section"] == "Title":
            titles.setdefault(row["meeting_id"], []).append((row["source_id"], row["passage"]))
    # Validated dates are YYYY-MM-DD: in the order of their text.
    meetings = sorted(tables["meetings"].rows, key=lambda m: (m["date"], m["meeting_id"]))
    cited = []
    for meeting in meetings:
        issuers = sorted(
            t for t in titles.get(meeting["meeting_id"], ()) if t[1] != meeting["title"]
        )
        author = issuers[0][1] if issuers else ""
        cited.append(Cited(meeting["title"], meeting["report_file"] or "", author))
    return cited


def _sources(cited: list[Cited]) -> list[dict]:
    """Each report with its title and its path next to the descriptor (`reports/...`)."""
    return [{"title": c.title, "path": c.path} for c in cited if c.path]


def _contributors(cited: list[Cited]) -> list[dict]:
    """The curators as authors; each body that issued a report, as its title page names it."""
    issuers = dict.fromkeys(c.author for c in cited if c.author)
    return [
        {"title": citation.DATASET_AUTHOR, "role": "author"},
        *({"title": issuer, "role": "contributor"} for issuer in issuers),
    ]


def _package(cited: list[Cited]) -> dict:
    """The package descriptor listing these reports."""
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": citation.DATASET_TITLE,
        "description": (
            "Curated tables of the meetings of the Technical Working Group (TWG) on the "
            "Confluence of Urban Safety and Peacebuilding Practice: participants, sessions, "
            "speakers, key points and their SDG crosswalk. Every row points to a verbatim "
            "passage of a meeting report (`sources`). The curated data is licensed CC BY 4.0; "
            "the reports in `reports/` and the passages quoted from them remain under the "
            f"copyright of their authors and are quoted for reference ({citation.TERMS_FILE})."
        ),
        "licenses": [DATA_LICENSE],
        "sources": _sources(cited),
        "contributors": _contributors(cited),
        "keywords": ["urban safety", "peacebuilding", "HABITAT III", "Technical Working Group"],
        "resources": [_resource(t) for t in TABLES],
    }


def _encoded(package: dict) -> bytes:
    """The descriptor as written to `data/datapackage.json` (stable key order, UTF-8)."""
    return (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def descriptor(con: Connection, filters: Filters) -> dict:
    """The package descriptor; its sources are the selected meetings' reports."""
    return _package(_cited(con, filters))


def descriptor_bytes(con: Connection, filters: Filters) -> bytes:
    """The descriptor as written to `data/datapackage.json` (stable key order, UTF-8)."""
    return _encoded(descriptor(con, filters))


def tables_descriptor_bytes(tables: Mapping[str, ParsedTable]) -> bytes:
    """The whole data's descriptor (no filters) from its validated tables (`validate.read_data`),
    without a database: the same bytes as `descriptor_bytes(con, Filters())`."""
    return _encoded(_package(_cited_in(tables)))
