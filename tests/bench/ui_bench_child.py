"""One trial of ui_bench.py in a fresh process: ``MODE VAULT WORKDIR [TIMEOUT_S]``.

``bare`` (a QMainWindow with a label), ``shell`` (Confidant's unlock page), ``app``
(unlocked, Home painted with the vault's cached figures) and ``fresh`` (Home painted
with newly computed figures) print ``READY`` once painted; ``clients`` (list first paint, then
RSS with a client open) and ``search`` (keystroke to result) print ``RESULT {json}``. The
parent owns and removes WORKDIR; a watchdog ends a stuck child. UI_BENCH_PROFILE=FILE
dumps cProfile stats.
"""

from __future__ import annotations

import faulthandler
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

PASS = "ui bench passphrase"
SEARCHES = (
    "z", "zh", "zha", "zhan", "zhang", "zhangw", "zhangwei", "zw", "lj", "wang", "chen",
    "5", "56", "567", "5678", "1", "13", "139", "1390", "0", "00", "002", "002X",
    "王", "王伟", "张", "张秀", "张秀英", "陈晨", "上海", "家庭", "",
)  # fmt: skip


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def announce(app: Any) -> Callable[[], None]:
    """Print READY and leave the event loop."""

    def done() -> None:
        say("READY")
        app.quit()

    return done


def rss_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


class PaintWatch(QObject):
    """Calls ``then`` once, right after the first paint of ``widget`` once ``ready()``."""

    def __init__(self, widget: QWidget, ready: Callable[[], bool], then: Callable[[], Any]):
        super().__init__(widget)
        self.ready, self.then, self.fired = ready, then, False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.fired and event.type() == QEvent.Type.Paint and self.ready():
            self.fired = True
            QTimer.singleShot(0, self.then)  # runs after the paint itself
        return False


class Waiter:
    """A nested event loop that ends at ``done()``; ``wait()`` returns when it happened."""

    def __init__(self) -> None:
        self.loop, self.at, self.value = QEventLoop(), 0.0, 0

    def done(self, value: int = 0) -> None:
        if not self.at:
            self.value = value
            self.at = time.perf_counter()
            self.loop.quit()

    def wait(self) -> float:
        if not self.at:
            self.loop.exec()
        return self.at


def settle(until: Callable[[], bool], extra: float = 0.0, seconds: float = 120) -> None:
    """Untimed: spin the event loop until ``until()``, then ``extra`` seconds more."""
    app = QApplication.instance()
    assert app is not None
    end = time.monotonic() + seconds
    while not until():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.005)
    end = time.monotonic() + extra
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


def bare(_: Path, __: Path) -> None:
    app = QApplication(sys.argv)
    window = QMainWindow()
    label = QLabel("Confidant 私行知己")
    window.setCentralWidget(label)
    window.resize(1280, 800)
    PaintWatch(label, lambda: True, announce(app))
    window.show()
    app.exec()


def open_window(vault: Path, work: Path, unlock: bool = True) -> Any:
    from ui.events import AppEvents
    from ui.main import build
    from ui.session import VaultSession

    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("language", "zh_CN")
    # The vault's own key slot sets the unlock cost (cheap here); the session's KDF
    # setting only applies to new vaults, so importing the core for it would skew start-up.
    session = VaultSession(AppEvents(), state_dir=work / "state")
    window = build(vault, settings, session)
    window.show()
    if unlock:
        window.unlock_with(PASS)
    return window


def app_start(vault: Path, work: Path, unlock: bool = True, fresh: bool = False) -> None:
    """READY at the first paint of Home's figures: the vault's cached ones from its last
    session (shown while the database opens), or with ``fresh`` the newly computed ones."""
    window = open_window(vault, work, unlock)
    app = QApplication.instance()
    assert app is not None
    if unlock:  # the pages are built at unlock: wait for them without blocking paints
        while window.home is None:
            app.processEvents()
            time.sleep(0.001)
    home, button = window.home, window.unlock.button
    shown = (lambda: home.fresh) if fresh else (lambda: home.summary is not None)
    watch, ready = (home.total, shown) if unlock else (button, None)
    PaintWatch(watch, ready or (lambda: True), announce(app))
    app.exec()
    window.close()


def clients(vault: Path, work: Path) -> None:
    window = open_window(vault, work)
    settle(lambda: window.home is not None and window.home.fresh, extra=0.5)
    window._page(1)  # built untimed: the page's widgets cost the same for any book size
    model, waiter, counted = window.clients.model, Waiter(), list[int]()
    model.sig_counted.connect(counted.append)
    PaintWatch(window.clients.table.viewport(), lambda: model.rowCount() > 0, waiter.done)
    started = time.perf_counter()
    window.show_page(1)
    paint_ms = (waiter.wait() - started) * 1000
    settle(lambda: True, extra=0.3)
    window.open_client(model.client_id(min(3, model.rowCount() - 1)))
    view = window.client_view
    settle(lambda: view.profile_tab.profile is not None, extra=0.2)
    view.tabs.setCurrentIndex(1)
    settle(lambda: view.portfolio_tab.data is not None, extra=0.5)
    result = {"paint_ms": paint_ms, "rss_mb": rss_mb(), "clients": counted[-1]}
    window.close()
    say("RESULT " + json.dumps(result))


def search(vault: Path, work: Path) -> None:
    window = open_window(vault, work)
    settle(lambda: window.home is not None and window.home.fresh, extra=0.3)
    window.show_page(1)
    page = window.clients
    settle(lambda: page.model.rowCount() > 0, extra=0.3)
    current: list[Waiter] = []
    page.model.sig_counted.connect(lambda n: current[-1].done(n))
    samples: list[tuple[str, float, int]] = []
    for _ in range(int(os.environ.get("UI_BENCH_PASSES", "1"))):
        for text in SEARCHES:
            if page.search.text() == text:
                continue
            current.append(Waiter())
            started = time.perf_counter()
            page.search.setText(text)  # what a keystroke does: textChanged
            ms = (current[-1].wait() - started) * 1000
            samples.append((text, ms, current[-1].value))
            settle(lambda: True, extra=0.05)  # let the view repaint, untimed
    window.close()
    say("RESULT " + json.dumps(samples, ensure_ascii=False))


MODES: dict[str, Callable[[Path, Path], None]] = {
    "bare": bare, "app": app_start, "clients": clients, "search": search,
    "fresh": lambda vault, work: app_start(vault, work, fresh=True),
    "shell": lambda vault, work: app_start(vault, work, unlock=False),
}  # fmt: skip


def main() -> None:
    mode, vault, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    faulthandler.dump_traceback_later(float(sys.argv[4]) if len(sys.argv) > 4 else 180, exit=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    profile = os.environ.get("UI_BENCH_PROFILE")
    if not profile:
        MODES[mode](vault, work)
        return
    import cProfile

    with cProfile.Profile() as prof:
        MODES[mode](vault, work)
    prof.dump_stats(profile)


if __name__ == "__main__":
    main()
