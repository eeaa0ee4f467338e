"""The command line's own messages in the language of `--lang`: what `build` did, an unknown
filter value and the values it may take, a file written."""

from __future__ import annotations

import pytest

from twg_data import i18n
from twg_data.cli import main
from twg_data.search.index import index_path

BUILT = {"en": "built {db}", "es": "{db} construida", "fr": "{db} construite"}
INDEXED = {
    "en": "built the search index {index} in ",
    "es": "índice de búsqueda {index} construido en ",
    "fr": "index de recherche {index} construit en ",
}
UNKNOWN_CITY = {
    "en": "error: --city 'atlantis' is not a known city",
    "es": "error: --city 'atlantis': valor desconocido para el filtro «ciudad»",
    "fr": "erreur\u00a0: --city 'atlantis'\u00a0: "
    "valeur inconnue pour le filtre «\u00a0ville\u00a0»",
}
VALID = {"en": "valid --city values: ", "es": "valores válidos de --city: "}
VALID["fr"] = "valeurs valides de --city\u00a0: "


@pytest.mark.parametrize("language", list(i18n.LANGUAGES))
def test_build_says_what_it_built_in_its_lang(data_dir, tmp_path, capsys, language):
    db = tmp_path / "twg.duckdb"
    argv = ["build", "--data", str(data_dir.path), "--db", str(db), "--lang", language]
    assert main(argv) == 0
    built, indexed = capsys.readouterr().out.splitlines()
    assert built == BUILT[language].format(db=db)
    assert indexed.startswith(INDEXED[language].format(index=index_path(db)))


@pytest.mark.parametrize("language", list(i18n.LANGUAGES))
def test_an_unknown_filter_value_is_refused_in_its_lang(data_dir, tmp_path, capsys, language):
    argv = ["export", "participants", "--city", "atlantis", "--data", str(data_dir.path)]
    argv += ["--db", str(tmp_path / "twg.duckdb"), "--lang", language]
    assert main(argv) == 2
    err = capsys.readouterr().err.splitlines()
    assert UNKNOWN_CITY[language] in err
    (valid,) = [line for line in err if line.startswith(VALID[language])]
    assert "bogota" in valid and "quito" in valid


def test_a_file_written_is_said_in_its_lang(data_dir, tmp_path, capsys):
    out = tmp_path / "participants.csv"
    argv = ["export", "participants", "--data", str(data_dir.path), "-o", str(out)]
    assert main([*argv, "--db", str(tmp_path / "twg.duckdb"), "--lang", "fr"]) == 0
    size = out.stat().st_size
    with i18n.use("fr"):
        assert capsys.readouterr().err.endswith(f"{out} écrit ({i18n.format_count(size)} octets)\n")
