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

CACHE = PROJECT_ROOT / "benchmarks" / ".data"
SHIPPED = "shipped"


@dataclass(frozen=True)
class Dataset:
    name: str  # "shipped" or the number of people, e.g. "100000"
    data_dir: Path
    db_path: Path  # a database of its own (never the app's under .cache/)
    people: int | None  # None for the shipped data
    generate_seconds: float | None = None  # when it was generated in this run


def parse_size(text: str) -> str:
    """`shipped`, or a number of people (`100000`, `100_000`, `100k`, `1m`)."""
    text = text.strip().lower().replace("_", "").replace(",", "")
    if text == SHIPPED:
        return SHIPPED
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    number = int(text[:-1] if scale > 1 else text) * scale
    if number < 1:
        raise ValueError(f"a size must be at least 1 person, got {text!r}")
    return str(number)


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
    people = int(size)
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
    """Build the dataset's database if it is missing or stale; raise if the data is invalid."""
    status = ensure_database(dataset.data_dir, dataset.db_path)
    if status.problems:
        shown = "\n".join(str(p) for p in status.problems[:10])
        raise RuntimeError(f"{dataset.data_dir} has {len(status.problems)} problem(s):\n{shown}")
