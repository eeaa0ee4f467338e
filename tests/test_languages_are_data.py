"""A language is data: the interface's languages are named in `twg_data/i18n.py` (`LANGUAGES`),
the catalogs and the data, and nowhere else in the code. Adding one is a catalog, the data's
`<column>_<code>` columns and one entry in `LANGUAGES`, no code (README: "Adding a language").

The importer reads reports written in English, Spanish or French: the modules that recognise
a report's language name those languages, and are about the report, not the interface.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_DATA, copy_shipped_data
from twg_data import i18n, localise, queries
from twg_data.build import build_database, connect
from twg_data.importer import draft_report
from twg_data.schema import TABLES, TABLES_BY_NAME
from twg_data.validate import validate

ROOT = Path(__file__).resolve().parents[1]

# Where a language may be named, and why.
ALLOWED = {
    "twg_data/i18n.py": "the one list of the interface's languages",
    "twg_data/importer/when.py": "dates as reports in English, Spanish and French write them",
    "twg_data/importer/forms.py": "the word lists reports in those languages use",
    "twg_data/importer/places.py": "places as reports in those languages name them",
    "twg_data/importer/person_line.py": "lower-case words in a place's name ('Dar es Salaam')",
}

# What names an interface language: a per-language column or identifier (`label_es`), the
# language's name, its code as a string literal or in an address or a path.
NAMING = re.compile(
    r"""_(?:es|fr)\b"""
    r"""|spanish|french|espa[ñn]ol|fran[çc]ais|castellano"""
    r"""|(?<![\w])(["'])(?:es|fr)\1"""
    r"""|\blang=(?:es|fr)\b|/(?:es|fr)/""",
    re.IGNORECASE,
)


def code_files() -> list[Path]:
    """Every Python file of the package, the pages and the app."""
    return sorted(
        [
            *(ROOT / "twg_data").rglob("*.py"),
            *(ROOT / "pages").rglob("*.py"),
            ROOT / "app.py",
        ]
    )


def naming_a_language(text: str) -> list[tuple[int, str]]:
    """(line number, line) of every line that names an interface language."""
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), start=1)
        if NAMING.search(line)
    ]


