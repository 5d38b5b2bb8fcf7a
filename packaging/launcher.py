"""The frozen ``confidant`` executable's entry script (PyInstaller needs a script, not
``module:function``).

It is exactly the ``confidant`` console script (``app.cli:entry``): every sub-command, and
with none the desktop app, which the core finds through the ``confidant.gui`` entry point.
The spec bundles the project's metadata (``copy_metadata("confidant")``), so that lookup
works unchanged in the frozen app, for ``confidant`` and for ``confidant demo`` alike.

One addition, for build checks only: ``confidant --smoke-test [--vault PATH] [--seconds N]``
(not in ``--help``) checks what a frozen build tends to lose (resources, on-disk migration
scripts, SQLCipher, the pinyin tables, the GUI entry point, Qt plugins, font,
translations), then opens the real desktop app through the entry point and closes it by
itself. With ``--vault`` and ``CONFIDANT_PASSPHRASE`` it unlocks that vault in the app and
waits for the unlock (Argon2id + migrations on the worker thread) before closing.
Exit 0 when everything passed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def _smoke_test(argv: list[str]) -> int:  # noqa: C901, PLR0915 - a flat checklist
    import argparse
    import os
    import tempfile
    import time
    from importlib.metadata import entry_points
    from pathlib import Path

    parser = argparse.ArgumentParser(prog="confidant --smoke-test")
    parser.add_argument("--vault", type=Path, default=None)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args(argv)

    failures: list[str] = []

    def check(name: str, ok: bool, detail: str = "") -> None:
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
        if not ok:
            failures.append(name)

    print(f"frozen={getattr(sys, 'frozen', False)} bundle={getattr(sys, '_MEIPASS', '-')}")

    from app.services.config import resources_dir, tier_table

    res = resources_dir()
    for rel in (
        "tiers.json",
        "fonts/DroidSansFallbackFull.ttf",
        "fonts/LICENSE-DroidSansFallback.txt",
        "translations/confidant_zh_CN.qm",
        "demo/people.json",
        "demo/notes.json",
        "demo/shelf.json",
        "import/clients_template.csv",
        "import/clients_template.xlsx",
    ):
        check(f"resource {rel}", (res / rel).is_file(), str(res / rel))
    try:
        tier_table()
        check("tier table loads", True)
    except Exception as exc:
        check("tier table loads", False, repr(exc))

    from app.vault.migrate import HEAD, SCRIPTS, scripts_head

    try:
        found = scripts_head()
        check("alembic migration scripts on disk", found == HEAD, f"{SCRIPTS} head={found}")
    except Exception as exc:
        check("alembic migration scripts on disk", False, f"{SCRIPTS}: {exc!r}")

    try:
        import sqlcipher3

        con = sqlcipher3.connect(":memory:")
        con.execute("PRAGMA key = 'smoke'")
        version = con.execute("PRAGMA cipher_version").fetchone()
        con.close()
        check("sqlcipher", bool(version and version[0]), str(version and version[0]))
    except Exception as exc:
        check("sqlcipher", False, repr(exc))

    try:
        import pypinyin

        check("pypinyin tables", pypinyin.lazy_pinyin("张伟") == ["zhang", "wei"])
    except Exception as exc:
        check("pypinyin tables", False, repr(exc))

    gui = list(entry_points(group="confidant.gui"))
    check("confidant.gui entry point", bool(gui), ", ".join(ep.value for ep in gui))
    if not gui:
        return 1
    run = gui[0].load()

    from PySide6.QtCore import QLibraryInfo, QSettings, QTimer, QTranslator
    from PySide6.QtGui import QFontDatabase, QImageReader
    from PySide6.QtWidgets import QApplication

    # The app's settings (last vault, language) go to a throw-away file, not to the user's
    # real settings (the registry on Windows).
    scratch = tempfile.TemporaryDirectory()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch.name)
    app = QApplication(sys.argv[:1])
    check("Qt platform plugin", True, app.platformName())
    formats = sorted(bytes(f.data()).decode() for f in QImageReader.supportedImageFormats())
    check("image formats", {"png", "jpg", "ico"} <= set(formats), " ".join(formats))
    qt_tr = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    check("Qt translations (qtbase_zh_CN)", QTranslator().load("qtbase_zh_CN", qt_tr), qt_tr)
    check(
        "confidant translations",
        QTranslator().load("confidant_zh_CN", str(res / "translations")),
    )

    unlock = args.vault is not None and "CONFIDANT_PASSPHRASE" in os.environ
    state: dict[str, object] = {"shown": False, "unlocked": None}
    started = time.monotonic()

    def poll() -> None:
        windows = [w for w in app.topLevelWidgets() if w.isVisible()]
        state["shown"] = bool(windows)
        window = next((w for w in windows if hasattr(w, "session")), None)
        done = not unlock or (window is not None and window.session.unlocked)
        if done or time.monotonic() - started > args.seconds:
            if unlock:
                state["unlocked"] = bool(window is not None and window.session.unlocked)
            for w in windows:
                w.close()  # MainWindow.closeEvent shuts the vault worker down cleanly
            app.quit()
        else:
            QTimer.singleShot(200, poll)

    QTimer.singleShot(1000, poll)
    vault = args.vault or Path(scratch.name) / "no-vault-yet"
    code = run(vault, os.environ["CONFIDANT_PASSPHRASE"] if unlock else None)
    check("desktop app started, shown and quit", code == 0 and bool(state["shown"]))
    if unlock:
        check("desktop app unlocked the vault", bool(state["unlocked"]), str(args.vault))
        _check_pack(check, args.vault, os.environ["CONFIDANT_PASSPHRASE"], Path(scratch.name))
    families = QFontDatabase.families()
    check("bundled CJK font registered", any("Droid Sans Fallback" in f for f in families))
    try:
        import pyqtgraph as pg

        import ui.charts.bars
        import ui.charts.history  # noqa: F401 - loaded lazily by the app; must be bundled

        plot = pg.PlotWidget()
        plot.plot([1, 3, 2])
        check("pyqtgraph charts", not plot.grab().isNull(), f"pyqtgraph {pg.__version__}")
    except Exception as exc:
        check("pyqtgraph charts", False, repr(exc))

    scratch.cleanup()
    print("smoke test:", "FAILED " + ", ".join(failures) if failures else "passed")
    return 1 if failures else 0


def _check_pack(check: Any, vault: Path, passphrase: str, scratch: Path) -> None:
    """An advice pack from the demo vault (ReportLab, the embedded font, pypdf's AES-256
    password), opened with its password in QtPdf as the Documents preview opens it."""
    try:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView  # noqa: F401 - the preview's widget
        from sqlalchemy import select

        from app.services.packs import render_pack
        from app.services.workspace import Workspace
        from app.vault.models import Plan

        with Workspace.open(vault, passphrase, scratch / "pack-state") as ws:
            with ws.begin() as s:
                client_id = s.scalars(select(Plan.client_id).limit(1)).first()
            if client_id is None:
                check("advice pack", False, "the demo vault has no plan")
                return
            data = render_pack(ws.packs.prepare(client_id, "both"), password="smoke")
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.setPassword("smoke")
        document.load(buffer)
        pages = document.pageCount()
        image = document.render(0, QSize(595, 842))
        ok = document.status() == QPdfDocument.Status.Ready and pages > 1 and not image.isNull()
        check("advice pack rendered, locked and previewed (QtPdf)", ok, f"{pages} pages")
    except Exception as exc:
        check("advice pack rendered, locked and previewed (QtPdf)", False, repr(exc))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--smoke-test":
        sys.exit(_smoke_test(sys.argv[2:]))
    from app.cli import entry

    entry()


if __name__ == "__main__":
    main()
