"""The agenda brief as a Word document, for the secretariat that receives agenda input.

`brief_docx` lays out the same `content.Content` as the Markdown brief: Word heading styles
(the navigation pane lists the sections), tables for who took part and the SDG crosswalk,
each passage once with its citation, A4 pages numbered in the footer, and Arial, which Word
has everywhere and which covers every accent (LibreOffice shows it as the metric-compatible
Liberation Sans). Same data, filters and selection, same bytes: the timestamps are fixed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from twg_data import export
from twg_data.brief import content as brief
from twg_data.brief import priorities
from twg_data.brief.content import Content
from twg_data.brief.items import Selection, item_label
from twg_data.filters import Filters
from twg_data.i18n import N_, _, labelled
from twg_data.queries import Connection

FONT = "Arial"
FILE_NAME = N_("twg-agenda-brief.docx")
MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_GREY = RGBColor(0x59, 0x59, 0x59)
# Characters XML 1.0 cannot hold (python-docx refuses them): control characters other than
# tab and line feed, lone surrogates, U+FFFE and U+FFFF. Data text loses them in Word only.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def brief_docx(con: Connection, filters: Filters, selection: Selection) -> bytes:
    """The brief as a .docx file (same content as `markdown.brief_markdown`)."""
    return render_docx(brief.brief_content(con, filters, selection))


def render_docx(content: Content) -> bytes:
    """The brief's content laid out as a Word document, byte-identical for equal content."""
    document = docx.Document()
    _set_up(document, content)
    document.add_paragraph(_(brief.TITLE), style="Title")
    document.add_paragraph(_(brief.INTRO))
    _meetings(document, content)
    _participation(document, content)
    _key_points(document, content)
    _framing(document, content)
    _presenters(document, content)
    _targets(document, content)
    _workshop(document, content)
    _made(document, content)
    _references(document, content)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


# --- page, styles, properties ------------------------------------------------------------


def _set_fonts(style) -> None:
    """One font for every script, with the theme's fonts (Calibri, Cambria) removed."""
    r_pr = style.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), FONT)


def _set_up(document: docx.document.Document, content: Content) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.2))
    for style in document.styles:
        if style.type == 1:  # paragraph styles (headings, title, lists, quote, ...)
            _set_fonts(style)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        document.styles[name].font.color.rgb = RGBColor(0x1F, 0x2A, 0x44)
    _page_numbers(section.footer.paragraphs[0])
    # The template's thumbnail shows an empty page, not this brief: leave it out.
    package_rels = document.part.package.rels
    for key in [k for k, rel in package_rels.items() if rel.reltype.endswith("/thumbnail")]:
        del package_rels[key]
    # Fixed properties: the date is the data's (its latest meeting), never the clock's.
    dates = [r.date for r in content.reports.values()] or [dt.date(*export.ZIP_DATE[:3])]
    stamp = dt.datetime.combine(max(dates), dt.time(), tzinfo=dt.UTC)
    core = document.core_properties
    core.title, core.author, core.last_modified_by = _(brief.TITLE), "TWG dashboard", ""
    core.created = core.modified = core.last_printed = stamp
    core.revision = 1
    core.comments = ""
    core.language = _("en-GB")  # the document's language tag


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that the reader's program fills in."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), ("end", None)):
        if kind is None:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f" {text} "
            run._r.append(code)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        if kind == "separate":
            run._r.append(_text_element("1"))


def _text_element(text: str):
    element = OxmlElement("w:t")
    element.text = text
    return element


