"""The one place that opens SQLCipher connections and sets their PRAGMAs.

Every connection is keyed with the raw 256-bit data key (``PRAGMA key = "x'…'"``), so
no connection ever pays a key derivation; the Argon2id cost is paid once, at unlock.
SQLAlchemy talks to ``sqlcipher3`` through a ``creator`` on the plain ``sqlite://``
dialect, because the ``pysqlcipher`` dialect's own ``PRAGMA key`` handling would derive
a key per connection.

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
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

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
    # Autocommit at the driver level; SQLAlchemy's "begin" event below issues BEGIN
    # itself, so that every transaction (reads included) is a real SQLite transaction.
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


def make_engine(path: Path, raw_key: bytes | None, cache_mib: int = DEFAULT_CACHE_MIB) -> Engine:
    """A SQLAlchemy engine whose pooled connections stay open (and keyed) for the session."""
    engine = create_engine(
        "sqlite://",
        creator=lambda: connect(path, raw_key, cache_mib),
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
        pool_pre_ping=False,
        module=sqlcipher3.dbapi2,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def checkpoint(engine: Engine) -> None:
    """Fold the WAL back into the database file (used before backups and close)."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
