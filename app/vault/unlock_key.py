"""From a passphrase to the vault's data key, and nothing heavier.

The first half of unlocking: the vault must exist, the wrong-passphrase delay must
have passed, the passphrase must unwrap a key slot (Argon2id, then AES-GCM, which
authenticates it) and no other instance may hold the vault. It imports neither
SQLAlchemy nor the models, so the app can show the vault's cached Home figures
(``connection.read_meta``) while the database stack is still loading; ``store.unlock``
(and ``store.open_unlocked``) do the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.errors import VaultNotFound, VaultShredded, WrongPassphrase
from app.vault.instance_lock import InstanceLock
from app.vault.keys import KeyFile
from app.vault.paths import VaultPaths
from app.vault.throttle import UnlockThrottle


@dataclass
class UnlockedKey:
    """The data key of one vault, whose instance lock this process now holds."""

    paths: VaultPaths
    key_file: KeyFile
    data_key: bytes = field(repr=False)
    lock: InstanceLock
    failed_tries_before: int = 0

    def forget(self) -> None:
        """Give the vault back unopened: release the lock and drop the key."""
        self.lock.release()
        self.data_key = b""


def open_key(
    folder: Path, passphrase: str, state_dir: Path, clock: Callable[[], float] | None = None
) -> UnlockedKey:
    """Check the passphrase against ``folder``'s key slots and take the instance lock.

    Raises:
        VaultNotFound, VaultShredded: nothing to open.
        UnlockThrottled: too soon after a wrong passphrase.
        WrongPassphrase: with the seconds to wait before the next try.
        VaultInUse: another running instance has the vault open.
    """
    paths = VaultPaths(folder)
    if not paths.keys.exists():
        if paths.db.exists():
            raise VaultShredded(f"The vault at {folder} has no key slots left: it was shredded.")
        raise VaultNotFound(
            f"There is no vault at {folder}; create one with `confidant init` or `confidant demo`."
        )
    throttle = (
        UnlockThrottle(state_dir, folder, clock) if clock else UnlockThrottle(state_dir, folder)
    )
    throttle.check()
    key_file = KeyFile.load(paths.keys)
    try:
        data_key = key_file.unlock(passphrase)
    except WrongPassphrase:
        delay = throttle.record_failure()
        raise WrongPassphrase(
            "That passphrase does not open this vault; check it (Caps Lock?) and try "
            f"again in {int(delay)} second{'s' if delay != 1 else ''}.",
            delay,
        ) from None
    failures = throttle.failures
    throttle.record_success()
    lock = InstanceLock(folder)
    lock.acquire()
    return UnlockedKey(paths, key_file, data_key, lock, failed_tries_before=failures)
