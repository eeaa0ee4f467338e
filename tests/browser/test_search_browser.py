"""The Search page in Chromium: a search typed in the box, its words in bold, the query in the
address bar; a facet clicked narrows the hits and the link keeps it; a shared link reopens
the search, its facet and its language; the download delivers the hits with citations."""

from __future__ import annotations

import csv
import re

from helpers import download, exception_texts, runs_finished, wait_for_app
from playwright.sync_api import Page, expect

BOX = "Search every meeting"


def hits(page: Page, cite_as: str = "Cite as:"):
    """The hits: each box's Markdown ends with its 'Cite as' line."""
    return page.get_by_test_id("stMarkdownContainer").filter(has_text=cite_as)


def no_errors(page: Page) -> None:
    assert exception_texts(page) == []
    assert [e for e in page.console_errors if "404 (Not Found)" not in e] == []


def search(page: Page, text: str) -> None:
    box = page.get_by_role("textbox", name=BOX)
    box.fill(text)
    before = runs_finished(page)
    box.press("Enter")
    wait_for_app(page, since=before)


def test_a_search_typed_in_the_box_shows_its_hits_and_goes_in_the_link(streamlit_server, page):
    page.goto(f"{streamlit_server}/search")
    wait_for_app(page)
    search(page, "proximity")
    expect(hits(page)).to_have_count(2)
    expect(page.locator("strong", has_text="proximity").first).to_be_visible()
    assert "q=proximity" in page.url
    no_errors(page)


def test_a_facet_click_narrows_the_hits_and_the_link_keeps_it(streamlit_server, page):
    page.goto(f"{streamlit_server}/search?q=mayor")
    wait_for_app(page)
    everything = hits(page).count()
    facets = page.get_by_test_id("stExpander")
    pill = facets.get_by_text(re.compile(r"^Participant \(\d+\)$"))
    before = runs_finished(page)
    pill.click()
    wait_for_app(page, since=before)
    assert 0 < hits(page).count() < everything
    assert "hit_kind=participant" in page.url
    no_errors(page)


def test_a_shared_link_reopens_the_search_its_facet_and_language(streamlit_server, page):
    page.goto(f"{streamlit_server}/search?q=mayor&hit_kind=participant&lang=es")
    wait_for_app(page)
    expect(page.get_by_role("textbox", name="Buscar en todas las reuniones")).to_have_value("mayor")
    assert hits(page, "Cítese como:").count() > 0
    expect(page.get_by_test_id("stMarkdown").filter(has_text="Participante").first).to_be_visible()
    no_errors(page)


def test_the_download_delivers_every_hit_with_its_citation(streamlit_server, page, tmp_path):
    page.goto(f"{streamlit_server}/search?q=peacebuild*")
    wait_for_app(page)
    path = download(page, "Download the hits (CSV, with citations)", tmp_path)
    assert path.name == "search-hits.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > hits(page).count()  # every hit, not only those shown
    assert all("data/reports/twg-2015-bogota.txt" in row["cite_as"] for row in rows)
    no_errors(page)
