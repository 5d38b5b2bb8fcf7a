"""Meeting mode's left side: the client's brief.

The banker's brief shows the tier, assets, risk level and its expiry (amber when it
expires soon, red when expired or missing), the meeting and its agenda, the last notes,
the open tasks (tick one to complete it), coming birthdays and recent large
transactions. The presentation brief faces the client: notes, tasks and birthdays (the
banker's own material, and other people's) are hidden, and the service leaves only the
client's own transactions.
"""

from __future__ import annotations

import html
import uuid
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.home_types import Birthday
from app.services.meetings import BriefTransaction, MeetingBrief, MeetingRow
from app.services.notes import NoteSummary
from app.services.talking_points import TRANSACTION_KINDS
from app.services.tasks import TaskRow
from ui.formatting import format_money
from ui.risk.common import RiskWords, data_lang
from ui.style import TIER_COLOURS

OVERDUE = "#b42318"


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def meeting_when(meeting: MeetingRow) -> str:
    start, end = meeting.starts_at.astimezone(), meeting.ends_at.astimezone()
    last = end.strftime("%H:%M") if end.date() == start.date() else local_time(end)
    return f"{start.strftime('%Y-%m-%d %H:%M')}–{last}"


class BriefPanel(QScrollArea):
    sig_task_toggled = Signal(object, bool)  # task id, done

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.brief: MeetingBrief | None = None
        self.words = RiskWords(self)
        self.task_boxes: dict[uuid.UUID, QCheckBox] = {}
        self._build_ui()

    def _build_ui(self) -> None:
        self.name = QLabel(objectName="title")
        self.tier = QLabel(objectName="badge")
        self.assets = QLabel(objectName="figure")
        self.risk = QLabel(objectName="badge")
        self.as_of = QLabel(objectName="muted")
        self.meeting_when = _label()
        self.agenda = _label()
        self.notes = _label(rich=True)
        self.tasks = QWidget()
        self.task_rows = QVBoxLayout(self.tasks)
        self.task_rows.setContentsMargins(0, 0, 0, 0)
        self.birthdays = _label()
        self.transactions = _label()
        self.meeting_box = _box(self.tr("Meeting"), self.meeting_when, self.agenda)
        self.notes_box = _box(self.tr("Last notes"), self.notes)
        self.tasks_box = _box(self.tr("Open tasks"), self.tasks)
        self.birthdays_box = _box(self.tr("Coming birthdays"), self.birthdays)
        self.transactions_box = _box(self.tr("Large transactions, last 90 days"), self.transactions)
        badges = QHBoxLayout()
        badges.addWidget(self.tier)
        badges.addWidget(self.risk)
        badges.addStretch(1)
        body = QWidget(objectName="brief")
        column = QVBoxLayout(body)
        column.addWidget(self.name)
        column.addLayout(badges)
        column.addWidget(self.assets)
        column.addWidget(self.as_of)
        for box in (
            self.meeting_box,
            self.notes_box,
            self.tasks_box,
            self.birthdays_box,
            self.transactions_box,
        ):
            column.addWidget(box)
        column.addStretch(1)
        self.setWidget(body)

    # --- showing ------------------------------------------------------------------------

    def show_brief(self, brief: MeetingBrief) -> None:
        self.brief = brief
        zh = data_lang() == "zh"
        self.name.setText(brief.client_name)
        self.tier.setText((brief.tier_name_zh if zh else brief.tier_name_en) or "—")
        self.tier.setStyleSheet(f"background: {TIER_COLOURS.get(brief.tier or '', '#627d98')}")
        self.assets.setText(format_money(brief.assets_cny))
        text, style = self.words.badge(brief.risk)
        self.risk.setText(text)
        self.risk.setStyleSheet(style)
        self.risk.setVisible(brief.client_kind == "person")
        valued = local_time(brief.assets_valued_at) if brief.assets_valued_at else "—"
        self.as_of.setText(self.tr("Financial assets valued {0}").format(valued))
        self._show_meeting(brief.meeting)
        notes = [self._note_html(n) for n in brief.last_notes]
        self.notes.setText("".join(notes) or html.escape(self.tr("None.")))
        self._show_tasks(brief.open_tasks)
        self.birthdays.setText("\n".join(self._birthday_line(b) for b in brief.birthdays))
        lines = [self._transaction_line(t, brief) for t in brief.large_transactions]
        self.transactions.setText("\n".join(lines) or self.tr("No large transactions."))
        internal = not brief.presentation
        self.notes_box.setVisible(internal)
        self.tasks_box.setVisible(internal)
        self.birthdays_box.setVisible(internal and bool(brief.birthdays))

    def _show_meeting(self, meeting: MeetingRow | None) -> None:
        self.meeting_box.setVisible(meeting is not None)
        if meeting is None:
            return
        parts = [meeting_when(meeting), meeting.channel_name(data_lang())]
        if meeting.location:
            parts.append(meeting.location)
        self.meeting_box.setTitle(self.tr("Meeting: {0}").format(meeting.title))
        self.meeting_when.setText(" · ".join(parts))
        self.agenda.setText(meeting.agenda)
        self.agenda.setVisible(bool(meeting.agenda))

    def _note_html(self, note: NoteSummary) -> str:
        day = note.written_at.astimezone().date().isoformat()
        head = html.escape(f"{day}  {note.title}")
        return f"<p><b>{head}</b><br>{html.escape(note.snippet)}</p>"

    def _birthday_line(self, birthday: Birthday) -> str:
        text = f"{birthday.name}  {birthday.on.isoformat()}"
        if birthday.lunar:
            text += self.tr(" (lunar)")
        if birthday.age is not None:
            text += self.tr(", turns {0}").format(birthday.age)
        return text

    def _transaction_line(self, t: BriefTransaction, brief: MeetingBrief) -> str:
        zh, en = TRANSACTION_KINDS.get(t.kind, (t.kind, t.kind))
        kind = zh if data_lang() == "zh" else en
        owner = "" if t.client_id == brief.client_id else f"{t.client_name} · "
        what = f" {t.instrument}" if t.instrument else ""
        amount = format_money(t.amount_cny)
        return f"{t.trade_date.isoformat()}  {owner}{kind}{what}  {amount}"

    def _show_tasks(self, tasks: tuple[TaskRow, ...]) -> None:
        while (item := self.task_rows.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.task_boxes = {}
        for task in tasks:
            due = task.due_on.isoformat() if task.due_on else self.tr("no due date")
            box = QCheckBox()
            box.toggled.connect(lambda done, t=task.id, b=box: self._task_toggled(t, b, done))
            text = _label()
            text.setText(f"{task.title}\n{task.owner} · {due}")
            text.setBuddy(box)
            if task.overdue:
                text.setStyleSheet(f"color: {OVERDUE}")
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(text, 1)
            self.task_rows.addWidget(row)
            self.task_boxes[task.id] = box
        if not tasks:
            self.task_rows.addWidget(QLabel(self.tr("No open tasks.")))

    def _task_toggled(self, task_id: uuid.UUID, box: QCheckBox, done: bool) -> None:
        row = box.parentWidget()
        assert row is not None  # the box sits in its task's row
        label = row.findChild(QLabel)
        if label is not None:
            font = label.font()
            font.setStrikeOut(done)
            label.setFont(font)
        self.sig_task_toggled.emit(task_id, done)

    def task_item(self, task_id: uuid.UUID) -> QCheckBox | None:
        return self.task_boxes.get(task_id)

    def clear(self) -> None:
        self.brief = None
        for label in (self.name, self.tier, self.assets, self.risk, self.as_of):
            label.clear()
        for label in (self.notes, self.birthdays, self.transactions):
            label.clear()
        self._show_tasks(())
        self.meeting_box.hide()


def _label(rich: bool = False) -> QLabel:
    label = QLabel(wordWrap=True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


def _box(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    column = QVBoxLayout(box)
    for widget in widgets:
        column.addWidget(widget)
    return box
