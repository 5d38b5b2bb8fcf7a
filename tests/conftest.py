"""Test set-up shared by every test: isolated folders, offscreen Qt, cheap key derivation.

Vaults made in tests use ``CHEAP_KDF`` (passed explicitly); the app's defaults stay strong.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.services.workspace import KdfParams, Workspace

CHEAP_KDF = KdfParams(memory_kib=8 * 1024, passes=1, lanes=1)
PASSPHRASE = "test passphrase 123"


@pytest.fixture(autouse=True)
def _isolated_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONFIDANT_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("CONFIDANT_VAULT", str(tmp_path / "default-vault"))
    monkeypatch.delenv("CONFIDANT_PASSPHRASE", raising=False)
    monkeypatch.delenv("CONFIDANT_NEW_PASSPHRASE", raising=False)


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def state_dir(tmp_path: Path) -> Path:
    return tmp_path / "state"


@pytest.fixture
def ws(vault_dir: Path) -> Iterator[Workspace]:
    workspace = Workspace.create(vault_dir, PASSPHRASE, CHEAP_KDF)
    yield workspace
    workspace.close()


@pytest.fixture
def kdf() -> KdfParams:
    """Cheap Argon2id parameters for test vaults (the app's defaults stay strong)."""
    return CHEAP_KDF
