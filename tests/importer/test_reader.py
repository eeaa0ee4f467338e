"""Reading reports: each format into blocks, and every kind of bad input refused with a
message that names the file (never a traceback)."""

from __future__ import annotations

import io
import zipfile

import pypdf
import pytest

from benchmarks.import_bench import files
from tests.conftest import SHIPPED_DATA
from tests.importer import report_files
from twg_data.importer import draft_report
from twg_data.importer.reader import MAX_BYTES, ReportError, read_report, text_blocks


def kinds(blocks):
    return [(b.kind, b.text) for b in blocks]


def test_markdown_headings_items_and_a_table():
    blocks = text_blocks(
        "# Title\n\n## Background\n\nOne sentence. Two.\n\n- an item\n- another\n  wrapped\n\n"
        "| Name | City |\n|---|---|\n| Ana | Quito |\n"
    )
    assert kinds(blocks) == [
        ("heading", "Title"),
        ("heading", "Background"),
        ("paragraph", "One sentence. Two."),
        ("item", "an item"),
        ("item", "another wrapped"),
        ("row", "Name | City"),  # the header: a passage of its own
        ("row", "Ana | Quito"),
    ]
    assert [b.level for b in blocks[:2]] == [1, 2]
    assert blocks[-1].cells == {"Name": "Ana", "City": "Quito"}


def test_numbered_bold_and_plain_headings_and_a_numbered_list():
    blocks = text_blocks(
        "3. Recommendations\n\n**Key messages**\n\nList of participants\n\n"
        "1. Ana, Officer\n2. Luis, Mayor\n"
    )
    assert kinds(blocks) == [
        ("heading", "3. Recommendations"),
        ("heading", "Key messages"),
        ("heading", "List of participants"),
        ("item", "Ana, Officer"),
        ("item", "Luis, Mayor"),
    ]
    assert [b.number for b in blocks[3:]] == [1, 2]


def test_a_sentence_broken_across_a_blank_line_is_joined():
    # As in the Bogotá report: '... in different' / 'settings (e.g. conflict ...'.
    blocks = text_blocks("It looks at approaches in different\n\nsettings (e.g. conflict).\n")
    assert kinds(blocks) == [
        ("paragraph", "It looks at approaches in different settings (e.g. conflict).")
    ]


def test_word_heading_styles_lists_and_tables():
    data = report_files.word_report(
        [
            ("Title", "Report on the fifth meeting"),
            ("Heading 1", "Opportunities"),
            ("List Bullet", "Joint work: Cities and peacebuilders plan together."),
            ("bold", "Participants"),
            (
                "table",
                [["Name", "Organization"], ["Achim Wennmann", "Geneva Peacebuilding Platform"]],
            ),
        ]
    )
    document = read_report("fifth.docx", data)
    assert kinds(document.blocks) == [
        ("heading", "Report on the fifth meeting"),
        ("heading", "Opportunities"),
        ("item", "Joint work: Cities and peacebuilders plan together."),
        ("heading", "Participants"),
        ("row", "Name | Organization"),
        ("row", "Achim Wennmann | Geneva Peacebuilding Platform"),
    ]
    assert [b.level for b in document.blocks[:2]] == [1, 2]
    assert "# Report on the fifth meeting" in document.text  # the text stored beside the data


def test_a_text_pdf_keeps_its_paragraph_gaps():
    data = report_files.text_pdf(
        [
            [
                "Background",
                "",
                "The group met in Geneva and",
                "talked.",
                "",
                "Participants",
                "",
                "1. Ana, Officer",
                "2. Luis, Mayor",
            ]
        ]
    )
    document = read_report("fourth.pdf", data)
    assert kinds(document.blocks) == [
        ("heading", "Background"),
        ("paragraph", "The group met in Geneva and talked."),
        ("heading", "Participants"),
        ("item", "Ana, Officer"),
        ("item", "Luis, Mayor"),
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty.txt: the file is empty"),
        ("blank.md", b"  \n\n \n", "blank.md: the file is empty"),
        (
            "binary.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "binary.txt: this is not a text file",
        ),
        (
            "latin1.txt",
            "Title\n\nBogot\u00e1".encode("latin-1"),
            "latin1.txt:3: not UTF-8 text (byte 0xe1)",
        ),
        ("report.rtf", b"{\\rtf1 hello}", "report.rtf: not a report format this reads"),
        ("fake.docx", b"this is plain text, not a Word file", "fake.docx: not a Word document"),
        ("fake.pdf", b"%PDF-1.4 broken", "fake.pdf: not a readable PDF"),
    ],
)
def test_unreadable_files_get_a_message_naming_the_file(name, data, message):
    with pytest.raises(ReportError) as error:
        read_report(name, data)
    assert str(error.value).startswith(message)


def test_an_image_only_pdf_is_refused_with_what_to_do():
    with pytest.raises(
        ReportError,
        match=r"scan.pdf: the PDF holds no text \(2 page\(s\) of images only\); run it through",
    ):
        read_report("scan.pdf", report_files.image_only_pdf())


def test_an_encrypted_pdf_is_refused():
    with pytest.raises(ReportError, match="locked.pdf: the PDF is encrypted"):
        read_report("locked.pdf", report_files.encrypted_pdf())


def test_a_zip_bomb_docx_is_refused_before_unpacking():
    data = report_files.zip_bomb_docx(40)
    assert len(data) < 200_000
    with pytest.raises(
        ReportError, match=r"bomb.docx: refused: it would unpack to 40 MB \(\d+ times its size\)"
    ):
        read_report("bomb.docx", data)


def test_a_docx_zip_without_a_document_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "not word")
    with pytest.raises(
        ReportError, match="other.docx: not a Word document .* no word/document.xml"
    ):
        read_report("other.docx", out.getvalue())


def test_a_50_mb_upload_is_refused_unread():
    data = b"a" * (50 * 1024 * 1024)
    assert len(data) > MAX_BYTES
    with pytest.raises(ReportError, match="huge.txt: 50 MB is larger than the 20 MB limit"):
        read_report("huge.txt", data)


def test_the_benchmark_report_is_30_pages_in_every_format():
    made = files(30)
    assert len(pypdf.PdfReader(io.BytesIO(made["report.pdf"])).pages) == 30
    counts = {
        name: len(draft_report(name, content, "bench", SHIPPED_DATA).rows["participants"])
        for name, content in made.items()
    }
    assert len(set(counts.values())) == 1 and counts["report.pdf"] > 300, counts
