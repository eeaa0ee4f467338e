"""Curator mode: off by default, a wrong secret refused and logged, the page out of reach
without sign-in; for a curator, upload, review, confirm an identity and apply."""

from __future__ import annotations

import logging

import pytest
from streamlit.testing.v1 import AppTest

from tests.app_support import APP, no_exceptions
from tests.importer.test_recognise import REPORTS
from twg_data.importer.folder import fingerprints, read_tables
from twg_data.pages import CURATE
from twg_data.ui.curator import SECRET_ENV

TITLE = "Curate: add a meeting"
SECRET = "correct horse battery staple"


def app(**query: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    for name, value in query.items():
        at.query_params[name] = value
    return at.run()


def curate_page(at: AppTest) -> AppTest:
    return at.switch_page(CURATE.file).run()


def titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def unreachable(at: AppTest) -> bool:
    """The app registers no Curate page for this session: its address is not found."""
    with pytest.raises(ValueError, match="Could not find a navigation page") as error:
        at.switch_page(CURATE.file)
    return "curate_page.py" not in str(error.value).split("Known pages:")[1]


def test_off_by_default_the_page_cannot_be_reached(twg_env, monkeypatch):
    monkeypatch.delenv(SECRET_ENV, raising=False)
    at = app(curator="")
    no_exceptions(at)
    assert not at.sidebar.text_input  # no sign-in form, even with ?curator
    assert unreachable(at)


def test_with_a_secret_set_the_audience_still_cannot_reach_the_page(twg_env, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, SECRET)
    at = app()
    assert not at.sidebar.text_input  # nothing shows without ?curator
    assert unreachable(at)


def sign_in(at: AppTest, secret: str) -> AppTest:
    at.sidebar.text_input(key="curator_secret_entered").input(secret)
    return at.sidebar.form_submit_button[0].click().run()


def test_a_wrong_secret_is_refused_and_logged(twg_env, monkeypatch, caplog):
    monkeypatch.setenv(SECRET_ENV, SECRET)
    at = app(curator="")
    assert "curator" not in at.query_params  # the sign-in link leaves no trace in the URL
    with caplog.at_level(logging.WARNING, logger="twg_data.curator"):
        at = sign_in(at, "guess")
    assert [e.value for e in at.sidebar.error] == ["Wrong secret: not signed in."]
    assert "curator sign-in refused: wrong secret" in caplog.text
    assert unreachable(at)


@pytest.fixture
def curator(twg_env, monkeypatch) -> AppTest:
    monkeypatch.setenv(SECRET_ENV, SECRET)
    at = sign_in(app(curator=""), SECRET)
    assert not at.sidebar.error
    at = curate_page(at)
    assert TITLE in titles(at)
    return at


def upload(at: AppTest, name: str, content: bytes, meeting_id: str) -> AppTest:
    at.file_uploader[0].set_value((name, content, "application/octet-stream"))
    at.text_input[0].input(meeting_id)
    return at.form_submit_button[0].click().run()


def test_a_bad_upload_gets_a_message_and_changes_nothing(curator, twg_env):
    before = fingerprints(twg_env.path)
    at = upload(curator, "scan.pdf", b"%PDF-1.4 not really", "twg-2016-kampala")
    no_exceptions(at)
    assert any("scan.pdf: not a readable PDF" in e.value for e in at.error)
    assert fingerprints(twg_env.path) == before


def test_a_curator_drafts_reviews_confirms_and_applies(curator, twg_env):
    report = (REPORTS / "kampala.md").read_bytes()
    at = upload(curator, "kampala.md", report, "twg-2016-kampala")
    no_exceptions(at)
    assert any(
        m.value.startswith("Draft of **twg-2016-kampala** from `kampala.md`:") for m in at.markdown
    )
    # The report's text beside the draft, and the identity question.
    assert any("Report on the third meeting" in t.value for t in at.text)
    assert at.button(key="reject_0_antonio-zapata-guerrero").label == "Different"
    at = at.button(key="confirm_0_antonio-zapata-guerrero").click().run()
    assert not [b for b in at.button if b.label in ("Same", "Different")]  # answered
    no_exceptions(at)
    # Apply is refused while the classification and coordinates are missing.
    before = fingerprints(twg_env.path)
    at = next(b for b in at.button if b.label == "Apply to the data").click().run()
    assert any("fix them in the draft first" in e.value for e in at.error)
    assert fingerprints(twg_env.path) == before

    # The curator fills them in the tables, then applies.
    def edit(row: dict) -> dict:
        return {"edited_rows": {0: row}, "added_rows": [], "deleted_rows": []}

    at.session_state["edit_organizations"] = edit(
        {"organization_type_id": "city-government", "classification_basis": "Type: test."}
    )
    at.session_state["edit_cities"] = edit({"latitude": "0.3476", "longitude": "32.5825"})
    at = at.run()
    at = next(b for b in at.button if b.label == "Apply to the data").click().run()
    no_exceptions(at)
    assert any(s.value.startswith("Applied twg-2016-kampala:") for s in at.success), [
        e.value for e in at.error
    ]
    tables = read_tables(twg_env.path)
    assert "twg-2016-kampala" in {m["meeting_id"] for m in tables["meetings"]}
    zapata = next(p for p in tables["people"] if p["person_id"] == "luis-antonio-zapata-guerrero")
    assert "Antonio Zapata Guerrero" in zapata["aliases"]
    assert (twg_env.path / ".history" / "CHANGELOG.md").is_file()
