"""Time `python -m twg_data import` on a 30-page report, as text, Word and PDF.

    python -m benchmarks.import_bench [--pages 30] [--repeat 5] [--data DIR]

The report is made here on the pattern of the Bogotá report: a title, background
paragraphs, sessions with time ranges and speakers, key-point lists and a numbered list of
participants in the "Name, Title, Organization, City, Country" manner, as many pages as
asked (55 lines a page in the PDF; the Word and text files hold the same lines). Half the
named people are in the shipped data; the others are new and invented for the benchmark. Prints the
median of each format: in process (read, recognise, write the draft folder) and the whole
command in a new interpreter, with the target (under 10 s).
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.importer.report_files import text_pdf, word_report
from twg_data import paths
from twg_data.importer import draft_report, write_draft

SHIPPED = paths.PROJECT_ROOT / "data"
LINES_PER_PAGE = 55
TARGET_SECONDS = 10.0


def report_lines(pages: int) -> list[str]:
    """About `pages` pages of report lines ('' separates paragraphs); the named people are
    the Bogotá list's."""
    with (SHIPPED / "sources.csv").open(encoding="utf-8", newline="") as handle:
        listed = [
            r["passage"] for r in csv.DictReader(handle) if r["section"] == "List of participants"
        ]
    people = [line for line in listed if line.count(",") >= 2]
    lines = [
        "Report on the ninth meeting of the Technical Working Group, Bogota, 14 March 2019",
        "",
    ]
    lines += ["Background", ""]
    budget = pages * LINES_PER_PAGE
    session = 0
    while len(lines) < budget * 0.55:
        session += 1
        hour = 8 + session % 9
        lines += [f"Session {session}: Exchange of practice {session} ({hour}.00-{hour}.45)", ""]
        lines += [
            "The TWG convened a session to exchange practice between cities and",
            "peacebuilders on the theme of the day.",
            "",
        ]
        lines += ["Speakers included:", ""]
        for index in range(6):
            lines.append(f"- {people[(session * 6 + index) % len(people)]}")
        lines.append("")
        lines += ["Recommendations", ""]
        for index in range(1, 9):
            lines.append(
                f"- Point {session}.{index}: Cities and peacebuilders should plan together."
            )
        lines.append("")
    lines += ["List of participants", ""]
    number = 0
    while len(lines) < budget:
        number += 1
        if number % 2:
            lines.append(f"{number}. {people[number % len(people)]}")
        else:
            lines.append(
                f"{number}. Invented Person{number:04d}, Officer, "
                f"Example Office {number}, Quito, Ecuador"
            )
    return lines[:budget]


def _word_style(line: str) -> tuple[str, str]:
    """The Word paragraph for a report line: bullets and numbers as list styles, headings
    (a short line without an end mark) as Heading 1."""
    if line.startswith("- "):
        return "List Bullet", line[2:]
    number, dot, rest = line.partition(". ")
    if dot and number.isdigit():
        return "List Number", f"{number}. {rest}"
    if len(line.split()) <= 20 and not line.endswith((".", ":", ",")):
        return "Heading 1", line
    return "Normal", line


def files(pages: int) -> dict[str, bytes]:
    lines = report_lines(pages)
    chunks = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    text = "\n".join(lines) + "\n"
    blocks = [
        _word_style(line)
        for paragraph in text.split("\n\n")
        for line in (
            paragraph.split("\n")
            if paragraph.lstrip()[:1] in "-0123456789"
            else [" ".join(paragraph.split())]
        )
        if line.strip()
    ]
    return {
        "report.txt": text.encode("utf-8"),
        "report.docx": word_report(blocks),
        "report.pdf": text_pdf(chunks),
    }


def in_process(name: str, content: bytes, data_dir: Path) -> float:
    started = time.perf_counter()
    draft = draft_report(name, content, "twg-2019-bench", data_dir)
    with tempfile.TemporaryDirectory() as scratch:
        write_draft(draft, data_dir, Path(scratch) / "draft")
    return time.perf_counter() - started


def command(path: Path, data_dir: Path) -> float:
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "twg_data",
                "import",
                str(path),
                "--meeting-id",
                "twg-2019-bench",
                "--data",
                str(data_dir),
                "-o",
                str(Path(scratch) / "draft"),
            ],
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data", type=Path, default=SHIPPED, help="data folder to import into")
    args = parser.parse_args(argv)
    made = files(args.pages)
    print(f"Import of a {args.pages}-page report into {args.data} (median of {args.repeat})\n")
    print("| format | size | passages | people drafted | in process | whole command | target |")
    print("|---|---:|---:|---:|---:|---:|---|")
    worst = 0.0
    with tempfile.TemporaryDirectory() as scratch:
        for name, content in made.items():
            path = Path(scratch) / name
            path.write_bytes(content)
            draft = draft_report(name, content, "twg-2019-bench", args.data)
            inner = statistics.median(
                in_process(name, content, args.data) for _ in range(args.repeat)
            )
            whole = statistics.median(command(path, args.data) for _ in range(args.repeat))
            worst = max(worst, whole)
            people = len(draft.rows.get("participants", []))
            print(
                f"| {name.split('.')[-1]} | {len(content) / 1024:.0f} KB | {len(draft.passages)} "
                f"| {people} | {inner:.2f} s | {whole:.2f} s "
                f"| {'met' if whole < TARGET_SECONDS else 'MISSED'} (< {TARGET_SECONDS:.0f} s) |"
            )
    return 0 if worst < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
