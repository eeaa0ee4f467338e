"""The Curate page's review in Chromium: a curator uploads a report written here, tags a
passage as a key point and another as a speaker, takes a sentence's suggestion in one click,
edits a key point to words its passage lacks (Apply refuses it and shows the problem),
untags and tags again, and applies: the rows are in the CSVs. A line of a megabyte without a
space gets a message; a list of 10,000 participants is imported while the page answers
clicks, paged, and kept on the server across a reload."""

from __future__ import annotations

import re
import shutil
import time

import pytest
from conftest import serve
from helpers import REPO_ROOT, exception_texts, runs_finished, screenshot, wait_for_app
from playwright.sync_api import Page, expect

from tests.curate_support import (
    HINTED,
    KEY_POINT,
    MEETING,
    SPEAKER,
    long_line_report,
    participants_report,
    tagging_report,
)
from twg_data.curating import workfolder
from twg_data.importer import draft_report
from twg_data.importer.folder import read_tables

SECRET = "a long test passphrase"
MANY = 10_000


@pytest.fixture(scope="module")
def data_and_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("curate-tagging") / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    env = {
        "TWG_CURATOR_SECRET": SECRET,
        "TWG_DATA_DIR": str(data),
        "TWG_DB_PATH": str(data.parent / "twg.duckdb"),
    }
    with serve(REPO_ROOT / "app.py", env) as url:
        yield data, url


def sign_in_to_curate(page: Page, url: str) -> None:
    page.goto(f"{url}/?curator")
    wait_for_app(page)
    page.get_by_label("Curator secret").fill(SECRET)
    page.locator('[data-testid="stSidebar"]').get_by_role(
        "button", name="Sign in as curator"
    ).click()
    wait_for_app(page)
    page.get_by_role("link", name="Curate").click()
    wait_for_app(page)


def upload(page: Page, path, meeting_id: str) -> None:
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_label("Meeting id").fill(meeting_id)
    page.get_by_role("button", name="Draft the meeting").click()


def keyed(page: Page, key: str):
    """The element drawn for the widget of this key (Streamlit marks it `st-key-<key>`)."""
    return page.locator(f".st-key-{re.sub(r'[^A-Za-z0-9_-]', '-', key)}")


def click(page: Page, locator) -> None:
    before = runs_finished(page)
    locator.click()
    wait_for_app(page, since=before)


def choose(page: Page, key: str, value: str) -> None:
    """Pick `value` in the selectbox of this key."""
    box = keyed(page, key).get_by_role("combobox")
    box.click()
    box.fill(value)
    before = runs_finished(page)
    page.get_by_role("option", name=value, exact=True).click()
    wait_for_app(page, since=before, quiet_ms=1_000)  # a value already chosen: no rerun


def expect_counts(page: Page, text: str) -> None:
    """The draft's counts line says `text` (a tag reruns the form, then the page)."""
    expect(page.get_by_text(re.compile(r"^Draft of "))).to_contain_text(text)


def edit_cell(page: Page, table: str, row: int, column: int, text: str) -> None:
    """Type `text` over a cell of the table's editor (its tab, then the keyboard)."""
    page.get_by_role("tab", name=table).click()
    grid = page.get_by_role("tabpanel").filter(visible=True).locator('[data-testid="stDataFrame"]')
    expect(grid).to_be_visible()
    page.wait_for_timeout(300)  # the grid lays out its canvas
    grid.click(position={"x": 40, "y": 52})  # the first row's first cell
    for _ in range(row):
        page.keyboard.press("ArrowDown")
    for _ in range(column):
        page.keyboard.press("ArrowRight")
    before = runs_finished(page)
    page.keyboard.type(text[0])  # a letter opens the cell's editor, holding that letter
    page.wait_for_timeout(300)
    page.keyboard.type(text[1:], delay=10)
    page.wait_for_timeout(200)
    page.keyboard.press("Enter")
    wait_for_app(page, since=before)


def saved_text(data, source_id: str, ending: str, seconds: float = 20) -> None:
    """Wait until the draft saved on the server has a key point of that passage whose text
    ends so (the server's drafts are beside its database file: `paths.curate_dir`)."""
    deadline = time.monotonic() + seconds
    while True:
        texts = [
            row["text"]
            for work in workfolder.listing(data.parent / "twg-curate")
            if work.draft_stamp()
            for row in work.load().rows.get("key_points", [])
            if row["source_id"] == source_id
        ]
        if any(text.endswith(ending) for text in texts):
            return
        assert time.monotonic() < deadline, f"the edit was not saved: {texts}"
        time.sleep(0.2)


