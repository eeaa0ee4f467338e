"""Where the data folder and the database file are, honouring the environment."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Meeting reports live inside the data folder, under this name (meetings.report_file).
REPORTS_FOLDER = "reports"


def data_dir() -> Path:
    """`$TWG_DATA_DIR` if set, else the project's `data/` folder."""
    return Path(os.environ.get("TWG_DATA_DIR") or PROJECT_ROOT / "data")


def shown_data_dir(data: Path | None = None) -> str:
    """The data folder as its user named it, for messages: `$TWG_DATA_DIR` as the operator
    gave it, `data` for the project's own folder, else the path as it was passed (a
    command's `--data`)."""
    if data is None or Path(data) == data_dir():
        return os.environ.get("TWG_DATA_DIR") or "data"
    return str(data)


def db_path(data: Path | None = None) -> Path:
    """`$TWG_DB_PATH` if set, else a file under `.cache/` named for the data folder."""
    if os.environ.get("TWG_DB_PATH"):
        return Path(os.environ["TWG_DB_PATH"])
    folder = str(Path(data or data_dir()).resolve())
    digest = hashlib.sha256(folder.encode()).hexdigest()[:12]
    return PROJECT_ROOT / ".cache" / f"twg-{digest}.duckdb"


def curate_dir(data: Path | None = None) -> Path:
    """Where the Curate page keeps its drafts for a data folder: beside the database file
    (`<db>-curate/`), never inside the data folder."""
    database = db_path(data)
    return database.with_name(f"{database.stem}-curate")


def report_path(data: Path, report_file: str) -> Path:
    """The report named by `meetings.report_file`, inside the data folder."""
    return Path(data) / report_file
