"""Wrong curator secrets, counted per session and per client address, and how long each must
wait before its next secret is checked.

After the first wrong secret the next one is checked at once; then the wait doubles, from
1 s to at most `MAX_WAIT` (0, 1, 2, 4, 8, ... 256, 300, 300 s). A secret that arrives during
the wait is refused without being checked (and does not add to the count). The counts per
address live in process memory, shared by every session, at most `MAX_ADDRESSES` of them
(the least recently wrong forgotten first); a count is forgotten `FORGET_AFTER` seconds after
its last wrong secret, and when the right secret is entered.

No thread sleeps: `wait` says how long is left, and the sign-in form says when to try again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

MAX_WAIT = 300.0
FORGET_AFTER = 3600.0
MAX_ADDRESSES = 1024


def wait_after(failures: int) -> float:
    """Seconds to wait after this many wrong secrets in a row: 0, 0, 1, 2, 4, ... MAX_WAIT."""
    if failures <= 1:
        return 0.0
    return min(2.0 ** (failures - 2), MAX_WAIT)


@dataclass(frozen=True)
class Failures:
    """Wrong secrets in a row, and when the last one came (seconds since the epoch)."""

    count: int = 0
    last: float = 0.0

    def current(self, now: float) -> Failures:
        """These failures, or none when the last one is old enough to forget."""
        return self if now - self.last < FORGET_AFTER else Failures()

    def wait(self, now: float) -> float:
        """Seconds left before the next secret may be checked."""
        kept = self.current(now)
        return max(0.0, kept.last + wait_after(kept.count) - now) if kept.count else 0.0

    def one_more(self, now: float) -> Failures:
        """These failures and one more, now."""
        return Failures(self.current(now).count + 1, now)


class Addresses:
    """Failures per client address, bounded in size, safe to share between sessions."""

    def __init__(self, limit: int = MAX_ADDRESSES) -> None:
        self._limit = limit
        self._failures: OrderedDict[str, Failures] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, address: str) -> Failures:
        """The address's failures (none if it has none remembered)."""
        with self._lock:
            return self._failures.get(address, Failures())

    def failed(self, address: str, now: float) -> Failures:
        """Count one more wrong secret from the address; return its failures."""
        with self._lock:
            failures = self._failures.pop(address, Failures()).one_more(now)
            self._failures[address] = failures
            while len(self._failures) > self._limit:
                self._failures.popitem(last=False)
            return failures

    def forget(self, address: str) -> None:
        """Forget the address's failures (the right secret came from it)."""
        with self._lock:
            self._failures.pop(address, None)

    def clear(self) -> None:
        """Forget every address's failures."""
        with self._lock:
            self._failures.clear()

    def __len__(self) -> int:
        return len(self._failures)


ADDRESSES = Addresses()  # the process's memory of wrong secrets per client address
