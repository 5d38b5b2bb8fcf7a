"""No client detail reaches the disk in plaintext: not the database, its WAL or SHM,
the key file, backups, nor the temp folder."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from app.services.clients import NewClient
from app.services.workspace import Workspace

NAME = "欧阳明远"
EMAIL = "ouyang.mingyuan.secret@example.cn"
ID_NUMBER = "11010519491231002X"
MOBILE = "13912345678"
MARKERS = [NAME, EMAIL, ID_NUMBER, MOBILE, "ouyang mingyuan"]


def encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("gb18030")]


def leaks(folder: Path, since: float = 0.0) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if not path.is_file() or path.stat().st_mtime < since:
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        for marker in MARKERS:
            if any(enc in data for enc in encodings(marker)):
                found.append(f"{marker!r} in {path}")
    return found


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private temp folder, so that anything the code writes to TMPDIR is scanned."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_canary_is_findable(tmp_path: Path) -> None:
    """The scan itself works: a plaintext file with the name is reported."""
    (tmp_path / "plain.txt").write_text(NAME, "utf-8")
    assert leaks(tmp_path)


def test_client_details_never_on_disk_in_plaintext(
    vault_dir: Path, temp_dir: Path, kdf, state_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace.create(vault_dir, "test passphrase 123", kdf)
    ws.clients.add(
        NewClient(
            name=NAME,
            email=EMAIL,
            id_number=ID_NUMBER,
            mobile=MOBILE,
            city="广州",
            address="广州市天河区珠江新城华夏路8号",
        )
    )
    ws.clients.show(NAME)
    # While open: the WAL and SHM files exist and hold the fresh pages.
    assert (vault_dir / "vault.db-wal").exists()
    assert leaks(vault_dir) == []
    ws.backup("test passphrase 123", vault_dir / "backups" / "b.cbak", kdf)
    ws.close()
    assert leaks(vault_dir) == []
    assert leaks(temp_dir) == []
    reopened = Workspace.open(vault_dir, "test passphrase 123", state_dir)
    assert reopened.clients.show(NAME).email == EMAIL  # the data is really there
    reopened.close()
    assert leaks(vault_dir) == [] and leaks(temp_dir) == []
