"""The first half of unlocking, for the app: check the passphrase and read Home's
cached figures, without the database stack.

The desktop app unlocks in two steps (see ``ui.session``): this one, light enough to
run before SQLAlchemy has even been imported, then ``Workspace.open_unlocked`` with the
key it returns. Everything here imports only the vault's key and connection modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.services import home_cache
from app.vault.connection import read_meta
from app.vault.unlock_key import UnlockedKey, open_key

__all__ = ["FirstLook", "UnlockedKey", "first_look"]


@dataclass(frozen=True)
class FirstLook:
    """The vault's data key (its instance lock held) and Home's last figures, if any."""

    key: UnlockedKey
    home: home_cache.CachedHome | None


def first_look(folder: Path, passphrase: str, state_dir: Path) -> FirstLook:
    """Check ``passphrase`` (throttled, as ``Workspace.open``), take the instance lock
    and read the cached Home figures. Raises what ``unlock_key.open_key`` raises."""
    key = open_key(folder, passphrase, state_dir)
    cached = home_cache.load(read_meta(key.paths.db, key.data_key, home_cache.META_KEY))
    return FirstLook(key, cached)
