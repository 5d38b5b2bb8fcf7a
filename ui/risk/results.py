"""The result, for the client to read: the level big, why, what it means, what suits,
the loss they said they can bear, until when it holds; and the assessment's PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import questionnaire as qn
from app.domain import risk_profile as rp
from app.services.risk import AssessmentRecord
from ui.risk.common import RiskWords, data_lang, level_style, ratings_text
from ui.session import VaultSession


class ResultsPage(QWidget):
    sig_close = Signal()

    def __init__(self, session: VaultSession) -> None:
        super().__init__()
        self.session = session
        self.record: AssessmentRecord | None = None
        self.words = RiskWords(self)
        self.code = QLabel(objectName="levelCode", alignment=Qt.AlignmentFlag.AlignCenter)
        self.code.setMinimumWidth(150)
        self.name = QLabel(objectName="levelName", wordWrap=True)
        self.reason = QLabel(objectName="lead", wordWrap=True)
        self.meaning = QLabel(objectName="body", wordWrap=True)
        self.facts = QGridLayout()
        self.facts.setColumnStretch(1, 1)
        self.facts.setHorizontalSpacing(24)
        self.saved = QLabel(objectName="muted", wordWrap=True)
        self.pdf = QPushButton(self.tr("Save PDF…"))
        self.close_button = QPushButton(self.tr("Close"), objectName="primary")
        self.pdf.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.sig_close.emit)
        head = QHBoxLayout()
        head.addWidget(self.code)
        head.addWidget(self.name, 1)
        line = QFrame(frameShape=QFrame.Shape.HLine)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved, 1)
        buttons.addWidget(self.pdf)
        buttons.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.addWidget(QLabel(self.tr("Your risk tolerance"), objectName="pageTitle"))
        column.addLayout(head)
        column.addSpacing(6)
        column.addWidget(self.reason)
        column.addWidget(line)
        column.addWidget(self.meaning)
        column.addLayout(self.facts)
        column.addStretch(1)
        column.addLayout(buttons)

    def show_record(self, record: AssessmentRecord) -> None:
        self.record = record
        lang, s = data_lang(), record.scoring
        self.code.setText(s.code)
        self.code.setStyleSheet(level_style(s.level, rp.ValidityStatus.VALID))
        self.name.setText(rp.level_name(s.level, lang, s.lowest_class))
        self.reason.setText(qn.reason_text(s, lang))
        self.meaning.setText(rp.level_meaning(s.level, lang, s.lowest_class))
        rows = (
            (self.tr("Suitable products"), ratings_text(s.level, s.lowest_class)),
            (self.tr("Loss you can bear over 6 months"), self.words.loss(s.max_loss_pct)),
            (
                self.tr("Willingness / capacity"),
                f"{rp.level_code(s.willingness_level)} ({s.willingness_score}) / "
                f"{rp.level_code(s.capacity_level)} ({s.capacity_score})",
            ),
            (self.tr("Valid until"), record.expires_on.isoformat()),
            (self.tr("Record number"), record.document_number),
        )
        for row, (label, value) in enumerate(rows):
            self.facts.addWidget(QLabel(label, objectName="factLabel"), row, 0)
            self.facts.addWidget(QLabel(value, objectName="factValue", wordWrap=True), row, 1)

    def save_pdf(self) -> None:
        if self.record is None:
            return
        self.saved.setText("")
        self.words.save_pdf(
            self,
            self.session,
            self.record.id,
            f"{self.record.document_number}.pdf",
            self._saved,
            self._failed,
        )

    def _saved(self, path: Path) -> None:
        self.saved.setObjectName("muted")
        self.saved.setText(self.tr("Saved to {0}").format(path))

    def _failed(self, error: BaseException) -> None:
        self.saved.setText(self.tr("Not saved: {0}").format(error))
