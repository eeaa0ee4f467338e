"""The files a brief is handed out as, declared once: the command line (`brief --format`,
`pack`), the Agenda brief page's download buttons and the download cache all read `FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from twg_data.brief import markdown, pack, rows, word
from twg_data.brief.items import Selection
from twg_data.filters import Filters
from twg_data.i18n import N_
from twg_data.queries import Connection

Maker = Callable[[Connection, Filters, Selection], bytes]


@dataclass(frozen=True)
class Format:
    """One file a brief is handed out as. `label`, `file_name` and `help` are interface text,
    marked for translation (`N_`): callers translate them with `_` when they show them."""

    key: str  # what `brief --format` and the download cache call it
    label: str
    file_name: str
    media_type: str
    make: Maker
    icon: str  # the download button's Material icon
    name: str  # the download button's widget key, after `download_`
    help: str | None = None
    is_pack: bool = False  # the summary pack: its own command, `pack`, not a `brief` format


def _markdown_bytes(con: Connection, filters: Filters, selection: Selection) -> bytes:
    return markdown.brief_markdown(con, filters, selection).encode("utf-8")


# In the order the page offers them.
FORMATS: dict[str, Format] = {
    f.key: f
    for f in (
        Format(
            "docx",
            N_("Brief (Word)"),
            word.FILE_NAME,
            word.MIME,
            word.brief_docx,
            ":material/article:",
            "brief_docx",
            N_(
                "For the secretariat: headings, tables, a citation under every point, page "
                "numbers, A4."
            ),
        ),
        Format(
            "md",
            N_("Brief (Markdown)"),
            N_("twg-agenda-brief.md"),
            "text/markdown",
            _markdown_bytes,
            ":material/description:",
            "brief_md",
        ),
        Format(
            "csv",
            N_("Brief (CSV)"),
            N_("twg-agenda-brief.csv"),
            "text/csv",
            rows.brief_csv,
            ":material/download:",
            "brief_csv",
        ),
        Format(
            "zip",
            N_("Summary pack (ZIP)"),
            pack.PACK_FILE_NAME,
            "application/zip",
            pack.summary_pack,
            ":material/folder_zip:",
            "summary_pack",
            N_(
                "The brief (Word, Markdown and CSV), every CSV summary under the current "
                "filters, the data dictionary and a README saying what each file is and how to "
                "cite it."
            ),
            is_pack=True,
        ),
    )
}
DEFAULT = "md"  # what `python -m twg_data brief` writes when neither flag nor suffix says


def brief_formats() -> tuple[str, ...]:
    """What `python -m twg_data brief --format` accepts: every format but the pack."""
    return tuple(key for key, f in FORMATS.items() if not f.is_pack)


def render(key: str, con: Connection, filters: Filters, selection: Selection) -> bytes:
    """The brief (or the pack) as the file of format `key`, byte-identical for equal inputs."""
    return FORMATS[key].make(con, filters, selection)
