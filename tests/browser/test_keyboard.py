"""The keyboard alone, in Chromium: choose a city, change page, open the brief's table, untick
an item and download the Word brief, with the focus visible at every step (WCAG 2.1.1
Keyboard, 2.4.7 Focus Visible)."""

from __future__ import annotations

import docx
from helpers import exception_texts, runs_finished, wait_for_app
from playwright.sync_api import Page

MAX_TABS = 60

# What has the focus, and whether it is drawn: an outline of 2 px or more, or a shadow. In the
# table of choices the focus is on a cell of the grid's hidden accessible table, and the grid
# draws the selected cell's ring on its canvas (a 2 px frame in the primary colour).
FOCUSED_JS = """() => {
  const e = document.activeElement;
  const style = getComputedStyle(e);
  const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadowed = style.boxShadow !== 'none' || e.id.startsWith('glide-cell-');
  const field = e.closest('[data-testid="stMultiSelect"]');
  return {
    tag: e.tagName,
    testid: e.getAttribute('data-testid') || '',
    text: (e.getAttribute('aria-label') || e.innerText || '').trim(),
    field: field ? field.querySelector('label').innerText.trim() : '',
    visible: outlined || shadowed,
  };
}"""


def focused(page: Page) -> dict:
    return page.evaluate(FOCUSED_JS)


def tab_to(page: Page, wanted, *, back: bool = False) -> dict:
    """Press Tab (Shift+Tab with `back`) until `wanted(focused)`; every stop on the way must
    show where the focus is."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        now = focused(page)
        assert now["visible"], f"the focus is not visible on {now}"
        if wanted(now):
            return now
    raise AssertionError(f"not reached with {MAX_TABS} presses of Tab; last: {focused(page)}")


def test_a_city_a_page_the_brief_table_and_the_word_brief_by_keyboard_alone(
    streamlit_server, page, tmp_path
):
    page.goto(f"{streamlit_server}/participants")
    wait_for_app(page)

    tab_to(page, lambda f: f["field"] == "City")
    page.keyboard.type("Bogot")
    before = runs_finished(page)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    wait_for_app(page, since=before)
    assert "city=bogota" in page.url
    assert page.get_by_text("5 named people match the current filters.").count() == 1

    tab_to(
        page, lambda f: f["testid"] == "stSidebarNavLink" and "Agenda brief" in f["text"], back=True
    )
    before = runs_finished(page)
    page.keyboard.press("Enter")
    wait_for_app(page, since=before, quiet_ms=1000)
    assert page.url.split("?")[0].endswith("/agenda-brief") and "city=bogota" in page.url

    # The table of choices: the grid takes the focus on its first cell; Down goes to the
    # second item, Space unticks it.
    tab_to(page, lambda f: f["testid"] == "data-grid-canvas")
    page.keyboard.press("ArrowDown")
    # the grid moves the focus to the cell it selects: glide-cell-<column>-<row>
    page.wait_for_function("() => document.activeElement.id.startsWith('glide-cell-0-')")
    row = page.evaluate("() => document.activeElement.id")
    item = page.locator(f"#glide-cell-2-{row.rsplit('-', 1)[1]}").inner_text().strip()
    brief = page.locator(".st-key-brief_document")
    left_out = f"Left out by the facilitator: {item} ("
    assert item and item in brief.inner_text() and left_out not in brief.inner_text()
    before = runs_finished(page)
    page.keyboard.press("Space")
    wait_for_app(page, since=before, quiet_ms=1000)
    # the preview now lists it as left out, and only there
    assert left_out in brief.inner_text() and brief.inner_text().count(item) == 1

    tab_to(page, lambda f: f["tag"] == "BUTTON" and "Brief (Word)" in f["text"])
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "Common objective" in text  # the first item, left ticked
    assert left_out in text and text.count(item) == 1  # the item unticked by keyboard
    assert "Bogotá" in text
    assert exception_texts(page) == []
