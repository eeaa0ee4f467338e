"""Every address a link can name has its file in `pages/`, which runs `app.py` (see
`ui.navigation.first_run_at`): without it, a server's first visit to the address answers
"Page not found" (tests/browser/test_browser_links.py shows it in a browser)."""

from __future__ import annotations

from pathlib import Path

from twg_data.pages import CURATE, LINKED, VOTE, WORKSHOP, addresses

PAGES_DIR = Path(__file__).resolve().parents[1] / "pages"


def test_every_address_but_the_root_has_its_file_and_it_runs_app_py():
    assert set(addresses()) == {s.url_path for s in (*LINKED, CURATE, WORKSHOP, VOTE)} - {
        "overview"
    }
    for address in addresses():
        text = (PAGES_DIR / f"{address}.py").read_text(encoding="utf-8")
        assert f'first_run_at("{address}")' in text, address


def test_no_other_file_in_pages_is_named_after_an_address():
    stems = {p.stem for p in PAGES_DIR.glob("*.py")}
    pages = {p.stem for p in PAGES_DIR.glob("*_page.py")}
    assert stems - pages == set(addresses())
