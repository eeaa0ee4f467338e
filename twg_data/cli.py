"""Command line: `python -m twg_data validate|build|export|search|brief|pack|dictionary|
datapackage|import|apply`."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from pathlib import Path

from twg_data import (
    datapackage,
    dictionary,
    export,
    i18n,
    journal,
    paths,
    queries,
    write_lock,
)
from twg_data.brief import formats, items
from twg_data.build import build_database, connect, ensure_database
from twg_data.filters import DIMENSIONS, DIMENSIONS_BY_PARAM, Filters, shorten
from twg_data.i18n import N_, _
from twg_data.importer.apply import ApplyError
from twg_data.importer.commands import add_commands as add_import_commands
from twg_data.importer.reader import ReportError
from twg_data.message import MessageError
from twg_data.queries import Connection
from twg_data.search import freshness
from twg_data.search import index as search_index
from twg_data.search import rows as search_rows
from twg_data.search.parse import QueryProblem
from twg_data.summaries import SUMMARIES
from twg_data.validate import Problem, validate


class CommandError(MessageError):
    """A user error: printed as a message in the language of `--lang`, never as a traceback."""


def _print_problems(problems: Sequence[Problem], data_dir: Path) -> None:
    heading = _("{n} problem(s) in {folder}:")
    print(heading.format(n=len(problems), folder=data_dir), file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)


def add_language_argument(parser: argparse.ArgumentParser) -> None:
    """Add `--lang` (the language of the files a command writes) to a command."""
    parser.add_argument(
        "--lang",
        choices=list(i18n.LANGUAGES),
        default=i18n.DEFAULT,
        help="language of the output (the same bytes as the page in that language)",
    )


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """The filter flags, one per dimension, each repeatable: --city bogota --city quito."""
    group = parser.add_argument_group("filters (repeatable; values are ids, e.g. --city bogota)")
    for dimension in DIMENSIONS:
        group.add_argument(
            f"--{dimension.param.replace('_', '-')}",
            dest=dimension.param,
            action="append",
            default=[],
            metavar="VALUE",
            help=f"keep only this {dimension.label.lower()}",
        )
    parser.add_argument("--data", type=Path, default=None, help="data folder (default: data/)")
    parser.add_argument("--db", type=Path, default=None, help="database file")


def filters_from_args(con: Connection, args: argparse.Namespace) -> Filters:
    """The Filters the flags name; an unknown value is an error listing the valid ones."""
    options = queries.filter_options(con)
    params = {d.param: getattr(args, d.param) for d in DIMENSIONS if getattr(args, d.param)}
    known = {param: [o.value for o in found] for param, found in options.items()}
    filters, dropped = Filters.from_link(params, known)
    if dropped.values:
        lines = [
            _("{flag} {value!r} is not a known {filter}").format(
                flag=_flag(param), value=shorten(value), filter=_(dimension.label).lower()
            )
            for param, values in dropped.values.items()
            for dimension in [DIMENSIONS_BY_PARAM[param]]
            for value in values
        ]
        for param in params:
            valid = ", ".join(known[param]) or _("(none)")
            lines.append(_("valid {flag} values: {values}").format(flag=_flag(param), values=valid))
        raise CommandError("\n".join(lines))  # worded already, in the run's language
    return filters


def _flag(param: str) -> str:
    return f"--{param.replace('_', '-')}"


def database_path(args: argparse.Namespace) -> Path:
    """Build the database if the CSVs changed; its file. CommandError if there is none."""
    data_dir = args.data or paths.data_dir()
    status = ensure_database(data_dir, args.db or paths.db_path(data_dir))
    if status.problems:
        _print_problems(status.problems, data_dir)
        if status.db_path is None:
            raise CommandError(N_("no valid database could be built; fix the problems above"))
        print(
            _("warning: using the last good database; the data above is not in it"),
            file=sys.stderr,
        )
    return status.db_path


def open_database(args: argparse.Namespace) -> Connection:
    """Build the database if the CSVs changed, and connect; CommandError if there is none."""
    return connect(database_path(args))


def write_output(content: bytes, output: Path | None) -> None:
    """Write to the file, or to standard output when no file is named."""
    if output is None:
        sys.stdout.buffer.write(content)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    temp = output.with_name(f".{output.name}.tmp")
    temp.write_bytes(content)
    temp.replace(output)
    shown = _("wrote {output} ({n} bytes)").format(output=output, n=i18n.format_count(len(content)))
    print(shown, file=sys.stderr)


def _validate(args: argparse.Namespace) -> int:
    data_dir = args.data_dir or paths.data_dir()
    try:  # an interrupted apply is completed or undone first
        recovered = journal.recover(data_dir)
    except write_lock.Busy as busy:
        shown = _("note: an apply is under way ({owner}); checking the data as it is")
        print(shown.format(owner=busy.owner.describe()), file=sys.stderr)
    except journal.JournalError as error:
        raise CommandError(
            N_("an interrupted apply cannot be completed: {error}"), error=str(error)
        ) from None
    else:
        if recovered:
            print(_("note: {note}").format(note=_(recovered)), file=sys.stderr)
    problems = validate(data_dir)
    if problems:
        _print_problems(problems, data_dir)
        return 1
    print(_("{folder}: all tables are valid").format(folder=data_dir))
    return 0


def _build(args: argparse.Namespace) -> int:
    data_dir = args.data or paths.data_dir()
    db = args.db or paths.db_path(data_dir)
    problems = build_database(data_dir, db)
    if problems:
        _print_problems(problems, data_dir)
        print(_("{db} was left unchanged").format(db=db), file=sys.stderr)
        return 1
    print(_("built {db}").format(db=db))
    _print_index(freshness.ensure_index(db), db, sys.stdout)
    return 0


def _print_index(state: freshness.IndexState, db: Path, stream) -> None:
    index = search_index.index_path(db)
    if state.rebuilt:
        seconds = i18n.format_count(round(state.seconds, 2))
        shown = _("built the search index {index} in {seconds} s")
        print(shown.format(index=index, seconds=seconds), file=stream)
    else:
        print(_("the search index {index} is up to date").format(index=index), file=stream)


def _export(args: argparse.Namespace) -> int:
    with open_database(args) as con:
        filters = filters_from_args(con, args)
        write_output(export.export_summary(con, args.name, filters), args.output)
    return 0


def _search(args: argparse.Namespace) -> int:
    db_path = database_path(args)
    state = freshness.ensure_index(db_path)  # built now when the data changed
    if state.rebuilt:
        _print_index(state, db_path, sys.stderr)
    with connect(db_path) as con:
        filters = filters_from_args(con, args)
        index = search_index.index_path(db_path)
        try:
            hits = search_rows.search_csv(con, index, args.query, filters)
        except QueryProblem as problem:
            raise CommandError(problem.message, **problem.values) from None
        write_output(hits, args.output)
    return 0


def _note_argument(text: str) -> tuple[str, str]:
    ref, equals, note = text.partition("=")
    if not equals or not ref.strip():
        raise argparse.ArgumentTypeError(f"expected ID=TEXT, got {text!r}")
    return ref.strip(), note


def add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags choosing what a brief carries forward (default: everything, no notes)."""
    group = parser.add_argument_group(
        "selection (ids of key points, framing entries or presenters; MEETING/ID for one "
        "meeting only)"
    )
    group.add_argument(
        "--exclude", action="append", default=[], metavar="ID", help="leave this item out"
    )
    group.add_argument(
        "--note",
        action="append",
        default=[],
        type=_note_argument,
        metavar="ID=TEXT",
        help="add a note to this item",
    )
    group.add_argument(
        "--workshop",
        metavar="CODE",
        help="add the 'Workshop priorities' section: the results of the workshop with this "
        "join code (from the workshop database, TWG_WORKSHOP_DB)",
    )


