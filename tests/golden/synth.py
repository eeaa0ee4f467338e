"""The synthetic generator's output for one small case, as sha256 digests of the tables it
generates (`tests/test_synth.py`): a refactoring of `benchmarks/synth` must leave them
byte-identical. The copied reference tables are left out: they are the curated files.

An intended change (of the generator or of the curated data it draws on): regenerate with
`python -m tests.golden.synth` and say why in the commit.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

from benchmarks.synth.folder import is_reference_table
from benchmarks.synth.generate import generate
from twg_data.schema import TABLES

DIGESTS = Path(__file__).with_name("synth_digests.json")
CASE = {"meetings": 3, "people": 300, "seed": 7}
GENERATED = tuple(t.file_name for t in TABLES if not is_reference_table(t))


def digests(folder: Path) -> dict[str, str]:
    """File name -> sha256 of each generated table in folder."""
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in GENERATED}


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder), **CASE)
        found = digests(Path(folder))
    DIGESTS.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded {len(found)} digests in {DIGESTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
