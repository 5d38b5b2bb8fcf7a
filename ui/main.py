"""The desktop app's composition root: QApplication, font, language, session, window.

``run(vault, passphrase)`` is registered as the ``confidant.gui`` entry point, which the
``confidant`` command calls with no sub-command (and ``confidant demo`` after building).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.services.config import AppPaths, resources_dir
from ui.events import AppEvents
from ui.language import apply_language
from ui.main_window import MainWindow
from ui.session import VaultSession
from ui.style import STYLE

FONT_FILE = "fonts/DroidSansFallbackFull.ttf"
GIL_SWITCH_S = 0.001


def register_font(app: QApplication) -> str | None:
    """Register the bundled CJK font, so Chinese renders without system Chinese fonts."""
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(app.font())
    font.setFamilies([font.family(), families[0]])
    app.setFont(font)
    return str(families[0])


def build(
    vault: Path, settings: QSettings | None = None, session: VaultSession | None = None
) -> MainWindow:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    # The vault worker's Python code and the GUI thread's (item models' data(), slots)
    # share the GIL; Python hands it over every 5 ms by default, so each repaint during a
    # query waited up to 5 ms per hand-over. 1 ms keeps the views responsive.
    sys.setswitchinterval(GIL_SWITCH_S)
    app.setApplicationName("Confidant")
    app.setOrganizationName("Confidant")
    settings = settings or QSettings()
    register_font(app)
    apply_language(str(settings.value("language") or "") or None)
    app.setStyleSheet(STYLE)
    session = session or VaultSession(AppEvents())
    window = MainWindow(session, vault, settings)
    window.resize(1280, 800)
    return window


def run(vault: Path | None = None, passphrase: str | None = None) -> int:
    """Open the app on ``vault`` (unlocking at once when ``passphrase`` is given)."""
    window = build(vault or AppPaths.resolve().vault)
    window.show()
    if passphrase is not None and window.session is not None:
        window.unlock_with(passphrase)
    app = QApplication.instance()
    assert app is not None
    return int(app.exec())
