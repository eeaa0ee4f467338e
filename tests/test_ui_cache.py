"""The pages' result cache (`twg_data.ui.cache`): one computation per key, the most recently
used kept, concurrent sessions waiting for one computation rather than repeating it."""

from __future__ import annotations

import threading
import time

from twg_data.ui.cache import _Results


def test_a_result_is_computed_once_and_then_shared():
    results = _Results(size=4)
    calls = []
    first = results.get(("q", "f", "db"), lambda: calls.append(1) or ["rows"])
    again = results.get(("q", "f", "db"), lambda: calls.append(1) or ["other"])
    assert first is again and first == ["rows"] and len(calls) == 1


def test_the_least_recently_used_result_is_dropped_beyond_the_size():
    results = _Results(size=2)
    results.get(("a",), lambda: "A")
    results.get(("b",), lambda: "B")
    results.get(("a",), lambda: "A again")  # a is now the most recently used
    results.get(("c",), lambda: "C")  # drops b
    assert results.get(("a",), lambda: "new a") == "A"
    assert results.get(("b",), lambda: "new b") == "new b"


def test_sessions_asking_at_once_wait_for_one_computation():
    results = _Results(size=4)
    calls = []

    def slow() -> str:
        calls.append(1)
        time.sleep(0.2)
        return "done"

    found = []
    threads = [
        threading.Thread(target=lambda: found.append(results.get(("slow",), slow)))
        for _ in range(5)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == ["done"] * 5 and len(calls) == 1