def selection_from_args(con: Connection, args: argparse.Namespace) -> items.Selection:
    """The Selection the flags name; an id found nowhere in the data is an error."""
    selection = items.Selection(tuple(args.exclude), tuple(args.note))
    everything = items.available_points(con, Filters())
    unknown = items.unknown_refs(everything, selection)
    if unknown:
        raise CommandError(
            N_("unknown item id(s): {unknown}\nvalid ids: {valid}"),
            unknown=", ".join(unknown),
            valid=", ".join(dict.fromkeys(everything.id)),
        )
    if getattr(args, "workshop", None):
        selection = dataclasses.replace(selection, priorities=_workshop(con, args.workshop))
    return selection


def _workshop(con: Connection, code: str):
    """The results of the workshop with this code, for the brief."""
    from twg_data.workshop import results
    from twg_data.workshop import store as workshop_store

    store = workshop_store.open_store()
    try:
        workshop = store.by_code(code, expired_too=True)
    except workshop_store.WorkshopError:
        raise CommandError(
            f"no workshop has the code {code!r} in {store.backend.describe()}"
        ) from None
    try:
        return results.stored_priorities(con, store, workshop)
    finally:
        store.close()


def _brief(args: argparse.Namespace) -> int:
    suffix = args.output.suffix.lower().lstrip(".") if args.output else ""
    form = args.format or (suffix if suffix in formats.brief_formats() else formats.DEFAULT)
    with open_database(args) as con:
        filters = filters_from_args(con, args)
        selection = selection_from_args(con, args)
        write_output(formats.render(form, con, filters, selection), args.output)
    return 0


