"""Create, unlock, lock; wrong passphrases; passphrase change; shred; one instance."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from app.domain.errors import (
    UnlockThrottled,
    VaultInUse,
    VaultNotFound,
    VaultShredded,
    WrongPassphrase,
)
from app.services.clients import NewClient
from app.services.workspace import KdfParams, Workspace, shred
from app.vault.throttle import UnlockThrottle, delay_after

PASS = "test passphrase 123"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Content hash and mtime of every file in the vault folder."""
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def test_create_unlock_lock(vault_dir: Path, state_dir: Path, kdf: KdfParams) -> None:
    with Workspace.create(vault_dir, PASS, kdf) as ws:
        ws.clients.add(NewClient(name="周明"))
    assert (vault_dir / "vault.db").exists() and (vault_dir / "keys.json").exists()
    with Workspace.open(vault_dir, PASS, state_dir) as ws:
        assert [r.name for r in ws.clients.list()] == ["周明"]
    # Locked: the engine is gone and the key wiped from the object.
    assert ws.vault.data_key == b""


def test_missing_vault_says_how_to_make_one(tmp_path: Path, state_dir: Path) -> None:
    with pytest.raises(VaultNotFound, match="confidant init"):
        Workspace.open(tmp_path / "nowhere", PASS, state_dir)


def test_wrong_passphrase_writes_nothing_and_delay_grows(
    vault_dir: Path, state_dir: Path, kdf: KdfParams
) -> None:
    Workspace.create(vault_dir, PASS, kdf).close()
    before = snapshot(vault_dir)
    clock = FakeClock()
    delays = []
    for _ in range(4):
        with pytest.raises(WrongPassphrase, match="does not open this vault"):
            Workspace.open(vault_dir, "not the passphrase", state_dir, clock=clock)
        throttle = UnlockThrottle(state_dir, vault_dir, clock)
        delays.append(throttle.seconds_left())
        # Trying again at once is refused without even checking the passphrase.
        with pytest.raises(UnlockThrottled) as refused:
            Workspace.open(vault_dir, PASS, state_dir, clock=clock)
        assert refused.value.seconds_left == pytest.approx(delays[-1])
        clock.now += delays[-1]
    assert delays == [1.0, 2.0, 4.0, 8.0]
    assert snapshot(vault_dir) == before, "a wrong passphrase changed the vault folder"
    # The right passphrase after the delay opens it and records the failures.
    with Workspace.open(vault_dir, PASS, state_dir, clock=clock) as ws:
        assert ws.vault.failed_tries_before == 4
    assert UnlockThrottle(state_dir, vault_dir, clock).failures == 0


def test_delay_survives_a_restart(vault_dir: Path, state_dir: Path, kdf: KdfParams) -> None:
    Workspace.create(vault_dir, PASS, kdf).close()
    clock = FakeClock()
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            Workspace.open(vault_dir, "wrong", state_dir, clock=clock)
        clock.now += 100
    # A new throttle object (as in a new process) reads the same state from disk.
    fresh = UnlockThrottle(state_dir, vault_dir, clock)
    assert fresh.failures == 3
    fresh.record_failure()
    assert fresh.seconds_left() == delay_after(4) == 8.0
    assert delay_after(30) == 300.0  # capped at five minutes


def test_change_passphrase(vault_dir: Path, state_dir: Path, kdf: KdfParams) -> None:
    with Workspace.create(vault_dir, PASS, kdf) as ws:
        ws.clients.add(NewClient(name="孙丽"))
        db_before = (vault_dir / "vault.db").stat().st_ino
        ws.change_passphrase(PASS, "a brand new passphrase", kdf)
    with pytest.raises(WrongPassphrase):
        Workspace.open(vault_dir, PASS, state_dir)
    clock = FakeClock()
    clock.now = 10**12  # well after the delay
    with Workspace.open(vault_dir, "a brand new passphrase", state_dir, clock=clock) as ws:
        assert [r.name for r in ws.clients.list()] == ["孙丽"]
    # Rewrapped, not re-encrypted: the database file is the same file.
    assert (vault_dir / "vault.db").stat().st_ino == db_before


def test_change_passphrase_checks_the_old_one(ws: Workspace) -> None:
    with pytest.raises(WrongPassphrase):
        ws.change_passphrase("guess", "a brand new passphrase")


def test_shred_makes_the_vault_unreadable(vault_dir: Path, state_dir: Path, kdf: KdfParams) -> None:
    with Workspace.create(vault_dir, PASS, kdf) as ws:
        ws.clients.add(NewClient(name="赵敏"))
    keys_before = (vault_dir / "keys.json").read_bytes()
    removed = shred(vault_dir)
    assert vault_dir / "keys.json" in removed
    assert not (vault_dir / "keys.json").exists() and not (vault_dir / "vault.db").exists()
    with pytest.raises((VaultNotFound, VaultShredded)):
        Workspace.open(vault_dir, PASS, state_dir)
    # Even a key file saved before the shred no longer finds a database to open.
    (vault_dir / "keys.json").write_bytes(keys_before)
    with pytest.raises(Exception):  # noqa: B017 - any failure is right; success is not
        Workspace.open(vault_dir, PASS, state_dir).clients.list()


def test_second_opening_is_refused(ws: Workspace, vault_dir: Path, state_dir: Path) -> None:
    with pytest.raises(VaultInUse, match="already open"):
        Workspace.open(vault_dir, PASS, state_dir)
    ws.close()
    Workspace.open(vault_dir, PASS, state_dir).close()
