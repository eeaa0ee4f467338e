"""The recipe "Add a brief format" (docs/architecture.md), followed for real: a plain-text
writer that imports only `brief.content`, one `Format` in `FORMATS`, and the command line, the
Agenda brief page and its download then offer it without another change."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app_support import MediaFiles
from twg_data import cli, paths
from twg_data.brief import formats
from twg_data.brief.content import brief_content
from twg_data.brief.items import Selection
from twg_data.filters import Filters
from twg_data.i18n import N_

ROOT = Path(__file__).resolve().parents[2]
WRITERS = ("markdown", "word", "rows")


def brief_txt(con, filters: Filters, selection: Selection) -> bytes:
    """Step 1: the writer lays out `content.brief_content` (one line per meeting heading)."""
    content = brief_content(con, filters, selection)
    return "".join(f"{m.heading}\n" for m in content.meetings).encode("utf-8")


PLAIN = formats.Format(
    "txt", N_("Brief (plain text)"), "brief.txt", "text/plain", brief_txt, ":material/notes:",
    "brief_txt",
)  # fmt: skip


@pytest.fixture
def with_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Step 2: one `Format` added to `FORMATS`."""
    monkeypatch.setattr(formats, "FORMATS", {**formats.FORMATS, "txt": PLAIN})


def test_the_command_line_writes_a_new_format(with_plain_text, tmp_path):
    out = tmp_path / "brief.txt"
    data, db = paths.data_dir(), tmp_path / "twg.duckdb"
    args = ["brief", "--format", "txt", "--city", "bogota", "-o", str(out)]
    assert cli.main([*args, "--data", str(data), "--db", str(db)]) == 0
    assert out.read_text(encoding="utf-8") == "Meeting 2 · Bogotá, Colombia · 2015-09-21\n"


def test_the_page_offers_a_new_format_and_its_download_holds_the_writers_bytes(
    with_plain_text, app_db: Path, media: MediaFiles
):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("pages/agenda_brief_page.py").run()
    assert not at.exception
    button = at.get("download_button")[-1]
    assert button.label == "Brief (plain text)"
    assert button.proto.help == ""  # no help text given
    assert media.data(button) == "Meeting 2 · Bogotá, Colombia · 2015-09-21\n".encode()


def test_writers_import_the_content_and_never_each_other():
    for name in (*WRITERS, "content", "items"):
        tree = ast.parse((ROOT / "twg_data" / "brief" / f"{name}.py").read_text())
        imported = {
            alias.name if isinstance(node, ast.Import) else f"{node.module}.{alias.name}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        others = {f"twg_data.brief.{w}" for w in WRITERS if w != name}
        assert not {i for i in imported if i.startswith(tuple(others))}, name
        if name in ("content", "items"):  # below every writer
            assert not any(
                i.startswith("twg_data.brief.") and i.split(".")[2] in WRITERS for i in imported
            ), name


def test_every_format_the_page_offers_the_command_line_writes(tmp_path):
    assert set(formats.brief_formats()) | {"zip"} == set(formats.FORMATS)
    assert formats.DEFAULT in formats.brief_formats()
