"""`python -m twg_data brief --workshop CODE` (and `pack`) adds the workshop's results to the
brief, even after its code expired for joining; an unknown code is a clear error."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from twg_data import cli
from twg_data.workshop import store as ws


@pytest.fixture
def workshop_code(twg_env, tmp_path, monkeypatch) -> str:
    monkeypatch.setenv(ws.ENV, str(tmp_path / "workshop.sqlite3"))
    store = ws.open_store()
    refs = ["twg-2015-bogota/commonality-1", "twg-2015-bogota/commonality-2"]
    long_ago = datetime.now(UTC) - timedelta(days=30)
    workshop = store.create(
        meeting_id="twg-2015-bogota",
        title="Room C",
        method="dots",
        dots=5,
        refs=refs,
        now=long_ago,
    )
    store.open_voting(workshop.id)
    store.submit(workshop.id, store.join(workshop.id), {refs[1]: 4})
    store.close_voting(workshop.id)
    store.close()
    return workshop.code


def test_the_brief_carries_the_workshops_results_by_its_code(workshop_code, tmp_path):
    out = tmp_path / "brief.md"
    assert cli.main(["brief", "--workshop", workshop_code.lower(), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "## Workshop priorities" in text
    assert "1. Relationships and proximity: 4 dots from 1 participant" in text


def test_an_unknown_code_is_an_error_message_not_a_traceback(workshop_code, tmp_path, capsys):
    assert cli.main(["brief", "--workshop", "ZZZZ-ZZZZ", "-o", str(tmp_path / "b.md")]) != 0
    assert "no workshop has the code 'ZZZZ-ZZZZ'" in capsys.readouterr().err
