"""`python -m twg_data import REPORT --meeting-id ID -o OUT_DIR [--lang es]` and `apply OUT_DIR
[--lang es]`.

`import` writes REVIEW.md and says what it drafted in the language of `--lang`; both commands'
messages, and why a report or a draft is refused, are in that language."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from twg_data import paths
from twg_data.i18n import N_, _
from twg_data.importer import draft_report, write_draft
from twg_data.importer.apply import ApplyError, apply_draft
from twg_data.importer.folder import REVIEW
from twg_data.importer.reader import MAX_BYTES, TEXT_SUFFIXES, TOO_LARGE, ReportError
from twg_data.validate import validate


def _import(args: argparse.Namespace) -> int:
    data_dir = args.data or paths.data_dir()
    report: Path = args.report
    if not report.is_file():
        raise ReportError(N_("{name}: no such file"), name=str(report))
    if report.stat().st_size > MAX_BYTES:
        raise ReportError(TOO_LARGE, name=str(report), limit=MAX_BYTES >> 20)
    content = report.read_bytes()
    draft = draft_report(report.name, content, args.meeting_id, data_dir)
    original = None if report.suffix.lower() in TEXT_SUFFIXES else content
    try:
        write_draft(draft, data_dir, args.output, original)
    except FileExistsError:
        raise ReportError(
            N_("{folder}: the folder exists and is not empty; name a new one"),
            folder=str(args.output),
        ) from None
    except ValueError:  # the only one write_draft raises: a draft inside the data
        raise ReportError(
            N_("{folder}: the draft must go outside the data folder {data}"),
            folder=str(args.output),
            data=str(data_dir),
        ) from None
    counts = ", ".join(f"{n} {table}" for table, n in draft.counts().items())
    print(_("drafted {counts}").format(counts=counts))
    for what in draft.not_found():
        print(_("not found: {what}").format(what=_(what)))
    print(
        _("{suggestions} identity suggestion(s), {decisions} value(s) left to the curator").format(
            suggestions=len(draft.suggestions), decisions=len(draft.decisions)
        )
    )
    problems = validate(args.output)
    shown = _("validation: {n} problem(s) (`python -m twg_data validate {folder}`)")
    print(shown.format(n=len(problems), folder=args.output))
    shown = _("review: {review}; then `python -m twg_data apply {folder}`")
    print(shown.format(review=args.output / REVIEW, folder=args.output))
    return 0


def _apply(args: argparse.Namespace) -> int:
    data_dir = args.data or paths.data_dir()
    try:
        applied = apply_draft(args.draft, data_dir)
    except ApplyError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        raise
    if applied.recovered:
        print(_(applied.recovered))
    shown = _("applied meeting {meeting} to {folder}: {n} file(s) written")
    print(
        shown.format(
            meeting=applied.meeting_id,
            folder=paths.shown_data_dir(data_dir),
            n=len(applied.files),
        )
    )
    print(_("previous versions: {backup}").format(backup=applied.backup))
    return 0


def add_commands(commands, add_language_argument) -> None:
    """Add the `import` and `apply` commands to the command line; `add_language_argument`
    (the command line's) gives both their `--lang`."""

    p = commands.add_parser(
        "import",
        help="draft a new meeting from its report (.txt, .md, .docx, .pdf) into a new folder",
    )
    p.add_argument("report", type=Path, help="the meeting's report")
    p.add_argument("--meeting-id", required=True, help="a new id, e.g. twg-2016-kampala")
    p.add_argument("--data", type=Path, default=None, help="data folder (default: data/)")
    p.add_argument("-o", "--output", type=Path, required=True, help="new folder for the draft")
    add_language_argument(p)
    p.set_defaults(run=_import)

    p = commands.add_parser("apply", help="write a reviewed draft folder into the data folder")
    p.add_argument("draft", type=Path, help="the folder `import` wrote")
    p.add_argument("--data", type=Path, default=None, help="data folder (default: data/)")
    add_language_argument(p)
    p.set_defaults(run=_apply)
