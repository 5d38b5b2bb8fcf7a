"""The SQLAlchemy engine over keyed SQLCipher connections.

Every connection is keyed with the raw 256-bit data key (``PRAGMA key = "x'…'"``), so
no connection ever pays a key derivation; the Argon2id cost is paid once, at unlock.
SQLAlchemy talks to ``sqlcipher3`` through a ``creator`` on the plain ``sqlite://``
dialect, because the ``pysqlcipher`` dialect's own ``PRAGMA key`` handling would derive
a key per connection. The connection itself and its PRAGMAs are ``connection.connect``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from app.vault.connection import BUSY_TIMEOUT_MS, DEFAULT_CACHE_MIB, connect

__all__ = ["BUSY_TIMEOUT_MS", "DEFAULT_CACHE_MIB", "checkpoint", "connect", "make_engine"]


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
