"""The calendar's models: the week (a column per day, a meeting per cell) and the agenda
(a meeting per row). Both hold ``MeetingRow``s read on the vault worker; times show in
the banker's local time."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.services.meetings import MeetingRow
from ui.risk.common import data_lang

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
CHANNEL_COLOURS = {
    "branch": "#e3edf9",
    "client_office": "#e6f4ea",
    "phone": "#fdf3dc",
    "video": "#efe9fa",
    "wechat": "#e2f5ef",
}
TODAY_COLOUR = "#fff8e1"
MIN_ROWS = 6  # an empty week still looks like a week


def local_day(meeting: MeetingRow) -> date:
    return meeting.starts_at.astimezone().date()


def hours(meeting: MeetingRow) -> str:
    start, end = meeting.starts_at.astimezone(), meeting.ends_at.astimezone()
    return f"{start:%H:%M}–{end:%H:%M}"


class CalendarWords(QObject):
    """Translated words of the calendar (an instance per model or screen)."""

    def status(self, status: str) -> str:
        words = {
            "planned": self.tr("Planned"),
            "held": self.tr("Held"),
            "cancelled": self.tr("Cancelled"),
        }
        return words.get(status, status)

    def weekday(self, index: int) -> str:
        names = (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )
        return names[index]


class _MeetingModel(QAbstractTableModel):
    """What both models share: words, fonts and colours of a meeting."""

    def __init__(self) -> None:
        super().__init__()
        self.words = CalendarWords(self)

    def style(self, meeting: MeetingRow, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and meeting.status == "cancelled":
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and meeting.status != "planned":
            return QColor("#7b8794")
        return None


class WeekModel(_MeetingModel):
    """Seven columns, Monday to Sunday; row ``r`` of a day is its ``r``-th meeting."""

    def __init__(self) -> None:
        super().__init__()
        self.monday = date.today() - timedelta(days=date.today().weekday())
        self.today = date.today()
        self.days: list[list[MeetingRow]] = [[] for _ in range(7)]

    def set_week(self, monday: date, meetings: list[MeetingRow], today: date) -> None:
        self.beginResetModel()
        self.monday, self.today = monday, today
        self.days = [[] for _ in range(7)]
        for meeting in meetings:
            offset = (local_day(meeting) - monday).days
            if 0 <= offset < 7:
                self.days[offset].append(meeting)
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)

    def clear(self) -> None:
        self.set_week(self.monday, [], self.today)

    def meeting(self, index: Index) -> MeetingRow | None:
        if not index.isValid() or not 0 <= index.column() < 7:
            return None
        day = self.days[index.column()]
        return day[index.row()] if 0 <= index.row() < len(day) else None

    def all_meetings(self) -> list[MeetingRow]:
        return [m for day in self.days for m in day]

    def index_of(self, meeting_id: uuid.UUID) -> QModelIndex:
        for column, day in enumerate(self.days):
            for row, meeting in enumerate(day):
                if meeting.id == meeting_id:
                    return self.index(row, column)
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else max(MIN_ROWS, *(len(d) for d in self.days))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 7:
            return None
        day = self.monday + timedelta(days=section)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self.words.weekday(section)} {day:%m-%d}"
        if role == Qt.ItemDataRole.FontRole and day == self.today:
            font = QFont()
            font.setBold(True)
            font.setUnderline(True)
            return font
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        meeting = self.meeting(index)
        if meeting is None:
            today = index.isValid() and self.monday + timedelta(days=index.column()) == self.today
            if role == Qt.ItemDataRole.BackgroundRole and today:
                return QColor(TODAY_COLOUR)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(
                (
                    hours(meeting),
                    meeting.client_name,
                    meeting.channel_name(data_lang()),
                    meeting.title,
                )
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [meeting.title, meeting.location or "", meeting.agenda]
            return "\n".join(p for p in parts if p) + f"\n{self.words.status(meeting.status)}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(CHANNEL_COLOURS.get(meeting.channel, "#ffffff"))
        if role == ID_ROLE:
            return meeting.id
        return self.style(meeting, role)


AGENDA_COLUMNS = ("day", "time", "client", "channel", "title", "status")


class AgendaModel(_MeetingModel):
    """The meetings of the coming days, one per row, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.meetings: list[MeetingRow] = []
        self.heads = (
            self.tr("Day"),
            self.tr("Time"),
            self.tr("Client"),
            self.tr("Channel"),
            self.tr("Title"),
            self.tr("Status"),
        )

    def set_meetings(self, meetings: list[MeetingRow]) -> None:
        self.beginResetModel()
        self.meetings = list(meetings)
        self.endResetModel()

    def clear(self) -> None:
        self.set_meetings([])

    def meeting(self, index: Index) -> MeetingRow | None:
        if not index.isValid() or not 0 <= index.row() < len(self.meetings):
            return None
        return self.meetings[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.meetings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AGENDA_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.heads)
        ):
            return self.heads[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        meeting = self.meeting(index)
        if meeting is None or not 0 <= index.column() < len(AGENDA_COLUMNS):
            return None
        column = AGENDA_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(meeting, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return meeting.agenda or None
        if role == ID_ROLE:
            return meeting.id
        return self.style(meeting, role)

    def _text(self, meeting: MeetingRow, column: str) -> str:
        if column == "day":
            day = local_day(meeting)
            return f"{day.isoformat()} {self.words.weekday(day.weekday())}"
        if column == "time":
            return hours(meeting)
        if column == "client":
            return meeting.client_name
        if column == "channel":
            return meeting.channel_name(data_lang())
        if column == "title":
            return meeting.title
        return self.words.status(meeting.status)
