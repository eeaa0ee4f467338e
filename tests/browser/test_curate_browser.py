"""The Curate page in Chromium: a curator signs in with `?curator`, uploads the Bogotá report
as a new meeting and sees the draft beside the report; the audience's address for the page
answers "Page not found"."""

from __future__ import annotations

import shutil

import pytest
from conftest import serve
from helpers import REPO_ROOT, exception_texts, screenshot, wait_for_app

SECRET = "a long test passphrase"
REPORT = REPO_ROOT / "data" / "reports" / "twg-2015-bogota.txt"


@pytest.fixture(scope="module")
def curator_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("curate") / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    env = {
        "TWG_CURATOR_SECRET": SECRET,
        "TWG_DATA_DIR": str(data),
        "TWG_DB_PATH": str(data.parent / "twg.duckdb"),
    }
    with serve(REPO_ROOT / "app.py", env) as url:
        yield url


def test_the_audience_gets_page_not_found(curator_server, page):
    page.goto(f"{curator_server}/curate")
    wait_for_app(page)
    assert page.get_by_text("Page not found").count() == 1
    assert page.get_by_role("link", name="Curate").count() == 0
    assert page.get_by_label("Curator secret").count() == 0


def test_a_curator_signs_in_uploads_and_reviews(curator_server, page):
    page.goto(f"{curator_server}/?curator")
    wait_for_app(page)
    assert "curator" not in page.url  # the sign-in link leaves the address
    page.get_by_label("Curator secret").fill(SECRET)
    page.get_by_role("button", name="Sign in as curator").click()
    wait_for_app(page)
    page.get_by_role("link", name="Curate").click()
    wait_for_app(page)
    page.locator("input[type=file]").set_input_files(str(REPORT))
    page.get_by_label("Meeting id").fill("twg-2015-bogota-again")
    page.get_by_role("button", name="Draft the meeting").click()
    wait_for_app(page)
    page.get_by_text("Draft of twg-2015-bogota-again").wait_for()
    assert page.get_by_text("53 sources, 1 meetings, 2 sessions, 7 speakers").count() == 1
    assert page.get_by_role("tab", name="participants").count() == 1
    screenshot(page, "curate")
    assert exception_texts(page) == []
    assert page.console_errors == []
