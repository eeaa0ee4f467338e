"""Every file the dashboard and the command line hand out, in every language, as sha256
digests: a refactoring must leave them byte-identical (`tests/test_golden_outputs.py`), and a
sentence cannot silently turn back to English in another language.

An intended change of an output: regenerate with `python -m tests.golden.outputs` and say why
in the commit.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
import tempfile
from pathlib import Path

from twg_data import export, i18n
from twg_data.brief.items import Selection
from twg_data.brief.markdown import brief_markdown
from twg_data.brief.pack import summary_pack
from twg_data.brief.priorities import Priorities
from twg_data.brief.rows import brief_csv
from twg_data.brief.word import brief_docx
from twg_data.build import build_database, connect
from twg_data.filters import Filters
from twg_data.paths import PROJECT_ROOT
from twg_data.summaries import SUMMARIES

DIGESTS = Path(__file__).with_name("digests.json")
FILTERS = {
    "none": Filters(),
    "city=bogota": Filters(cities=("bogota",)),
    "organization=giz": Filters(organizations=("giz",)),
    "meeting=twg-2015-bogota,role=kick-off presenter": Filters(
        meetings=("twg-2015-bogota",), roles=("kick-off presenter",)
    ),
}
SELECTION = Selection(excluded=("difference-4",), notes={"commonality-1": "Lead with this"})
# A workshop's results in the brief: the "Workshop priorities" section in every format.
WITH_WORKSHOP = dataclasses.replace(
    SELECTION,
    priorities=Priorities(
        title="Bogotá room",
        held_on="2026-05-28",
        method="dots",
        participants=12,
        closed=True,
        points=(
            ("Common objective", "report", 21, 9),
            ("Street lighting *now*", "room", 9, 5),
            ("Focus on causes", "report", 0, 0),
        ),
        comments=("<b>Youth</b> first",),
    ),
)


def outputs(con) -> dict[str, bytes]:
    """Name -> bytes of every output under each filter set, in every language (English's names
    carry no language, as before there were others: `es/none/brief.md`)."""
    files: dict[str, bytes] = {}
    for language in i18n.LANGUAGES:
        prefix = "" if language == i18n.DEFAULT else f"{language}/"
        with i18n.use(language):
            files |= {prefix + name: data for name, data in _outputs(con).items()}
    return files


def _outputs(con) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for label, filters in FILTERS.items():
        for name in SUMMARIES:
            files[f"{label}/summary/{name}.csv"] = export.export_summary(con, name, filters)
        files[f"{label}/brief.md"] = brief_markdown(con, filters, SELECTION).encode("utf-8")
        files[f"{label}/brief.csv"] = brief_csv(con, filters, SELECTION)
        files[f"{label}/brief.docx"] = brief_docx(con, filters, SELECTION)
        files[f"{label}/pack.zip"] = summary_pack(con, filters, SELECTION)
        files[f"{label}/dataset.zip"] = export.dataset_zip(con, filters)
    files["none/workshop/brief.md"] = brief_markdown(con, Filters(), WITH_WORKSHOP).encode("utf-8")
    files["none/workshop/brief.csv"] = brief_csv(con, Filters(), WITH_WORKSHOP)
    files["none/workshop/brief.docx"] = brief_docx(con, Filters(), WITH_WORKSHOP)
    files["none/workshop/pack.zip"] = summary_pack(con, Filters(), WITH_WORKSHOP)
    return files


def digests(db: Path) -> dict[str, str]:
    with connect(db) as con:
        return {name: hashlib.sha256(data).hexdigest() for name, data in outputs(con).items()}


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "golden.duckdb"
        problems = build_database(PROJECT_ROOT / "data", db)
        if problems:
            print("\n".join(map(str, problems)), file=sys.stderr)
            return 1
        found = digests(db)
    DIGESTS.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {DIGESTS} ({len(found)} outputs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