def test_tag_edit_untag_and_apply(data_and_server, page, tmp_path):
    data, url = data_and_server
    report = tmp_path / "bogota.txt"
    report.write_bytes(tagging_report())
    ids = {
        p.text: p.source_id
        for p in draft_report(report.name, report.read_bytes(), MEETING, data).passages
    }
    sign_in_to_curate(page, url)
    upload(page, report, MEETING)
    page.get_by_text(f"Draft of {MEETING}").wait_for(timeout=60_000)
    wait_for_app(page)
    expect_counts(page, "9 key_points")

    # A key point: the Tag form, its category, Tag.
    key_point = ids[KEY_POINT]
    click(page, keyed(page, f"tag_{key_point}").get_by_role("button"))
    choose(page, f"tag_category_{key_point}", "recommendation")
    click(page, keyed(page, f"tag_apply_{key_point}").get_by_role("button"))
    expect(page.get_by_text("Tagged as key point (category recommendation)")).to_be_visible()
    expect_counts(page, "10 key_points")

    # A speaker: the kind, the role, the session.
    speaker = ids[SPEAKER]
    click(page, keyed(page, f"tag_{speaker}").get_by_role("button"))
    click(page, keyed(page, f"tag_kind_{speaker}").get_by_role("radio", name="speaker"))
    choose(page, f"tag_role_{speaker}", "moderator")
    choose(page, f"tag_session_{speaker}", "Exchange of promising practices")
    click(page, keyed(page, f"tag_apply_{speaker}").get_by_role("button"))
    expect_counts(page, "8 speakers")

    # A sentence's suggestion, in one click.
    click(page, keyed(page, f"hint_{ids[HINTED]}_0").get_by_role("button"))
    expect_counts(page, "11 key_points")

    # The tagged key point (the tenth row) edited to words its passage lacks: Apply refuses
    # the draft and says why.
    edit_cell(page, "key_points", row=9, column=5, text="Words the report never wrote.")
    saved_text(data, key_point, "report never wrote.")  # the edit reached the draft on disk
    wait_for_app(page, quiet_ms=1_000)
    click(page, page.get_by_role("button", name="Apply to the data"))
    # One problem, the edited row's (the table of problems is a canvas; AppTest reads it).
    expect(
        page.get_by_text("the draft has 1 problem(s); fix them in the draft first")
    ).to_be_visible()
    screenshot(page, "curate-apply-refused", full_page=False)

    # Untagging takes the key point back, edited row and all; tagged again, it is as written.
    click(page, keyed(page, f"untag_{key_point}").get_by_role("button"))
    expect_counts(page, "10 key_points")
    click(page, keyed(page, f"tag_{key_point}").get_by_role("button"))
    choose(page, f"tag_category_{key_point}", "recommendation")
    click(page, keyed(page, f"tag_apply_{key_point}").get_by_role("button"))
    expect_counts(page, "11 key_points")
    click(page, page.get_by_role("button", name="Apply to the data"))
    expect(page.get_by_text(f"Applied {MEETING}:")).to_be_visible()
    tables = read_tables(data)
    texts = {(r["meeting_id"], r["text"]) for r in tables["key_points"]}
    assert {(MEETING, KEY_POINT), (MEETING, HINTED)} <= texts
    assert any(
        (r["meeting_id"], r["person_id"], r["role"]) == (MEETING, "achim-wennmann", "moderator")
        for r in tables["speakers"]
    )
    assert exception_texts(page) == []
    assert page.console_errors == []


def test_a_line_without_spaces_gets_a_message(data_and_server, page, tmp_path):
    _data, url = data_and_server
    report = tmp_path / "long.txt"
    report.write_bytes(long_line_report())
    sign_in_to_curate(page, url)
    upload(page, report, "twg-2016-kampala")
    expect(page.get_by_text(re.compile("without a space"))).to_be_visible(timeout=60_000)
    wait_for_app(page)
    started = time.monotonic()
    click(page, page.get_by_role("link", name="Overview"))
    assert time.monotonic() - started < 2
    assert exception_texts(page) == []


def test_ten_thousand_participants_import_while_the_page_answers(data_and_server, page, tmp_path):
    _data, url = data_and_server
    report = tmp_path / "many.txt"
    report.write_bytes(participants_report(MANY))
    sign_in_to_curate(page, url)
    started = time.monotonic()
    upload(page, report, "twg-2019-nairobi")
    expect(page.get_by_text(re.compile("Importing"))).to_be_visible()
    # While it runs: a filter chosen in the sidebar is answered (the address follows it).
    answers = []
    for city in ("Bogotá (COL)", "Palermo (ITA)"):
        combo = page.get_by_role("combobox", name="City", exact=True)
        combo.click()
        combo.fill(city)
        option = page.get_by_role("option", name=city, exact=True)
        clicked = time.monotonic()
        option.click()
        page.wait_for_url(re.compile(r"city="), timeout=10_000)
        answers.append(time.monotonic() - clicked)
        combo.press("Escape")
        if page.get_by_text("Draft of twg-2019-nairobi").count():
            break
    assert max(answers) < 2, answers
    page.get_by_text("Draft of twg-2019-nairobi").wait_for(timeout=60_000)
    imported = time.monotonic() - started
    wait_for_app(page)
    print(f"10,000 participants: draft shown {imported:.1f} s after the upload; answers {answers}")
    page.get_by_role("tab", name="participants").click()
    shown = page.get_by_role("tabpanel").filter(visible=True)
    expect(shown.get_by_text("1–100 of 10,000 (100 pages)")).to_be_visible()
    screenshot(page, "curate-10000", full_page=False)

    # A reload starts a new session: signed in again, the draft is on the server to open.
    page.reload()
    wait_for_app(page)
    page.locator('[data-testid="stMain"]').get_by_role("button", name="Sign in as curator").click()
    wait_for_app(page)
    page.get_by_label("Curator secret").fill(SECRET)
    page.locator('[data-testid="stSidebar"]').get_by_role(
        "button", name="Sign in as curator"
    ).click()
    wait_for_app(page)
    expect(page.get_by_text("Drafts on the server")).to_be_visible()
    click(page, page.locator("[class*='st-key-open_'] button").first)
    expect(page.get_by_text("Draft of twg-2019-nairobi")).to_be_visible()
    assert exception_texts(page) == []
