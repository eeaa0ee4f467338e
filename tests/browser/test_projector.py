"""The projector view in Chromium at 1920x1080: every page without the sidebar and the
controls, its title and text larger, its headline content kept; the sidebar's switch puts the
view in the link with the filters, and the button at the top leaves it."""

from __future__ import annotations

import pytest
from helpers import (
    axe_violations,
    exception_texts,
    screenshot,
    select_in_multiselect,
    wait_for_app,
)
from playwright.sync_api import Page, expect

from twg_data import pages

WALL = {"width": 1920, "height": 1080}
LISTED = [spec.url for spec in pages.shown_pages(1)]  # the shipped data: one meeting
CONTROLS = ("stMultiSelect", "stDownloadButton", "stToggle", "stSelectbox", "stSlider")


def font_px(page: Page, selector: str) -> float:
    size = page.locator(selector).first.evaluate("e => getComputedStyle(e).fontSize")
    return float(size.removesuffix("px"))


@pytest.fixture
def wall(browser):
    context = browser.new_context(viewport=WALL, accept_downloads=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("address", LISTED)
def test_every_page_on_the_wall_keeps_its_headline_and_drops_the_controls(
    streamlit_server, wall, address
):
    wall.goto(f"{streamlit_server}/{address}")
    wait_for_app(wall)
    title_px, text_px = font_px(wall, "h1"), font_px(wall, "[data-testid=stMarkdown] p")
    wall.goto(f"{streamlit_server}/{address}?view=projector")
    wait_for_app(wall, quiet_ms=1000)
    expect(wall.locator("h1").first).to_be_visible()
    assert font_px(wall, "h1") >= 1.3 * title_px
    assert font_px(wall, "[data-testid=stMarkdown] p") >= 1.3 * text_px
    expect(wall.get_by_test_id("stSidebar")).to_be_hidden()
    for control in CONTROLS:
        assert wall.get_by_test_id(control).filter(visible=True).count() == 0, control
    if address == "agenda-brief":  # the table of choices and the downloads, not the brief
        expect(wall.locator(".st-key-brief_controls")).to_be_hidden()
        expect(wall.locator(".st-key-brief_document")).to_be_visible()
    expect(wall.get_by_role("button", name="Leave projector view")).to_be_visible()
    screenshot(wall, f"projector-{address or 'overview'}", full_page=False)
    assert axe_violations(wall, f"/{address}?view=projector") == []
    assert exception_texts(wall) == []


def test_the_switch_puts_the_view_in_the_link_with_the_filters_and_the_button_leaves_it(
    streamlit_server, wall
):
    wall.goto(f"{streamlit_server}/participants")
    wait_for_app(wall)
    select_in_multiselect(wall, "City", "Bogotá (COL)")
    charts_before = wall.locator("[data-testid=stVegaLiteChart]").count()
    wall.get_by_test_id("stSidebar").get_by_text("Projector view").click()
    wait_for_app(wall, quiet_ms=1000)
    assert "view=projector" in wall.url and "city=bogota" in wall.url
    expect(wall.get_by_test_id("stSidebar")).to_be_hidden()
    expect(wall.get_by_text("Filtered by City: Bogotá (COL).")).to_be_visible()
    assert wall.locator("[data-testid=stVegaLiteChart]").count() == charts_before == 4
    # the link reopens the wall as it was: a new tab, a new session
    shared = wall.context.new_page()
    shared.goto(wall.url)
    wait_for_app(shared, quiet_ms=1000)
    expect(shared.get_by_test_id("stSidebar")).to_be_hidden()
    expect(shared.get_by_text("Filtered by City: Bogotá (COL).")).to_be_visible()
    shared.close()
    wall.get_by_role("button", name="Leave projector view").click()
    wait_for_app(wall, quiet_ms=1000)
    expect(wall.get_by_test_id("stSidebar")).to_be_visible()
    assert "view=" not in wall.url and "city=bogota" in wall.url
    assert exception_texts(wall) == []
