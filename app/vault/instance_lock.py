"""One process per vault: an exclusive OS lock on ``<vault>/.lock``.

Two processes writing one SQLite file through separate caches is how other apps
emptied their databases (Joplin #255); the second opener is refused instead. The OS
drops the lock when the process dies, so a crash never leaves the vault locked.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from app.domain.errors import VaultInUse


class InstanceLock:
    def __init__(self, folder: Path) -> None:
        self.path = folder / ".lock"
        self._fh: IO[bytes] | None = None

    def acquire(self) -> None:
        fh = open(self.path, "a+b")  # noqa: SIM115 - held open for the lock's lifetime
        try:
            _lock(fh)
        except OSError as exc:
            fh.close()
            raise VaultInUse(
                "This vault is already open in another Confidant window or command; "
                "close it there first."
            ) from exc
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            _unlock(self._fh)
            self._fh.close()
            self._fh = None


if os.name == "nt":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]

    def _unlock(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined,unused-ignore]

else:
    import fcntl

    def _lock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
