"""The light first half of unlocking: passphrase to data key, the instance lock, and one
raw read of ``vault_meta`` — all without the database stack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.errors import VaultInUse, VaultNotFound, WrongPassphrase
from app.services.workspace import KdfParams, Workspace
from app.vault.connection import read_meta
from app.vault.unlock_key import open_key

PASS = "test passphrase 123"


def test_the_key_opens_the_database_and_reads_meta(
    vault_dir: Path, state_dir: Path, kdf: KdfParams
) -> None:
    with Workspace.create(vault_dir, PASS, kdf) as ws:
        data_key = ws.vault.data_key
    key = open_key(vault_dir, PASS, state_dir)
    try:
        assert key.data_key == data_key
        assert read_meta(key.paths.db, key.data_key, "created_at")  # written at creation
        assert read_meta(key.paths.db, key.data_key, "no such key") is None
        assert read_meta(key.paths.db, bytes(32), "created_at") is None  # a wrong key
    finally:
        key.forget()
    assert key.data_key == b""


def test_wrong_passphrase_and_missing_vault(
    vault_dir: Path, state_dir: Path, kdf: KdfParams, tmp_path: Path
) -> None:
    Workspace.create(vault_dir, PASS, kdf).close()
    with pytest.raises(WrongPassphrase, match="try again in 1 second"):
        open_key(vault_dir, "not it", state_dir, clock=lambda: 1e6)
    with pytest.raises(VaultNotFound):
        open_key(tmp_path / "nowhere", PASS, state_dir)


def test_the_key_holds_the_instance_lock_until_opened_or_forgotten(
    vault_dir: Path, state_dir: Path, kdf: KdfParams
) -> None:
    Workspace.create(vault_dir, PASS, kdf).close()
    key = open_key(vault_dir, PASS, state_dir)
    with pytest.raises(VaultInUse):
        Workspace.open(vault_dir, PASS, state_dir)
    ws = Workspace.open_unlocked(key, PASS)  # the second half takes the lock over
    with pytest.raises(VaultInUse):
        open_key(vault_dir, PASS, state_dir)
    ws.close()
    open_key(vault_dir, PASS, state_dir).forget()
    Workspace.open(vault_dir, PASS, state_dir).close()  # forgotten: free again


def test_checking_a_passphrase_and_painting_home_load_no_database_stack() -> None:
    """What the app runs before Home's first paint (the key check, the cached figures,
    the Home page) must not import the database stack, or unlocking waits a second."""
    heavy = ("sqlalchemy", "alembic", "app.vault.models")
    code = (
        "import sys; import app.services.first_look, ui.main, ui.home; "
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
