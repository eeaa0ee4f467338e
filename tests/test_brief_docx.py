"""The agenda brief as a Word document: read back with python-docx, and converted to PDF by
LibreOffice (Debian's libreoffice-writer-nogui, which .ci/run installs) to prove that it opens
and lays out: A4 pages, page numbers, embedded fonts, every accent."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.report_facts import PRESENTERS
from twg_data import citation, cli, i18n, paths, queries
from twg_data.brief import content as brief_content
from twg_data.brief import items, word
from twg_data.brief.content import INTRO, PARTICIPATION_NOTE, PRESENTERS_NOTE, TARGETS_NOTE
from twg_data.brief.items import Selection
from twg_data.brief.markdown import brief_markdown
from twg_data.brief.pack import summary_pack
from twg_data.brief.word import brief_docx
from twg_data.build import build_database
from twg_data.filters import Filters

DATA = paths.PROJECT_ROOT / "data"
MEETING = "twg-2015-bogota"
SELECTION = Selection(
    excluded=("difference-4",), notes={"commonality-1": "Lead with this\nthen ask Quito"}
)


@pytest.fixture
def db(shipped_db: Path) -> Path:
    return shipped_db


@pytest.fixture
def docx_bytes(con) -> bytes:
    return brief_docx(con, Filters(), SELECTION)


def read(content: bytes):
    return Document(io.BytesIO(content))


def paragraphs(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_the_word_brief_is_byte_identical_for_the_same_inputs(con, docx_bytes):
    assert brief_docx(con, Filters(), SELECTION) == docx_bytes
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2015, 9, 21, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in archive.namelist()
    core = read(docx_bytes).core_properties
    assert core.created.date().isoformat() == core.modified.date().isoformat() == "2015-09-21"


def test_the_word_brief_uses_heading_styles_for_its_sections(docx_bytes):
    document = read(docx_bytes)
    level_1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert level_1 == [
        "The meeting",
        "Who took part",
        *(brief_content.SECTIONS[k] for k in ("key_point", "framing", "presenter", "targets")),
        brief_content.SECTIONS["made"],
        brief_content.SECTIONS["references"],
    ]
    level_3 = [p.text for p in document.paragraphs if p.style.name == "Heading 3"]
    assert "Relationships and proximity" in level_3
    assert "The role of violence and repression as part of the intervention" not in level_3
    assert document.paragraphs[0].style.name == "Title"


def test_the_word_brief_is_a4_with_page_numbers_and_one_font_for_every_script(docx_bytes):
    document = read(docx_bytes)
    section = document.sections[0]
    assert (round(section.page_width / Cm(1), 1), round(section.page_height / Cm(1), 1)) == (
        21.0,
        29.7,
    )
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Quote"):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {
            word.FONT
        }, name
        assert fonts.get(qn("w:asciiTheme")) is None, name


def test_each_passage_once_with_its_citation_and_the_facilitators_note(con, docx_bytes):
    document = read(docx_bytes)
    texts = paragraphs(document)
    report = citation.reports(queries.citation_facts(con, Filters()))["twg-2015-bogota"]
    points = items.selected_points(con, Filters(), SELECTION)
    for row in points[points.kind == "key_point"].itertuples():
        assert sum(row.source_passage in t for t in texts) == 1, row.id
        heading = texts.index(items.item_label(row))
        cite = next(t for t in texts[heading:] if t.startswith("Cite as: "))
        assert cite == f"Cite as: {report.cite(row.source_section)}"
    assert sum(t.startswith("Cite as: ") for t in texts) == 8 + 7 + 2
    assert "Facilitator's note: Lead with this\nthen ask Quito" in texts
    for name in PRESENTERS:
        assert any(t.startswith(f"{name}, ") for t in texts), name
    references = texts[texts.index("References") + 1 :]
    assert references[:2] == [
        report.cite(),
        citation.dataset(queries.citation_facts(con, Filters())),
    ]


def test_who_took_part_and_the_sdg_crosswalk_are_tables(con, docx_bytes):
    tables = read(docx_bytes).tables
    cells = [[[c.text for c in row.cells] for row in t.rows] for t in tables]
    facts, counts, crosswalk, targets = cells
    assert facts[0] == ["Measure", "Count"] and facts[1][0] == "Named people"
    assert facts[1][1].startswith("23 (20 on the list of participants, 7 kick-off presenters)")
    assert counts[0] == ["Grouped by", "Group", "People"]
    assert ["Country", "Colombia (COL)", "7"] in counts
    kept = items.selected_points(con, Filters(), SELECTION)
    expected = sum(len(str(t).split("; ")) for t in kept.sdg_targets.dropna())
    assert len(crosswalk) - 1 == expected == 13  # 15 mappings less difference-4's two
    assert [row[0] for row in targets[1:]] == ["11.3", "16.1", "16.7", "16.a", "17.17"]


def test_cli_writes_the_word_brief_for_a_docx_file_or_when_asked(con, db, tmp_path):
    by_suffix, by_flag = tmp_path / "brief.docx", tmp_path / "brief.bin"
    args = ["--exclude", "difference-4", "--note", "commonality-1=Lead with this\nthen ask Quito"]
    common = ["--data", str(DATA), "--db", str(db)]
    assert cli.main(["brief", *args, "-o", str(by_suffix), *common]) == 0
    assert cli.main(["brief", *args, "--format", "docx", "-o", str(by_flag), *common]) == 0
    expected = brief_docx(con, Filters(), SELECTION)
    assert by_suffix.read_bytes() == expected == by_flag.read_bytes()


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice is needed: apt-get install libreoffice-writer-nogui"
    return found


def test_libreoffice_opens_the_word_brief_and_converts_it_to_a_numbered_a4_pdf(
    docx_bytes, tmp_path
):
    source = tmp_path / "brief.docx"
    source.write_bytes(docx_bytes)
    # A profile of its own: concurrent LibreOffice runs would otherwise share and lock one.
    profile = (tmp_path / "profile").as_uri()
    command = [_soffice(), f"-env:UserInstallation={profile}", "--headless"]
    command += ["--convert-to", "pdf", "--outdir", str(tmp_path), str(source)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=240)
    pdf = tmp_path / "brief.pdf"
    assert done.returncode == 0 and pdf.is_file(), done.stderr
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )
    assert pages >= 3 and "(A4)" in info.stdout
    printed = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(printed.split())
    assert "Meeting 2 · Bogotá, Colombia · 2015-09-21" in flat
    assert f"Page 1 of {pages}" in flat and f"Page {pages} of {pages}" in flat
    assert "Cite as: Technical Working Group on the Confluence" in flat
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows)  # every font embedded
    assert any("LiberationSans" in row or "Arial" in row for row in rows)


@pytest.mark.parametrize("note", ["form\x0cfeed", "nul\x00byte", "lone\ud800surrogate", "bell\x07"])
def test_a_note_with_characters_no_file_can_hold_is_cleaned_in_every_format(con, note):
    selection = Selection(notes={"how": note})
    clean = note.translate({ord(c): None for c in "\x0c\x00\ud800\x07"})
    document = read(brief_docx(con, Filters(), selection))
    assert f"Facilitator's note: {clean}" in paragraphs(document)
    assert f"- **Note:** {clean}" in brief_markdown(con, Filters(), selection)
    brief_markdown(con, Filters(), selection).encode("utf-8")
    assert summary_pack(con, Filters(), selection)


def test_control_characters_in_the_data_never_reach_the_word_brief(tmp_path):
    # Validation refuses them (the build keeps the last good database), so only notes, which
    # are cleaned, can bring one to the writer.
    data = shutil.copytree(DATA, tmp_path / "data")
    path = data / "key_points.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Focus on causes,", "Focus on\x0b causes,"),
        encoding="utf-8",
    )
    problems = [str(p) for p in build_database(data, tmp_path / "twg.duckdb")]
    assert problems == [
        "key_points.csv:4: heading: contains the control character U+000B"
        " (a control character); remove it"
    ]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=st.text(max_size=30))
def test_any_note_gives_a_word_brief_that_reads_back(con, note):
    content = brief_docx(con, Filters(), Selection(notes={"commonality-2": note}))
    texts = paragraphs(read(content))
    cleaned = Selection(notes={"commonality-2": note}).note(MEETING, "commonality-2")
    if cleaned:
        assert any(t.startswith("Facilitator's note: ") for t in texts)


def test_the_spanish_word_brief_has_every_paragraph_of_the_markdown_brief_in_spanish(con):
    """The intro and the notes under Who took part, the presenters and the SDG targets were
    once written in English into a Spanish Word brief."""
    with i18n.use("es"):
        document = paragraphs(read(brief_docx(con, Filters(), SELECTION)))
        markdown = brief_markdown(con, Filters(), SELECTION)
    for note in (INTRO, PARTICIPATION_NOTE, PRESENTERS_NOTE, TARGETS_NOTE):
        with i18n.use("es"):
            spanish = i18n._(note)
        assert spanish != note
        assert spanish in document and spanish in markdown
        assert note not in document
