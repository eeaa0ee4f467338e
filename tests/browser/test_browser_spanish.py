"""Every page in Spanish in a real Chromium (?lang=es), screenshotted, and the sidebar's
language switch: the page and the link change language, the filters stay."""

from __future__ import annotations

import pytest
from helpers import exception_texts, runs_finished, screenshot, select_in_multiselect, wait_for_app
from playwright.sync_api import expect

from twg_data import i18n, pages

with i18n.use("es"):
    SPANISH = [(spec.url, i18n._(spec.title)) for spec in pages.PAGES if spec.min_meetings <= 1]


@pytest.mark.parametrize(("url", "title"), SPANISH)
def test_every_page_in_spanish_renders_and_is_screenshotted(streamlit_server, page, url, title):
    page.goto(f"{streamlit_server}/?lang=es")  # the root first, as a shared link would be
    wait_for_app(page)
    before = runs_finished(page)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    wait_for_app(page, since=before, quiet_ms=1000)
    expect(page.locator("h1").first).to_be_visible()
    expect(page.get_by_role("button", name="Restablecer filtros")).to_be_visible()
    assert exception_texts(page) == []
    screenshot(page, f"es-{url or 'overview'}")
    assert page.console_errors == []


def test_the_language_switch_keeps_the_filters_and_puts_the_language_in_the_link(
    streamlit_server, page
):
    page.goto(streamlit_server)
    wait_for_app(page)
    before = runs_finished(page)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Participants", exact=True).click()
    wait_for_app(page, since=before, quiet_ms=1000)
    select_in_multiselect(page, "City", "Bogotá (COL)")
    page.get_by_test_id("stSidebar").get_by_text("Español", exact=True).click()
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text("Participantes")
    expect(page.get_by_text("5 personas nombradas")).to_be_visible()
    assert "lang=es" in page.url and "city=bogota" in page.url
    screenshot(page, "es-participants-bogota")
    assert page.console_errors == []
