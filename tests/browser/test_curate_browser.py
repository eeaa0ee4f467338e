"""The Curate page in Chromium: a curator signs in with `?curator`, uploads the Bogotá report
as a new meeting and sees the draft beside the report; a reload of the page (a new session)
says how to sign in again, and signing in there brings the page back; on a server without
curator mode the page's address answers "Page not found" and nothing mentions curation."""

from __future__ import annotations

import shutil

import pytest
from conftest import serve
from helpers import REPO_ROOT, exception_texts, screenshot, wait_for_app
from playwright.sync_api import expect

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


def test_without_curator_mode_the_address_is_not_found_and_nothing_hints_at_it(
    streamlit_server, page
):
    page.goto(f"{streamlit_server}/curate")
    wait_for_app(page)
    assert page.get_by_text("Page not found").count() == 1
    assert page.get_by_role("link", name="Curate").count() == 0
    assert page.get_by_label("Curator secret").count() == 0
    assert "curat" not in page.locator('[data-testid="stApp"]').inner_text().lower()


def sign_in(page, secret: str = SECRET) -> None:
    page.get_by_label("Curator secret").fill(secret)
    page.locator('[data-testid="stSidebar"]').get_by_role(
        "button", name="Sign in as curator"
    ).click()
    wait_for_app(page)


def test_a_reload_of_the_curate_page_says_to_sign_in_again_and_signing_in_brings_it_back(
    curator_server, page
):
    page.goto(f"{curator_server}/?curator")
    wait_for_app(page)
    sign_in(page)
    page.get_by_role("link", name="Curate").click()
    wait_for_app(page)
    expect(page.get_by_text("Draft the meeting")).to_be_visible()
    page.reload()  # a new session: not signed in
    wait_for_app(page)
    assert page.get_by_text("Page not found").count() == 0
    expect(page.get_by_text("A reload or a new tab starts a new session")).to_be_visible()
    assert page.get_by_text("Draft the meeting").count() == 0  # nothing of the page itself
    assert page.get_by_role("link", name="Curate").count() == 0
    page.locator('[data-testid="stMain"]').get_by_role("button", name="Sign in as curator").click()
    wait_for_app(page)
    sign_in(page)
    expect(page.get_by_text("Draft the meeting")).to_be_visible()
    assert page.url.rstrip("/").endswith("/curate")
    assert exception_texts(page) == []
    # Loading a sub-page's address, Streamlit's frontend first probes `<page>/_stcore/health`
    # and `host-config`, which answer 404 (any page; not this one's doing).
    assert [e for e in page.console_errors if "404 (Not Found)" not in e] == []


def test_a_curator_signs_in_uploads_and_reviews(curator_server, page):
    page.goto(f"{curator_server}/?curator")
    wait_for_app(page)
    assert "curator" not in page.url  # the sign-in link leaves the address
    sign_in(page)
    page.get_by_role("link", name="Curate").click()
    wait_for_app(page)
    page.locator("input[type=file]").set_input_files(str(REPORT))
    page.get_by_label("Meeting id").fill("twg-2015-bogota-again")
    page.get_by_role("button", name="Draft the meeting").click()
    wait_for_app(page)
    page.get_by_text("Draft of twg-2015-bogota-again").wait_for()
    assert (
        page.get_by_text("53 sources, 1 meetings, 23 participants, 2 sessions, 7 speakers").count()
        == 1
    )
    assert page.get_by_role("tab", name="participants").count() == 1
    screenshot(page, "curate")
    assert exception_texts(page) == []
    assert page.console_errors == []
