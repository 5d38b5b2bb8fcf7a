"""The events (with their invitation counts) and one event's invitations, as tables.

In the invitations the reply is edited with a combo (``ReplyDelegate``) and attendance
with a checkbox; each edit shows at once and asks for the change through a signal
(``sig_reply``, ``sig_attended``). The page reloads the list after each change, so a
refused edit goes back to what the vault holds."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.domain.ids import ClientId
from app.services.client_events import REPLIES, EventSummary, InvitationRecord
from ui.client_events.words import EventWords

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
CHECK = Qt.ItemDataRole.CheckStateRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
UPCOMING = "#1d4e89"
REPLY_COLOURS = {"yes": "#1e6b3a", "no": "#b42318", "maybe": "#8a5a00", "none": "#627d98"}


def local_time(at: datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


class _Table[Row](QAbstractTableModel):
    heads: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []
        self.words = EventWords(self)

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def record(self, row: int) -> Row | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.heads)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.heads[section] if 0 <= section < len(self.heads) else None
        return None


class EventModel(_Table[EventSummary]):
    COUNTS = 4  # the first count column: invited, yes, no, maybe, attended

    def __init__(self) -> None:
        super().__init__()
        self.now = datetime.now().astimezone()
        self.heads = (
            self.tr("Event"),
            self.tr("Kind"),
            self.tr("Starts"),
            self.tr("Location"),
            self.tr("Invited"),
            self.tr("Yes"),
            self.tr("No"),
            self.tr("Maybe"),
            self.tr("Attended"),
        )

    def set_events(self, events: list[EventSummary]) -> None:
        self.now = datetime.now().astimezone()
        self.set_rows(events)

    def event_at(self, row: int) -> EventSummary | None:
        return self.record(row)

    def row_of(self, event_id: uuid.UUID) -> int:
        return next((r for r, e in enumerate(self.rows) if e.id == event_id), -1)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        e: EventSummary | None = self.record(index.row()) if index.isValid() else None
        column = index.column()
        if e is None or not 0 <= column < len(self.heads):
            return None
        if role == DISPLAY:
            cells = (
                e.title,
                self.words.kinds.get(e.kind, e.kind),
                local_time(e.starts_at),
                e.location or "—",
                e.invited,
                e.replied_yes,
                e.replied_no,
                e.replied_maybe,
                e.attended,
            )
            return str(cells[column])
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.COUNTS:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and e.starts_at > self.now:
            return QColor(UPCOMING)
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 3):
            return e.title if column == 0 else e.location
        return None


class InvitationModel(_Table[InvitationRecord]):
    sig_reply = Signal(object, str)  # client id, reply
    sig_attended = Signal(object, bool)  # client id, attended

    REPLY, ATTENDED = 3, 4

    def __init__(self) -> None:
        super().__init__()
        self.tiers: dict[ClientId, str] = {}
        self.heads = (
            self.tr("Client"),
            self.tr("Tier"),
            self.tr("Invited on"),
            self.tr("Reply"),
            self.tr("Attended"),
        )

    def set_invitations(
        self, invitations: list[InvitationRecord], tiers: dict[ClientId, str] | None = None
    ) -> None:
        self.tiers = dict(tiers or {})
        self.set_rows(invitations)

    def invitation(self, row: int) -> InvitationRecord | None:
        return self.record(row)

    def row_of(self, client_id: ClientId) -> int:
        return next((r for r, i in enumerate(self.rows) if i.client_id == client_id), -1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.REPLY:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.isValid() and index.column() == self.ATTENDED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        i: InvitationRecord | None = self.record(index.row()) if index.isValid() else None
        column = index.column()
        if i is None or not 0 <= column < len(self.heads):
            return None
        if column == self.ATTENDED:
            if role == CHECK:
                return Qt.CheckState.Checked if i.attended else Qt.CheckState.Unchecked
            return None
        if role == DISPLAY:
            cells = (
                i.name,
                self.tiers.get(i.client_id, i.tier or "—"),
                i.invited_at.astimezone().date().isoformat(),
                self.words.reply(i.reply),
            )
            return cells[column]
        if role == EDIT and column == self.REPLY:
            return i.reply
        if role == Qt.ItemDataRole.ForegroundRole and column == self.REPLY:
            return QColor(REPLY_COLOURS.get(i.reply, "#1f2933"))
        return None

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        i: InvitationRecord | None = self.record(index.row()) if index.isValid() else None
        if i is None:
            return False
        if index.column() == self.REPLY and role == EDIT and value in REPLIES:
            if value == i.reply:
                return False
            self.rows[index.row()] = replace(i, reply=value)
            self.dataChanged.emit(index, index)
            self.sig_reply.emit(i.client_id, value)
            return True
        if index.column() == self.ATTENDED and role == CHECK:
            attended = Qt.CheckState(value) == Qt.CheckState.Checked
            if attended == i.attended:
                return False
            self.rows[index.row()] = replace(i, attended=attended)
            self.dataChanged.emit(index, index)
            self.sig_attended.emit(i.client_id, attended)
            return True
        return False


class ReplyDelegate(QStyledItemDelegate):
    """A combo of the replies; choosing one saves it at once."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        words = EventWords(parent)
        combo = QComboBox(parent)
        combo.addItem(words.no_reply, "none")
        for key, name in words.replies.items():
            combo.addItem(name, key)
        first = combo.model()
        if isinstance(first, QStandardItemModel):  # a reply, once given, is only changed
            first.item(0).setEnabled(False)
        combo.currentIndexChanged.connect(lambda _: self._chosen(combo))
        return combo

    def _chosen(self, combo: QComboBox) -> None:
        if combo.currentData() != "none":
            self.commitData.emit(combo)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.blockSignals(True)
        editor.setCurrentIndex(max(editor.findData(index.data(EDIT)), 0))
        editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        if editor.currentData() in REPLIES:
            model.setData(index, editor.currentData(), EDIT)
