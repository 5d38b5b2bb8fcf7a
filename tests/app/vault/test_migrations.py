"""Every schema change is a migration run at unlock; an old vault opens in a new app."""

from __future__ import annotations

import shutil
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.services.workspace import Workspace
from app.vault import migrate, search_index
from app.vault.models import Base

FIXTURE = Path(__file__).parents[2] / "fixtures" / "vault-v1"
FIXTURE_PASSPHRASE = "fixture passphrase v1"


def test_first_migration_fixture_upgrades_with_data_intact(tmp_path: Path, state_dir: Path) -> None:
    folder = tmp_path / "old-vault"
    shutil.copytree(FIXTURE, folder)
    with Workspace.open(folder, FIXTURE_PASSPHRASE, state_dir) as ws:
        assert ws.vault.migrated_from == "0001_client_book"
        assert migrate.current_revision(ws.vault.engine) == migrate.head_revision()
        rows = {r.name: r for r in ws.clients.list()}
        assert set(rows) == {"陈建国", "林美华"}
        chen = ws.clients.show("陈建国")
        assert chen.email == "chen.jianguo@example.cn"
        assert [d.number for d in chen.documents] == ["11010519491231002X"]
        # The columns the second migration added have their defaults.
        assert chen.row.financial_assets_cny == 0
        assert chen.portfolio is not None and chen.portfolio.holdings == ()
        assert all(r.ok for r in ws.verify())
    # An encrypted backup was taken before the upgrade ran.
    backups = list((folder / "backups").glob("before-upgrade-*.cbak"))
    assert len(backups) == 1
    assert "陈建国".encode() not in backups[0].read_bytes()


def test_second_unlock_does_not_migrate_again(tmp_path: Path, state_dir: Path) -> None:
    folder = tmp_path / "old-vault"
    shutil.copytree(FIXTURE, folder)
    Workspace.open(folder, FIXTURE_PASSPHRASE, state_dir).close()
    with Workspace.open(folder, FIXTURE_PASSPHRASE, state_dir) as ws:
        assert ws.vault.migrated_from is None
    assert len(list((folder / "backups").glob("*.cbak"))) == 1


# The search index's FTS5 virtual tables and their shadow tables (search_tri_data, …)
# have no models: they are made by migration 0006 in SQL. Everything else is compared.
_not_fts = search_index.not_fts_table


def test_migrations_build_exactly_the_models(ws: Workspace) -> None:
    """The models and the migrations describe the same schema (no forgotten migration)."""
    with ws.vault.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": _not_fts})
        diff = compare_metadata(context, Base.metadata)
        fts = {n for (n,) in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert diff == []
    assert {"search_tri", "search_gram", "search_tri_data", "search_gram_data"} <= fts


def test_search_entries_is_a_model() -> None:
    """The index's plain table is compared like any other (only FTS5 tables are skipped)."""
    assert search_index.ENTRIES.name in Base.metadata.tables
    assert _not_fts("search_entries", "table", None)
    assert not _not_fts("search_tri_idx", "table", None)


def test_head_constant_matches_the_scripts() -> None:
    assert migrate.head_revision() == migrate.scripts_head()
