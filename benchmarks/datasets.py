"""The data folders the benchmarks run on: the shipped data, or cached synthetic folders."""

from __future__ import annotations

import hashlib
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.synth import generate as synth
from twg_data.build import ensure_database
from twg_data.paths import PROJECT_ROOT
from twg_data.search import freshness

CACHE = PROJECT_ROOT / "benchmarks" / ".data"
SHIPPED = "shipped"


@dataclass(frozen=True)
class Dataset:
    """A data folder a benchmark runs on, and the database built from it."""

    name: str  # "shipped", the number of people ("100000"), or people x meetings ("100000x50")
    data_dir: Path
    db_path: Path  # a database of its own (never the app's under .cache/)
    people: int | None  # None for the shipped data
    generate_seconds: float | None = None  # when it was generated in this run


def _count(text: str) -> int:
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(text[:-1] if scale > 1 else text) * scale


def parse_size(text: str) -> str:
    """`shipped`, a number of people (`100000`, `100_000`, `100k`, `1m`), or people and
    meetings (`100kx50`: 100,000 people at 50 meetings; without `x`, `--meetings` decides)."""
    text = text.strip().lower().replace("_", "").replace(",", "")
    if text == SHIPPED:
        return SHIPPED
    people, _, meetings = text.partition("x")
    number = _count(people)
    if number < 1:
        raise ValueError(f"a size must be at least 1 person, got {text!r}")
    if not meetings:
        return str(number)
    if int(meetings) < 1:
        raise ValueError(f"a size must have at least 1 meeting, got {text!r}")
    return f"{number}x{int(meetings)}"


def shape(size: str, meetings: int) -> tuple[int, int]:
    """(people, meetings) of a synthetic size; `meetings` unless the size names its own."""
    people, _, own = size.partition("x")
    return int(people), int(own) if own else meetings


def label(size: str) -> str:
    """How a size reads in a report: `shipped data`, `100,000 people x 50 meetings`."""
    if size == SHIPPED:
        return "shipped data"
    people, _, meetings = size.partition("x")
    return f"{int(people):,} people" + (f" x {int(meetings)} meetings" if meetings else "")


def _synth_version() -> str:
    """Changes when the generator changes, so that cached folders are regenerated."""
    folder = Path(synth.__file__).parent  # the generator and its place lists
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.py")) + sorted(folder.glob("*.csv")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def prepare(size: str, meetings: int, seed: int) -> Dataset:
    """The data folder for size (generated into benchmarks/.data/ once) and its database."""
    CACHE.mkdir(parents=True, exist_ok=True)
    if size == SHIPPED:
        data_dir = PROJECT_ROOT / "data"
        return Dataset(SHIPPED, data_dir, CACHE / "shipped.duckdb", None)
    people, meetings = shape(size, meetings)
    folder = CACHE / f"people-{people}-meetings-{meetings}-seed-{seed}-{_synth_version()}"
    seconds = None
    if not (folder / ".complete").is_file():
        for stale in CACHE.glob(f"people-{people}-meetings-{meetings}-seed-{seed}-*"):
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
        temp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(temp, ignore_errors=True)
        started = time.perf_counter()
        synth.generate(temp, meetings=meetings, people=people, seed=seed)
        seconds = time.perf_counter() - started
        (temp / ".complete").write_text(f"{seconds:.3f}\n")
        temp.rename(folder)
    return Dataset(size, folder, folder.with_suffix(".duckdb"), people, seconds)


def ensure_built(dataset: Dataset) -> None:
    """Build the dataset's database and its search index if missing or stale; raise if the
    data is invalid."""
    status = ensure_database(dataset.data_dir, dataset.db_path)
    if status.problems:
        shown = "\n".join(str(p) for p in status.problems[:10])
        raise RuntimeError(f"{dataset.data_dir} has {len(status.problems)} problem(s):\n{shown}")
    freshness.ensure_index(dataset.db_path)
