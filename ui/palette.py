"""Ctrl+K: a quick-open palette that finds a client from anywhere as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.services.book import BookRow
from ui.formatting import format_money_short
from ui.session import VaultSession


class QuickOpen(QDialog):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Quick open"))
        self.setMinimumWidth(480)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Name, pinyin, initials or last digits…"))
        self.results = QListWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.results)
        self._asked = ""
        self.text.textChanged.connect(self._search)
        self.text.returnPressed.connect(self._choose)
        self.results.itemActivated.connect(lambda _: self._choose())
        session.events.vault_did_lock.connect(self.clear)

    def popup(self) -> None:
        self.clear()
        self.show()
        self.raise_()
        self.text.setFocus()

    def clear(self) -> None:
        self.text.clear()
        self.results.clear()

    def _search(self, text: str) -> None:
        self._asked = text
        if not text.strip():
            self.results.clear()
            return
        self.session.run(
            lambda ws: ws.book.quick_find(text), lambda rows, t=text: self._show(t, rows)
        )

    def _show(self, text: str, rows: list[BookRow]) -> None:
        if text != self._asked:
            return  # a newer keystroke is on its way
        self.results.clear()
        for row in rows:
            item = QListWidgetItem(
                f"{row.name}   {row.tier_name}   "
                f"{format_money_short(row.financial_assets_cny)}   "
                f"{row.city or ''}"
            )
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)

    def _choose(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        self.hide()
        self.session.events.client_open_requested.emit(item.data(Qt.ItemDataRole.UserRole))
