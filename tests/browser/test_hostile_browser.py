"""Hostile text in Chromium: the data (`tests/hostile.py`) on every page of the registry, the
brief's preview and print view, hostile link parameters and their warnings, and an uploaded
file's name on the Curate page. From the DOM: no element came from the hostile text (no
injected image, link, script, icon, formula, coloured span, emoji, heading, emphasis, code,
list, quote, table or tooltip) and the text is shown as written."""

from __future__ import annotations

import pytest
from conftest import serve
from helpers import REPO_ROOT, exception_texts, screenshot, wait_for_app
from playwright.sync_api import Page, expect

from tests.hostile import SHOWN_ON, as_read, hostile_data
from twg_data import pages
from twg_data.filters import shorten

SECRET = "a long test passphrase"
REPORT = REPO_ROOT / "data" / "reports" / "twg-2015-bogota.txt"

# What the hostile text would have made, found in the DOM (each a count, all must be 0). A
# heading's own anchor (`#meeting-2-...-evil-example-...`) is Streamlit's, not the data's.
INJECTED_JS = """
() => {
  const all = (selector) => [...document.querySelectorAll(selector)];
  const has = (selector, pattern) => all(selector).filter((e) => pattern.test(e.textContent));
  const markdown = '[data-testid="stMarkdownContainer"] ';
  const text = document.body.innerText;
  return {
    image: all("img").filter((e) =>
      /evil|^x$/.test(e.getAttribute("src") || "") || e.alt === "Streamlit logo").length,
    link: all("a[href]").filter((e) => /^[^#].*evil/.test(e.getAttribute("href"))).length,
    script: has("script", /pwned/).length,
    title_changed: document.title === "pwned" ? 1 : 0,
    markdown_icon: all(markdown + 'span[role="img"]').length,
    material_icon: has('[data-testid="stIconMaterial"]', /skull/).length,
    formula: all(".katex, .katex-display").length,
    coloured: all(".stMarkdownColoredText, .stMarkdownColoredBackground, .stMarkdownBadge").length,
    emoji: (text.match(/\\u{1F604}|\\u{1F44D}|\\u{1F4AF}/gu) || []).length,
    arrow: (text.match(/[\\u2192\\u2190\\u2194\\u2265\\u2264\\u2248]/g) || []).length,
    heading: all("h1, h2, h3, h4, h5, h6").filter(
      (e) => /^\\s*hostile heading/.test(e.textContent)).length,
    emphasis: has(markdown + "strong, " + markdown + "b, " + markdown + "em",
      /^\\s*hostile (bold|strong|em|under|html)/).length,
    code: has(markdown + "code", /hostile code/).length,
    strike: has("del, s", /hostile strike/).length,
    table: has(markdown + "table", /hostile/).length,
    quote: has("blockquote", /^\\s*hostile quote/).length,
    list_item: has(markdown + "li", /^\\s*hostile (item|number)/).length,
    tooltip: all(markdown + '[data-testid="stTooltipHoverTarget"]').length,
    small: has(markdown + 'span[style*="font-size"]', /^\\s*hostile small/).length,
  };
}
"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile-browser") / "data"
    texts = hostile_data(data)
    env = {
        "TWG_CURATOR_SECRET": SECRET,
        "TWG_DATA_DIR": str(data),
        "TWG_DB_PATH": str(data.parent / "twg.duckdb"),
    }
    with serve(REPO_ROOT / "app.py", env) as url:
        yield url, texts


def injected(page: Page) -> dict[str, int]:
    return {what: n for what, n in page.evaluate(INJECTED_JS).items() if n}


def shown_text(page: Page) -> str:
    """Everything the app shows, expanders opened, as a reader reads it."""
    for summary in page.locator('[data-testid="stExpander"] summary').all():
        if summary.is_visible():
            summary.click()
    page.wait_for_timeout(300)
    return as_read(page.locator('[data-testid="stApp"]').evaluate("e => e.textContent"))


def visit(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    assert exception_texts(page) == []


@pytest.mark.parametrize("spec", pages.shown_pages(2), ids=lambda spec: spec.name)
def test_every_page_shows_hostile_data_as_written_and_nothing_of_it_comes_alive(
    hostile_server, page, spec
):
    url, texts = hostile_server
    visit(page, url)  # a fresh server's first deep link goes astray (README)
    query, shown = SHOWN_ON.get(spec.name, ({}, ()))
    visit(page, f"{url}/{spec.url}?" + "&".join(f"{k}={v}" for k, v in query.items()))
    assert injected(page) == {}
    seen = shown_text(page)
    assert [field for field in shown if as_read(texts[field]) not in seen] == []
    screenshot(page, f"hostile-{spec.name}")


def test_the_brief_preview_and_print_view_show_hostile_data_as_written(hostile_server, page):
    url, texts = hostile_server
    visit(page, url)
    visit(page, f"{url}/agenda-brief?shown_meeting=twg-2015-bogota")
    page.get_by_text("Print view", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    assert injected(page) == {}
    seen = shown_text(page)
    assert [f for f in SHOWN_ON["agenda_brief"][1] if as_read(texts[f]) not in seen] == []
    screenshot(page, "hostile-brief-print-view")


LINK_VALUES = {
    "role": ":material/warning:",
    "city": "**x** [l](https://evil.example) $x^2$ :red[r] :smile:",
    "organization": "<img src=x onerror=alert(1)>",
    "shown_meeting": "# hostile heading",
    "lang": ":streamlit: -> ![i](https://evil.example/i.png)",
    ":material/skull: `hostile code`": "1",  # no filter: its name is quoted
}


def test_hostile_link_parameters_are_quoted_as_written_in_their_warnings(hostile_server, page):
    url, _texts = hostile_server
    visit(page, url)
    from urllib.parse import urlencode

    visit(page, f"{url}/sessions?{urlencode(LINK_VALUES)}")
    assert page.locator('[data-testid="stAlert"]').filter(has_text="Ignored").count() == 6
    assert injected(page) == {}
    seen = shown_text(page)
    for name, value in LINK_VALUES.items():
        quoted = as_read(repr(shorten(value if name.isidentifier() else name)))
        assert quoted in seen, (name, quoted)
    assert "lang=" not in page.url


def sign_in(page: Page) -> None:
    page.get_by_label("Curator secret").fill(SECRET)
    page.get_by_test_id("stSidebar").get_by_role("button", name="Sign in as curator").click()
    wait_for_app(page)


# A file name made of the corpus's inline constructs (no `/`, which no file name holds).
UPLOAD_NAME = (
    "**hostile bold** [hostile link](https:\u2215\u2215evil.example) :material_skull: "
    ":red[hostile red] :smile: $x^2$ `hostile code` :streamlit: a -> b.txt"
)


def test_an_uploaded_files_name_is_shown_as_written_in_the_draft_and_in_errors(
    hostile_server, page
):
    url, _texts = hostile_server
    visit(page, f"{url}/?curator")
    sign_in(page)
    page.get_by_role("link", name="Curate").click()
    wait_for_app(page)
    uploader = page.locator("input[type=file]")
    uploader.set_input_files({"name": UPLOAD_NAME, "mimeType": "text/plain", "buffer": b""})
    page.get_by_label("Meeting id").fill("twg-2015-hostile")
    page.get_by_role("button", name="Draft the meeting").click()
    wait_for_app(page)
    error = page.locator('[data-testid="stAlert"]').filter(has_text="the file is empty")
    expect(error).to_have_count(1)
    assert injected(page) == {}
    assert as_read(UPLOAD_NAME) in shown_text(page)

    uploader.set_input_files(
        {"name": UPLOAD_NAME, "mimeType": "text/plain", "buffer": REPORT.read_bytes()}
    )
    page.get_by_role("button", name="Draft the meeting").click()
    wait_for_app(page)
    page.get_by_text("Draft of twg-2015-hostile").wait_for()
    assert injected(page) == {}
    assert as_read(UPLOAD_NAME) in shown_text(page)
    screenshot(page, "hostile-curate-upload-name")
