"""A link straight to a page, as the first request a server that has just started answers:
every page a link can name is registered on every run, so no "Page not found" dialog; the
navigation lists exactly the pages the data allows, and a page it does not allow says so at
its address. Each test starts its own server on its own copy of the data."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import serve
from helpers import REPO_ROOT, exception_texts, runs_finished, wait_for_app
from playwright.sync_api import Page, expect

LISTED_ON_ONE = [
    "Overview",
    "Participants",
    "Sessions",
    "Entry points",
    "Search",
    "Agenda brief",
    "Data",
]
LISTED_ON_TWO = ["Overview", "Across meetings", *LISTED_ON_ONE[1:]]
OVERVIEW_TITLE = "Urban safety and peacebuilding: Technical Working Group"


@contextmanager
def fresh_server(data: Path, tmp_path: Path) -> Iterator[str]:
    """A server started for this test on this data folder, with a database of its own."""
    env = {"TWG_DATA_DIR": str(data), "TWG_DB_PATH": str(tmp_path / "twg.duckdb")}
    with serve(REPO_ROOT / "app.py", env) as url:
        yield url


def listed(page: Page) -> list[str]:
    """The titles the sidebar's navigation lists, in order."""
    links = page.get_by_test_id("stSidebarNav").get_by_test_id("stSidebarNavLink")
    return [link.locator("span[label]").get_attribute("label") for link in links.all()]


def heading(page: Page):
    return page.get_by_test_id("stMain").locator("h1").first


def no_errors(page: Page) -> None:
    assert page.get_by_text("Page not found").count() == 0
    assert exception_texts(page) == []
    # Loading a sub-page's address, Streamlit's frontend first probes `<page>/_stcore/health`
    # and `host-config`, which answer 404 (any page; not this one's doing).
    assert [e for e in page.console_errors if "404 (Not Found)" not in e] == []


def test_a_fresh_servers_first_request_for_across_meetings_draws_the_page(
    second_meeting_dir, tmp_path, page
):
    with fresh_server(second_meeting_dir.path, tmp_path) as url:
        page.goto(f"{url}/across-meetings")
        wait_for_app(page)
        expect(heading(page)).to_have_text("Across meetings")
        expect(page.get_by_role("heading", name="Participation per meeting")).to_be_visible()
        assert listed(page) == LISTED_ON_TWO
        no_errors(page)


def test_on_one_meeting_across_meetings_says_why_and_the_navigation_leaves_it_out(
    data_dir, tmp_path, page
):
    with fresh_server(data_dir.path, tmp_path) as url:
        page.goto(f"{url}/across-meetings")
        wait_for_app(page)
        expect(heading(page)).to_have_text("Across meetings")
        expect(
            page.get_by_text("This page compares meetings, and the data holds 1 meeting:")
        ).to_be_visible()
        assert page.get_by_role("heading", name="Participation per meeting").count() == 0
        assert listed(page) == LISTED_ON_ONE
        no_errors(page)
        before = runs_finished(page)
        page.get_by_test_id("stPageLink-NavLink").filter(has_text="Overview").click()
        wait_for_app(page, since=before, quiet_ms=1000)
        expect(heading(page)).to_have_text(OVERVIEW_TITLE)
        assert page.url.rstrip("/") == url


def test_data_problems_is_listed_only_while_the_csvs_have_problems(data_dir, tmp_path, page):
    with fresh_server(data_dir.path, tmp_path) as url:
        page.goto(f"{url}/data-problems")
        wait_for_app(page)
        expect(page.get_by_text("The CSVs are sound")).to_be_visible()
        assert listed(page) == LISTED_ON_ONE
        no_errors(page)
        good = data_dir.file("participants.csv").read_bytes()
        data_dir.file("participants.csv").write_bytes(
            good + b"twg-2015-bogota,nobody,21,,,,,,stated,x\n"
        )
        page.reload()  # the next run picks the broken file up
        wait_for_app(page)
        expect(page.get_by_text(re.compile(r"The CSVs in .+ have \d+ problem"))).to_be_visible()
        assert listed(page) == [*LISTED_ON_ONE, "Data problems"]
        page.goto(f"{url}/across-meetings")  # still one meeting: still not listed
        wait_for_app(page)
        assert listed(page) == [*LISTED_ON_ONE, "Data problems"]
        no_errors(page)
