"""The growing delay after wrong passphrases, remembered across restarts.

Kept in the user's state folder, outside the vault, so that a wrong passphrase
writes nothing into the vault itself. After the n-th failure in a row the next try
waits 2**(n-1) seconds (1, 2, 4, … capped at 5 minutes); a success resets it.
The file holds counts and times only, never a passphrase or a client detail.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from pathlib import Path

from app.domain.errors import UnlockThrottled
from app.vault.keys import write_atomically

MAX_DELAY_SECONDS = 300.0


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong passphrases in a row."""
    if failures <= 0:
        return 0.0
    return min(2.0 ** (failures - 1), MAX_DELAY_SECONDS)


class UnlockThrottle:
    """Failure count and next allowed try for one vault."""

    def __init__(
        self, state_dir: Path, vault_path: Path, clock: Callable[[], float] = time.time
    ) -> None:
        digest = hashlib.sha256(str(vault_path.resolve()).encode()).hexdigest()[:32]
        self.path = state_dir / "unlock" / f"{digest}.json"
        self._clock = clock

    def _read(self) -> tuple[int, float]:
        try:
            doc = json.loads(self.path.read_text("utf-8"))
            return int(doc["failures"]), float(doc["next_try_at"])
        except (OSError, ValueError, KeyError):
            return 0, 0.0

    @property
    def failures(self) -> int:
        return self._read()[0]

    def seconds_left(self) -> float:
        """How long until the next try is allowed (0 when it is allowed now)."""
        _, next_try_at = self._read()
        return max(0.0, next_try_at - self._clock())

    def check(self) -> None:
        """Raise UnlockThrottled while the delay after the last failure runs."""
        left = self.seconds_left()
        if left > 0:
            seconds = int(left) + 1
            raise UnlockThrottled(
                f"Too many wrong passphrases: wait {seconds} second{'s' if seconds != 1 else ''}, "
                "then try again.",
                left,
            )

    def record_failure(self) -> float:
        """Count a wrong passphrase; returns the delay now imposed."""
        failures = self._read()[0] + 1
        delay = delay_after(failures)
        self._write(failures, self._clock() + delay)
        return delay

    def record_success(self) -> None:
        if self.path.exists():
            self.path.unlink()

    def _write(self, failures: int, next_try_at: float) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        doc = {"failures": failures, "next_try_at": next_try_at}
        write_atomically(self.path, json.dumps(doc).encode())
