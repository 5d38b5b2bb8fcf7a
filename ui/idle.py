"""Lock after a spell without input, measured in wall-clock time.

Wall-clock (``time.time``), not a monotonic timer, so that time the laptop spent
asleep counts: a machine that wakes after the timeout locks at once. The app's
suspension (``applicationStateChanged`` to Suspended, where the platform reports it)
locks immediately.

Input is seen through an app-wide event filter, installed by ``watch_input`` once the
unlocked window has painted (or the database is open, should Home not paint) and
removed on ``stop``. Installing it earlier is not free:
every event then calls into Python, and the first events through it make PySide create
the Python type (and every enum) of each object they reach, about 50 ms that would
otherwise land between unlocking and the first Home paint. Before unlock there is
nothing to lock, so nothing is watched.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    sig_idle = Signal()

    def __init__(
        self,
        timeout_seconds: float,
        clock: Callable[[], float] = time.time,
        check_every_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.timeout = timeout_seconds
        self._clock = clock
        self.last_input = clock()
        self.active = False
        self.watching = False
        self._timer = QTimer(self, interval=check_every_ms)
        self._timer.timeout.connect(self.check)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):  # instance() is typed as QCoreApplication
            app.applicationStateChanged.connect(self._state_changed)

    def start(self) -> None:
        """Count idle time from now; input counts once ``watch_input`` has run."""
        self.last_input = self._clock()
        self.active = True
        self._timer.start()

    def watch_input(self) -> None:
        """Reset the count on every key, click, mouse move, wheel or touch from now on."""
        app = QGuiApplication.instance()
        if self.active and not self.watching and app is not None:
            app.installEventFilter(self)
            self.watching = True

    def stop(self) -> None:
        self.active = False
        self._timer.stop()
        app = QGuiApplication.instance()
        if self.watching and app is not None:
            app.removeEventFilter(self)
        self.watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.active and event.type() in INPUT_EVENTS:
            self.last_input = self._clock()
        return False

    def check(self) -> None:
        if self.active and self._clock() - self.last_input >= self.timeout:
            self.stop()
            self.sig_idle.emit()

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if self.active and state == Qt.ApplicationState.ApplicationSuspended:
            self.stop()
            self.sig_idle.emit()
