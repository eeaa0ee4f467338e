"""Report files made for the import tests: text PDFs, image-only and encrypted PDFs, Word
files with heading styles and tables, and files that are not what they claim to be.

All of them are invented for the tests; none is a TWG report.
"""

from __future__ import annotations

import io
import zipfile


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_pdf(pages: list[list[str]]) -> bytes:
    """A PDF whose pages hold these lines in Helvetica; an empty line is a paragraph gap."""
    streams = []
    for lines in pages:
        content = ["BT /F1 10 Tf 50 800 Td 13 TL"]
        for line in lines:
            content.append(f"({_escape(line)}) '" if line else "T*")
        content.append("ET")
        streams.append("\n".join(content))
    return _pdf(streams)


def placed_pdf(pages: list[list[tuple[float, float, str]]]) -> bytes:
    """A PDF whose pages hold each text at its (x, y) from the page's top left, in 10 pt
    Helvetica (an A4 page is 595 wide and 842 high)."""
    streams = []
    for texts in pages:
        content = ["BT /F1 10 Tf"]
        content += [f"1 0 0 1 {x} {842 - y} Tm ({_escape(text)}) Tj" for x, y, text in texts]
        content.append("ET")
        streams.append("\n".join(content))
    return _pdf(streams)


def _pdf(streams: list[str]) -> bytes:
    """A PDF of A4 pages, one content stream each, with Helvetica as font F1."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(len(streams))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(streams)} >>".encode())
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    for index, text in enumerate(streams):
        stream = text.encode("cp1252")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> "
            + f"/Contents {page_ids[index] + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def image_only_pdf() -> bytes:
    """A PDF of two pages with no text on them (as a scan without OCR)."""
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(text_pdf([["Secret report"]]))))
    writer.encrypt(user_password="open-me", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_bomb_docx(megabytes: int = 40) -> bytes:
    """A .docx-looking zip whose one part unpacks to `megabytes` of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (megabytes * 1024 * 1024))
    return out.getvalue()


def word_report(blocks: list[tuple[str, object]]) -> bytes:
    """A Word file from (style, text) pairs; style `table` takes a list of rows."""
    import docx

    document = docx.Document()
    for style, content in blocks:
        if style == "table":
            rows = content
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
        elif style == "bold":
            document.add_paragraph().add_run(content).bold = True
        else:
            document.add_paragraph(content, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
