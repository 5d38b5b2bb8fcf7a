"""Where a vault's files live. Light on purpose: asking whether a vault exists must not
load the database stack (the app asks before its first paint)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DB_NAME = "vault.db"
KEYS_NAME = "keys.json"


@dataclass(frozen=True)
class VaultPaths:
    folder: Path

    @property
    def db(self) -> Path:
        return self.folder / DB_NAME

    @property
    def keys(self) -> Path:
        return self.folder / KEYS_NAME

    @property
    def backups(self) -> Path:
        return self.folder / "backups"

    def db_files(self) -> list[Path]:
        return [self.db, self.db.with_name(DB_NAME + "-wal"), self.db.with_name(DB_NAME + "-shm")]

    def exists(self) -> bool:
        return self.keys.exists() or self.db.exists()
