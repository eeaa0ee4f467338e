"""Reusable Playwright helpers for driving a Streamlit app in a real browser.

Written against the DOM of Streamlit 1.67 (checked in Chromium):

- ``[data-testid="stApp"]`` carries ``data-test-connection-state`` (``CONNECTED`` once the
  websocket is up) and ``data-test-script-state`` (``initial`` -> ``running`` ->
  ``notRunning``; also ``rerunRequested``, ``stopRequested``, ``compilationError``).
- ``[data-testid="stStatusWidget"]`` is only in the DOM while a run is shown as in progress,
  and appears about half a second after the run starts, so it is a secondary signal; it
  holds ``[data-testid="stStatusWidgetRunningIcon"]`` (``aria-label="Running..."``).
- ``st.multiselect`` is a react-aria ComboBox (no longer a baseweb select): an
  ``<input role="combobox" aria-label="<label>">`` inside ``[data-testid="stMultiSelect"]``;
  its options are ``role="option"`` in the ``role="listbox"`` that the input's
  ``aria-controls`` names (rendered in a portal, only while open); a chosen
  value is a tag ``[data-tag][aria-label="<value>"]`` inside the widget.
- ``st.download_button`` is ``[data-testid="stDownloadButton"] button``.
- An uncaught exception is shown as ``[data-testid="stException"]``.
- Element types are lazy-loaded: until an element's code has loaded, its container holds a
  ``[data-testid="stSkeleton"]`` placeholder, and that can outlast the script run by half a
  second (seen with ``st.download_button`` and ``st.dataframe`` on a first load). So "idle"
  below also means "no skeleton left".

A widget change does not start the rerun at once (about 0.1 s later the script state goes to
``running``). To wait for *that* rerun, not return during the gap before it, the ``page``
fixture installs a counter of finished runs (``window.__twgRunsFinished``, see
``RUN_COUNTER_JS``): helpers read ``runs_finished(page)`` before acting and pass it as
``since=`` to ``wait_for_app``.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Locator, Page

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = Path(os.environ.get("TWG_SCREENSHOT_DIR") or REPO_ROOT / "screenshots")

APP = '[data-testid="stApp"]'
STATUS_RUNNING = '[data-testid="stStatusWidget"] [data-testid="stStatusWidgetRunningIcon"]'
SIDEBAR = '[data-testid="stSidebar"]'
MULTISELECT = '[data-testid="stMultiSelect"]'
DOWNLOAD_BUTTON = '[data-testid="stDownloadButton"]'
EXCEPTION = '[data-testid="stException"]'
SKELETON = '[data-testid="stSkeleton"]'

DEFAULT_TIMEOUT_MS = 30_000
_QUIET_MS = 400  # how long the app must stay idle when no run count is given

# Installed with BrowserContext.add_init_script by the `page` fixture: counts how many script
# runs have finished (transitions of stApp's data-test-script-state to a finished state).
RUN_COUNTER_JS = """
(() => {
  if (window.__twgRunsFinished !== undefined) return;
  window.__twgRunsFinished = 0;
  const finished = new Set(["notRunning", "compilationError"]);
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      const state = m.target.getAttribute("data-test-script-state");
      if (m.oldValue !== state && finished.has(state)) window.__twgRunsFinished += 1;
    }
  });
  const start = () => observer.observe(document.documentElement, {
    subtree: true, attributes: true, attributeOldValue: true,
    attributeFilter: ["data-test-script-state"],
  });
  if (document.documentElement) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
"""

_STATE_JS = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const running = document.querySelector(
    '[data-testid="stStatusWidget"] [data-testid="stStatusWidgetRunningIcon"]');
  return {
    present: !!app,
    connection: app ? app.getAttribute("data-test-connection-state") : null,
    script: app ? app.getAttribute("data-test-script-state") : null,
    statusRunning: !!(running && running.getClientRects().length),
    skeletons: document.querySelectorAll('[data-testid="stSkeleton"]').length,
    runs: window.__twgRunsFinished === undefined ? null : window.__twgRunsFinished,
  };
}
"""


