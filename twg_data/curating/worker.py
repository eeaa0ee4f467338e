"""The import of one upload, in a process of its own: `python -m twg_data.curating.worker
FOLDER DATA_DIR`.

It runs apart from the Streamlit server, at a lower priority, so that the audience's pages
keep their CPU while a large report is read; the Curate page follows its stages in
`status.json` and may end it (`jobs.cancel`). The draft is saved in the folder when done;
a report that cannot be read leaves its message there instead, as a template and its fields
(the page words it in the page's language, not the worker's).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from twg_data.curating.workfolder import FAILED, READY, STAGES, WorkDraft
from twg_data.i18n import N_

log = logging.getLogger("twg_data.curating.worker")
NICENESS = 19  # where the idle policy is not to be had: the lowest priority


def draft_in_stages(
    name: str, data: bytes, meeting_id: str, data_dir: Path, stage: Callable[[str], None]
):
    """`importer.draft_report`, saying each of its steps as a stage of the work folder."""
    from twg_data.importer import STEPS, draft_report

    stages = dict(zip(STEPS, STAGES[1:4], strict=True))
    return draft_report(name, data, meeting_id, data_dir, lambda step: stage(stages[step]))


def run(folder: Path, data_dir: Path) -> int:
    """Draft the folder's upload; 0 when the draft is saved, 1 when the import failed."""
    from twg_data.importer import ReportError
    from twg_data.importer.folder import fingerprints

    work = WorkDraft(folder)
    status = work.write_status(pid=os.getpid())
    try:
        work.save_base(fingerprints(data_dir))
        draft = draft_in_stages(
            status.report,
            work.upload(),
            status.meeting_id,
            data_dir,
            lambda stage: work.write_status(stage=stage),
        )
        work.write_status(stage=STAGES[4])
        work.save(draft)
    except ReportError as error:  # kept as its template: the page words it in its language
        saved = error.message.to_json()
        work.write_status(state=FAILED, message=saved["message"], message_args=saved["args"])
        return 1
    except Exception as error:  # noqa: BLE001 - the page shows it; the log keeps the trace
        traceback.print_exc()
        work.write_status(
            state=FAILED,
            message=N_("the import failed: {error}"),
            message_args={"error": repr(error)},
        )
        return 1
    work.write_status(state=READY, counts=draft.counts())
    return 0


def lower_priority() -> None:
    """Run only on CPU time the server and the audience's pages leave: Linux's idle
    scheduling policy, else the lowest niceness."""
    try:
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    except (AttributeError, OSError):
        with contextlib.suppress(OSError):
            os.nice(NICENESS)


def main(argv: list[str]) -> int:
    """The worker's entry point: FOLDER DATA_DIR."""
    lower_priority()
    folder, data_dir = Path(argv[0]), Path(argv[1])
    return run(folder, data_dir)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
