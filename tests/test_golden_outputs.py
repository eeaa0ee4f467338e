"""Every output (summaries, brief in three formats, pack, dataset ZIP) under four filter sets,
and the brief with a workshop's results (three formats and pack), in every language, is
byte-identical to the recorded digests: restructuring the code must not change what users get.
"""

from __future__ import annotations

import json

from tests.golden import outputs


def test_every_output_is_byte_identical_to_its_recorded_digest(shipped_db):
    recorded = json.loads(outputs.DIGESTS.read_text(encoding="utf-8"))
    changed = sorted(
        name for name, digest in outputs.digests(shipped_db).items() if recorded.get(name) != digest
    )
    per_language = len(outputs.FILTERS) * (len(outputs.SUMMARIES) + 5) + 4  # + the workshop's
    assert len(recorded) == per_language * len(outputs.i18n.LANGUAGES)
    assert changed == [], "outputs changed; if intended, run `python -m tests.golden.outputs`"
