"""Every schema change is a migration run at unlock; an old vault opens in a new app."""

from __future__ import annotations

import shutil
import uuid
from decimal import Decimal
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from app.services.product_terms import TERM_COLUMNS
from app.services.workspace import Workspace
from app.vault import engine as vault_engine
from app.vault import migrate, search_index
from app.vault.keys import KdfParams, KeyFile
from app.vault.models import Base, Instrument, PlanRecommendation

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


def _vault_at_0007(folder: Path) -> None:
    """A vault as migration 0007 left it: a product on the shelf and a plan recommending it."""
    folder.mkdir(parents=True)
    key_file, key = KeyFile.new(
        FIXTURE_PASSPHRASE, KdfParams(memory_kib=8 * 1024, passes=1, lanes=1)
    )
    key_file.save(folder / "keys.json")
    engine = vault_engine.make_engine(folder / "vault.db", key)
    migrate.upgrade(engine, "0007_plans")
    now = "2025-01-02T03:04:05.000000+00:00"
    client, instrument, plan = (uuid.uuid4().hex for _ in range(3))
    with engine.begin() as c:
        c.exec_driver_sql(
            "INSERT INTO clients (id, kind, name, name_pinyin, name_initials, search_keys,"
            " lunar_birth_leap, status, financial_assets_cny, updated_at, updated_by)"
            " VALUES (?, 'person', '陈建国', '', '', '', 0, 'active', 0, ?, 'fixture')",
            (client, now),
        )
        c.exec_driver_sql(
            "INSERT INTO instruments (id, code, name, type, asset_class, currency, risk_rating,"
            " lockup_days, issuer, updated_at, updated_by)"
            " VALUES (?, 'WMP7', '稳享理财', 'wmp', 'fixed_income', 'CNY', 2, 90, '本行', ?,"
            " 'fixture')",
            (instrument, now),
        )
        c.exec_driver_sql(
            "INSERT INTO plans (id, client_id, title, year, version, status, model_level,"
            " assumptions_version, models_version, notes, created_at, updated_at, updated_by)"
            " VALUES (?, ?, '陈先生规划', 2025, 1, 'draft', 3, '2026.1', '2026.1', '', ?, ?,"
            " 'fixture')",
            (plan, client, now, now),
        )
        c.exec_driver_sql(
            "INSERT INTO plan_recommendations (id, plan_id, instrument_id, amount_cny, rationale,"
            " suitability, updated_at, updated_by)"
            " VALUES (?, ?, ?, 50000000, '稳健', '{}', ?, 'fixture')",
            (uuid.uuid4().hex, plan, instrument, now),
        )
    vault_engine.checkpoint(engine)
    engine.dispose()


def test_a_0007_vault_gains_product_terms_and_keeps_its_rows(
    tmp_path: Path, state_dir: Path
) -> None:
    folder = tmp_path / "vault-0007"
    _vault_at_0007(folder)
    with Workspace.open(folder, FIXTURE_PASSPHRASE, state_dir) as ws:
        assert ws.vault.migrated_from == "0007_plans"
        assert migrate.current_revision(ws.vault.engine) == migrate.head_revision()
        with ws.begin() as s:
            (product,) = s.scalars(select(Instrument))
            (rec,) = s.scalars(select(PlanRecommendation))
            assert (product.code, product.name, product.lockup_days, product.issuer) == (
                "WMP7",
                "稳享理财",
                90,
                "本行",
            )
            assert rec.instrument_id == product.id and rec.amount_cny == Decimal("500000.00")
            # The new columns are empty: nothing recorded, so the documents govern.
            assert {column: getattr(product, column) for column in TERM_COLUMNS} == dict.fromkeys(
                TERM_COLUMNS
            )
            # … and take terms from now on.
            product.management_fee_pct = Decimal("0.3500")
            product.dealing = "daily"
            product.cooling_off_hours, product.needs_callback = 24, True  # 0009
        with ws.begin() as s:
            (product,) = s.scalars(select(Instrument))
            assert (product.management_fee_pct, product.dealing) == (Decimal("0.35"), "daily")
            assert (product.cooling_off_hours, product.needs_callback) == (24, True)
        assert all(r.ok for r in ws.verify())