def test_no_code_names_an_interface_language():
    found = [
        f"{relative}:{number}: {line}"
        for path in code_files()
        if (relative := path.relative_to(ROOT).as_posix()) not in ALLOWED
        for number, line in naming_a_language(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_scan_sees_what_names_a_language():
    named = [
        'Column("label_es", "text", "")',
        "SPANISH_COLUMNS = ()",
        "def spanish_labels(con):",
        'with i18n.use("es"):',
        "locale = 'fr'",
        "give its Español label",
        "locales/es/LC_MESSAGES",
        "the address `?lang=es`",
    ]
    assert [line for line in named if not naming_a_language(line)] == []
    unnamed = [
        'Column("label", "text", "Display label.")',
        "for code in i18n.translated_languages():",
        "values = row.values_list",
        'prefix = "res"',
        "the word 'establishes'",
    ]
    assert [line for line in unnamed if naming_a_language(line)] == []


def test_the_allowed_files_exist():
    assert [name for name in ALLOWED if not (ROOT / name).is_file()] == []


# --- a third language is data: the schema, validation, the build, the labels and the importer
# follow `i18n.LANGUAGES` (French is not added here; the test adds it for its own run) ---------

TRANSLATED = {
    "regions": ["sub_region", "region"],
    "roles": ["label"],
    "organization_types": ["label", "description"],
    "practice_communities": ["label", "description", "basis"],
    "key_point_categories": ["label", "singular", "description"],
    # Curated explanations shown on pages and in the brief, translated as data too.
    "key_point_targets": ["rationale"],
    "organizations": ["classification_basis"],
}


@pytest.fixture
def fourth(monkeypatch):
    """A language the data does not have yet (German), added to the list as a recipe would."""
    monkeypatch.setitem(i18n.LANGUAGES, "de", "Deutsch")
    return "de"


def with_columns_added(folder, code: str) -> None:
    """Each translated table's file with its columns in that language added, empty."""
    for name, stems in TRANSLATED.items():
        header = folder.header(f"{name}.csv") + [f"{stem}_{code}" for stem in stems]
        folder.write_rows(f"{name}.csv", header, folder.rows(f"{name}.csv"))


def test_the_schema_has_a_column_per_translated_column_and_language():
    assert {
        table.name: [c.name for c in table.translated] for table in TABLES if table.translated
    } == {**TRANSLATED, "roles": ["role"]}  # a role's translation is its label_<code>
    for name, stems in TRANSLATED.items():
        columns = TABLES_BY_NAME[name].column_names
        translations = [f"{stem}_{code}" for code in i18n.translated_languages() for stem in stems]
        assert list(columns[-len(translations) :]) == translations


def test_the_data_keeps_the_schemas_column_order():
    assert {
        table.name: next(csv.reader((SHIPPED_DATA / table.file_name).open(encoding="utf-8")))
        for table in TABLES
    } == {table.name: list(table.column_names) for table in TABLES}


def test_a_language_added_to_the_list_is_expected_in_the_data(fourth):
    assert TABLES_BY_NAME["roles"].column_names == ("role", "label_es", "label_fr", "label_de")
    assert TABLES_BY_NAME["key_point_categories"].column_names[-9:] == (
        *("label_es", "singular_es", "description_es"),
        *("label_fr", "singular_fr", "description_fr"),
        *("label_de", "singular_de", "description_de"),
    )
    assert TABLES_BY_NAME["regions"].column_names[-2:] == ("sub_region_de", "region_de")
    roles = TABLES_BY_NAME["roles"]
    assert roles.column("label_de").description == "German label (curator's translation)."
    assert "label_de VARCHAR" in roles.ddl()
    with i18n.use("de"):
        assert i18n.language() == "de"


def test_data_without_the_new_languages_columns_says_which_are_missing(fourth, tmp_path):
    folder = copy_shipped_data(tmp_path / "data")
    problems = validate(folder.path)
    expected = [
        (f"{name}.csv", 1, f"{stem}_de", "column is missing from the header")
        for name, stems in TRANSLATED.items()
        for stem in stems
    ]
    found = [(p.file, p.line, p.column, p.message) for p in problems]
    assert sorted(found) == sorted(expected)


def test_data_with_the_new_languages_columns_empty_is_sound_and_builds(fourth, tmp_path):
    folder = copy_shipped_data(tmp_path / "data")
    with_columns_added(folder, "de")
    assert validate(folder.path) == []
    roles = folder.rows("roles.csv")
    roles[0]["label_de"] = "participant inscrit"
    folder.write_rows("roles.csv", folder.header("roles.csv"), roles)
    db = tmp_path / "de.duckdb"
    assert build_database(folder.path, db) == []
    with connect(db) as con:
        labels = queries.translated_labels(con, "de")
        assert labels.to_dict("records") == [
            {"kind": "role", "english": roles[0]["role"], "translated": "participant inscrit"}
        ]
        assert len(queries.translated_labels(con, "es")) > 0
        with i18n.use("de"):
            shown = localise.labels(con).value("role", roles[0]["role"])
    assert shown == "participant inscrit"


def test_the_importer_drafts_the_new_languages_columns_and_asks_for_them(fourth, tmp_path):
    folder = copy_shipped_data(tmp_path / "data")
    with_columns_added(folder, "de")
    report = "Report\n\n3 March 2017\n\nLessons learned\n\n- Cities should plan together.\n"
    drafted = draft_report("report.txt", report.encode("utf-8"), "twg-x", folder.path)
    (category,) = drafted.rows["key_point_categories"]
    assert [
        category[f"{stem}_{code}"]
        for code in ("es", "fr", "de")
        for stem in TRANSLATED["key_point_categories"]
    ] == [""] * 9
    asked = [(d.column, d.why) for d in drafted.decisions if d.table == "key_point_categories"]
    assert asked == [
        ("description", "drafted: check it"),
        ("label_es", "a new category: give its label in Español"),
        ("singular_es", "a new category: give its singular in Español"),
        ("description_es", "a new category: give its description in Español"),
        ("label_fr", "a new category: give its label in Français"),
        ("singular_fr", "a new category: give its singular in Français"),
        ("description_fr", "a new category: give its description in Français"),
        ("label_de", "a new category: give its label in Deutsch"),
        ("singular_de", "a new category: give its singular in Deutsch"),
        ("description_de", "a new category: give its description in Deutsch"),
    ]


def test_a_new_role_is_asked_for_in_each_language(fourth, tmp_path):
    folder = copy_shipped_data(tmp_path / "data")
    with_columns_added(folder, "de")
    report = (
        "Meeting report\n\n3 March 2017\n\n10:00-11:00 Panel on safety\n\n"
        "Discussants: Ana Ruiz (Oxfam); Luis Gómez (Saferworld)\n"
    )
    drafted = draft_report("report.txt", report.encode("utf-8"), "twg-x", folder.path)
    assert drafted.rows["roles"] == [
        {"role": "discussant", "label_es": "", "label_fr": "", "label_de": ""}
    ]
    assert [(d.key, d.column, d.why) for d in drafted.decisions if d.table == "roles"] == [
        ("discussant", "label_es", "a new role: give its label in Español"),
        ("discussant", "label_fr", "a new role: give its label in Français"),
        ("discussant", "label_de", "a new role: give its label in Deutsch"),
    ]


def test_every_curated_label_has_its_translation_in_every_language():
    untranslated = [
        (table.name, row[table.key[0]], column.in_language(code).name)
        for table in TABLES
        for column in table.translated
        for code in i18n.translated_languages()
        for row in csv.DictReader((SHIPPED_DATA / table.file_name).open(encoding="utf-8"))
        if not row[column.in_language(code).name].strip()
    ]
    assert untranslated == []


def test_region_names_in_every_language_are_cldr_names_of_their_m49_codes():
    regions = list(csv.DictReader((SHIPPED_DATA / "regions.csv").open(encoding="utf-8")))
    for code in i18n.translated_languages():
        cldr = i18n.territory_names(code)
        assert [(row[f"sub_region_{code}"], row[f"region_{code}"]) for row in regions] == [
            (cldr[row["sub_region_m49"]], cldr[row["region_m49"]]) for row in regions
        ]


def test_the_languages_are_english_and_every_catalog_each_by_its_own_name():
    catalogs = sorted(p.parents[1].name for p in i18n.LOCALES.glob("*/LC_MESSAGES/messages.po"))
    assert list(i18n.LANGUAGES) == [i18n.DEFAULT, *catalogs]
    assert i18n.LANGUAGES == {"en": "English", "es": "Español", "fr": "Français"}
