"""Why a report or a draft is refused, in the language it is shown in: the import's and
apply's errors keep a template and its arguments, worded by `_()` when printed (the command
line's `--lang`) or shown (the Curate page's language, not the worker process's)."""

from __future__ import annotations

import json

import pytest

from tests.importer import report_files
from twg_data import i18n
from twg_data.cli import main
from twg_data.curating import workfolder
from twg_data.curating.worker import run as run_worker
from twg_data.importer.apply import ApplyError, apply_draft
from twg_data.importer.reader import ReportError, read_report

EMPTY = {
    "en": "empty.txt: the file is empty",
    "es": "empty.txt: el archivo está vacío",
    "fr": "empty.txt\u00a0: le fichier est vide",
}
NO_TEXT = {
    "en": "scan.pdf: the PDF holds no text (2 page(s) of images only)",
    "es": "scan.pdf: el PDF no contiene texto (2 página(s) solo con imágenes)",
    "fr": "scan.pdf\u00a0: le PDF ne contient pas de texte (2 page(s) d'images seulement)",
}
NOT_A_DRAFT = {
    "en": "not a draft folder (no .import.json)",
    "es": "no es una carpeta de borrador (no tiene .import.json)",
    "fr": "ce n'est pas un dossier de brouillon (pas de .import.json)",
}
ERROR = {"en": "error: ", "es": "error: ", "fr": "erreur\u00a0: "}


def test_a_report_error_is_worded_when_shown_not_when_raised():
    with i18n.use("fr"), pytest.raises(ReportError) as refused:
        read_report("empty.txt", b"  \n")
    for language, expected in EMPTY.items():
        with i18n.use(language):
            assert str(refused.value) == expected
    assert refused.value.message.english == EMPTY["en"]


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_pdf_with_no_text_is_refused_in_the_language(language):
    with pytest.raises(ReportError) as refused:
        read_report("scan.pdf", report_files.image_only_pdf())
    with i18n.use(language):
        assert str(refused.value).startswith(NO_TEXT[language])


@pytest.mark.parametrize("language", ["es", "fr"])
def test_the_command_line_refuses_an_empty_report_in_its_lang(tmp_path, capsys, language):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "draft"
    argv = ["import", str(empty), "--meeting-id", "twg-x", "-o", str(out), "--lang", language]
    assert main(argv) == 2
    assert capsys.readouterr().err == ERROR[language] + EMPTY[language] + "\n"
    assert not out.exists()


@pytest.mark.parametrize("language", ["es", "fr"])
def test_apply_refuses_a_folder_that_is_no_draft_in_its_lang(tmp_path, capsys, language):
    folder = tmp_path / "not-a-draft"
    folder.mkdir()
    assert main(["apply", str(folder), "--data", str(tmp_path), "--lang", language]) == 2
    err = capsys.readouterr().err
    assert err.startswith(ERROR[language]) and NOT_A_DRAFT[language] in err, err
    assert "make one with" not in err  # nothing of the English sentence is left


def test_an_apply_error_is_worded_in_the_language_it_is_shown_in(tmp_path):
    with pytest.raises(ApplyError) as refused:
        apply_draft(tmp_path / "nowhere", tmp_path)
    for language, expected in NOT_A_DRAFT.items():
        with i18n.use(language):
            assert expected in str(refused.value)


def test_the_worker_keeps_why_it_failed_as_a_template_the_page_words(tmp_path, data_dir):
    work = workfolder.new(tmp_path / "curate", "empty.txt", b"", "twg-x")
    assert run_worker(work.path, data_dir.path) == 1
    saved = json.loads((work.path / workfolder.STATUS).read_text(encoding="utf-8"))
    assert saved["message"] == "{name}: the file is empty"
    assert saved["message_args"] == {"name": "empty.txt"}
    status = work.status()
    assert status.state == workfolder.FAILED
    for language, expected in EMPTY.items():
        with i18n.use(language):
            assert status.why().text == expected


def test_a_status_written_before_messages_were_templates_still_reads(tmp_path):
    work = workfolder.new(tmp_path / "curate", "old.txt", b"x", "twg-x")
    work.write_status(state=workfolder.FAILED, message="old.txt: broken {sic}")
    with i18n.use("es"):
        assert work.status().why().text == "old.txt: broken {sic}"
