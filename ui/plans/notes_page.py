"""The plan's notes: the banker's own remarks, and what a review copy left behind (goals
past their year, products that no longer pass), appended by the service.

Why it is shaped so: notes may change in any status (the service allows it: a remark
after the client decided is still worth keeping), so this page stays editable on a
read-only plan. It is saved on request, and a reload does not overwrite what is being
typed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


class NotesPage(QWidget):
    sig_save = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit(
            placeholderText=self.tr("Remarks on the plan: what the client asked, what to revisit")
        )
        self.save_button = QPushButton(self.tr("Save notes"))
        self.save_button.clicked.connect(lambda: self.sig_save.emit(self.text.toPlainText()))
        self.state = QLabel(objectName="muted")
        self.text.textChanged.connect(lambda: self.state.setText(self.tr("Not saved yet")))
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.text, 1)
        column.addLayout(row)
        self.plan_key: object = None

    def show_notes(self, plan_key: object, notes: str) -> None:
        """Show ``notes`` unless the same plan's notes are being edited."""
        if plan_key == self.plan_key and self.text.document().isModified():
            return
        self.plan_key = plan_key
        self.text.blockSignals(True)
        self.text.setPlainText(notes)
        self.text.blockSignals(False)
        self.text.document().setModified(False)
        self.state.clear()
        self.save_button.setEnabled(plan_key is not None)

    def saved(self) -> None:
        self.text.document().setModified(False)
        self.state.setText(self.tr("Saved"))

    def clear(self) -> None:
        self.plan_key = None
        self.show_notes(None, "")


__all__ = ["NotesPage"]
