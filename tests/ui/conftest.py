"""UI test fixtures: a small demo book made once, copied per test; a window on it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.services.clients import NewClient
from app.services.demo import build_demo_book
from app.services.workspace import KdfParams, Workspace

CHEAP = KdfParams(memory_kib=8 * 1024, passes=1, lanes=1)
PASS = "test passphrase 123"
KNOWN = NewClient(
    name="张伟",
    mobile="13812345678",
    id_number="11010519491231002X",
    city="北京",
    email="zhang.wei@example.cn",
)


@pytest.fixture(scope="session")
def book_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template") / "vault"
    with Workspace.create(folder, PASS, CHEAP) as ws:
        build_demo_book(ws, clients=30, seed=11)
        ws.clients.add(KNOWN)
        ws.clients.add(NewClient(name="单伟", mobile="13900001111"))
    return folder


@pytest.fixture
def book(book_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    shutil.copytree(book_template, folder)
    return folder


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    s.setValue("language", "en")
    return s


@pytest.fixture
def make_window(qtbot, settings: QSettings, tmp_path: Path) -> Iterator:  # type: ignore[no-untyped-def]
    from ui.events import AppEvents
    from ui.main_window import MainWindow
    from ui.session import VaultSession

    windows = []

    def make(vault: Path) -> MainWindow:
        session = VaultSession(AppEvents(), state_dir=tmp_path / "state", kdf=CHEAP)
        window = MainWindow(session, vault, settings)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
    errors = [w.last_error for w in windows if w.last_error is not None]
    assert not errors, f"the app reported errors: {errors!r}"
