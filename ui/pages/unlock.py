"""The unlock page: the vault's path, the passphrase, and the wait after wrong tries.

After a wrong passphrase the vault enforces a growing delay; the page shows it as a
countdown and keeps the button disabled until it has run out.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ConfidantError, UnlockThrottled


class UnlockPage(QWidget):
    sig_unlock = Signal(object, str)  # vault path, passphrase

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self._wait_until = 0.0
        self._timer = QTimer(self, interval=250)
        self._timer.timeout.connect(self._tick)
        self._build_ui()

    def _build_ui(self) -> None:
        card = QFrame(objectName="card")
        card.setMaximumWidth(460)
        self.title = QLabel(self.tr("Unlock your client book"), objectName="title")
        self.path_label = QLabel(objectName="muted")
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self._submit)
        self.button = QPushButton(self.tr("Unlock"), objectName="primary")
        self.button.clicked.connect(self._submit)
        self.message = QLabel(objectName="error", wordWrap=True)
        inner = QVBoxLayout(card)
        for widget in (self.title, self.path_label, self.passphrase, self.button, self.message):
            inner.addWidget(widget)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def show_vault(self, path: Path, message: str = "") -> None:
        self.path = path
        self.path_label.setText(self.tr("Vault: {0}").format(path))
        self.passphrase.clear()
        self.message.setText(message)
        self.set_busy(False)
        self.passphrase.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy and not self._timer.isActive())
        self.passphrase.setEnabled(not busy)
        self.button.setText(self.tr("Unlocking…") if busy else self.tr("Unlock"))

    def _submit(self) -> None:
        if self.path is None or not self.button.isEnabled():
            return
        self.message.clear()
        self.set_busy(True)
        self.sig_unlock.emit(self.path, self.passphrase.text())

    def show_error(self, error: BaseException) -> None:
        self.passphrase.clear()
        self.set_busy(False)
        if isinstance(error, ConfidantError):
            self.message.setText(str(error))
        else:
            self.message.setText(self.tr("The vault could not be opened: {0}").format(error))
        seconds = getattr(error, "seconds_left", 0.0)
        if seconds:
            self.start_countdown(float(seconds))
        self.passphrase.setFocus()

    def start_countdown(self, seconds: float) -> None:
        import time

        self._wait_until = time.monotonic() + seconds
        self._timer.start()
        self._tick()

    def seconds_left(self) -> int:
        import math
        import time

        return max(0, math.ceil(self._wait_until - time.monotonic()))

    def _tick(self) -> None:
        left = self.seconds_left()
        if left <= 0:
            self._timer.stop()
            self.button.setEnabled(True)
            self.button.setText(self.tr("Unlock"))
            return
        self.button.setEnabled(False)
        self.button.setText(self.tr("Try again in {0} s").format(left))


__all__ = ["UnlockPage", "UnlockThrottled"]
