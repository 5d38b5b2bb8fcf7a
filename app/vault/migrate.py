"""Bring a vault's schema to the current version, once, at unlock.

Alembic runs on the open keyed connection (a URL cannot carry the raw key). Foreign
keys are switched off while tables are rebuilt in batch mode and checked afterwards,
so a migration cannot leave a dangling reference behind.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from app.domain.errors import VaultError

SCRIPTS = Path(__file__).with_name("migrations")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run the migrations up to ``target`` in one transaction."""
    cfg = _config()
    with engine.connect() as conn:
        # PRAGMA foreign_keys is a no-op inside a transaction, so it goes to the driver
        # connection (autocommit) before SQLAlchemy begins one.
        driver = conn.connection.dbapi_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys = OFF")
        try:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
            conn.commit()
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            conn.rollback()
        finally:
            driver.execute("PRAGMA foreign_keys = ON")
    if problems:
        raise VaultError(
            f"The schema upgrade left {len(problems)} broken references; "
            "restore the pre-upgrade backup and report this to bank IT."
        )
