"""The Calendar page: the week (a column per day) and the next 14 days as a list.

Plan a meeting, edit, cancel or mark it held, save it as an ``.ics`` for the phone's
calendar, and open it (double-click or "Open") in meeting mode.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Changes
from app.services.meetings import MeetingRow, week_of
from app.services.workspace import Workspace
from ui.calendar.dialog import MeetingDialog
from ui.calendar.model import AgendaModel, WeekModel
from ui.session import VaultSession

AGENDA_DAYS = 14
DISABLED = """
QPushButton:disabled { color: #9aa5b1; border-color: #d9dde3; }
QPushButton#primary:disabled { color: white; border-color: #9fb3c8; }
"""


@dataclass(frozen=True)
class CalendarData:
    monday: date
    week: list[MeetingRow]
    agenda: list[MeetingRow]
    today: date


class CalendarPage(QWidget):
    sig_open_meeting = Signal(object)  # meeting id

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.monday = week_of(date.today())[0]
        self.week_model = WeekModel()
        self.agenda_model = AgendaModel()
        self.loaded = False
        self.dialog: MeetingDialog | None = None
        self.confirm: QMessageBox | None = None
        self._generation = 0
        self._build_ui()
        self.setStyleSheet(DISABLED)
        session.events.vault_did_lock.connect(self.clear)
        session.events.operation_did_execute.connect(self._changed)

    def _build_ui(self) -> None:
        self.previous = QPushButton(self.tr("◀ Previous week"))
        self.today_button = QPushButton(self.tr("This week"))
        self.next = QPushButton(self.tr("Next week ▶"))
        self.range = QLabel(objectName="subtitle")
        self.cancelled = QCheckBox(self.tr("Show cancelled"))
        self.new = QPushButton(self.tr("New meeting…"), objectName="primary")
        self.previous.clicked.connect(lambda: self.show_week(self.monday - timedelta(days=7)))
        self.next.clicked.connect(lambda: self.show_week(self.monday + timedelta(days=7)))
        self.today_button.clicked.connect(lambda: self.show_week(week_of(date.today())[0]))
        self.cancelled.toggled.connect(lambda _: self.refresh())
        self.new.clicked.connect(lambda: self.new_meeting())
        head = QHBoxLayout()
        for widget in (self.previous, self.today_button, self.next):
            head.addWidget(widget)
        head.addWidget(self.range, 1)
        head.addWidget(self.cancelled)
        head.addWidget(self.new)
        self.week = self._table(self.week_model)
        self.week.setWordWrap(True)
        self.week.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.week.verticalHeader().setDefaultSectionSize(84)
        self.week.setShowGrid(True)
        self.agenda = self._table(self.agenda_model)
        header = self.agenda.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in enumerate((130, 100, 110, 110, 260, 80)):
            self.agenda.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.week, self.tr("Week"))
        self.tabs.addTab(self.agenda, self.tr("Next 14 days"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._build_actions())
        self._enable()

    def _build_actions(self) -> QHBoxLayout:
        self.open_button = QPushButton(self.tr("Open in meeting mode"), objectName="primary")
        self.edit = QPushButton(self.tr("Edit…"))
        self.held = QPushButton(self.tr("Mark held"))
        self.cancel = QPushButton(self.tr("Cancel meeting…"))
        self.reopen = QPushButton(self.tr("Plan again"))
        self.ics = QPushButton(self.tr("Export .ics…"))
        self.status = QLabel(objectName="muted", wordWrap=True)
        self.open_button.clicked.connect(self.open_selected)
        self.edit.clicked.connect(self.edit_selected)
        self.held.clicked.connect(lambda: self._set_status("held"))
        self.cancel.clicked.connect(self.cancel_selected)
        self.reopen.clicked.connect(lambda: self._set_status("planned"))
        self.ics.clicked.connect(self.export_ics)
        actions = QHBoxLayout()
        for button in (self.open_button, self.edit, self.held, self.cancel, self.reopen, self.ics):
            actions.addWidget(button)
        actions.addWidget(self.status, 1)
        return actions

    def _table(self, model: WeekModel | AgendaModel) -> QTableView:
        table = QTableView(alternatingRowColors=False)
        table.setModel(model)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        if isinstance(model, AgendaModel):
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        table.doubleClicked.connect(lambda index: self.open_selected())
        return table

    def _tab_changed(self, _: int) -> None:
        """The week's buttons only on the week; the list always starts today."""
        week = self.tabs.currentWidget() is self.week
        for widget in (self.previous, self.today_button, self.next, self.range):
            widget.setVisible(week)
        self._enable()

    # --- loading ------------------------------------------------------------------------

    def activate(self) -> None:
        if not self.loaded:
            self.refresh()

    def show_week(self, monday: date) -> None:
        self.monday = monday
        self.refresh()

    def refresh(self, select: uuid.UUID | None = None) -> None:
        """Load the week on show and the next 14 days (then select ``select``, if given)."""
        self._generation += 1
        generation, monday = self._generation, self.monday
        cancelled = self.cancelled.isChecked()

        def job(ws: Workspace) -> CalendarData:
            today = date.today()
            week = ws.meetings.week(monday, include_cancelled=cancelled)
            agenda = ws.meetings.agenda(today, AGENDA_DAYS, include_cancelled=cancelled)
            return CalendarData(monday, week, agenda, today)

        def shown(data: CalendarData) -> None:
            self._show(generation, data)
            if select is not None and generation == self._generation:
                self.select(select)

        if self.session.run(job, shown):
            self.loaded = True

    def _show(self, generation: int, data: CalendarData) -> None:
        if generation != self._generation:
            return
        chosen = self.selected()
        self.week_model.set_week(data.monday, data.week, data.today)
        self.agenda_model.set_meetings(data.agenda)
        sunday = data.monday + timedelta(days=6)
        self.range.setText(
            self.tr("{0} to {1} · {2} meetings").format(
                data.monday.isoformat(), sunday.isoformat(), len(data.week)
            )
        )
        if chosen is not None:
            self.select(chosen.id)
        self._enable()

    def _changed(self, changes: Changes, initiator: object) -> None:
        if changes.meetings and self.loaded:
            self.refresh()

    # --- the selection ------------------------------------------------------------------

    def selected(self) -> MeetingRow | None:
        table = self.tabs.currentWidget()
        assert isinstance(table, QTableView)
        model = table.model()
        assert isinstance(model, WeekModel | AgendaModel)
        return (
            model.meeting(table.currentIndex()) if table.selectionModel().hasSelection() else None
        )

    def select(self, meeting_id: uuid.UUID) -> bool:
        """Select the meeting in the week (or, if not in this week, in the list)."""
        index = self.week_model.index_of(meeting_id)
        if index.isValid():
            self.tabs.setCurrentWidget(self.week)
            self.week.setCurrentIndex(index)
            return True
        rows = [m.id for m in self.agenda_model.meetings]
        if meeting_id in rows:
            self.tabs.setCurrentWidget(self.agenda)
            self.agenda.selectRow(rows.index(meeting_id))
            return True
        return False

    def _enable(self) -> None:
        meeting = self.selected()
        has = meeting is not None
        planned = meeting is not None and meeting.status == "planned"
        self.open_button.setEnabled(has)
        self.edit.setEnabled(planned)
        self.held.setEnabled(planned)
        self.cancel.setEnabled(planned)
        self.reopen.setVisible(meeting is not None and meeting.status != "planned")
        self.ics.setEnabled(has)

    # --- acting -------------------------------------------------------------------------

    def new_meeting(self, day: date | None = None) -> MeetingDialog:
        if day is None:
            today = date.today()
            day = today if self.monday <= today < self.monday + timedelta(days=7) else self.monday
        return self._open_dialog(MeetingDialog(self.session, None, day, self))

    def edit_selected(self) -> MeetingDialog | None:
        meeting = self.selected()
        if meeting is None:
            return None
        return self._open_dialog(MeetingDialog(self.session, meeting, None, self))

    def _open_dialog(self, dialog: MeetingDialog) -> MeetingDialog:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._dialog_saved(dialog))
        dialog.finished.connect(lambda _: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _dialog_saved(self, dialog: MeetingDialog) -> None:
        self.status.setText(self.tr("Meeting saved."))
        if dialog.saved_id is not None and dialog.saved_day is not None:
            self.monday = week_of(dialog.saved_day)[0]  # show its week, with it selected
            self.refresh(select=dialog.saved_id)

    def open_selected(self) -> None:
        meeting = self.selected()
        if meeting is not None:
            self.sig_open_meeting.emit(meeting.id)

    def cancel_selected(self) -> QMessageBox | None:
        """Ask (without blocking) before cancelling; a cancelled meeting can be planned again."""
        meeting = self.selected()
        if meeting is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Cancel meeting"),
            self.tr("Cancel “{0}” with {1}?").format(meeting.title, meeting.client_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.accepted.connect(lambda: self._set_status("cancelled", meeting.id))
        box.finished.connect(lambda _: setattr(self, "confirm", None))
        self.confirm = box
        box.open()
        return box

    def _set_status(self, status: str, meeting_id: uuid.UUID | None = None) -> None:
        if meeting_id is None:
            meeting = self.selected()
            if meeting is None:
                return
            meeting_id = meeting.id
        chosen = meeting_id
        calls = {
            "held": lambda ws: ws.meetings.mark_held(chosen),
            "cancelled": lambda ws: ws.meetings.cancel(chosen),
            "planned": lambda ws: ws.meetings.reopen(chosen),
        }
        self.session.mutate(calls[status], self, None, self._failed)

    def export_ics(self) -> None:
        meeting = self.selected()
        if meeting is None:
            return
        day = meeting.starts_at.astimezone().date().isoformat()
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the meeting as a calendar file"),
            f"meeting-{day}.ics",
            self.tr("Calendar (*.ics)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".ics":
            target = target.with_name(target.name + ".ics")
        meeting_id = meeting.id
        self.session.run(
            lambda ws: ws.meetings.export_ics(meeting_id, target),
            lambda saved: self.status.setText(self.tr("Saved to {0}").format(saved)),
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("Not done: {0}").format(error))

    def clear(self) -> None:
        self._generation += 1
        self.loaded = False
        for dialog in (self.dialog, self.confirm):
            if dialog is not None:
                dialog.reject()
        self.week_model.clear()
        self.agenda_model.clear()
        self.range.clear()
        self.status.clear()
        self.monday = week_of(date.today())[0]
        self._enable()
