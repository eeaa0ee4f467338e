"""Fixtures for the AppTest page tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from tests.app_support import MediaFiles


@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch) -> MediaFiles:
    """Records every download button's file, including those made only on click."""
    files = MediaFiles()
    original = MemoryMediaFileStorage.load_and_get_id

    def recording(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        if isinstance(path_or_data, bytes):
            files.by_id[file_id] = path_or_data
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", recording)
    original_deferred = MediaFileManager.add_deferred

    def recording_deferred(self, data_callable, *args, **kwargs):
        file_id = original_deferred(self, data_callable, *args, **kwargs)
        files.deferred[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording_deferred)
    return files


@pytest.fixture(autouse=True)
def app_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the app's database out of the repo's .cache/ during tests."""
    path = tmp_path / "app.duckdb"
    monkeypatch.setenv("TWG_DB_PATH", str(path))
    return path


@pytest.fixture(autouse=True)
def no_wrong_secrets_remembered() -> None:
    """Each test starts with no wrong curator secrets remembered per address (the memory is
    the process's, shared by every AppTest session)."""
    from twg_data.ui import guesses

    guesses.ADDRESSES.clear()
