"""First start: create a vault (passphrase twice, strength meter, the rules) or open the
demo book."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import passphrase as rules


class WelcomePage(QWidget):
    sig_create = Signal(object, str)  # vault path, passphrase
    sig_demo = Signal()

    def strength_name(self, score: int) -> str:
        return (
            self.tr("too weak"),
            self.tr("weak"),
            self.tr("fair"),
            self.tr("good"),
            self.tr("strong"),
        )[score]

    def __init__(self, default_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default_path = default_path
        self._build_ui()
        self._connect()
        self._update_strength()

    def _build_ui(self) -> None:
        card = QFrame(objectName="card")
        card.setMaximumWidth(560)
        title = QLabel(self.tr("Welcome to Confidant 私行知己"), objectName="title")
        intro = QLabel(
            self.tr(
                "Your client book is kept in an encrypted vault on this computer. Choose a "
                "passphrase: it is the only way in, and it cannot be recovered."
            ),
            wordWrap=True,
        )
        self.path = QLineEdit(str(self.default_path))
        self.first = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.second = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.meter = QProgressBar(maximum=4, textVisible=True)
        self.rules = QLabel(wordWrap=True, objectName="muted")
        form = QFormLayout()
        form.addRow(self.tr("Vault folder"), self.path)
        form.addRow(self.tr("Passphrase"), self.first)
        form.addRow(self.tr("Repeat it"), self.second)
        form.addRow(self.tr("Strength"), self.meter)
        self.create_button = QPushButton(self.tr("Create vault"), objectName="primary")
        self.demo = QPushButton(self.tr("Open the demo book"))
        self.progress = QProgressBar(visible=False)
        self.message = QLabel(objectName="error", wordWrap=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        inner = QVBoxLayout(card)
        for item in (title, intro, form, self.rules, buttons, self.progress, self.message):
            inner.addLayout(item) if isinstance(
                item, QFormLayout | QHBoxLayout
            ) else inner.addWidget(item)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def _connect(self) -> None:
        self.first.textChanged.connect(self._update_strength)
        self.second.textChanged.connect(self._update_strength)
        self.create_button.clicked.connect(self._submit)
        self.second.returnPressed.connect(self._submit)
        self.demo.clicked.connect(self.sig_demo.emit)

    def problems(self) -> list[str]:
        found = rules.problems(self.first.text())
        if self.second.text() != self.first.text():
            found.append(self.tr("The two passphrases differ."))
        return found

    def _update_strength(self) -> None:
        score = rules.strength(self.first.text())
        self.meter.setValue(score)
        self.meter.setFormat(self.strength_name(score))
        found = self.problems()
        rule_text = self.tr(
            "At least {0} characters; not a single repeated character; not a well-known password."
        ).format(rules.MIN_LENGTH)
        self.rules.setText(rule_text + ("\n• " + "\n• ".join(found) if found else ""))
        self.create_button.setEnabled(not found)

    def _submit(self) -> None:
        if self.problems():
            return
        self.message.clear()
        self.set_busy(True)
        self.sig_create.emit(Path(self.path.text()).expanduser(), self.first.text())

    def set_busy(self, busy: bool, text: str = "") -> None:
        self.create_button.setEnabled(not busy and not self.problems())
        self.demo.setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0 if not text else 100)
            self.progress.setFormat(text)

    def show_progress(self, fraction: float, text: str) -> None:
        self.progress.setVisible(True)
        self.progress.setRange(0, 100)
        self.progress.setValue(int(fraction * 100))
        self.progress.setFormat(f"{text} %p%")

    def show_error(self, error: BaseException) -> None:
        self.set_busy(False)
        self.message.setText(str(error))
