"""The Data page's "Cite as" block: the data set and report citations built from the data,
and the terms of reuse."""

from __future__ import annotations

from tests.app_support import open_app
from tests.test_citation import BOGOTA_REPORT
from twg_data import i18n
from twg_data.schema import TABLES


def test_the_data_page_shows_the_cite_as_lines_and_the_terms():
    at = open_app("data")
    assert not at.exception
    assert "Cite as" in [s.value for s in at.subheader]
    codes = [c.value for c in at.code]
    assert BOGOTA_REPORT in codes
    assert any(c.startswith("The TWG dashboard contributors (2015). TWG dashboard") for c in codes)
    assert any("copyright stays with their authors" in c.value for c in at.caption)


def test_the_data_page_in_french_describes_the_tables_in_french():
    at = open_app("data", lang="fr")
    assert not at.exception
    with i18n.use("fr"):
        described = [f"{t.name} — {t.described()}" for t in TABLES]
    assert described[0].startswith("sources — Passages textuels des rapports")
    assert at.selectbox(key="data_table").options == described
    assert "Dictionnaire des données" in [t.label for t in at.tabs]
