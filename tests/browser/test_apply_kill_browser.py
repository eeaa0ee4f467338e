"""The Curate page's *Apply to the data* in a real `streamlit run` server that is killed
(SIGKILL, by the `TWG_APPLY_KILL_AT` hook) at a point of the apply's writing: the restarted
dashboard settles the interrupted apply when it starts (its first page load), and the data
is wholly before or wholly after, valid, logged once, free of work files.

A few representative points (a browser run is slow; every point is covered by
tests/importer/test_apply_faults.py): before the commit (undone), between two file
replacements (completed), after the journal was removed (only the lock left).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from conftest import _health_ok, serve
from helpers import REPO_ROOT, exception_texts, wait_for_app

from tests.conftest import copy_shipped_data
from tests.importer.test_apply_faults import Scenario, check_settled, expected, work_state
from twg_data import journal
from twg_data.importer import draft_report, write_draft
from twg_data.importer.apply import apply_draft
from twg_data.importer.folder import fingerprints

SECRET = "a long test passphrase"
REPORT = REPO_ROOT / "data" / "reports" / "twg-2015-bogota.txt"
MEETING = "twg-2015-bogota-again"  # the Bogotá report as a new meeting drafts valid rows
POINTS = ["saved", "replacing:2", "finished"]


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    """The data before, and after the same upload applied without interruption."""
    root = tmp_path_factory.mktemp("apply-kill")
    before = copy_shipped_data(root / "before").path
    after = root / "after"
    shutil.copytree(before, after)
    draft = draft_report(REPORT.name, REPORT.read_bytes(), MEETING, after)
    write_draft(draft, after, root / "draft")
    applied = apply_draft(root / "draft", after)
    return Scenario(
        before=before,
        draft=root / "draft",
        fresh=root / "draft",
        before_hashes=fingerprints(before),
        after_hashes=fingerprints(after),
        files=applied.files,
    )


def click_apply(url: str, page) -> None:
    """Sign in as curator, upload the report, draft it and press Apply."""
    page.goto(f"{url}/?curator")
    wait_for_app(page)
    page.get_by_label("Curator secret").fill(SECRET)
    page.get_by_role("button", name="Sign in as curator").click()
    wait_for_app(page)
    page.get_by_role("link", name="Curate").click()
    wait_for_app(page)
    page.locator("input[type=file]").set_input_files(str(REPORT))
    page.get_by_label("Meeting id").fill(MEETING)
    page.get_by_role("button", name="Draft the meeting").click()
    wait_for_app(page)
    page.get_by_text(f"Draft of {MEETING}").wait_for()
    page.get_by_role("button", name="Apply to the data").click()


def wait_until_down(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while _health_ok(f"{url}/_stcore/health"):
        assert time.monotonic() < deadline, "the server was not killed while applying"
        time.sleep(0.2)


@pytest.mark.parametrize("point", POINTS)
def test_a_server_killed_while_applying_restarts_on_whole_data(scenario, page, tmp_path, point):
    data = tmp_path / "data"
    shutil.copytree(scenario.before, data)
    env = {
        "TWG_CURATOR_SECRET": SECRET,
        "TWG_DATA_DIR": str(data),
        "TWG_DB_PATH": str(tmp_path / "twg.duckdb"),
    }
    with serve(REPO_ROOT / "app.py", {**env, journal.KILL_AT: point}) as url:
        click_apply(url, page)
        wait_until_down(url)
    assert work_state(data) != "nothing"  # killed inside the apply's writing
    with serve(REPO_ROOT / "app.py", env) as url:
        assert work_state(data) != "nothing"  # the server is up; no page has run yet
        page.goto(url)
        wait_for_app(page)
        assert work_state(data) == "nothing"  # settled by the app's start
        assert check_settled(data, scenario, applies=0) == expected(point)
        assert exception_texts(page) == []
        meetings = 2 if expected(point) == "after" else 1
        assert page.get_by_text("Meeting shown").count() == (meetings > 1)
    assert list(Path(tmp_path).glob("**/.applying")) == []
