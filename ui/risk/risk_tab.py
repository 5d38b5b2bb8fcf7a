"""The client's Risk tab: the current level and its validity, the extra-care note, every
assessment (newest first) with its PDF, a new assessment, and a household comparison."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.ids import ClientId
from app.domain.risk_profile import level_meaning
from app.services.clients import ClientProfile
from app.services.risk import AssessmentRecord, ClientCare, CurrentRisk
from app.services.workspace import Workspace
from ui.risk.common import CARE_NOTE_STYLE, RiskWords, data_lang, level_text, validity_style
from ui.risk.history_model import HistoryModel
from ui.session import VaultSession

if TYPE_CHECKING:  # both are imported when first opened
    from ui.risk.compare import CompareDialog
    from ui.risk.wizard import RiskWizard


@dataclass(frozen=True)
class RiskData:
    current: CurrentRisk | None
    care: ClientCare
    history: list[AssessmentRecord]


def load_risk(ws: Workspace, client_id: ClientId) -> RiskData:
    return RiskData(ws.risk.current(client_id), ws.risk.care(client_id), ws.risk.history(client_id))


class RiskTab(QWidget):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.client_id: ClientId | None = None
        self.data: RiskData | None = None
        self.wizard: RiskWizard | None = None  # the open RiskWizard, if any
        self.compare: CompareDialog | None = None  # the open CompareDialog, if any
        self.words = RiskWords(self)
        self.model = HistoryModel()
        self._build_ui()

    def _build_ui(self) -> None:
        self.level = QLabel(objectName="figure")
        self.validity = QLabel(objectName="badge")
        self.care = QLabel(wordWrap=True)
        self.care.setStyleSheet(CARE_NOTE_STYLE)
        self.meaning = QLabel(objectName="muted", wordWrap=True)
        self.table = QTableView(alternatingRowColors=True)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.new = QPushButton(self.tr("New assessment"), objectName="primary")
        self.pdf = QPushButton(self.tr("Save PDF of the selected one…"))
        self.compare_button = QPushButton(self.tr("Compare with household member…"))
        self.status = QLabel(objectName="muted", wordWrap=True)
        self.new.clicked.connect(self.new_assessment)
        self.pdf.clicked.connect(self.save_pdf)
        self.compare_button.clicked.connect(self.compare_household)
        head = QHBoxLayout()
        head.addWidget(self.level)
        head.addWidget(self.validity)
        head.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.new, self.pdf, self.compare_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(head)
        column.addWidget(self.meaning)
        column.addWidget(self.care)
        column.addLayout(buttons)
        column.addWidget(self.status)
        column.addWidget(QLabel(self.tr("Assessments"), objectName="subtitle"))
        column.addWidget(self.table, 1)
        self.clear()

    # --- showing --------------------------------------------------------------------------

    def open(self, client_id: ClientId) -> None:
        self.client_id = client_id
        self.session.run(
            lambda ws: load_risk(ws, client_id), lambda data: self._show(client_id, data)
        )

    def set_profile(self, profile: ClientProfile) -> None:
        """Relations decide whether a household comparison is offered; only a person is
        assessed (a household, company or trust through its members)."""
        self.person = profile.row.kind == "person"
        self.new.setToolTip(
            "" if self.person else self.tr("Only a person is assessed: assess each member.")
        )
        self._enable()
        has_household = bool(profile.members or profile.households)
        self.compare_button.setEnabled(has_household)
        self.compare_button.setToolTip(
            "" if has_household else self.tr("The client is in no household.")
        )

    def _show(self, client_id: ClientId, data: RiskData) -> None:
        if client_id != self.client_id:
            return
        self.data = data
        current = data.current
        if current is None:
            self.level.setText(self.tr("Not assessed"))
            self.meaning.setText(
                self.tr("No products other than deposits may be sold or advised until assessed.")
            )
        else:
            self.level.setText(level_text(current.level, current.lowest_class))
            self.meaning.setText(
                level_meaning(current.level, data_lang(), current.lowest_class)
                + "  "
                + self.tr("Bearable 6-month loss: {0}.").format(
                    self.words.loss(current.max_loss_pct)
                )
            )
        text, style = self.words.badge(current)
        if current is not None:
            text = self.words.validity(current.validity, current.expires_on)
            style = validity_style(current.validity.status)
        self.validity.setText(text)
        self.validity.setStyleSheet(style)
        note = data.care.extra_care_note_zh if data_lang() == "zh" else data.care.extra_care_note_en
        self.care.setText(note or "")
        self.care.setVisible(bool(note))
        self.model.set_records(data.history)
        if data.history:
            self.table.selectRow(0)
        self._enable()

    def _enable(self) -> None:
        self.new.setEnabled(self.client_id is not None and self.person)
        self.pdf.setEnabled(self.selected() is not None)

    def selected(self) -> AssessmentRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    # --- acting ---------------------------------------------------------------------------

    def new_assessment(self) -> None:
        if self.client_id is None:
            return
        from ui.risk.wizard import open_wizard

        open_wizard(self.session, self.client_id, self, self._wizard_opened)

    def _wizard_opened(self, wizard: RiskWizard) -> None:
        self.wizard = wizard
        wizard.finished.connect(lambda _: setattr(self, "wizard", None))

    def save_pdf(self) -> None:
        record = self.selected()
        if record is None:
            return
        self.status.clear()
        self.words.save_pdf(
            self,
            self.session,
            record.id,
            f"{record.document_number}.pdf",
            lambda path: self.status.setText(self.tr("Saved to {0}").format(path)),
            lambda error: self.status.setText(self.tr("Not saved: {0}").format(error)),
        )

    def compare_household(self) -> None:
        if self.client_id is None:
            return
        from ui.risk.compare import household_people

        client_id = self.client_id
        self.session.run(
            lambda ws: household_people(ws, client_id),
            lambda people: self._choose_pair(client_id, people),
        )

    def _choose_pair(self, client_id: ClientId, people: list[tuple[ClientId, str]]) -> None:
        if client_id != self.client_id:
            return
        if len(people) < 2:
            self.status.setText(self.tr("No other household member to compare with."))
            return
        # The dialog's own pickers switch between members; start with the first other.
        first = client_id if client_id in [p[0] for p in people] else people[0][0]
        second = next(p[0] for p in people if p[0] != first)
        self.open_compare(first, second, people)

    def open_compare(
        self, left: ClientId, right: ClientId, people: list[tuple[ClientId, str]] | None = None
    ) -> None:
        from ui.risk.compare import CompareDialog

        self.compare = CompareDialog(self.session, left, right, people, self)
        self.compare.show()

    def clear(self) -> None:
        self.client_id = None
        self.person = False
        self.data = None
        self.model.clear()
        for label in (self.level, self.validity, self.care, self.meaning, self.status):
            label.clear()
        self.care.hide()
        self.compare_button.setEnabled(False)
        self._enable()
