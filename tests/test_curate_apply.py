"""The Curate page's apply (`twg_data.ui.curate.apply_current`): the draft is written to a
temporary folder that is removed in every outcome (applied, refused, failed), and what the
curator reads names the data folder as the operator gave it, never a temporary folder."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

from tests.importer.test_apply import KAMPALA
from twg_data import i18n, journal
from twg_data.importer.apply import ApplyError
from twg_data.importer.folder import fingerprints, read_tables
from twg_data.ui import curate


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder, for this test."""
    folder = tmp_path / "system-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def working(twg_env, scratch):
    """A Kampala draft in this (bare) session, as the page holds it after an upload and its
    import in the worker process."""
    work = curate.start(KAMPALA.name, KAMPALA.read_bytes(), "twg-2016-kampala")
    deadline = time.monotonic() + 60
    while curate.settle(work) == "running":
        assert time.monotonic() < deadline, "the import did not finish"
        time.sleep(0.1)
    yield curate.current()
    curate.discard()


def complete(working: curate.Working) -> None:
    """The curator's part: the identity confirmed, the classification and coordinates."""
    (organization,) = working.draft.rows["organizations"]
    organization.update(organization_type_id="city-government", classification_basis="Type: t.")
    (city,) = working.draft.rows["cities"]
    city.update(latitude="0.3476", longitude="32.5825")


def test_applied_the_temporary_folder_is_gone(working, scratch, twg_env):
    complete(working)
    applied = curate.apply_current()
    assert list(scratch.iterdir()) == []
    assert "twg-2016-kampala" in {m["meeting_id"] for m in read_tables(twg_env.path)["meetings"]}
    assert applied.backup.parent == Path(os.environ["TWG_DATA_DIR"]) / ".history"
    assert curate.current() is None


def test_refused_the_temporary_folder_is_gone_and_the_message_names_no_folder(
    working, scratch, twg_env
):
    before = fingerprints(twg_env.path)
    with pytest.raises(ApplyError) as refused:
        curate.apply_current()  # the classification and coordinates are missing
    assert str(refused.value) == "the draft has 2 problem(s); fix them in the draft first"
    assert list(scratch.iterdir()) == []
    assert fingerprints(twg_env.path) == before
    assert curate.current().draft is working.draft  # kept, to be corrected


def test_refused_in_the_language_of_the_page(working, scratch, twg_env):
    with pytest.raises(ApplyError) as refused:
        curate.apply_current()
    # Worded when shown: the page's language decides, not the one current when it was raised.
    with i18n.use("es"):
        assert str(refused.value) == (
            "el borrador tiene 2 problema(s); corríjalos primero en el borrador"
        )
        assert {p.message for p in refused.value.problems} == {"falta un valor obligatorio"}
    with i18n.use("fr"):
        assert str(refused.value) == (
            "le brouillon présente 2 problème(s)\u00a0; corrigez-les d'abord dans le brouillon"
        )
    assert str(refused.value) == "the draft has 2 problem(s); fix them in the draft first"


@pytest.mark.parametrize("failing", ["write_draft", "apply_draft"])
def test_failed_the_temporary_folder_is_gone(working, scratch, monkeypatch, failing):
    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(curate, failing, fail)
    with pytest.raises(OSError):
        curate.apply_current()
    assert list(scratch.iterdir()) == []


def test_an_interrupted_apply_is_settled_and_said_before_the_curators_apply(
    working, scratch, twg_env
):
    (twg_env.path / journal.WORK / journal.STAGED).mkdir(parents=True)  # a staging left
    complete(working)
    applied = curate.apply_current()
    assert applied.recovered == journal.UNDONE
    assert not (twg_env.path / journal.WORK).exists() and list(scratch.iterdir()) == []
