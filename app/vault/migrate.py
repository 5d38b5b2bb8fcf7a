"""Bring a vault's schema to the current version, once, at unlock.

Alembic runs on the open keyed connection (a URL cannot carry the raw key). Foreign
keys are switched off while tables are rebuilt in batch mode and checked afterwards,
so a migration cannot leave a dangling reference behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

from app.domain.errors import VaultError

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPTS = Path(__file__).with_name("migrations")
# The newest migration. Kept here so that an unlock with nothing to migrate never
# imports Alembic (a third of a second); a test checks it against the scripts.
HEAD = "0009_sales_process"


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    return cfg


def head_revision() -> str:
    return HEAD


def scripts_head() -> str | None:
    """The head as Alembic finds it in the scripts (slow: imports Alembic)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has_table:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run the migrations up to ``target`` in one transaction."""
    from alembic import command

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
