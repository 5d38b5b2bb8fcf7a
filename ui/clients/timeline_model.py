"""A client's timeline as a lazy table: newest first, a page at a time.

The first page loads on ``load``; ``canFetchMore``/``fetchMore`` bring the next page
(``before`` the oldest item shown) as the view scrolls or "Load more" is pressed. The
next page starts a microsecond after the oldest item and skips what is already shown,
so items sharing that moment are not lost at the seam. Replies of a superseded load
(another client, other kinds) are dropped.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from app.domain.ids import ClientId
from app.services.timeline import KIND_NAMES, TimelineItem
from ui.risk.common import data_lang
from ui.session import VaultSession

BATCH = 50
Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("kind", "when", "title", "detail", "status", "client")
KIND_COLOURS = {
    "meeting": "#1d4e89",
    "note": "#2f7d5b",
    "interaction": "#0e7c86",
    "task": "#c28a00",
    "transaction": "#486581",
    "assessment": "#6b4fa1",
    "document": "#7b8794",
    "complaint": "#b42318",
}


def kind_name(kind: str) -> str:
    zh, en = KIND_NAMES.get(kind, (kind, kind))
    return zh if data_lang() == "zh" else en


class TimelineModel(QAbstractTableModel):
    sig_loaded = Signal()  # a page arrived (or the load failed)

    def __init__(self, session: VaultSession) -> None:
        super().__init__()
        self.session = session
        self.client_id: ClientId | None = None
        self.kinds: frozenset[str] | None = None
        self.items: list[TimelineItem] = []
        self.more = False
        self.fetching = False
        self._generation = 0
        self.heads = (
            self.tr("Kind"),
            self.tr("When"),
            self.tr("Title"),
            self.tr("Detail"),
            self.tr("Status"),
            self.tr("Client"),
        )
        self.statuses = {
            "planned": self.tr("Planned"),
            "held": self.tr("Held"),
            "cancelled": self.tr("Cancelled"),
            "open": self.tr("Open"),
            "done": self.tr("Done"),
            "in_progress": self.tr("In progress"),
            "resolved": self.tr("Resolved"),
        }

    # --- loading ------------------------------------------------------------------------

    def load(self, client_id: ClientId, kinds: frozenset[str] | None = None) -> None:
        """Show the newest page of ``client_id``'s timeline (``kinds``: None for all)."""
        self._generation += 1
        self.client_id, self.kinds = client_id, kinds
        generation = self._generation
        self.fetching = self.session.run(
            lambda ws: ws.timeline.for_client(client_id, _set(kinds), BATCH),
            lambda items: self._loaded(generation, items),
            self._failed,
        )

    def _loaded(self, generation: int, items: list[TimelineItem]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self.items = list(items)
        self.more = len(items) >= BATCH
        self.fetching = False
        self.endResetModel()
        self.sig_loaded.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.more and not self.fetching and bool(self.items)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self.client_id is None:
            return
        generation, client_id, kinds = self._generation, self.client_id, self.kinds
        before = self.items[-1].at + timedelta(microseconds=1)
        self.fetching = self.session.run(
            lambda ws: ws.timeline.for_client(client_id, _set(kinds), BATCH, before),
            lambda items: self._fetched(generation, items),
            self._failed,
        )

    def _fetched(self, generation: int, items: list[TimelineItem]) -> None:
        if generation != self._generation:
            return
        self.fetching = False
        self.more = len(items) >= BATCH
        shown = {(i.kind, i.ref_id) for i in self.items}
        new = [i for i in items if (i.kind, i.ref_id) not in shown]
        if new:
            first = len(self.items)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self.items.extend(new)
            self.endInsertRows()
        elif self.more:  # a whole page at one moment: nothing new can come from here
            self.more = False
        self.sig_loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.fetching = False
        self.more = False
        self.sig_loaded.emit()
        self.session.sig_error.emit(error)

    def clear(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self.client_id, self.kinds = None, None
        self.items = []
        self.more = self.fetching = False
        self.endResetModel()

    def item(self, row: int) -> TimelineItem | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    # --- the table ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return self.heads[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None or not 0 <= index.column() < len(COLUMNS):
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "kind":
            return QColor(KIND_COLOURS.get(item.kind, "#7b8794"))
        if role == Qt.ItemDataRole.ToolTipRole and column in ("title", "detail"):
            return item.detail or item.title
        if role == Qt.ItemDataRole.UserRole:
            return item.ref_id
        return None

    def _text(self, item: TimelineItem, column: str) -> str:
        if column == "kind":
            return kind_name(item.kind)
        if column == "when":
            moment = item.at.astimezone()
            if moment.hour == 0 and moment.minute == 0 and moment.second == 0:
                return moment.date().isoformat()  # a day without a time
            return moment.strftime("%Y-%m-%d %H:%M")
        if column == "title":
            return item.title
        if column == "detail":
            return item.detail
        if column == "status":
            return self.statuses.get(item.status or "", item.status or "")
        return item.client_name


def _set(kinds: frozenset[str] | None) -> set[str] | None:
    return None if kinds is None else set(kinds)
