"""The interface language: Qt translators installed for Chinese or English, switchable live.

Qt looks a string up in the installed translators when ``tr()`` runs, so a widget built
before a switch keeps its old words. Switching therefore swaps the translators here and
the main window rebuilds its views (saving open edits first); see ``MainWindow``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.services.config import resources_dir

LANGUAGES = (("zh_CN", "中文"), ("en", "English"))
_installed: list[QTranslator] = []


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def apply_language(language: str | None) -> str:
    """Install the translators for ``language`` (else the system's) in place of any
    installed before; returns the code now in use ("zh_CN" or "en")."""
    app = QCoreApplication.instance()
    assert app is not None
    code = language if language in dict(LANGUAGES) else system_language()
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale(code))
    if code.startswith("zh"):
        for name, folder in (
            ("confidant_zh_CN", str(resources_dir() / "translations")),
            ("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
    return code
