"""Fixtures for the AppTest page tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from tests.app_support import MediaFiles


@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch) -> MediaFiles:
    files = MediaFiles()
    original = MemoryMediaFileStorage.load_and_get_id

    def recording(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        if isinstance(path_or_data, bytes):
            files.by_id[file_id] = path_or_data
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", recording)
    return files


@pytest.fixture(autouse=True)
def app_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the app's database out of the repo's .cache/ during tests."""
    path = tmp_path / "app.duckdb"
    monkeypatch.setenv("TWG_DB_PATH", str(path))
    return path
