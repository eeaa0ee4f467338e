"""The Agenda brief in a real Chromium: the Word download, and a print view that prints the
brief alone (no sidebar, no widgets)."""

from __future__ import annotations

import subprocess

from docx import Document
from helpers import download, screenshot, wait_for_app
from playwright.sync_api import Page, expect

from tests.report_facts import PRESENTERS

KEY_POINT = "Relationships and proximity"


def controls_heading(page: Page):
    """The heading over the brief's controls (the choices table also has the words)."""
    return page.get_by_role("heading", name="Carry forward", exact=True)


def open_brief(page: Page, base_url: str) -> None:
    page.goto(base_url)
    wait_for_app(page)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Agenda brief").click()
    wait_for_app(page)
    expect(controls_heading(page)).to_be_visible()


def pdf_text(page: Page, tmp_path) -> str:
    """What the browser prints (print media, A4), as text on one line."""
    pdf = tmp_path / "printed.pdf"
    pdf.write_bytes(page.pdf(format="A4", print_background=False))
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


def test_printing_the_brief_page_prints_the_brief_without_sidebar_or_widgets(
    streamlit_server, page, tmp_path
):
    open_brief(page, streamlit_server)
    printed = pdf_text(page, tmp_path)
    assert "Agenda brief: urban safety and peacebuilding" in printed
    assert KEY_POINT in printed and "Cite as:" in printed
    for control in ("Carry forward", "Reset filters", "Summary pack (ZIP)", "Print view"):
        assert control not in printed, control
    assert "Filters" not in printed.split("Who took part")[0]  # no sidebar before the brief


def test_the_print_view_shows_the_brief_alone_on_screen_and_switches_back(streamlit_server, page):
    open_brief(page, streamlit_server)
    page.get_by_text("Print view", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(controls_heading(page)).to_be_hidden()
    expect(
        page.get_by_role("heading", name="Agenda brief: urban safety and peacebuilding")
    ).to_be_visible()
    screenshot(page, "agenda-brief-print-view")
    page.get_by_text("Print view", exact=True).click()
    wait_for_app(page)
    expect(controls_heading(page)).to_be_visible()
    assert page.console_errors == []


def test_the_word_download_in_the_browser_holds_the_brief(streamlit_server, page):
    open_brief(page, streamlit_server)
    path = download(page, "Brief (Word)")
    assert path.name == "twg-agenda-brief.docx"
    document = Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert KEY_POINT in text
    assert all(name in text for name in PRESENTERS)
