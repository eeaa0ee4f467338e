"""What a rerun sends the browser: on choosing a filter, only what changed is new.

The browser keeps an element whose content (message hash) is the same at the same place;
a widget value set through st.session_state is sent as a change and redraws the widget;
an element that appears above others moves them, and the browser redraws all of them.
These tests read the messages of each run, as `benchmarks.page_bench` does.
"""

from __future__ import annotations

import pytest
from streamlit.runtime.forward_msg_cache import populate_hash_if_needed
from streamlit.testing.v1 import local_script_runner

from tests.app_support import PAGES, open_app


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[list]:
    """The ForwardMsgs of every script run, in order."""
    captured: list[list] = []
    original = local_script_runner.LocalScriptRunner.run

    def run(self, *args, **kwargs):
        tree = original(self, *args, **kwargs)
        captured.append(list(self.forward_msgs()))
        return tree

    monkeypatch.setattr(local_script_runner.LocalScriptRunner, "run", run)
    return captured


def elements(messages: list) -> dict[tuple, tuple[str, str]]:
    """Element kind and content hash by place (delta path)."""
    found = {}
    for message in messages:
        if message.WhichOneof("type") != "delta":
            continue
        populate_hash_if_needed(message)
        kind = message.delta.WhichOneof("type")
        if kind == "new_element":
            kind = message.delta.new_element.WhichOneof("type")
        found[tuple(message.metadata.delta_path)] = (kind, message.hash)
    return found


def values_sent(messages: list) -> list[str]:
    """Widgets whose value the run sends to the browser as a change."""
    sent = []
    for message in messages:
        if message.WhichOneof("type") == "delta" and message.delta.WhichOneof("type") == (
            "new_element"
        ):
            element = message.delta.new_element
            widget = getattr(element, element.WhichOneof("type"))
            if getattr(widget, "set_value", False):
                sent.append(element.WhichOneof("type"))
    return sent


@pytest.mark.parametrize("page", list(PAGES))
def test_a_rerun_sends_no_widget_value_the_browser_already_has(runs, page):
    at = open_app(page)
    at.run()
    at.multiselect(key="filter_city").set_value(["bogota"]).run()
    at.run()
    assert [values_sent(messages) for messages in runs[-3:]] == [[], [], []]


@pytest.mark.parametrize(
    ("page", "changed"),
    [
        # the filter line, the note that the city cannot apply, three downloads
        ("data", {"markdown", "alert", "download_button"}),
        ("entry_points", {"markdown", "alert", "download_button"}),
    ],
)
def test_a_note_that_appears_moves_nothing_below_it(runs, page, changed):
    at = open_app(page)
    before = elements(runs[-1])
    at.multiselect(key="filter_city").set_value(["bogota"]).run()
    after = elements(runs[-1])
    new = {place: found[0] for place, found in after.items() if before.get(place) != found}
    assert set(new.values()) == changed
    assert list(new.values()).count("download_button") == 3
    assert len(new) == 5  # of more than 35 elements: every table and text below stays
