"""A workshop in Chromium, with two browser contexts: a facilitator signs in with
`?facilitator`, opens a workshop on the meeting's key points and opens voting; a participant
(another context: another phone) opens the join link, sends a vote in Spanish; the
facilitator's live results show it without a reload, within the fragment's refresh."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import RUN_COUNTER_JS, serve
from helpers import REPO_ROOT, exception_texts, screenshot, wait_for_app
from playwright.sync_api import expect

SECRET = "a facilitator's long passphrase"


@pytest.fixture(scope="module")
def workshop_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("workshop")
    data = folder / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    env = {
        "TWG_FACILITATOR_SECRET": SECRET,
        "TWG_DATA_DIR": str(data),
        "TWG_DB_PATH": str(folder / "twg.duckdb"),
        "TWG_WORKSHOP_DB": str(folder / "workshop.sqlite3"),
    }
    with serve(REPO_ROOT / "app.py", env) as url:
        yield url


def test_a_participants_vote_reaches_the_facilitators_screen_live(workshop_server, page, browser):
    page.goto(f"{workshop_server}/?facilitator")
    wait_for_app(page)
    page.get_by_label("Facilitator secret").fill(SECRET)
    page.locator('[data-testid="stSidebar"]').get_by_role(
        "button", name="Sign in as facilitator"
    ).click()
    wait_for_app(page)
    page.get_by_role("link", name="Workshop").click()
    wait_for_app(page)
    page.get_by_label("Workshop title").fill("Room A")
    page.get_by_role("button", name="Open the workshop").click()
    wait_for_app(page)
    code_text = page.get_by_text(re.compile(r"Join code: [A-Z0-9]{4}-[A-Z0-9]{4}")).inner_text()
    code = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code_text)[0]
    qr_code = page.get_by_role("img", name=f"vote?code={code} (code {code})")
    expect(qr_code).to_be_visible()  # with its address and code in words
    page.get_by_role("button", name="Open voting").click()
    wait_for_app(page)
    expect(page.get_by_text("Participants who voted")).to_be_visible()

    phone = browser.new_context(viewport={"width": 390, "height": 844})
    phone.add_init_script(RUN_COUNTER_JS)
    guest = phone.new_page()
    guest.goto(f"{workshop_server}/vote?code={code}&lang=es")
    wait_for_app(guest)
    expect(guest.get_by_text("Room A")).to_be_visible()
    first = guest.get_by_label(re.compile("^Su voto para")).first
    first.fill("3")
    first.press("Tab")
    guest.get_by_role("button", name="Enviar mi voto").click()
    wait_for_app(guest)
    expect(guest.get_by_text("Su voto está registrado")).to_be_visible()
    screenshot(guest, "workshop-vote-es")
    assert exception_texts(guest) == []

    # No reload, no click: the live results (a fragment run every second) show the vote.
    metric = page.locator('[data-testid="stMetricValue"]').first
    expect(metric).to_have_text("1", timeout=5_000)
    screenshot(page, "workshop-facilitator")
    assert exception_texts(page) == []
    phone.close()
