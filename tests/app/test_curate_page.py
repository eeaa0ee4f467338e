"""Curator mode: off by default, a wrong secret refused and logged, the page out of reach
without sign-in; for a curator, upload, review, confirm an identity and apply."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app_support import APP, no_exceptions
from tests.curate_support import (
    HINTED,
    KEY_POINT,
    MEETING,
    SPEAKER,
    long_line_report,
    participants_report,
    tagging_report,
)
from tests.importer.test_recognise import REPORTS
from twg_data.curating import workfolder
from twg_data.importer.folder import fingerprints, read_tables
from twg_data.pages import CURATE
from twg_data.paths import curate_dir
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


def signed_in_curator(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """A curator signed in, on the Curate page."""
    monkeypatch.setenv(SECRET_ENV, SECRET)
    at = sign_in(app(curator=""), SECRET)
    assert not at.sidebar.error
    at = curate_page(at)
    assert TITLE in titles(at)
    return at


@pytest.fixture
def curator(twg_env, monkeypatch) -> AppTest:
    return signed_in_curator(monkeypatch)


def upload(at: AppTest, name: str, content: bytes, meeting_id: str, wait: bool = True) -> AppTest:
    at.file_uploader[0].set_value((name, content, "application/octet-stream"))
    at.text_input[0].input(meeting_id)
    at = at.form_submit_button[0].click().run()
    return settled(at) if wait else at


def importing(at: AppTest) -> bool:
    return "_curate_watching" in at.session_state


def settled(at: AppTest, seconds: float = 60) -> AppTest:
    """Rerun until the import in its worker process has finished (the page polls it)."""
    deadline = time.monotonic() + seconds
    while importing(at):
        assert time.monotonic() < deadline, "the import did not finish"
        time.sleep(0.2)
        at = at.run()
    return at


def button(at: AppTest, label: str, key_start: str = ""):
    (found,) = [b for b in at.button if b.label == label and (b.key or "").startswith(key_start)]
    return found


def editor_key(at: AppTest, table: str) -> str:
    (key,) = [e.key for e in at.data_editor if e.key.startswith(f"edit_{table}_")]
    return key


def edit(row: dict, index: int = 0) -> dict:
    return {"edited_rows": {index: row}, "added_rows": [], "deleted_rows": []}


def test_a_bad_upload_gets_a_message_and_changes_nothing(curator, twg_env):
    before = fingerprints(twg_env.path)
    at = upload(curator, "scan.pdf", b"%PDF-1.4 not really", "twg-2016-kampala")
    no_exceptions(at)
    assert any("scan.pdf: not a readable PDF" in e.value for e in at.error)
    assert fingerprints(twg_env.path) == before
    assert workfolder.listing(curate_dir(twg_env.path)) == []  # nothing kept


def test_a_line_without_spaces_gets_a_clear_message(curator, twg_env):
    at = upload(curator, "long.txt", long_line_report(), "twg-2016-kampala")
    no_exceptions(at)
    assert any("without a space" in e.value for e in at.error), [e.value for e in at.error]
    assert at.form_submit_button[0].label == "Draft the meeting"  # ready for another
    assert at.text_input(key="curate_meeting_id").value == "twg-2016-kampala"  # kept


def test_a_curator_drafts_reviews_confirms_and_applies(curator, twg_env):
    report = (REPORTS / "kampala.md").read_bytes()
    at = upload(curator, "kampala.md", report, "twg-2016-kampala")
    no_exceptions(at)
    assert any(
        m.value.startswith("Draft of **twg-2016-kampala** from `kampala.md`:") for m in at.markdown
    )
    # The report's passages beside the draft, and the identity question.
    assert any("Report on the third meeting" in m.value for m in at.markdown)
    assert button(at, "Different", "reject_0_people_antonio-zapata-guerrero")
    at = button(at, "Same", "confirm_0_people_antonio-zapata-guerrero").click().run()
    assert not [b for b in at.button if b.label in ("Same", "Different")]  # answered
    no_exceptions(at)
    # Apply is refused while the classification and coordinates are missing.
    before = fingerprints(twg_env.path)
    at = button(at, "Apply to the data").click().run()
    assert any("fix them in the draft first" in e.value for e in at.error)
    assert fingerprints(twg_env.path) == before

    # The curator fills them in the tables, then applies.
    at.session_state[editor_key(at, "organizations")] = edit(
        {"organization_type_id": "city-government", "classification_basis": "Type: test."}
    )
    at.session_state[editor_key(at, "cities")] = edit(
        {"latitude": "0.3476", "longitude": "32.5825"}
    )
    at = at.run()
    at = button(at, "Apply to the data").click().run()
    no_exceptions(at)
    assert any(s.value.startswith("Applied twg-2016-kampala:") for s in at.success), [
        e.value for e in at.error
    ]
    tables = read_tables(twg_env.path)
    assert "twg-2016-kampala" in {m["meeting_id"] for m in tables["meetings"]}
    zapata = next(p for p in tables["people"] if p["person_id"] == "luis-antonio-zapata-guerrero")
    assert "Antonio Zapata Guerrero" in zapata["aliases"]
    assert (twg_env.path / ".history" / "CHANGELOG.md").is_file()
    assert workfolder.listing(curate_dir(twg_env.path)) == []  # the applied draft is gone


def passage_id(at: AppTest, text: str) -> str:
    """The source id of the passage shown with this text (its Tag button's key)."""
    working = at.session_state["_curate_loaded"][2]
    (found,) = [p.source_id for p in working.passages if p.text == text]
    return found


def tag(at: AppTest, source_id: str, kind: str, **options: str) -> AppTest:
    """Open the passage's tag form, choose the kind and its options, press Tag."""
    at = at.button(key=f"tag_{source_id}").click().run()
    at.segmented_control(key=f"tag_kind_{source_id}").set_value(kind)
    at = at.run()
    for name, value in options.items():
        at.selectbox(key=f"tag_{name}_{source_id}").set_value(value)
    return at.button(key=f"tag_apply_{source_id}").click().run()


def rows(at: AppTest, table: str) -> list[dict[str, str]]:
    return at.session_state["_curate_loaded"][2].rows.get(table, [])


def test_tags_draft_rows_that_apply_and_untags_take_them_back(curator, twg_env):
    at = upload(curator, "bogota.txt", tagging_report(), MEETING)
    no_exceptions(at)
    key_point, speaker = passage_id(at, KEY_POINT), passage_id(at, SPEAKER)
    at = tag(at, key_point, "key_point", category="recommendation")
    no_exceptions(at)
    assert [r["text"] for r in rows(at, "key_points") if r["source_id"] == key_point] == [KEY_POINT]
    assert any("Tagged as **key point**" in m.value for m in at.markdown)
    at = tag(at, speaker, "speaker", role="moderator", session="focus-1")
    no_exceptions(at)
    (moderator,) = [r for r in rows(at, "speakers") if r["source_id"] == speaker]
    assert (moderator["person_id"], moderator["role"]) == ("achim-wennmann", "moderator")
    # The draft on the server holds the tags: another session opens it as it is.
    (work,) = workfolder.listing(curate_dir(twg_env.path))
    assert set(work.load().tags) == {key_point, speaker}

    # Untagging takes the rows back; tagging again brings them.
    at = at.button(key=f"untag_{key_point}").click().run()
    assert not [r for r in rows(at, "key_points") if r["source_id"] == key_point]
    at = tag(at, key_point, "key_point", category="recommendation")

    # A passage that cannot be what it is tagged as: the reason, no traceback.
    hinted = passage_id(at, HINTED)
    at = tag(at, hinted, "speaker", role="moderator")
    no_exceptions(at)
    assert any("no person's name found" in e.value for e in at.error)
    # Its hint tags it in one click.
    at = at.button(key=f"hint_{hinted}_0").click().run()
    assert [r["category"] for r in rows(at, "key_points") if r["source_id"] == hinted] == [
        "recommendation"
    ]

    # A key point edited to words its passage lacks: Apply refuses it and says why.
    position = next(i for i, r in enumerate(rows(at, "key_points")) if r["source_id"] == key_point)
    at.session_state[editor_key(at, "key_points")] = edit(
        {"text": "Words the report never wrote."}, position
    )
    at = at.run()
    before = fingerprints(twg_env.path)
    at = button(at, "Apply to the data").click().run()
    assert any("fix them in the draft first" in e.value for e in at.error)
    (problems,) = [d.value for d in at.dataframe if "problem" in d.value.columns]
    assert any(f == "key_points.csv" for f in problems["file"])
    assert fingerprints(twg_env.path) == before
    at.session_state[editor_key(at, "key_points")] = edit({"text": KEY_POINT}, position)
    at = button(at.run(), "Apply to the data").click().run()
    no_exceptions(at)
    assert any(s.value.startswith(f"Applied {MEETING}:") for s in at.success), [
        d.value.to_dict("records") for d in at.dataframe if "problem" in d.value.columns
    ]
    tables = read_tables(twg_env.path)
    texts = {(r["meeting_id"], r["text"]) for r in tables["key_points"]}
    assert {(MEETING, KEY_POINT), (MEETING, HINTED)} <= texts
    assert any(
        (r["meeting_id"], r["person_id"], r["role"]) == (MEETING, "achim-wennmann", "moderator")
        for r in tables["speakers"]
    )


def test_a_draft_kept_on_the_server_reopens_in_a_new_session(curator, twg_env, monkeypatch):
    at = upload(curator, "bogota.txt", tagging_report(), MEETING)
    key_point = passage_id(at, KEY_POINT)
    at = tag(at, key_point, "key_point", category="recommendation")
    again = curate_page(sign_in(app(curator=""), SECRET))  # a reload: a new session
    no_exceptions(again)
    assert any(f"**{MEETING}** from `bogota.txt`" in m.value for m in again.markdown)
    (work,) = workfolder.listing(curate_dir(twg_env.path))
    again = again.button(key=f"open_{work.name}").click().run()
    no_exceptions(again)
    assert any("Tagged as **key point**" in m.value for m in again.markdown)
    assert [r["source_id"] for r in rows(again, "key_points")][-1] == key_point


def test_an_import_can_be_cancelled_and_nothing_is_kept(curator, twg_env):
    at = upload(curator, "many.txt", participants_report(5000), "twg-2019-nairobi", wait=False)
    assert importing(at)
    assert at.get("progress"), "the import's progress is shown"
    (work,) = workfolder.listing(curate_dir(twg_env.path))
    pid = work.status().pid
    at = at.button(key="curate_cancel").click().run()
    no_exceptions(at)
    assert not importing(at)
    assert workfolder.listing(curate_dir(twg_env.path)) == []
    assert (
        not Path(f"/proc/{pid}").exists()
        or b"worker" not in Path(f"/proc/{pid}/cmdline").read_bytes()
    )


def test_a_large_draft_is_paged(curator, twg_env):
    at = upload(curator, "many.txt", participants_report(1000), "twg-2019-nairobi")
    no_exceptions(at)
    (people,) = [e for e in at.data_editor if e.key.startswith("edit_participants_")]
    assert len(people.value) == 100
    assert at.number_input(key="curate_rows_participants").max == 10
    shown = [b for b in at.button if (b.key or "").startswith("tag_tw")]
    assert len(shown) == 50  # passages, a page of them
    at.number_input(key="curate_rows_participants").set_value(10)
    at = at.run()
    (people,) = [e for e in at.data_editor if e.key.startswith("edit_participants_")]
    assert len(people.value) == 100
