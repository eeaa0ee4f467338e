"""The data dictionary in every language (`python -m twg_data dictionary --lang`): the curated
tables' and the summaries' descriptions translated, line for line, the English unchanged."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from twg_data import cli, i18n, paths
from twg_data.schema import TABLES


def _dictionary(tmp_path, language: str) -> list[str]:
    out = tmp_path / f"dictionary-{language}.md"
    assert cli.main(["dictionary", "--lang", language, "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8").splitlines()


def _same_in(language: str) -> set[str]:
    """Messages the language's catalog translates by the same words ('Date.' in French)."""
    with i18n.catalog_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=language)
    return {m.id for m in catalog if m.id and m.string == m.id}


def test_the_english_dictionary_is_the_docs_one(tmp_path):
    docs = paths.PROJECT_ROOT / "docs" / "data-dictionary.md"
    assert _dictionary(tmp_path, "en") == docs.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("language", i18n.translated_languages())
def test_every_description_line_is_translated(tmp_path, language):
    english, translated = _dictionary(tmp_path, "en"), _dictionary(tmp_path, language)
    assert len(translated) == len(english)  # the same tables, columns and summaries
    cognates = _same_in(language)
    for ours, theirs in zip(english, translated, strict=True):
        if not ours.strip() or ours.startswith(("### ", "|---")):
            assert theirs == ours  # blank lines, file names, table rules
        elif ours != theirs:
            continue
        else:  # the same words: only a message the catalog translates so
            description = ours.rsplit(" | ", 1)[-1].removesuffix(" |")
            assert description in cognates, f"English left in {language}: {ours}"


@pytest.mark.parametrize("language", i18n.translated_languages())
def test_translation_columns_are_described_with_the_languages_name(language):
    roles = next(t for t in TABLES if t.name == "roles")
    with i18n.use(language):
        described = {c.name: c.described() for c in roles.columns}
        names = [i18n.language_name(code) for code in i18n.translated_languages()]
        table = roles.described()
    assert all(
        name in described[f"label_{code}"]
        for name, code in zip(names, i18n.translated_languages(), strict=True)
    )
    assert all(name in table for name in names)
    assert roles.column(f"label_{language}").description.startswith(i18n.english_name(language))


@pytest.mark.parametrize("language", i18n.translated_languages())
def test_column_types_are_named_in_the_language(tmp_path, language):
    from twg_data.dictionary import TYPE_NAMES
    from twg_data.schema import DUCKDB_TYPES

    assert set(TYPE_NAMES) == set(DUCKDB_TYPES)  # every type the schema knows has its name
    translations = i18n.translations(language)
    rows = [line.split(" | ") for line in _dictionary(tmp_path, language) if line.startswith("| `")]
    types = {row[1] for row in rows if len(row) == 4}
    expected = {translations.gettext(TYPE_NAMES[c.type]) for t in TABLES for c in t.columns}
    assert types == expected
    english = {TYPE_NAMES[c.type] for t in TABLES for c in t.columns} - _same_in(language)
    assert english and not types & english