def _page_numbers(paragraph: Paragraph) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(_("Page") + " ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" " + _("of") + " ")
    _field(paragraph, "NUMPAGES")


def _fixed_zip(package: bytes) -> bytes:
    """The package re-zipped with fixed timestamps (python-docx stamps the save time)."""
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        return export.zip_bytes({name: source.read(name) for name in source.namelist()})


# --- building blocks ---------------------------------------------------------------------


def _xml(text: object) -> str:
    """Text as a Word document can hold it."""
    return _NOT_XML.sub("", str(text))


def _labelled(document, label: str, value: str, style: str | None = None) -> Paragraph:
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run(_xml(labelled(label) + " ")).bold = True
    paragraph.add_run(_xml(value))
    return paragraph


def _cite(document, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(8)
    label = paragraph.add_run(labelled(_("Cite as")) + " ")
    label.bold = True
    run = paragraph.add_run(_xml(text))
    for part in (label, run):
        part.font.size = Pt(9)
        part.font.color.rgb = _GREY


def _quote(document, text: str) -> None:
    document.add_paragraph(_xml(" ".join(str(text).split())), style="Quote")


def _note(document, note: str) -> None:
    if not note:
        return
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.left_indent = Cm(0.6)
    paragraph.add_run(labelled(_("Facilitator's note")) + " ").bold = True
    for i, line in enumerate(note.split("\n")):
        if i:
            paragraph.add_run().add_break()  # the note's own line breaks
        paragraph.add_run(_xml(line))


def _table(document, header: list[str], rows: list[list[str]], widths: list[float]) -> Table:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # the grid LibreOffice lays out; cells below for Word
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    _repeat_header(table.rows[0])
    previous = None
    for values in rows:
        cells = table.add_row().cells
        # A group's name is written on its first row only: the table reads as groups.
        shown = ["", *values[1:]] if values[0] == previous else values
        previous = values[0]
        for cell, text in zip(cells, shown, strict=True):
            cell.text = _xml(text)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.space_after = Pt(0)
                for run in paragraph.runs:
                    run.font.size = Pt(9)
    document.add_paragraph()
    return table


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _repeat_header(row) -> None:
    """The header row repeats on every page a long table spans."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


# --- the sections ------------------------------------------------------------------------


def _meetings(document, content: Content) -> None:
    document.add_heading(_("The meeting") if len(content.meetings) == 1 else _("The meetings"), 1)
    if not content.meetings:
        document.add_paragraph(_("No meeting matches the filters."))
    for m in content.meetings:
        document.add_heading(_xml(m.heading), 2)
        for label, value in m.facts:
            _labelled(document, label, value)
        if m.objectives:
            objectives = labelled(_("The meeting's objectives"))
            document.add_paragraph().add_run(objectives).bold = True
            for objective in m.objectives:
                document.add_paragraph(_xml(objective), style="List Bullet")
        _labelled(document, _("Cite the report as"), m.citation)


def _participation(document, content: Content) -> None:
    p = content.participation
    document.add_heading(_("Who took part"), 1)
    document.add_paragraph(_(brief.PARTICIPATION_NOTE))
    _table(document, [_("Measure"), _("Count")], [list(pair) for pair in p.facts], [9.0, 7.6])
    rows = [
        [_sentence_case(counts.label.removeprefix(_("By") + " ")), name, str(people)]
        for counts in p.counts
        for name, people in counts.groups
    ]
    document.add_heading(_("People by region, country, organization type and community"), 3)
    _table(document, [_("Grouped by"), _("Group"), _("People")], rows, [4.2, 10.4, 2.0])
    document.add_paragraph(_("Absent under these filters (no named participant):"))
    for label, value in p.absent:
        _labelled(document, label, value, style="List Bullet")


def _key_points(document, content: Content) -> None:
    points = content.points["key_point"]
    document.add_heading(brief.section("key_point"), 1)
    if points.empty:
        document.add_paragraph(_("None selected."))
        return
    for meeting_id, title, group in brief.by_category(points, content):
        document.add_heading(_xml(title), 2)
        for row in group.itertuples():
            document.add_heading(_xml(item_label(row)), 3)
            quote, passage = brief.point_quote(row)
            _quote(document, quote)
            if passage:
                _labelled(document, _("Source passage"), passage)
            targets = brief.target_rows(content, meeting_id, row.id)
            if not targets.empty:
                listed = "; ".join(str(t) for t in targets.target)
                _labelled(document, _("SDG targets it bears on (curation)"), listed)
            _note(document, row.note)
            _cite(document, content.cite(row))


def _framing(document, content: Content) -> None:
    points = content.points["framing"]
    document.add_heading(brief.section("framing"), 1)
    if points.empty:
        document.add_paragraph(_("None selected."))
        return
    for _meeting_id, title, group in brief.by_category(points, content):
        document.add_heading(_xml(title), 2)
        for first, rows in brief.by_passage(group):
            _quote(document, first.source_passage)
            for row in rows.itertuples():
                _labelled(document, item_label(row), f"“{row.text}”", style="List Bullet")
                _note(document, row.note)
            _cite(document, content.cite(first))


def _presenters(document, content: Content) -> None:
    points = content.points["presenter"]
    document.add_heading(brief.section("presenter"), 1)
    document.add_paragraph(_(brief.PRESENTERS_NOTE))
    if points.empty:
        document.add_paragraph(_("None selected (or none matches the filters)."))
        return
    for meeting_id, group in points.groupby(points.meeting_id, sort=False):
        if content.several_meetings:
            document.add_heading(_xml(content.reports[meeting_id].meeting), 2)
        for row in group.itertuples():
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(_xml(row.heading)).bold = True
            paragraph.add_run(_xml(f", {row.text}"))
            if brief.passage_adds_to(row, f"{row.heading}, {row.text}"):
                _labelled(document, _("From the report"), row.source_passage)
            _note(document, row.note)
            _cite(document, content.cite(row))


def _targets(document, content: Content) -> None:
    document.add_heading(brief.section("targets"), 1)
    if content.targets.empty:
        document.add_paragraph(_("None: no selected key point is mapped to an SDG target."))
        return
    document.add_paragraph(_(brief.TARGETS_NOTE))
    rows = [
        [item_label(point), str(t.target), str(t.rationale)]
        for point in content.points["key_point"].itertuples()
        for t in brief.target_rows(content, point.meeting_id, point.id).itertuples()
    ]
    document.add_heading(_("The crosswalk: key points and SDG targets (curation)"), 3)
    _table(
        document,
        [_("Key point"), _("Target"), _("Why it bears on the target")],
        rows,
        [5, 1.6, 10],
    )
    document.add_heading(_("The targets, as their source words them"), 3)
    targets = [
        [str(t.target), str(t.goal), str(t.target_text)]
        for t in brief.unique_targets(content).itertuples()
    ]
    _table(document, [_("Target"), _("Goal"), _("Text")], targets, [1.6, 1.4, 13.6])


def _workshop(document, content: Content) -> None:
    found = content.priorities
    if found is None:
        return
    document.add_heading(_(priorities.HEADING), 1)
    document.add_paragraph(_(priorities.NOTE))
    for label, value in priorities.facts(found):
        _labelled(document, label, value)
    for point in found.points:
        document.add_paragraph(_xml(priorities.point_line(found, *point)), style="List Number")
    if found.comments:
        document.add_paragraph().add_run(labelled(_("Comments from the room"))).bold = True
        for comment in found.comments:
            _quote(document, comment)
    _cite(document, priorities.citation(found))


def _made(document, content: Content) -> None:
    document.add_heading(brief.section("made"), 1)
    if content.filters:
        document.add_paragraph().add_run(labelled(_("Filters"))).bold = True
        for label, values in content.filters:
            _labelled(document, label, values, style="List Bullet")
    else:
        _labelled(document, _("Filters"), _("none; everything in the data is included."))
    left_out = ", ".join(content.left_out) or _("nothing")
    _labelled(document, _("Left out by the facilitator"), f"{left_out}.")
    for note in brief.made_notes(content):
        document.add_paragraph(_xml(note), style="List Bullet")


def _references(document, content: Content) -> None:
    document.add_heading(brief.section("references"), 1)
    for reference in content.references:
        paragraph = document.add_paragraph(_xml(reference))
        paragraph.paragraph_format.left_indent = Cm(1)
        paragraph.paragraph_format.first_line_indent = Cm(-1)  # a hanging indent