def runs_finished(page: Page) -> int | None:
    """Number of script runs finished so far (None if the run counter is not installed)."""
    return page.evaluate("() => window.__twgRunsFinished ?? null")


def _idle(state: dict) -> bool:
    return (
        state["present"]
        and state["connection"] == "CONNECTED"
        and state["script"] in ("notRunning", "compilationError")
        and not state["statusRunning"]
        and state["skeletons"] == 0
    )


def wait_for_app(
    page: Page,
    *,
    since: int | None = None,
    quiet_ms: float | None = None,
    timeout: float = DEFAULT_TIMEOUT_MS,
) -> None:
    """Wait until Streamlit has finished running the script and rendering its elements.

    "Idle" means: ``stApp`` connected, script state finished, no visible "Running" status
    widget, and no lazy-loading placeholder (``stSkeleton``) left.

    - Without ``since``: return once the app has stayed idle for ``quiet_ms`` (default
      400 ms), so a rerun that is about to start is not missed.
    - With ``since`` (a value of ``runs_finished`` read before an action that triggers a
      rerun): return once the app is idle and a run finished after ``since``. If
      ``quiet_ms`` is also given, also return after that long idle without a new run (for
      actions that may or may not rerun).

    ``timeout`` is in milliseconds; on timeout an AssertionError shows the app's state.
    """
    page.wait_for_selector(APP, state="attached", timeout=timeout)
    counting = since is not None and runs_finished(page) is not None
    if quiet_ms is None and not counting:
        quiet_ms = _QUIET_MS
    deadline = time.monotonic() + timeout / 1000
    idle_since: float | None = None
    while True:
        state = page.evaluate(_STATE_JS)
        if state["connection"] == "DISCONNECTED_FOREVER":
            raise AssertionError("Streamlit app lost its server connection for good")
        now = time.monotonic()
        if _idle(state):
            if counting and state["runs"] > since:
                return
            idle_since = idle_since or now
            if quiet_ms is not None and now - idle_since >= quiet_ms / 1000:
                return
        else:
            idle_since = None
        if now > deadline:
            raise AssertionError(
                f"Streamlit app not idle after {timeout / 1000:.0f} s "
                f"(since={since}, quiet_ms={quiet_ms}): {state}"
            )
        page.wait_for_timeout(50)


