"""Encrypted backups: round trip, no plaintext, wrong passphrase, damage, no leftovers."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.errors import VaultError, VaultExists, WrongPassphrase
from app.services.clients import NewClient
from app.services.workspace import KdfParams, Workspace, restore
from app.vault.backup import read_header
from app.vault.models import Client

CHEAP_KDF = KdfParams(memory_kib=8 * 1024, passes=1, lanes=1)
PASSPHRASE = "test passphrase 123"
NAME = "王芳"


@pytest.fixture
def backup_file(ws: Workspace, tmp_path: Path) -> Path:
    ws.clients.add(NewClient(name=NAME, city="北京"))
    ws.clients.add(NewClient(name="李强"))
    out = tmp_path / "backups" / "book.cbak"
    ws.backup(PASSPHRASE, out, CHEAP_KDF)
    return out


def clients(ws: Workspace) -> set[tuple[str, str, str | None]]:
    with ws.begin() as s:
        return {(str(c.id), c.name, c.city) for c in s.scalars(select(Client))}


def test_restore_gives_the_same_clients(
    ws: Workspace, backup_file: Path, tmp_path: Path, state_dir: Path
) -> None:
    restored = restore(backup_file, tmp_path / "restored", PASSPHRASE, state_dir, CHEAP_KDF)
    try:
        assert clients(restored) == clients(ws)
        assert len(clients(restored)) == 2
    finally:
        restored.close()


def test_backup_holds_no_client_name_in_the_clear(backup_file: Path) -> None:
    data = backup_file.read_bytes()
    assert NAME.encode("utf-8") not in data
    assert b"SQLite format 3" not in data


def test_wrong_passphrase_on_restore_is_refused_and_writes_nothing(
    backup_file: Path, tmp_path: Path, state_dir: Path
) -> None:
    target = tmp_path / "restored"
    with pytest.raises(WrongPassphrase):
        restore(backup_file, target, "not the passphrase", state_dir, CHEAP_KDF)
    assert not target.exists()


def test_damaged_backup_is_refused(backup_file: Path, tmp_path: Path, state_dir: Path) -> None:
    _, offset = read_header(backup_file)
    data = bytearray(backup_file.read_bytes())
    data[offset + 100] ^= 0x01
    backup_file.write_bytes(bytes(data))
    target = tmp_path / "restored"

    with pytest.raises(VaultError, match="damaged"):
        restore(backup_file, target, PASSPHRASE, state_dir, CHEAP_KDF)
    assert not target.exists()


def test_restore_into_an_existing_vault_is_refused(
    ws: Workspace, backup_file: Path, vault_dir: Path, state_dir: Path
) -> None:
    before = (vault_dir / "vault.db").stat().st_mtime_ns
    with pytest.raises(VaultExists):
        restore(backup_file, vault_dir, PASSPHRASE, state_dir, CHEAP_KDF)
    assert (vault_dir / "vault.db").stat().st_mtime_ns == before


def test_backup_with_the_wrong_passphrase_is_refused(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "book.cbak"
    with pytest.raises(WrongPassphrase):
        ws.backup("not the passphrase", out, CHEAP_KDF)
    assert not out.exists()


def test_no_temporary_files_are_left_beside_the_backup(backup_file: Path) -> None:
    assert [p.name for p in backup_file.parent.iterdir()] == [backup_file.name]
