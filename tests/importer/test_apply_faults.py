"""Apply is all or nothing under a crash at any instant.

`python -m twg_data apply DRAFT --data DIR` is killed (SIGKILL) at every point of its write
sequence (`journal.kill_points`: every step, and between every two files of the per-file
steps) and at spread times. After each kill the interrupted apply is settled by the next
`validate`, start of the dashboard (`ensure_database`) or apply, in turn; then the data is
wholly before or wholly after (every data file's sha256), valid, its change log holds one
entry per change made with its backup folder and nothing else, no work file is left, and a
later apply runs.
"""

from __future__ import annotations

import importlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO, copy_shipped_data
from tests.importer.test_apply import GENEVA, kampala_draft
from twg_data import journal, write_lock
from twg_data.build import ensure_database
from twg_data.cli import main
from twg_data.importer import draft_report, write_draft
from twg_data.importer.apply import ApplyError, apply_draft
from twg_data.importer.folder import HISTORY, fingerprints
from twg_data.validate import validate

# The module, not the function `twg_data.ui` exports under the same name.
database = importlib.import_module("twg_data.ui.database")

TRIGGERS = ("validate", "app start", "apply")  # what settles an interrupted apply, in turn
ENTRY_BACKUP = re.compile(r"Their previous versions: `\.history/([^/`]+)/`")


@dataclass
class Scenario:
    """The data before and after the Kampala draft, and a fresh draft for the data after."""

    before: Path
    draft: Path
    fresh: Path
    before_hashes: dict[str, str]
    after_hashes: dict[str, str]
    files: list[str]  # the files the apply writes


def geneva_draft(data: Path, out: Path) -> Path:
    """A draft of the Geneva report for `data`, its two new organizations classified."""
    draft = draft_report(GENEVA.name, GENEVA.read_bytes(), "twg-2017-geneva", data)
    for organization in draft.rows["organizations"]:
        if not organization["organization_type_id"]:
            organization.update(organization_type_id="ngo", classification_basis="Type: test.")
    write_draft(draft, data, out)
    assert validate(out) == []
    return out


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    root = tmp_path_factory.mktemp("faults")
    before = copy_shipped_data(root / "before").path
    draft = kampala_draft(before, root, "kampala")
    after = root / "after"
    shutil.copytree(before, after)
    applied = apply_draft(draft, after)
    return Scenario(
        before=before,
        draft=draft,
        fresh=geneva_draft(after, root / "geneva"),
        before_hashes=fingerprints(before),
        after_hashes=fingerprints(after),
        files=applied.files,
    )


def apply_command(draft: Path, data: Path) -> list[str]:
    return [sys.executable, "-m", "twg_data", "apply", str(draft), "--data", str(data)]


def hook_env(**hooks: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in (journal.KILL_AT, journal.STEP_DELAY)}
    return {**env, **hooks}


def work_state(data: Path) -> str:
    """What an interrupted apply left, before anything settles it."""
    work = data / journal.WORK
    if not work.exists():
        return "nothing"
    names = {path.name for path in work.iterdir()}
    if journal.JOURNAL in names:
        return "committed"
    if names & {journal.STAGED, journal.PREVIOUS}:
        return "writing"
    return "lock only"


def changelog_backups(data: Path) -> list[str]:
    log = data / HISTORY / "CHANGELOG.md"
    return ENTRY_BACKUP.findall(log.read_text(encoding="utf-8")) if log.exists() else []


def leftovers(data: Path, hashes: dict[str, str], backups: list[str]) -> list[str]:
    """Every file or folder that is not data, a backup named by the log, or the log."""
    allowed = set(hashes) | {f"{HISTORY}/CHANGELOG.md"}
    kept = []
    for path in sorted(data.rglob("*")):
        name = path.relative_to(data).as_posix()
        parts = path.relative_to(data).parts
        in_backup = parts[0] == HISTORY and len(parts) > 1 and parts[1] in backups
        holds_data = path.is_dir() and any(a.startswith(f"{name}/") for a in allowed)
        if name not in allowed and not in_backup and not holds_data:
            kept.append(name)
    return kept


def check_settled(data: Path, scenario: Scenario, applies: int) -> str:
    """The data is wholly before or after; valid, logged, tidy. Returns which."""
    hashes = fingerprints(data)
    if hashes not in (scenario.before_hashes, scenario.after_hashes):
        mixed = sorted(n for n in hashes if hashes[n] != scenario.before_hashes.get(n))
        pytest.fail(f"half applied: new {mixed}, of {scenario.files}")
    outcome = "after" if hashes == scenario.after_hashes else "before"
    assert validate(data) == []
    backups = changelog_backups(data)
    assert len(backups) == applies + (outcome == "after")  # one entry per change made
    history = data / HISTORY
    folders = sorted(p.name for p in history.iterdir() if p.is_dir()) if history.exists() else []
    assert folders == sorted(backups)  # a backup folder only for an entry, and for each
    for stamp in backups[:1]:  # the Kampala apply's backup holds the data before it
        for name in scenario.files:
            if name in scenario.before_hashes:
                assert fingerprints(history / stamp)[name] == scenario.before_hashes[name]
    assert leftovers(data, hashes, backups) == []
    return outcome


