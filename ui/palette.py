"""Ctrl+K: one search box from anywhere, over clients, notes, meetings, tasks and
complaints, as you type.

Clients come from the book's own quick find (names, pinyin, initials, two-reading
surnames and the last digits of a mobile or ID number, which the search index never
holds); the rest from the search index, grouped by kind, best first, each with the
excerpt around the match (matches in 【】). Choosing any hit opens its client.
Results of a keystroke that a newer one overtook are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.domain.ids import ClientId
from app.services.book import BookRow
from ui.formatting import format_money_short
from ui.session import VaultSession

if TYPE_CHECKING:
    from app.services.search import SearchHit, SearchResults
    from app.services.workspace import Workspace

OTHER_KINDS = frozenset({"note", "meeting", "task", "complaint"})
PER_KIND = 5


@dataclass(frozen=True)
class Found:
    clients: list[BookRow]
    others: SearchResults | None


def find(ws: Workspace, text: str) -> Found:
    others = ws.search.search(text, kinds=set(OTHER_KINDS), limit_per_kind=PER_KIND)
    return Found(ws.book.quick_find(text), others)


class QuickOpen(QDialog):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Search"))
        self.setMinimumWidth(620)
        self.setMinimumHeight(420)
        self.text = QLineEdit()
        self.text.setPlaceholderText(
            self.tr("Client, pinyin, initials, last digits, or words in notes and tasks…")
        )
        self.results = QListWidget()
        self.results.setWordWrap(True)
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
        self.session.run(lambda ws: find(ws, text), lambda found: self._show(text, found))

    def _kind_names(self) -> dict[str, str]:
        return {
            "client": self.tr("Clients"),
            "note": self.tr("Notes"),
            "meeting": self.tr("Meetings"),
            "task": self.tr("Tasks"),
            "complaint": self.tr("Complaints"),
        }

    def _show(self, text: str, found: Found) -> None:
        if text != self._asked:
            return  # a newer keystroke is on its way
        self.results.clear()
        names = self._kind_names()
        if found.clients:
            self._header(names["client"], len(found.clients))
            for row in found.clients:
                line = (
                    f"{row.name}   {row.tier_name}   "
                    f"{format_money_short(row.financial_assets_cny)}   {row.city or ''}"
                )
                self._hit(line, row.id)
        for group in found.others.groups if found.others else ():
            self._header(names.get(group.kind, group.kind), group.total)
            for hit in group.hits:
                self._hit(self._line(hit), hit.client_id)
        first = next(
            (i for i in range(self.results.count()) if self._client_of(self.results.item(i))),
            None,
        )
        if first is not None:
            self.results.setCurrentRow(first)

    def _line(self, hit: SearchHit) -> str:
        when = f"{hit.when:%Y-%m-%d}  " if hit.when is not None else ""
        who = f"{hit.client_name}  · " if hit.client_name else ""
        if hit.masked:
            return f"{when}{who}{self.tr('Confidential note')}"
        excerpt = hit.snippet.marked()
        return f"{when}{who}{hit.title}\n    {excerpt}" if excerpt else f"{when}{who}{hit.title}"

    def _header(self, name: str, total: int) -> None:
        item = QListWidgetItem(self.tr("{0} ({1})").format(name, f"{total:,}"))
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: not selectable
        self.results.addItem(item)

    def _hit(self, text: str, client_id: ClientId | None) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, client_id)
        if client_id is None:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.results.addItem(item)

    @staticmethod
    def _client_of(item: QListWidgetItem | None) -> ClientId | None:
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _choose(self) -> None:
        client_id = self._client_of(self.results.currentItem())
        if client_id is None:
            return
        self.hide()
        self.session.events.client_open_requested.emit(client_id)
