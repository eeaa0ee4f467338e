"""In every language but English, the briefs (Markdown, Word, CSV) and the pack's README hold
no English sentence of the catalog: only report quotations and data may be English."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from babel.messages.pofile import read_po
from docx import Document

from twg_data import i18n, paths
from twg_data.brief.items import Selection
from twg_data.brief.markdown import brief_markdown
from twg_data.brief.pack import summary_pack
from twg_data.brief.word import brief_docx
from twg_data.filters import Filters

OTHERS = [language for language in i18n.LANGUAGES if language != i18n.DEFAULT]
SELECTION = Selection(notes={"commonality-1": "Nota"})


def english_sentences(language: str) -> list[str]:
    """The catalog's English messages of four words or more that the language says otherwise,
    cut at their placeholders and markup into runs of four words or more."""
    with i18n.catalog_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=language)
    runs = set()
    for message in catalog:
        if not message.id or not message.string:
            continue
        english = message.id[0] if isinstance(message.id, tuple) else message.id
        translated = message.string[0] if isinstance(message.string, tuple) else message.string
        if english == translated:
            continue
        for run in re.split(r"\{[^}]*\}|[*`_\[\]()“”:;]", english):
            run = " ".join(run.split())
            if len(run.split()) >= 4:
                runs.add(run)
    return sorted(runs)


@pytest.fixture
def con(shipped_db):
    from twg_data.build import connect

    with connect(shipped_db) as connection:
        yield connection


@pytest.mark.parametrize("language", OTHERS)
def test_the_briefs_hold_no_english_sentence_of_the_catalog(con, language):
    with i18n.use(language):
        markdown = brief_markdown(con, Filters(), SELECTION)
        word = "\n".join(
            p.text for p in Document(io.BytesIO(brief_docx(con, Filters(), SELECTION))).paragraphs
        )
        with zipfile.ZipFile(io.BytesIO(summary_pack(con, Filters(), SELECTION))) as pack:
            readme = pack.read("README.md").decode("utf-8")
    # A sentence the report (or the data quoting it) says may appear as its quotation.
    quoted = " ".join(
        " ".join(path.read_text(encoding="utf-8").split())
        for path in [*(paths.data_dir() / "reports").glob("*.txt"), *paths.data_dir().glob("*.csv")]
    )
    sentences = [s for s in english_sentences(language) if s not in quoted]
    assert len(sentences) > 100
    for name, text in (("markdown", markdown), ("word", word), ("readme", readme)):
        flat = " ".join(text.replace("\\", "").split())
        left = [s for s in sentences if s in flat]
        assert left == [], (name, left)


@pytest.mark.parametrize("language", list(i18n.LANGUAGES))
def test_a_label_takes_its_colon_as_the_language_writes_it(con, language):
    # The catalog's '{label}:' says how: 'Note:' in English, 'Note :' (no-break space) in French.
    with i18n.use(language):
        colon = i18n.labelled("")
        markdown = brief_markdown(con, Filters(), SELECTION)
        document = Document(io.BytesIO(brief_docx(con, Filters(), SELECTION)))
        with zipfile.ZipFile(io.BytesIO(summary_pack(con, Filters(), SELECTION))) as pack:
            readme = pack.read("README.md").decode("utf-8")
    labels = re.findall(r"\*\*([^*\n]+?:)\*\*", markdown)
    assert len(labels) > 10
    assert [label for label in labels if not label.endswith(colon)] == []
    assert [label for label in labels if label.removesuffix(colon).endswith(" ")] == []
    bold = [
        run.text.rstrip(" ")
        for paragraph in document.paragraphs
        for run in paragraph.runs
        if run.bold and run.text.rstrip(" ").endswith(":")
    ]
    assert len(bold) > 10 and [text for text in bold if not text.endswith(colon)] == []
    assert f"`brief.md`{colon} " in readme and f"`brief.csv`{colon} " in readme
