"""Key slots: the vault's random data key, stored only wrapped under a passphrase.

The data key (32 random bytes) is SQLCipher's raw key. It never touches the disk in the
clear: each slot wraps it with AES-256-GCM under a key derived from the passphrase by
Argon2id, whose parameters and salt are recorded in the slot and authenticated as
associated data (so an attacker cannot swap in cheaper parameters). Changing the
passphrase rewraps the data key; the database is never re-encrypted. Destroying every
slot (``shred``) makes the database unreadable for good.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.domain.errors import VaultError, VaultShredded, WrongPassphrase

KEY_FILE_FORMAT = 1
DATA_KEY_BYTES = 32


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The defaults take about half a second on a 2-core laptop.

    ``memory_kib`` 131072 (128 MiB) and ``passes`` 6 sit well above RFC 9106's second
    recommendation (64 MiB, 3 passes). Tests pass cheaper parameters explicitly.
    """

    memory_kib: int = 128 * 1024
    passes: int = 6
    lanes: int = 4

    def is_weaker_than_policy(self) -> bool:
        """True when below the bank's floor of 64 MiB and 3 passes."""
        return self.memory_kib < 64 * 1024 or self.passes < 3


DEFAULT_KDF = KdfParams()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def derive_wrapping_key(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    """Argon2id(passphrase, salt) → 32-byte AES key. Slow on purpose."""
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=kdf.passes,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.lanes,
        hash_len=32,
        type=Type.ID,
    )


@dataclass(frozen=True)
class PassphraseSlot:
    """One wrapped copy of the data key, openable with one passphrase."""

    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes

    def header(self, vault_id: str) -> bytes:
        """Associated data: binds the ciphertext to its parameters and its vault."""
        doc = {"type": "passphrase", "kdf": asdict(self.kdf), "salt": _b64(self.salt)}
        return json.dumps({"vault": vault_id, **doc}, sort_keys=True).encode()

    @classmethod
    def wrap(
        cls, data_key: bytes, passphrase: str, vault_id: str, kdf: KdfParams
    ) -> PassphraseSlot:
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        draft = cls(kdf=kdf, salt=salt, nonce=nonce, wrapped=b"")
        key = derive_wrapping_key(passphrase, salt, kdf)
        wrapped = AESGCM(key).encrypt(nonce, data_key, draft.header(vault_id))
        return cls(kdf=kdf, salt=salt, nonce=nonce, wrapped=wrapped)

    def unwrap(self, passphrase: str, vault_id: str) -> bytes | None:
        """The data key, or None when the passphrase is not this slot's."""
        key = derive_wrapping_key(passphrase, self.salt, self.kdf)
        try:
            return AESGCM(key).decrypt(self.nonce, self.wrapped, self.header(vault_id))
        except InvalidTag:
            return None

    def to_json(self) -> dict[str, Any]:
        return {
            "type": "passphrase",
            "kdf": {"algorithm": "argon2id", **asdict(self.kdf)},
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> PassphraseSlot:
        kdf_doc = dict(doc["kdf"])
        if kdf_doc.pop("algorithm", "argon2id") != "argon2id":
            raise VaultError("This key slot uses an unknown key derivation; update Confidant.")
        return cls(
            kdf=KdfParams(**kdf_doc),
            salt=_unb64(doc["salt"]),
            nonce=_unb64(doc["nonce"]),
            wrapped=_unb64(doc["wrapped"]),
        )


@dataclass(frozen=True)
class KeyFile:
    """The vault's ``keys.json``: its id and its key slots."""

    vault_id: str
    slots: tuple[PassphraseSlot, ...]

    @classmethod
    def new(cls, passphrase: str, kdf: KdfParams = DEFAULT_KDF) -> tuple[KeyFile, bytes]:
        """A fresh vault id and data key, wrapped under ``passphrase``."""
        data_key = secrets.token_bytes(DATA_KEY_BYTES)
        vault_id = secrets.token_hex(16)
        slot = PassphraseSlot.wrap(data_key, passphrase, vault_id, kdf)
        return cls(vault_id=vault_id, slots=(slot,)), data_key

    def unlock(self, passphrase: str) -> bytes:
        """The data key; raises WrongPassphrase when no slot opens."""
        for slot in self.slots:
            key = slot.unwrap(passphrase, self.vault_id)
            if key is not None:
                return key
        raise WrongPassphrase("That passphrase does not open this vault; check it and try again.")

    def rewrap(self, data_key: bytes, new_passphrase: str, kdf: KdfParams) -> KeyFile:
        """A key file whose only slot opens with ``new_passphrase`` (old slots dropped)."""
        slot = PassphraseSlot.wrap(data_key, new_passphrase, self.vault_id, kdf)
        return KeyFile(vault_id=self.vault_id, slots=(slot,))

    def to_bytes(self) -> bytes:
        doc = {
            "format": KEY_FILE_FORMAT,
            "vault_id": self.vault_id,
            "slots": [slot.to_json() for slot in self.slots],
        }
        return json.dumps(doc, indent=2).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        try:
            doc = json.loads(raw.decode("utf-8"))
            slots = tuple(PassphraseSlot.from_json(s) for s in doc["slots"])
            vault_id = str(doc["vault_id"])
        except (ValueError, KeyError, TypeError) as exc:
            raise VaultError(
                "The vault's key file is damaged; restore the vault from a backup."
            ) from exc
        if doc.get("format") != KEY_FILE_FORMAT:
            raise VaultError("This vault was made by a newer Confidant; update the app.")
        if not slots:
            raise VaultShredded("This vault was shredded: its data can never be read again.")
        return cls(vault_id=vault_id, slots=slots)

    def save(self, path: Path) -> None:
        write_atomically(path, self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        return cls.from_bytes(path.read_bytes())


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a sibling temp file, fsync it, then rename over ``path``.

    A crash leaves either the old file or the new one, never half of each.
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def destroy(path: Path) -> None:
    """Overwrite the key file with random bytes, fsync, then delete it."""
    if not path.exists():
        return
    size = max(path.stat().st_size, 4096)
    with open(path, "r+b") as fh:
        fh.write(secrets.token_bytes(size))
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink()
    _fsync_dir(path.parent)