def _exact(text: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def multiselect(page: Page, label: str) -> Locator:
    """The ``stMultiSelect`` widget whose label is exactly ``label`` (must be unique)."""
    combo = page.get_by_role("combobox", name=label, exact=True)
    widget = page.locator(MULTISELECT).filter(has=combo)
    if widget.count() != 1:
        raise AssertionError(f"expected one multiselect labelled {label!r}, found {widget.count()}")
    return widget


def selected_in_multiselect(page: Page, label: str) -> list[str]:
    """Values currently chosen in the multiselect labelled ``label``."""
    tags = multiselect(page, label).locator("[data-tag]")
    return [t.get_attribute("aria-label") or t.inner_text() for t in tags.all()]


def open_option(page: Page, label: str, value: str) -> tuple[Locator, Locator]:
    """Type ``value`` into the multiselect labelled ``label``; return its combobox and the
    option whose text is exactly ``value`` (a value that is a prefix of another is not
    confused with it), listed and ready to click."""
    combo = multiselect(page, label).get_by_role("combobox")
    combo.click()
    combo.fill(value)
    # The open listbox is rendered in a portal; the combobox points at it with aria-controls.
    page.wait_for_function(
        "el => el.getAttribute('aria-expanded') === 'true' && el.getAttribute('aria-controls')",
        arg=combo.element_handle(),
    )
    listbox = page.locator(f'[id="{combo.get_attribute("aria-controls")}"]')
    option = listbox.get_by_role("option", name=_exact(value))
    if option.count() == 0:
        page.wait_for_timeout(200)  # the filtered list may render a moment later
    if option.count() != 1:
        offered = listbox.get_by_role("option").all_inner_texts()
        combo.press("Escape")
        raise AssertionError(f"{label!r} offers no option {value!r}; offered: {offered}")
    return combo, option


def select_in_multiselect(page: Page, label: str, value: str) -> None:
    """Choose ``value`` in the multiselect labelled ``label`` and wait for the rerun.

    Clicks the box, types the value, picks the option whose text is exactly ``value`` (so a
    value that is a prefix of another is not confused with it), closes the dropdown, and
    waits for the app to finish the rerun the change triggers.
    """
    before = runs_finished(page)
    combo, option = open_option(page, label, value)
    option.click()
    combo.press("Escape")
    wait_for_app(page, since=before)
    chosen = selected_in_multiselect(page, label)
    if value not in chosen:
        raise AssertionError(f"{value!r} not selected in {label!r}; selected: {chosen}")


def download(page: Page, button_label: str, dest_dir: Path | str | None = None) -> Path:
    """Click the download button labelled ``button_label``; return the saved file's path.

    The file keeps the name the app suggests and is saved in ``dest_dir`` (a new temporary
    directory if not given). Needs a context created with ``accept_downloads=True``.
    """
    button = page.locator(DOWNLOAD_BUTTON).get_by_role("button", name=_exact(button_label))
    if button.count() != 1:
        raise AssertionError(
            f"expected one download button {button_label!r}, found {button.count()}; "
            f"present: {page.locator(DOWNLOAD_BUTTON).all_inner_texts()}"
        )
    before = runs_finished(page)
    with page.expect_download() as info:
        button.click()
    dl = info.value
    failure = dl.failure()
    if failure:
        raise AssertionError(f"download {button_label!r} failed: {failure}")
    dest = Path(dest_dir) if dest_dir else Path(tempfile.mkdtemp(prefix="twg-download-"))
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / dl.suggested_filename
    dl.save_as(path)
    # st.download_button reruns the script by default (not with on_click="ignore").
    wait_for_app(page, since=before, quiet_ms=2_000)
    return path


_CONTENT_HEIGHT_JS = """
() => Math.max(
  document.documentElement.scrollHeight,
  ...['stMain', 'stSidebarContent'].map((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    return el ? el.scrollHeight : 0;
  }),
)
"""
MAX_SCREENSHOT_HEIGHT = 8_000


def screenshot(page: Page, name: str, *, full_page: bool = True) -> Path:
    """Save a PNG of the page as ``SCREENSHOT_DIR/<name>.png`` and return its path.

    Streamlit scrolls inside ``stMain`` and ``stSidebarContent``, not the document, so
    Playwright's own full-page mode would stop at the viewport. With ``full_page`` the
    viewport is made as tall as the content (at most ``MAX_SCREENSHOT_HEIGHT``) for the
    shot and restored afterwards.
    """
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") or "screenshot"
    path = SCREENSHOT_DIR / f"{safe}.png"
    viewport = page.viewport_size
    height = min(page.evaluate(_CONTENT_HEIGHT_JS), MAX_SCREENSHOT_HEIGHT)
    if full_page and viewport and height > viewport["height"]:
        page.set_viewport_size({"width": viewport["width"], "height": height})
        try:
            page.wait_for_timeout(300)  # let charts and tables lay out at the new size
            page.screenshot(path=str(path))
        finally:
            page.set_viewport_size(viewport)
    else:
        page.screenshot(path=str(path))
    return path


def exception_texts(page: Page) -> list[str]:
    """Texts of the exception boxes (``stException``) the app currently shows."""
    return page.locator(EXCEPTION).all_inner_texts()


# axe-core's WCAG 2.1 A and AA rules; a violation of impact "serious" or "critical" fails.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
AXE_FAILING = ("serious", "critical")


def axe_violations(page: Page, where: str) -> list[str]:
    """axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it stands, one
    line each ('WHERE: rule (impact) on N elements: help; first targets'); [] when none."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    return [
        f"{where}: {v['id']} ({v['impact']}) on {len(v['nodes'])} elements: {v['help']}; "
        + ", ".join(str(node["target"]) for node in v["nodes"][:3])
        for v in found
        if v["impact"] in AXE_FAILING
    ]