def settle(trigger: str, data: Path, scenario: Scenario, tmp_path: Path) -> str:
    """Settle the interrupted apply by `trigger`; check the data; apply once more."""
    interrupted = work_state(data) != "nothing"
    if trigger == "validate":
        assert main(["validate", str(data)]) == 0
    elif trigger == "app start":
        assert ensure_database(data, tmp_path / "twg.duckdb").problems == ()
    if trigger != "apply":
        outcome = check_settled(data, scenario, applies=0)
        later = scenario.draft if outcome == "before" else scenario.fresh
        apply_draft(later, data)  # a later apply runs
        check_tidy(data, entries=1 + (outcome == "after"))
        return outcome
    # The next apply of the same draft settles it first: then applies it, or is refused
    # because the data is already after it.
    try:
        applied = apply_draft(scenario.draft, data)
        outcome, recovered = "before", applied.recovered
    except ApplyError as refused:
        assert "the data changed after the draft was made" in str(refused)
        outcome, recovered = "after", refused.recovered
    if interrupted:  # and the curator is told
        assert recovered in (journal.COMPLETED, journal.UNDONE, journal.CLEARED)
    else:
        assert recovered is None
    assert check_settled(data, scenario, applies=0) == "after"
    apply_draft(scenario.fresh, data)  # a later apply runs
    check_tidy(data, entries=2)
    return outcome


def check_tidy(data: Path, entries: int) -> None:
    """Valid data, `entries` changes logged, each with its backup folder, no work file."""
    assert validate(data) == []
    backups = changelog_backups(data)
    assert len(backups) == entries
    assert sorted(p.name for p in (data / HISTORY).iterdir() if p.is_dir()) == sorted(backups)
    assert leftovers(data, fingerprints(data), backups) == []


def expected(point: str) -> str:
    step = point.split(":")[0]
    return "after" if journal.STEPS.index(step) >= journal.STEPS.index("committed") else "before"


def test_apply_killed_at_every_point_of_its_writing_is_wholly_before_or_after(scenario, tmp_path):
    points = journal.kill_points(len(scenario.files))
    assert len(points) == len(journal.STEPS) + 3 * (len(scenario.files) - 1)
    seen = Counter()
    for number, point in enumerate(points):
        data = tmp_path / f"data-{number}"
        shutil.copytree(scenario.before, data)
        env = hook_env(**{journal.KILL_AT: point})
        done = subprocess.run(
            apply_command(scenario.draft, data), cwd=REPO, env=env, capture_output=True
        )
        assert done.returncode == -signal.SIGKILL, point
        assert work_state(data) != "nothing", point  # killed inside the sequence
        trigger = TRIGGERS[number % len(TRIGGERS)]
        outcome = settle(trigger, data, scenario, tmp_path / f"db-{number}")
        assert outcome == expected(point), (point, trigger)
        seen[outcome] += 1
        shutil.rmtree(data)
    print(f"\n{len(points)} kill points: {dict(seen)}")


def kill_after(delay: float, data: Path, scenario: Scenario, anchor: Path | None) -> str:
    """Start apply, wait for `anchor` to appear (None: count from the start), wait `delay`
    seconds, kill it; what it left."""
    env = hook_env(**{journal.STEP_DELAY: "0.02"})  # a write sequence of about a second
    process = subprocess.Popen(
        apply_command(scenario.draft, data),
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while anchor is not None and not anchor.exists() and process.poll() is None:
            time.sleep(0.002)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    if process.returncode == 0:
        return "finished"
    assert process.returncode == -signal.SIGKILL
    return work_state(data)


def test_apply_killed_at_spread_times_is_wholly_before_or_after(scenario, tmp_path):
    runs = [(0.15 * i, None) for i in range(14)]  # from the start: imports, checks, writing
    staged = Path(journal.WORK) / journal.STAGED
    runs += [(0.08 * i, staged) for i in range(14)]  # from the first file staged
    landed, outcomes = Counter(), Counter()
    for number, (delay, anchor) in enumerate(runs):
        data = tmp_path / f"data-{number}"
        shutil.copytree(scenario.before, data)
        state = kill_after(delay, data, scenario, anchor and data / anchor)
        landed[state] += 1
        outcome = settle(TRIGGERS[number % len(TRIGGERS)], data, scenario, tmp_path / f"{number}")
        if state == "committed":
            assert outcome == "after"
        if state == "writing":
            assert outcome == "before"
        outcomes[outcome] += 1
        shutil.rmtree(data)
    print(f"\n{len(runs)} kills: left {dict(landed)}; settled {dict(outcomes)}")
    assert landed["writing"] + landed["committed"] > 0  # some kills landed mid-sequence


def test_the_dashboard_starts_on_whole_data_after_an_apply_killed_midway(
    twg_env, tmp_path, monkeypatch
):
    draft = kampala_draft(twg_env.path, tmp_path)
    env = hook_env(**{journal.KILL_AT: "replacing:3"})
    subprocess.run(apply_command(draft, twg_env.path), cwd=REPO, env=env, capture_output=True)
    assert work_state(twg_env.path) == "committed"
    monkeypatch.setattr(database, "_DATABASE", database._Database())  # a fresh server
    status = database.refresh_database()
    assert status.problems == () and work_state(twg_env.path) == "nothing"
    speakers = "SELECT count(*) FROM speakers WHERE meeting_id = 'twg-2016-kampala'"
    assert database.database().db.con.execute(speakers).fetchone() == (2,)
    assert database.refresh_database() is status  # settled once: nothing changes after


def test_with_no_apply_interrupted_the_dashboard_only_looks(twg_env, monkeypatch):
    def no_lock(work):
        raise AssertionError("took the lock with nothing to recover")

    monkeypatch.setattr(write_lock, "acquire", no_lock)
    monkeypatch.setattr(database, "_DATABASE", database._Database())
    assert database.refresh_database().problems == ()
