"""WCAG 2.1 A and AA by axe-core, in Chromium: every page a link can name, in every language,
at a desktop and a phone width, with the filters unset and set, on two meetings' data (so
*Across meetings* draws its charts), with problems in the CSVs (so *Data problems* lists
them), the Curate page for a signed-in curator, and a workshop: the facilitator's page with
voting open and a participant's Vote page before and after voting. No serious or critical
violation."""

from __future__ import annotations

import re

import pytest
from conftest import serve
from helpers import REPO_ROOT, axe_violations, wait_for_app
from playwright.sync_api import Page

from tests.conftest import add_second_meeting, copy_shipped_data
from twg_data import i18n, pages
from twg_data.i18n import _

SECRET = "an accessibility test passphrase"
FACILITATOR_SECRET = "an accessibility test facilitator passphrase"
WIDTHS = {
    "desktop": {"width": 1600, "height": 1000},
    "phone": {"width": 390, "height": 844},
}
FILTERS = "city=bogota"  # a filter set: Bogotá, the venue, on both meetings' pages
# Every page a link can name; the Search page with hits and facets as well as empty.
ADDRESSES = [spec.url for spec in pages.LINKED] + ["search?q=proximity"]
BROKEN_ROW = b"twg-2015-bogota,nobody,21,,,,,,stated,x\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory, browser):
    """Two meetings' data, a broken row in participants.csv, curator and workshop modes on."""
    root = tmp_path_factory.mktemp("a11y")
    data = add_second_meeting(copy_shipped_data(root / "data"))
    env = {
        "TWG_CURATOR_SECRET": SECRET,
        "TWG_FACILITATOR_SECRET": FACILITATOR_SECRET,
        "TWG_DATA_DIR": str(data.path),
        "TWG_DB_PATH": str(root / "twg.duckdb"),
        "TWG_WORKSHOP_DB": str(root / "workshop.sqlite3"),
    }
    with serve(REPO_ROOT / "app.py", env) as url:
        # The database is built from the sound data first and the broken row comes after:
        # every page has data to draw, and Data problems has a problem to list.
        first = browser.new_page()
        first.goto(url)
        wait_for_app(first)
        first.close()
        participants = data.file("participants.csv")
        participants.write_bytes(participants.read_bytes() + BROKEN_ROW)
        yield url


def scan(page: Page, url: str, where: str) -> list[str]:
    page.goto(url)
    wait_for_app(page)
    return axe_violations(page, where)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_page_has_no_serious_or_critical_violation(server, browser, language, width):
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    found = []
    try:
        for address in ADDRESSES:
            for query in ("", FILTERS):
                path, _sep, own = address.partition("?")
                params = "&".join(p for p in (own, f"lang={language}", query) if p)
                url = f"{server}/{path}?{params}"
                found += scan(page, url, f"/{address}?{query} [{language}, {width}]")
    finally:
        context.close()
    assert found == []


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_the_curate_page_of_a_signed_in_curator_has_no_serious_or_critical_violation(
    server, browser, language
):
    with i18n.use(language):
        secret_label, sign_in, curate = _("Curator secret"), _("Sign in as curator"), _("Curate")
    context = browser.new_context(viewport=WIDTHS["desktop"])
    page = context.new_page()
    found = []
    try:
        page.goto(f"{server}/?curator&lang={language}")
        wait_for_app(page)
        found += axe_violations(page, f"sign-in [{language}]")
        page.get_by_label(secret_label).fill(SECRET)
        page.get_by_test_id("stSidebar").get_by_role("button", name=sign_in).click()
        wait_for_app(page)
        page.get_by_test_id("stSidebarNav").get_by_role("link", name=curate).click()
        wait_for_app(page, quiet_ms=1000)
        assert page.url.split("?")[0].rstrip("/").endswith("/curate")
        for width, size in WIDTHS.items():
            page.set_viewport_size(size)
            wait_for_app(page, quiet_ms=500)
            found += axe_violations(page, f"/curate [{language}, {width}]")
    finally:
        context.close()
    assert found == []


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_a_workshop_has_no_serious_or_critical_violation(server, browser, language):
    with i18n.use(language):
        words = {
            text: _(text)
            for text in (
                "Facilitator secret",
                "Sign in as facilitator",
                "Workshop",
                "Workshop title",
                "Open the workshop",
                "Open voting",
            )
        }
    host = browser.new_context(viewport=WIDTHS["desktop"])
    phone = browser.new_context(viewport=WIDTHS["phone"])
    facilitator, guest = host.new_page(), phone.new_page()
    found = []
    try:
        facilitator.goto(f"{server}/?facilitator&lang={language}")
        wait_for_app(facilitator)
        found += axe_violations(facilitator, f"facilitator sign-in [{language}]")
        facilitator.get_by_label(words["Facilitator secret"]).fill(FACILITATOR_SECRET)
        facilitator.get_by_test_id("stSidebar").get_by_role(
            "button", name=words["Sign in as facilitator"]
        ).click()
        wait_for_app(facilitator)
        facilitator.get_by_test_id("stSidebarNav").get_by_role(
            "link", name=words["Workshop"]
        ).click()
        wait_for_app(facilitator)
        found += axe_violations(facilitator, f"/workshop, none open [{language}]")
        facilitator.get_by_label(words["Workshop title"]).fill(f"Room {language}")
        facilitator.get_by_role("button", name=words["Open the workshop"]).click()
        wait_for_app(facilitator)
        facilitator.get_by_role("button", name=words["Open voting"]).click()
        wait_for_app(facilitator)
        code = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}", facilitator.content())[0]
        for width, size in WIDTHS.items():
            facilitator.set_viewport_size(size)
            wait_for_app(facilitator, quiet_ms=600)  # the live results rerun every 0.5 s
            found += axe_violations(facilitator, f"/workshop, voting [{language}, {width}]")

        guest.goto(f"{server}/vote?code={code}&lang={language}")
        wait_for_app(guest, quiet_ms=600)
        for width, size in reversed(WIDTHS.items()):
            guest.set_viewport_size(size)
            wait_for_app(guest, quiet_ms=600)
            found += axe_violations(guest, f"/vote [{language}, {width}]")
    finally:
        host.close()
        phone.close()
    assert found == []
