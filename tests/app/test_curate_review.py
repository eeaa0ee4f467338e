"""The Curate page's review in AppTest: a curator's own "Same as ...", framing and objective
tags, passages found by words and by suggestion, a long passage shown whole on demand, a
draft removed from the server, and a tag that fails for want of a name."""

from __future__ import annotations

import pytest

from tests.app.test_curate_page import passage_id, rows, signed_in_curator, tag, upload
from tests.app_support import no_exceptions
from tests.curate_support import BOGOTA, KEY_POINT, MEETING, tagging_report
from tests.importer.test_recognise import REPORTS
from twg_data.curating import review, workfolder
from twg_data.paths import curate_dir


@pytest.fixture
def curator(twg_env, monkeypatch):
    return signed_in_curator(monkeypatch)


def draft(at):
    return at.session_state["_curate_loaded"][2]


def test_a_drafted_person_is_merged_into_one_in_the_data(curator, twg_env):
    at = upload(curator, "kampala.md", (REPORTS / "kampala.md").read_bytes(), "twg-2016-kampala")
    assert "grace-nakato" in {r["person_id"] for r in rows(at, "people")}
    at.text_input(key="merge_drafted_words").input("nakato")
    at.text_input(key="merge_existing_words").input("wennmann")
    at = at.run()
    # The first name found is chosen; a new search chooses again.
    assert at.selectbox(key="merge_drafted_people_nakato").value == "grace-nakato"
    assert at.selectbox(key="merge_existing_people_wennmann").value == "achim-wennmann"
    at = at.button(key="merge_apply").click().run()
    no_exceptions(at)
    assert "grace-nakato" not in {r["person_id"] for r in rows(at, "people")}
    assert "achim-wennmann" in {r["person_id"] for r in rows(at, "participants")}
    assert "Grace Nakato" in draft(at).changes["people"]["achim-wennmann"]["aliases"]
    # Saved: the draft on the server holds the merge.
    (work,) = workfolder.listing(curate_dir(twg_env.path))
    assert "grace-nakato" not in {r["person_id"] for r in work.load().rows["people"]}


def test_framing_and_objective_tags(curator):
    at = upload(curator, "bogota.txt", tagging_report(), MEETING)
    key_point = passage_id(at, KEY_POINT)
    at = at.button(key=f"tag_{key_point}").click().run()
    at.segmented_control(key=f"tag_kind_{key_point}").set_value("framing")
    at = at.run()
    at.selectbox(key=f"tag_framing_{key_point}").set_value("setting")
    at.text_input(key=f"tag_label_{key_point}").input("Audits")
    at = at.button(key=f"tag_apply_{key_point}").click().run()
    no_exceptions(at)
    (framing,) = [r for r in rows(at, "framing") if r["source_id"] == key_point]
    assert (framing["kind"], framing["label"], framing["text"]) == ("setting", "Audits", KEY_POINT)
    at = tag(at, key_point, "objective", scope="twg")  # tagged again: the tag is replaced
    assert not [r for r in rows(at, "framing") if r["source_id"] == key_point]
    (objective,) = [r for r in rows(at, "objectives") if r["source_id"] == key_point]
    assert objective["scope"] == "twg"


def test_passages_are_found_by_words_and_by_suggestion(curator):
    at = upload(curator, "bogota.txt", tagging_report(), MEETING)
    at.text_input(key="curate_find").input("SAFETY audits")
    at = at.run()
    tagged = [b.key for b in at.button if (b.key or "").startswith("tag_twg")]
    assert tagged == [f"tag_{passage_id(at, KEY_POINT)}"]
    at.text_input(key="curate_find").input("")
    at.segmented_control(key="curate_show").set_value("suggested")
    at = at.run()
    hinted = {hint.source_id for hint in draft(at).hints}
    shown = {(b.key or "").removeprefix("tag_") for b in at.button}
    assert {s for s in shown if s.startswith("twg")} == hinted
    at.text_input(key="curate_find").input("no passage says this")
    at = at.run()
    assert any("No passage" in i.value for i in at.info)


def test_a_long_passage_is_shortened_and_shown_whole_on_demand(curator):
    long_paragraph = " ".join(f"word{n}" for n in range(400))
    report = BOGOTA.read_text(encoding="utf-8") + "\n\n" + long_paragraph + "\n"
    at = upload(curator, "long.txt", report.encode(), MEETING)
    at.text_input(key="curate_find").input("word399")
    at = at.run()
    assert not any("word399" in m.value for m in at.markdown)
    assert any(m.value.endswith("…") and "word1 " in m.value for m in at.markdown)
    (whole,) = [b for b in at.button if (b.key or "").startswith("whole_")]
    at = whole.click().run()
    assert any(m.value.endswith("word399") for m in at.markdown)
    assert review.shortened(long_paragraph).endswith(" …")


def test_a_draft_is_removed_from_the_server(curator, twg_env):
    at = upload(curator, "bogota.txt", tagging_report(), MEETING)
    at = next(b for b in at.button if b.label.startswith("Close")).click().run()
    (work,) = workfolder.listing(curate_dir(twg_env.path))
    at = at.button(key=f"remove_{work.name}").click().run()
    no_exceptions(at)
    assert workfolder.listing(curate_dir(twg_env.path)) == []
