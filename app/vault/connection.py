"""One keyed SQLCipher connection with the vault's PRAGMAs, without SQLAlchemy.

``engine.py`` builds its pool from ``connect``. It lives apart, importing only
``sqlcipher3``, so that unlocking can read a row (``read_meta``: Home's cached figures)
before the database stack — about a second of imports — has loaded.

PRAGMAs and why:
- ``journal_mode=WAL`` + ``synchronous=FULL``: NORMAL can lose the last commit on
  power loss; a banker's note must survive a flat battery.
- ``temp_store=MEMORY``: SQLite temp files (sorts, temp tables) are not encrypted.
- ``secure_delete=ON``: deleted client data is overwritten, not left in free pages.
- ``cache_size``: a page cache miss costs a decrypt and an HMAC check, so the cache is
  sized to hold a whole book (see performance.md: 3× slower aggregates at 8 MB).
- ``foreign_keys=ON``: SQLite's default is off.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3

from app.domain.errors import VaultError

DEFAULT_CACHE_MIB = 256  # a 10,000-client demo book is ~150 MB
BUSY_TIMEOUT_MS = 10_000


def _key_pragma(raw_key: bytes) -> str:
    if len(raw_key) != 32:
        raise ValueError("the data key must be 32 bytes")
    return f"PRAGMA key = \"x'{raw_key.hex()}'\""


def connect(path: Path, raw_key: bytes | None, cache_mib: int = DEFAULT_CACHE_MIB) -> Any:
    """Open one DB-API connection with the vault's PRAGMAs.

    ``raw_key`` None opens the same engine without encryption: only benchmarks do that,
    to measure what encryption costs.
    """
    conn = sqlcipher3.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    # Autocommit at the driver level; SQLAlchemy's "begin" event issues BEGIN itself,
    # so that every transaction (reads included) is a real SQLite transaction.
    conn.isolation_level = None
    try:
        if raw_key is not None:
            conn.execute(_key_pragma(raw_key))
            version = conn.execute("PRAGMA cipher_version").fetchone()
            if not version or not version[0]:
                raise VaultError("This build has no SQLCipher support; reinstall Confidant.")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise VaultError(
            "The vault database cannot be read with its key: it is damaged or not a "
            "Confidant vault; run `confidant verify` or restore from a backup."
        ) from exc
    for pragma in (
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = FULL",
        "PRAGMA foreign_keys = ON",
        "PRAGMA temp_store = MEMORY",
        "PRAGMA secure_delete = ON",
        f"PRAGMA cache_size = -{cache_mib * 1024}",
        f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    ):
        conn.execute(pragma).fetchall()
    return conn


def read_meta(path: Path, raw_key: bytes, key: str) -> str | None:
    """The ``vault_meta`` value under ``key``, or None when it (or the table) is missing
    or the database cannot be read: callers use it as a hint, never as the record."""
    try:
        conn = connect(path, raw_key, cache_mib=8)
    except VaultError:
        return None
    try:
        row = conn.execute("SELECT value FROM vault_meta WHERE key = ?", (key,)).fetchone()
    except sqlcipher3.DatabaseError:
        return None
    finally:
        conn.close()
    return None if row is None else str(row[0])
