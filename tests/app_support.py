"""Helpers for AppTest page tests: start the app on a page, read download buttons' files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from streamlit.testing.v1 import AppTest

from twg_data import pages

APP = Path(__file__).resolve().parents[1] / "app.py"
# The app's own registry: the pages of the shipped data (one meeting), and every page a link
# can name (Data problems included).
PAGES = {spec.name: spec.file for spec in pages.shown_pages(1)}
ALL_PAGES = {spec.name: spec.file for spec in pages.LINKED}


class MediaFiles:
    """What download buttons hand the browser, by the URL or deferred id in the button.

    A deferred download (data made on click) is produced here as the click would.
    """

    def __init__(self) -> None:
        self.by_id: dict[str, bytes] = {}
        self.deferred: dict[str, Callable[[], bytes | str]] = {}

    def data(self, button) -> bytes:
        if button.proto.deferred_file_id:
            content = self.deferred[button.proto.deferred_file_id]()
            return content.encode("utf-8") if isinstance(content, str) else content
        file_id = button.proto.url.rsplit("/", 1)[-1].split(".", 1)[0]
        return self.by_id[file_id]


def open_app(page: str = "overview", **query: str | list[str]) -> AppTest:
    """Run the app once (optionally with URL query parameters), then show `page`."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    for name, value in query.items():
        at.query_params[name] = value
    at.run()
    if page != "overview":
        at.switch_page(ALL_PAGES[page]).run()
    return at


def download(at: AppTest, label_start: str):
    """The download button whose label starts with label_start."""
    matches = [b for b in at.get("download_button") if b.label.startswith(label_start)]
    assert matches, f"no download button starting {label_start!r}: " + ", ".join(
        b.label for b in at.get("download_button")
    )
    return matches[0]


def choices(at: AppTest):
    """The Agenda brief's table of choices as the page drew it: one row per item, indexed by
    its ref (`meeting_id/id`), with `include` and `note`."""
    (editor,) = at.data_editor
    return editor.value


def edit_choices(at: AppTest, edits: dict[str, dict[str, object]]) -> AppTest:
    """Edit rows of the brief's table as a user would (`{ref: {"include": False}}`); the
    edits apply on the next run. Each call stands for the table's whole set of edits."""
    (editor,) = at.data_editor
    refs = list(editor.value.index)
    rows = {refs.index(ref): changes for ref, changes in edits.items()}
    at.session_state[editor.key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    return at


def no_exceptions(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
