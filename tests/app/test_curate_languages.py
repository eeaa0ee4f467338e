"""The Curate page in the curator's language: why an upload was refused is worded in the
page's language, though the import ran in a worker process of its own."""

from __future__ import annotations

import pytest

from tests.app.test_curate_page import SECRET, app, curate_page, sign_in, upload
from tests.app_support import no_exceptions
from tests.importer import report_files
from twg_data.importer.folder import fingerprints
from twg_data.ui.curator import SECRET_ENV

NO_TEXT = {
    "es": "scan.pdf: el PDF no contiene texto (2 página(s) solo con imágenes)",
    "fr": "scan.pdf\u00a0: le PDF ne contient pas de texte (2 page(s) d'images seulement)",
}
NOT_A_PDF = {
    "es": "scan.pdf: no es un PDF legible",
    "fr": "scan.pdf\u00a0: ce n'est pas un PDF lisible",
}


def spaced(text: str) -> str:
    """Text with its spaces as plain ones (the page draws a no-break space as a space)."""
    return " ".join(text.split())


@pytest.mark.parametrize("language", ["es", "fr"])
def test_a_refused_upload_is_explained_in_the_pages_language(twg_env, monkeypatch, language):
    monkeypatch.setenv(SECRET_ENV, SECRET)
    at = curate_page(sign_in(app(curator="", lang=language), SECRET))
    before = fingerprints(twg_env.path)
    at = upload(at, "scan.pdf", report_files.image_only_pdf(), "twg-2016-kampala")
    no_exceptions(at)
    errors = [spaced(e.value) for e in at.error]
    assert any(e.startswith(spaced(NO_TEXT[language])) for e in errors), errors
    assert not any("the PDF holds no text" in e for e in errors)
    at = upload(at, "scan.pdf", b"%PDF-1.4 not really", "twg-2016-kampala")
    errors = [spaced(e.value) for e in at.error]
    assert any(e.startswith(spaced(NOT_A_PDF[language])) for e in errors), errors
    assert fingerprints(twg_env.path) == before
