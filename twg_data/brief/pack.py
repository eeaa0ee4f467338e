"""The summary pack: a ZIP of a README, the brief (Markdown, Word, CSV), the data dictionary,
the data package descriptor and every CSV summary, all made under the same filters."""

from __future__ import annotations

import csv
import io

from twg_data import citation, datapackage, dictionary, export
from twg_data.brief import markdown, rows, word
from twg_data.brief.content import Content, brief_content
from twg_data.brief.items import CSV_COLUMNS, Selection
from twg_data.filters import Filters
from twg_data.i18n import N_, _, labelled, ngettext
from twg_data.queries import Connection
from twg_data.summaries import SUMMARIES
from twg_data.text import escape_markdown as esc

PACK_FILE_NAME = N_("twg-summary-pack.zip")


def _readme(content: Content, files: dict[str, bytes]) -> str:
    lines = [
        "# " + _("TWG summary pack"),
        "",
        _(
            "Made by the TWG dashboard (the Agenda brief page, or `python -m twg_data pack`). "
            "Every file was made under the same filters; the same data, filters and selection "
            "give the same pack."
        ),
        "",
        *markdown.md_filters(content),
        "- **" + labelled(_("Left out of the brief")) + f"** {markdown.md_left_out(content)}.",
        "",
        _(
            "CSV files are UTF-8 with a byte order mark and CRLF line ends, so Excel opens them "
            "with accents intact; text cells starting with `=`, `+`, `-`, `@`, tab, carriage "
            "return or line feed are prefixed with `'` so spreadsheets do not run them."
        ),
        "",
        "## " + _("Files"),
        "",
        "- "
        + labelled("`brief.md`")
        + " "
        + _(
            "the agenda brief (Markdown): the meeting, who took part, the key "
            "points, framing and promising-practice speakers carried forward with their source "
            "passages and citations, SDG targets (curation), notes and references."
        ),
        "- "
        + labelled("`brief.docx`")
        + " "
        + _("the same brief as a Word document (A4, headings, page numbers)."),
        "- "
        + labelled("`brief.csv`")
        + " "
        + _("the same items, one row per item. Columns: ")
        + "; ".join(
            labelled(f"`{column}`") + f" {_(text)}" for column, text in CSV_COLUMNS.items()
        ),
        "- "
        + labelled("`DATA_DICTIONARY.md`")
        + " "
        + _("every curated table and every CSV summary, column by column."),
        "- "
        + labelled(f"`{datapackage.DESCRIPTOR}`")
        + " "
        + _(
            "the Frictionless Data Package descriptor of the curated "
            "data set these files were made from (its tables, keys, licence and reports; the "
            "tables themselves are in the Data page's data set download)."
        ),
    ]
    for name, summary in SUMMARIES.items():
        text = files[f"summaries/{name}.csv"].decode("utf-8-sig")
        rows = len(list(csv.reader(io.StringIO(text, newline="")))) - 1  # less the header
        counted = ngettext("{n} row under these filters.", "{n} rows under these filters.", rows)
        lines.append(
            "- " + labelled(f"`summaries/{name}.csv`") + f" {_(summary.title)}. "
            f"{_(summary.description)} "
            f"({counted.format(n=rows)})"
        )
    lines += [
        "",
        "## " + _("Citing and terms"),
        "",
        "- **" + labelled(_("Cite the data set as")) + f"** {esc(content.dataset)}",
        *(
            "- **" + labelled(_("Cite the report as")) + f"** {esc(m.citation)}"
            for m in content.meetings
        ),
        "- **" + labelled(_("Terms")) + "** " + citation.terms(),  # the project's own words and URL
    ]
    return "\n".join(lines) + "\n"


def summary_pack(con: Connection, filters: Filters, selection: Selection) -> bytes:
    """A ZIP: README, the brief (Markdown, Word, CSV), the data dictionary and every CSV
    summary."""
    content = brief_content(con, filters, selection)
    summaries = {
        f"summaries/{name}.csv": export.export_summary(con, name, filters) for name in SUMMARIES
    }
    files = {
        "README.md": _readme(content, summaries).encode("utf-8"),
        "brief.md": markdown.render_markdown(content).encode("utf-8"),
        "brief.docx": word.render_docx(content),
        "brief.csv": rows.brief_csv(con, filters, selection),
        "DATA_DICTIONARY.md": dictionary.markdown().encode("utf-8"),
        datapackage.DESCRIPTOR: datapackage.descriptor_bytes(con, filters),
        **summaries,
    }
    return export.zip_bytes(files)