def _pack(args: argparse.Namespace) -> int:
    with open_database(args) as con:
        filters = filters_from_args(con, args)
        selection = selection_from_args(con, args)
        write_output(formats.render("zip", con, filters, selection), args.output)
    return 0


def _dictionary(args: argparse.Namespace) -> int:
    write_output(dictionary.markdown().encode("utf-8"), args.output)
    return 0


def _datapackage(args: argparse.Namespace) -> int:
    output = args.output or (args.data or paths.data_dir()) / datapackage.DESCRIPTOR
    with open_database(args) as con:
        write_output(datapackage.descriptor_bytes(con, Filters()), output)
    return 0


def parser() -> argparse.ArgumentParser:
    """The command line: every command with its flags (`python -m twg_data --help`)."""
    root = argparse.ArgumentParser(prog="python -m twg_data", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)

    p = commands.add_parser("validate", help="check the CSVs; list every problem")
    p.add_argument("data_dir", nargs="?", type=Path, help="data folder (default: data/)")
    add_language_argument(p)
    p.set_defaults(run=_validate)

    p = commands.add_parser("build", help="build the DuckDB file from the CSVs")
    p.add_argument("--data", type=Path, default=None, help="data folder (default: data/)")
    p.add_argument("--db", type=Path, default=None, help="database file")
    add_language_argument(p)
    p.set_defaults(run=_build)

    p = commands.add_parser("export", help="write a CSV summary")
    p.add_argument("name", choices=list(SUMMARIES), metavar="NAME", help=", ".join(SUMMARIES))
    p.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    add_language_argument(p)
    add_filter_arguments(p)
    p.set_defaults(run=_export)

    p = commands.add_parser(
        "search", help="search every meeting's passages, key points, sessions and people (CSV)"
    )
    p.add_argument("query", help='words, "a phrase", prefix*, OR, NOT (as on the Search page)')
    p.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    add_language_argument(p)
    add_filter_arguments(p)
    p.set_defaults(run=_search)

    p = commands.add_parser("brief", help="write the agenda brief (Markdown, Word or CSV)")
    p.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    p.add_argument(
        "--format",
        choices=formats.brief_formats(),
        help="default: the output file's suffix (.docx, .csv), else md",
    )
    add_language_argument(p)
    add_selection_arguments(p)
    add_filter_arguments(p)
    p.set_defaults(run=_brief)

    p = commands.add_parser(
        "pack",
        help="write the summary pack (ZIP: brief in Markdown, Word and CSV, every CSV summary, "
        "data dictionary, citations)",
    )
    p.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    add_language_argument(p)
    add_selection_arguments(p)
    add_filter_arguments(p)
    p.set_defaults(run=_pack)

    p = commands.add_parser("dictionary", help="write the data dictionary (Markdown)")
    p.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    add_language_argument(p)
    p.set_defaults(run=_dictionary)

    p = commands.add_parser(
        "datapackage", help="write the Frictionless data package descriptor (datapackage.json)"
    )
    p.add_argument("--data", type=Path, default=None, help="data folder (default: data/)")
    p.add_argument("--db", type=Path, default=None, help="database file (default: .cache/)")
    p.add_argument("-o", "--output", type=Path, help="default: datapackage.json in the data folder")
    p.set_defaults(run=_datapackage)
    add_import_commands(commands, add_language_argument)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; 0 on success, 2 with a one-line error (never a traceback) otherwise."""
    args = parser().parse_args(argv)
    with i18n.use(getattr(args, "lang", None)):  # the error too is worded in the language
        try:
            return args.run(args)
        except (CommandError, ReportError, ApplyError, OSError) as error:
            print(_("error: {error}").format(error=error), file=sys.stderr)
            return 2
