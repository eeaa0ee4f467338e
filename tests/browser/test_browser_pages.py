"""The dashboard in a real Chromium: every page, a sidebar filter, a download, a shared link."""

from __future__ import annotations

import csv
import re

import pytest
from helpers import (
    download,
    exception_texts,
    runs_finished,
    screenshot,
    select_in_multiselect,
    selected_in_multiselect,
    wait_for_app,
)
from playwright.sync_api import Page, expect

from tests.report_facts import BOGOTA_PEOPLE
from twg_data import pages

PAGES = [spec.title for spec in pages.shown_pages(1)]  # the shipped data: one meeting


def open_page(page: Page, base_url: str, title: str) -> None:
    """Load the app at its root, then go to a page through the sidebar navigation."""
    if "stApp" not in (page.content() or ""):
        page.goto(base_url)
        wait_for_app(page)
    before = runs_finished(page)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    # A page switch can run so fast that the script state never visibly changes (seen once
    # in three full runs): then a second of quiet after the click stands for the run.
    wait_for_app(page, since=before, quiet_ms=1000)


def people_count(page: Page) -> int:
    found = re.compile(r"named (people|person) match(es)? the current filters")
    text = page.get_by_text(found).inner_text()
    return int(text.split()[0].replace(",", ""))


@pytest.mark.parametrize("title", PAGES)
def test_every_page_renders_without_exceptions_or_console_errors(streamlit_server, page, title):
    open_page(page, streamlit_server, title)
    expect(page.locator("h1").first).to_be_visible()
    assert exception_texts(page) == []
    screenshot(page, title.lower().replace(" ", "-"))
    assert page.console_errors == []


def test_choosing_a_city_changes_the_participants_table_and_the_url(streamlit_server, page):
    open_page(page, streamlit_server, "Participants")
    assert people_count(page) == 23
    select_in_multiselect(page, "City", "Bogotá (COL)")
    assert people_count(page) == 5
    assert "city=bogota" in page.url
    screenshot(page, "participants-bogota")
    assert page.console_errors == []


CHART_MARKS = '[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg.marks'


def test_choosing_a_city_updates_the_charts_in_place_rather_than_redrawing_them(
    streamlit_server, page
):
    # A chart's spec does not depend on its rows, so the browser swaps the new rows into the
    # view it has: the drawing surfaces are the same elements after the change.
    open_page(page, streamlit_server, "Participants")
    page.evaluate(f"() => document.querySelectorAll('{CHART_MARKS}').forEach(e => e.__before = 1)")
    assert page.locator(CHART_MARKS).count() == 4
    select_in_multiselect(page, "City", "Bogotá (COL)")
    assert people_count(page) == 5
    kept = page.evaluate(
        f"() => [...document.querySelectorAll('{CHART_MARKS}')].filter(e => e.__before).length"
    )
    assert kept == 4
    assert page.console_errors == []


def test_a_download_in_the_browser_delivers_the_filtered_rows(streamlit_server, page):
    open_page(page, streamlit_server, "Participants")
    select_in_multiselect(page, "City", "Bogotá (COL)")
    path = download(page, "Download participants (CSV)")
    raw = path.read_bytes()
    assert path.name == "twg-participants.csv"
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert {row["name"] for row in rows} == BOGOTA_PEOPLE
    assert {row["city"] for row in rows} == {"Bogotá"}


def test_a_link_with_filters_opens_the_filtered_view(streamlit_server, page):
    page.goto(f"{streamlit_server}/participants?city=bogota&organization=giz")
    wait_for_app(page)
    assert selected_in_multiselect(page, "City") == ["Bogotá (COL)"]
    assert people_count(page) == 2  # Heuft and Schmeer: GIZ staff the report places in Bogotá
    assert exception_texts(page) == []


def test_an_unknown_link_value_shows_a_warning_not_an_error(streamlit_server, page):
    page.goto(f"{streamlit_server}/?city=atlantis")
    wait_for_app(page)
    expect(page.get_by_text("Ignored 1 value of the link parameter city")).to_be_visible()
    assert exception_texts(page) == []
