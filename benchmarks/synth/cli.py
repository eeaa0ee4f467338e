"""`python -m benchmarks.synth`: generate a synthetic data folder from the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks.synth.folder import SynthError
from benchmarks.synth.generate import generate


def build_parser() -> argparse.ArgumentParser:
    """The generator's arguments."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synth", description=__doc__)
    parser.add_argument("--meetings", type=int, default=3, help="number of meetings (default 3)")
    parser.add_argument("--people", type=int, default=300, help="number of people (default 300)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder to write")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Generate, report the rows written per table; exit 2 on a refused request."""
    args = build_parser().parse_args(argv)
    try:
        counts = generate(args.output, args.meetings, args.people, args.seed)
    except SynthError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    summary = "".join(f"  {name}: {count:,} rows\n" for name, count in counts.items())
    print(f"wrote synthetic data to {args.output}:\n{summary}", end="", file=sys.stderr)
    return 0
