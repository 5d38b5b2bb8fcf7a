"""The interface in Simplified Chinese and English, through Qt translations."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale

from app.services.config import resources_dir

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


def test_chinese_interface(qtbot, make_window, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.main import install_translations

    app = QCoreApplication.instance()
    installed = install_translations(app, "zh_CN")  # type: ignore[arg-type]
    try:
        assert installed, "the Chinese translation did not load"
        window = make_window(tmp_path / "new")
        assert window.nav.item(0).text() == "首页"
        assert window.welcome.create.text() == "创建保险库"
        assert QLocale().language() == QLocale.Language.Chinese
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English))


def test_english_interface(make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(tmp_path / "new")
    assert window.nav.item(0).text() == "Home"
