"""Encrypted single-file backups, and restoring one into a new vault.

A backup file is ``MAGIC``, a 4-byte header length, a JSON header, then a SQLCipher
database made with ``sqlcipher_export`` under a fresh random key (never a copy of the
live file, which can be mid-write). The header holds a passphrase key slot for that
key, bound by AES-GCM to the database's SHA-256, so a swapped or damaged body is
refused before anything is restored.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import secrets
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.errors import DiskFull, VaultError, VaultExists, WrongPassphrase
from app.vault import engine as vault_engine
from app.vault.keys import DEFAULT_KDF, KdfParams, KeyFile, PassphraseSlot, write_atomically
from app.vault.paths import VaultPaths
from app.vault.store import OpenVault
from app.vault.types import utc_now

MAGIC = b"CONFIDANT-BACKUP\x00"
FORMAT = 1


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    created_at: str
    schema: str | None


def _aad_id(backup_id: str, db_sha256: str) -> str:
    return f"backup:{backup_id}:{db_sha256}"


def _export(vault: OpenVault, target: Path, key: bytes) -> None:
    vault_engine.checkpoint(vault.engine)
    raw = vault.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{key.hex()}'\"", (str(target),))
        try:
            cur.execute("SELECT sqlcipher_export('backup')")
        finally:
            cur.execute("DETACH DATABASE backup")
    finally:
        raw.close()


def _schema_of(vault: OpenVault) -> str | None:
    from app.vault.migrate import current_revision

    return current_revision(vault.engine)


def write_backup(
    vault: OpenVault, passphrase: str, out: Path, kdf: KdfParams = DEFAULT_KDF
) -> BackupInfo:
    """Write an encrypted backup of ``vault`` to ``out``, openable with ``passphrase``."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.export")
    key = secrets.token_bytes(32)
    try:
        _export(vault, tmp, key)
        body = tmp.read_bytes()
        digest = hashlib.sha256(body).hexdigest()
        backup_id = secrets.token_hex(16)
        slot = PassphraseSlot.wrap(key, passphrase, _aad_id(backup_id, digest), kdf)
        header: dict[str, Any] = {
            "format": FORMAT,
            "backup_id": backup_id,
            "created_at": utc_now().isoformat(),
            "schema": _schema_of(vault),
            "db_sha256": digest,
            "slot": slot.to_json(),
        }
        head = json.dumps(header).encode("utf-8")
        write_atomically(out, MAGIC + struct.pack(">I", len(head)) + head + body)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFull(
                f"The disk is full: no backup was written to {out}; free some space and try again."
            ) from exc
        raise
    finally:
        for leftover in tmp.parent.glob(tmp.name + "*"):
            leftover.unlink(missing_ok=True)
    return BackupInfo(out, out.stat().st_size, header["created_at"], header["schema"])


def read_header(path: Path) -> tuple[dict[str, Any], int]:
    """The backup's header and the offset where the database body starts."""
    with open(path, "rb") as fh:
        magic = fh.read(len(MAGIC))
        if magic != MAGIC:
            raise VaultError(f"{path} is not a Confidant backup file.")
        (length,) = struct.unpack(">I", fh.read(4))
        try:
            header = json.loads(fh.read(length).decode("utf-8"))
        except ValueError as exc:
            raise VaultError(f"The backup {path} is damaged (unreadable header).") from exc
    if header.get("format") != FORMAT:
        raise VaultError("This backup was made by a newer Confidant; update the app to restore it.")
    return header, len(MAGIC) + 4 + length


def restore_backup(
    source: Path, folder: Path, passphrase: str, kdf: KdfParams = DEFAULT_KDF
) -> VaultPaths:
    """Make a new vault in ``folder`` from the backup ``source`` (same passphrase)."""
    paths = VaultPaths(folder)
    if paths.exists():
        raise VaultExists(f"A vault already exists at {folder}; restore into a new folder instead.")
    header, offset = read_header(source)
    body = source.read_bytes()[offset:]
    digest = hashlib.sha256(body).hexdigest()
    if digest != header["db_sha256"]:
        raise VaultError(f"The backup {source} is damaged: its contents do not match its checksum.")
    slot = PassphraseSlot.from_json(header["slot"])
    key = slot.unwrap(passphrase, _aad_id(header["backup_id"], digest))
    if key is None:
        raise WrongPassphrase(
            "That passphrase does not open this backup; use the passphrase the vault had "
            "when the backup was made."
        )
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        write_atomically(paths.db, body)
        key_file = KeyFile(vault_id=secrets.token_hex(16), slots=())
        key_file.rewrap(key, passphrase, kdf).save(paths.keys)
    except OSError as exc:
        for path in (paths.db, paths.keys):
            path.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise DiskFull(f"The disk is full: nothing was restored into {folder}.") from exc
        raise
    os.chmod(paths.db, 0o600)
    return paths
