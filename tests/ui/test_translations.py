"""The interface in Simplified Chinese and English, through Qt translations."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import unlock
from PySide6.QtCore import QLocale, Qt

from app.services.config import resources_dir
from ui.language import apply_language

TS = resources_dir() / "translations" / "confidant_zh_CN.ts"


def test_every_string_is_translated_and_compiled() -> None:
    tree = ET.parse(TS)
    unfinished = [
        m.findtext("source")
        for m in tree.iter("message")
        if m.find("translation").get("type") in ("unfinished", "obsolete")
        or not m.findtext("translation")
    ]
    assert unfinished == []
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= TS.stat().st_mtime - 1


@pytest.fixture
def english() -> Iterator[None]:
    """Whatever a test switches to, the next test starts in English."""
    yield
    apply_language("en")


def test_chinese_interface(  # type: ignore[no-untyped-def]
    qtbot, make_window, settings, tmp_path: Path, english
) -> None:
    assert apply_language("zh_CN") == "zh_CN"
    window = make_window(tmp_path / "new")
    assert window.nav.item(0).text() == "首页"
    assert window.welcome.create_button.text() == "创建保险库"
    assert QLocale().language() == QLocale.Language.Chinese


def test_language_switches_live_on_the_start_page(  # type: ignore[no-untyped-def]
    make_window, settings, tmp_path: Path, english
) -> None:
    window = make_window(tmp_path / "new")
    assert window.welcome.create_button.text() == "Create vault"
    window.set_language("zh_CN")
    assert window.welcome.create_button.text() == "创建保险库"
    assert window.stack.currentWidget() is window.welcome
    assert window.menuBar().actions()[0].text() == "保险库(&V)"
    assert settings.value("language") == "zh_CN"
    window.set_language("en")
    assert window.welcome.create_button.text() == "Create vault"


def test_language_switches_live_with_a_client_open(  # type: ignore[no-untyped-def]
    make_window, qtbot, book: Path, english
) -> None:
    window = make_window(book)
    unlock(window, qtbot)
    client = window.session.worker.run_sync(lambda ws: ws.book.quick_find("张伟")[0].id)
    window.open_client(client)
    view = window.client_view
    qtbot.waitUntil(lambda: view.profile_tab.profile is not None, timeout=10000)
    assert view.tabs.tabText(0) == "Profile"
    window.set_language("zh_CN")
    view = window.client_view
    assert view is not None and window.pages.currentWidget() is view
    assert view.tabs.tabText(0) == "资料" and window.nav.item(1).text() == "客户"
    qtbot.waitUntil(lambda: view.profile_tab.profile is not None, timeout=10000)
    assert view.client_id == client
    window.show_page(1)
    qtbot.waitUntil(lambda: window.clients.model.rowCount() > 0, timeout=10000)
    assert window.clients.model.headerData(0, Qt.Orientation.Horizontal) == "姓名"


def test_english_interface(make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(tmp_path / "new")
    assert window.nav.item(0).text() == "Home"
