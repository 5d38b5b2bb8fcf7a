"""Two household members' current assessments side by side, differing answers marked.

A couple deciding together often sees different levels; this shows why: the two levels,
their parts, the loss each can bear, and the questions they answered differently.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import risk_profile as rp
from app.domain.ids import ClientId
from app.domain.questionnaire import Question, QuestionnaireError
from app.services.risk import AssessmentRecord, CurrentRisk
from app.services.workspace import Workspace
from ui.risk.common import RiskWords, data_lang, level_text
from ui.session import VaultSession

DIFFERS = QColor("#fdf0c2")


@dataclass(frozen=True)
class Side:
    client_id: ClientId
    name: str
    current: CurrentRisk | None
    record: AssessmentRecord | None  # the newest assessment


def load_sides(ws: Workspace, ids: tuple[ClientId, ClientId]) -> tuple[Side, Side]:
    rows = {r.id: r for r in ws.book.rows(list(ids))}
    sides = []
    for client_id in ids:
        history = ws.risk.history(client_id)
        name = rows[client_id].name if client_id in rows else "—"
        sides.append(
            Side(client_id, name, ws.risk.current(client_id), history[0] if history else None)
        )
    return sides[0], sides[1]


def household_people(ws: Workspace, client_id: ClientId) -> list[tuple[ClientId, str]]:
    """The people sharing a household with the client (the client first, if a person);
    for a household row, its members. Opening the household is recorded as a view."""
    profile = ws.clients.show(str(client_id), reason="risk_compare", with_portfolio=False)
    ids: list[ClientId] = [client_id, *(m.client_id for m in profile.members)]
    for household in profile.households:
        group = ws.clients.show(
            str(household.client_id), reason="risk_compare", with_portfolio=False
        )
        ids += [m.client_id for m in group.members]
    unique = list(dict.fromkeys(ids))
    return [(r.id, r.name) for r in ws.book.rows(unique) if r.kind == "person"]


class CompareDialog(QDialog):
    def __init__(
        self,
        session: VaultSession,
        left: ClientId,
        right: ClientId,
        people: list[tuple[ClientId, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.words = RiskWords(self)
        self.sides: tuple[Side, Side] | None = None
        self.differing: list[str] = []  # question keys answered differently
        self.setWindowTitle(self.tr("Compare risk assessments"))
        self.resize(980, 700)
        self.pickers = (QComboBox(), QComboBox())
        for picker, chosen in zip(self.pickers, (left, right), strict=True):
            for client_id, name in people or []:
                picker.addItem(name, str(client_id))  # a string: findData compares it
            picker.setCurrentIndex(max(picker.findData(str(chosen)), 0))
            picker.setVisible(len(people or []) > 1)
            picker.currentIndexChanged.connect(lambda _=0: self.load())
        self.ids = [left, right]
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.addWidget(self.pickers[0], 0, 1)
        self.grid.addWidget(self.pickers[1], 0, 2)
        self.note = QLabel(objectName="muted", wordWrap=True)
        self.table = QTableWidget(0, 3)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for index in range(3):
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        column = QVBoxLayout(self)
        column.addLayout(self.grid)
        column.addWidget(self.note)
        column.addWidget(self.table, 1)
        column.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        session.events.vault_did_lock.connect(self.reject)
        self.load()

    def load(self) -> None:
        for i, picker in enumerate(self.pickers):
            if picker.count():
                self.ids[i] = ClientId(uuid.UUID(picker.currentData()))
        ids = (self.ids[0], self.ids[1])
        self.session.run(lambda ws: load_sides(ws, ids), lambda sides: self._show(ids, sides))

    def _show(self, ids: tuple[ClientId, ClientId], sides: tuple[Side, Side]) -> None:
        if ids != (self.ids[0], self.ids[1]):
            return  # the choice changed while loading
        self.sides = sides
        labels = (
            self.tr("Client"),
            self.tr("Level"),
            self.tr("Willingness"),
            self.tr("Capacity"),
            self.tr("Bearable 6-month loss"),
            self.tr("Assessed on"),
            self.tr("Validity"),
        )
        for row, label in enumerate(labels, start=1):
            self._cell(row, 0, QLabel(label, objectName="muted"))
            for col, side in enumerate(sides, start=1):
                self._cell(row, col, QLabel(self._fact(side, row), wordWrap=True))
        self._answers(sides)

    def _cell(self, row: int, col: int, widget: QWidget) -> None:
        old = self.grid.itemAtPosition(row, col)
        if old is not None and (old_widget := old.widget()) is not None:
            old_widget.deleteLater()
            self.grid.removeItem(old)
        self.grid.addWidget(widget, row, col)

    def _fact(self, side: Side, row: int) -> str:
        record, current = side.record, side.current
        if row == 1:
            return side.name
        if record is None or current is None:
            return self.tr("not assessed") if row == 2 else "—"
        s = record.scoring
        facts = {
            2: level_text(s.level, s.lowest_class),
            3: f"{rp.level_code(s.willingness_level)} ({s.willingness_score})",
            4: f"{rp.level_code(s.capacity_level)} ({s.capacity_score})",
            5: self.words.loss(s.max_loss_pct),
            6: record.assessed_at.date().isoformat(),
            7: self.words.validity(current.validity, current.expires_on),
        }
        return facts[row]

    def _answers(self, sides: tuple[Side, Side]) -> None:
        records = [s.record for s in sides]
        forms = [r.questionnaire for r in records if r is not None]
        questions: dict[str, Question] = {}
        for form in forms:
            for question in form.questions:
                questions.setdefault(question.key, question)
        lang = data_lang()
        self.table.setHorizontalHeaderLabels([self.tr("Question"), sides[0].name, sides[1].name])
        self.table.setRowCount(len(questions))
        self.differing = []
        for row, (key, question) in enumerate(questions.items()):
            answers = [_answer_text(r, key, lang) for r in records]
            keys = [r.answers.get(key) if r is not None else None for r in records]
            differs = None not in records and keys[0] != keys[1]
            if differs:
                self.differing.append(key)
            for col, text in enumerate((question.text.get(lang), *answers)):
                item = QTableWidgetItem(text)
                if differs:
                    item.setBackground(QBrush(DIFFERS))
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        if None in records:
            self.note.setText(self.tr("Only assessed clients can be compared answer by answer."))
        else:
            self.note.setText(
                self.tr("{0} of {1} answers differ (marked).").format(
                    len(self.differing), len(questions)
                )
            )


def _answer_text(record: AssessmentRecord | None, key: str, lang: str) -> str:
    if record is None or key not in record.answers:
        return "—"
    try:
        return record.questionnaire.question(key).choice(record.answers[key]).text.get(lang)
    except QuestionnaireError:
        return record.answers[key]
