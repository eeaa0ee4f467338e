"""Browser tests: a real Chromium, driven by Playwright, against `streamlit run`.

Fixtures
--------
``streamlit_server`` (session)
    Starts ``python -m streamlit run app.py`` from the repo root on a free 127.0.0.1 port,
    waits for ``/_stcore/health`` to answer "ok" (60 s), yields the base URL
    (``http://127.0.0.1:<port>``) and kills the server's process group afterwards.
    ``TWG_APP_PATH`` runs another app file instead (its directory becomes the working
    directory); ``TWG_DATA_DIR`` and the rest of the environment are passed through.
``browser`` (session)
    Chromium launched headless via ``executable_path``. Found through ``CHROMIUM_PATH`` or
    ``PLAYWRIGHT_CHROMIUM_EXECUTABLE``, then ``/usr/bin/chromium``,
    ``/usr/bin/chromium-browser``, ``chromium`` on PATH. None found: the test fails when
    ``CI`` is set and is skipped otherwise.
``page`` (function)
    A page in a fresh context (``accept_downloads=True``, 1600x1000 viewport) with the
    run counter the helpers need. ``page.console_errors`` lists the browser console errors
    and uncaught page errors seen so far, so a test can end with
    ``assert page.console_errors == []``.

Helpers (``tests/browser/helpers.py``): ``wait_for_app(page, since=None, timeout=...)``,
``runs_finished(page)``, ``select_in_multiselect(page, label, value)``,
``selected_in_multiselect(page, label)``, ``download(page, button_label, dest_dir=None)``,
``screenshot(page, name)`` (into ``SCREENSHOT_DIR``: ``screenshots/`` at the repo root, or
``TWG_SCREENSHOT_DIR``), ``exception_texts(page)``.

Example::

    from helpers import download, screenshot, select_in_multiselect, wait_for_app

    def test_city_filter(streamlit_server, page):
        page.goto(streamlit_server)
        wait_for_app(page)
        select_in_multiselect(page, "City", "Nairobi")
        csv = download(page, "Download CSV")
        assert "Nairobi" in csv.read_text(encoding="utf-8-sig")
        screenshot(page, "city-filter")
        assert page.console_errors == []

Every test under ``tests/browser`` is marked ``browser``: ``pytest -m "not browser"`` leaves
them out.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers import REPO_ROOT, RUN_COUNTER_JS  # noqa: E402

BROWSER_DIR = Path(__file__).resolve().parent
SERVER_START_TIMEOUT_S = 60
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
INSTALL_HINT = (
    "Chromium not found. Install Debian's package (`apt-get install -y chromium`) or set "
    "CHROMIUM_PATH to a Chromium/Chrome executable."
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path: Path, lines: int = 40) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no output)"
    return "\n".join(text.splitlines()[-lines:]) or "(no output)"


def _health_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status == 200 and resp.read().strip() == b"ok"
    except (urllib.error.URLError, OSError):
        return False


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    for sig, wait_s in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait_s)
            return
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def serve(app: Path, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """`streamlit run app` on a free port until the block ends; yields its base URL."""
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    env = dict(os.environ)  # passes TWG_DATA_DIR through when set
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra_env or {})
    logs = Path(tempfile.mkdtemp(prefix="twg-streamlit-"))
    out_path, err_path = logs / "stdout.log", logs / "stderr.log"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(
            cmd,
            cwd=app.parent,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,  # own process group, killed as a whole
        )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while not _health_ok(f"{base_url}/_stcore/health"):
            if proc.poll() is not None or time.monotonic() > deadline:
                why = (
                    f"exited with code {proc.returncode}"
                    if proc.poll() is not None
                    else f"did not answer 'ok' on /_stcore/health within {SERVER_START_TIMEOUT_S} s"
                )
                pytest.fail(
                    f"streamlit server for {app} {why}.\n"
                    f"command: {' '.join(cmd)}\n"
                    f"--- stderr (tail) ---\n{_tail(err_path)}\n"
                    f"--- stdout (tail) ---\n{_tail(out_path)}",
                    pytrace=False,
                )
            time.sleep(0.25)
        yield base_url
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def streamlit_server() -> Iterator[str]:
    app = Path(os.environ.get("TWG_APP_PATH") or REPO_ROOT / "app.py").resolve()
    if not app.is_file():
        pytest.fail(f"Streamlit app not found: {app} (set TWG_APP_PATH to run another file)")
    with serve(app) as base_url:
        yield base_url


def find_chromium() -> str | None:
    """Path of the Chromium to use, or None. A path named by an env var must exist."""
    for var in ("CHROMIUM_PATH", "PLAYWRIGHT_CHROMIUM_EXECUTABLE"):
        value = os.environ.get(var)
        if value:
            found = shutil.which(value)
            if found is None:
                pytest.fail(f"{var}={value!r} is not an executable file", pytrace=False)
            return found
    for candidate in CHROMIUM_CANDIDATES:
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(INSTALL_HINT, pytrace=False)
        pytest.skip(INSTALL_HINT)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1600, "height": 1000})
    context.set_default_timeout(30_000)
    context.add_init_script(RUN_COUNTER_JS)
    new_page = context.new_page()
    errors: list[str] = []
    new_page.on(
        "console",
        lambda msg: (
            errors.append(f"console.{msg.type}: {msg.text}") if msg.type == "error" else None
        ),
    )
    new_page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    new_page.console_errors = errors
    try:
        yield new_page
    finally:
        context.close()
