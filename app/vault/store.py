"""Create, unlock, re-key and shred a vault folder.

Layout: ``vault.db`` (SQLCipher), ``keys.json`` (key slots), ``.lock`` (instance lock),
``backups/`` (encrypted pre-migration backups). Unlocking derives the wrapping key
once (Argon2id, in ``unlock_key``), then every connection uses the raw data key.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from app.domain.errors import VaultError, VaultExists, VaultNotFound
from app.vault import engine as vault_engine
from app.vault import keys, migrate
from app.vault.instance_lock import InstanceLock
from app.vault.keys import DEFAULT_KDF, KdfParams, KeyFile
from app.vault.paths import VaultPaths
from app.vault.unlock_key import UnlockedKey, open_key


@dataclass
class OpenVault:
    """An unlocked vault: the engine holds keyed connections; the key stays in memory."""

    paths: VaultPaths
    key_file: KeyFile
    data_key: bytes = field(repr=False)
    engine: Engine
    lock: InstanceLock
    failed_tries_before: int = 0
    migrated_from: str | None = None

    def close(self) -> None:
        try:
            vault_engine.checkpoint(self.engine)
        finally:
            self.engine.dispose()
            self.lock.release()
            self.data_key = b""


def create(folder: Path, passphrase: str, kdf: KdfParams = DEFAULT_KDF) -> OpenVault:
    """Make a new vault in ``folder`` (created if missing, must hold no vault)."""
    paths = VaultPaths(folder)
    if paths.exists():
        raise VaultExists(f"A vault already exists at {folder}; open it, or choose another folder.")
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    lock = InstanceLock(folder)
    lock.acquire()
    key_file, data_key = KeyFile.new(passphrase, kdf)
    key_file.save(paths.keys)
    engine = vault_engine.make_engine(paths.db, data_key)
    try:
        migrate.upgrade(engine)
    except BaseException:
        engine.dispose()
        lock.release()
        raise
    return OpenVault(paths, key_file, data_key, engine, lock)


def unlock(
    folder: Path,
    passphrase: str,
    state_dir: Path,
    *,
    clock: Callable[[], float] | None = None,
    before_migration: Callable[[OpenVault], None] | None = None,
) -> OpenVault:
    """Open an existing vault; wrong passphrases are throttled and write nothing here."""
    return open_unlocked(open_key(folder, passphrase, state_dir, clock), before_migration)


def open_unlocked(
    key: UnlockedKey, before_migration: Callable[[OpenVault], None] | None = None
) -> OpenVault:
    """The second half of ``unlock``: the engine over the data key ``open_key`` found,
    and the schema brought up to date. The key is given back when this fails."""
    try:
        engine = vault_engine.make_engine(key.paths.db, key.data_key)
    except BaseException:
        key.forget()
        raise
    vault = OpenVault(
        key.paths,
        key.key_file,
        key.data_key,
        engine,
        key.lock,
        failed_tries_before=key.failed_tries_before,
    )
    try:
        _upgrade_if_needed(vault, before_migration)
    except BaseException:
        vault.close()
        raise
    return vault


def _upgrade_if_needed(vault: OpenVault, before: Callable[[OpenVault], None] | None) -> None:
    current = migrate.current_revision(vault.engine)
    if current == migrate.head_revision():
        return
    if current is None:
        raise VaultError(f"{vault.paths.db} is not a Confidant vault; restore it from a backup.")
    if before is not None:
        before(vault)
    migrate.upgrade(vault.engine)
    vault.migrated_from = current


def change_passphrase(vault: OpenVault, new_passphrase: str, kdf: KdfParams = DEFAULT_KDF) -> None:
    """Rewrap the data key under a new passphrase; the database is not re-encrypted."""
    new_file = vault.key_file.rewrap(vault.data_key, new_passphrase, kdf)
    new_file.save(vault.paths.keys)
    vault.key_file = new_file


def shred(folder: Path) -> list[Path]:
    """Destroy the key slots, then remove the database files. Returns what was removed.

    Once the key file is overwritten the data key exists nowhere on disk, so the
    database is unreadable even if a copy of it survives elsewhere.
    """
    paths = VaultPaths(folder)
    if not paths.exists():
        raise VaultNotFound(f"There is no vault at {folder}.")
    lock = InstanceLock(folder)
    lock.acquire()
    removed: list[Path] = []
    try:
        if paths.keys.exists():
            keys.destroy(paths.keys)
            removed.append(paths.keys)
        for path in [*paths.db_files(), *sorted(paths.backups.glob("*"))]:
            if path.exists():
                _overwrite_and_remove(path)
                removed.append(path)
    finally:
        lock.release()
    return removed


def _overwrite_and_remove(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        remaining = size
        while remaining > 0:
            chunk = min(remaining, 1 << 20)
            fh.write(secrets.token_bytes(chunk))
            remaining -= chunk
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink()
