"""The in-meeting risk-tolerance assessment: a wizard the client reads and answers.

Pages: where (and the rule against filling in for the client) → one question a page →
summary (jump back to any answer; changes since last time marked) → extra care (65+ or
vulnerable only) → the client's confirmation and saving → the result. Nothing is saved
before the confirmation; once saved the answers are locked and only the result shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ConfidantError
from app.domain.ids import ClientId
from app.domain.questionnaire import Questionnaire
from app.services.changes import Changes
from app.services.risk import AssessmentRecord, ClientCare
from app.services.workspace import Workspace
from ui.risk.common import data_lang
from ui.risk.results import ResultsPage
from ui.risk.wizard_pages import CarePage, ConfirmPage, QuestionPage, SetupPage, SummaryPage
from ui.session import VaultSession

STYLE = """
QLabel#pageTitle { font-size: 20pt; font-weight: 600; color: #102a43; }
QLabel#lead { font-size: 15pt; color: #243b53; }
QLabel#body { font-size: 14pt; }
QLabel#muted { font-size: 12pt; color: #627d98; }
QLabel#error { font-size: 13pt; color: #b42318; }
QLabel#notice { font-size: 14pt; color: #7a4b00; background: #fdf0c2; border: 1px solid #c28a00;
                border-radius: 6px; padding: 10px; }
QLabel#care { font-size: 14pt; color: #4a2f80; background: #efe9fa; border: 1px solid #6b4fa1;
              border-radius: 6px; padding: 10px; }
QLabel#part { font-size: 13pt; color: #627d98; }
QLabel#question { font-size: 22pt; font-weight: 600; color: #102a43; }
QFrame#choiceCard { border: 1px solid #bcccdc; border-radius: 8px; background: white; }
QFrame#choiceCard[checked="true"] { border: 2px solid #1d4e89; background: #eaf1fb; }
QRadioButton#choiceLetter { font-size: 16pt; font-weight: 600; }
QRadioButton#choiceLetter::indicator, QRadioButton#place::indicator,
QCheckBox#bigCheck::indicator { width: 22px; height: 22px; }
QLabel#choiceText { font-size: 16pt; }
QRadioButton#place { font-size: 15pt; padding-right: 18px; }
QLineEdit#detail { font-size: 14pt; }
QCheckBox#bigCheck { font-size: 16pt; spacing: 12px; }
QLabel#summaryText { font-size: 13pt; }
QLabel#summaryAnswer { font-size: 13pt; font-weight: 600; }
QLabel#summaryChanged { font-size: 13pt; color: #9a3412; background: #fdf0c2; padding: 2px 4px; }
QLabel#levelCode { font-size: 48pt; font-weight: 700; color: white; border-radius: 12px;
                   padding: 8px 24px; }
QLabel#levelName { font-size: 30pt; font-weight: 600; color: #102a43; }
QLabel#factLabel { font-size: 14pt; color: #627d98; }
QLabel#factValue { font-size: 16pt; font-weight: 600; }
QLabel#progress { font-size: 13pt; color: #243b53; }
QPushButton { font-size: 14pt; padding: 8px 18px; }
"""


@dataclass(frozen=True)
class WizardSetup:
    """What the wizard needs before the first page: loaded on the worker."""

    questionnaire: Questionnaire
    care: ClientCare
    previous: AssessmentRecord | None


def load_setup(ws: Workspace, client_id: ClientId) -> WizardSetup:
    history = ws.risk.history(client_id)
    return WizardSetup(
        ws.risk.questionnaire(), ws.risk.care(client_id), history[0] if history else None
    )


class RiskWizard(QDialog):
    sig_saved = Signal(object)  # AssessmentRecord

    def __init__(
        self,
        session: VaultSession,
        client_id: ClientId,
        setup: WizardSetup,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.client_id, self.form = session, client_id, setup.questionnaire
        self.care_needed = setup.care.extra_care
        self.answers: dict[str, str] = {}
        self.record: AssessmentRecord | None = None
        self._from_summary = False
        self.setWindowTitle(self.tr("Risk tolerance assessment — {0}").format(setup.care.name))
        self.setStyleSheet(STYLE)
        self.resize(1040, 760)
        self._build(setup)
        session.events.vault_did_lock.connect(self._locked)
        self.go(0)

    def _build(self, setup: WizardSetup) -> None:
        self.stack = QStackedWidget()
        self.setup_page = SetupPage(self.form, setup.care)
        self.questions: list[QuestionPage] = []
        for part in self.form.parts:
            for question in part.questions:
                page = QuestionPage(question, part.title.get(data_lang()))
                page.sig_answered.connect(self._answered)
                self.questions.append(page)
        self.summary = SummaryPage(setup.previous, self.jump)
        self.care = CarePage(setup.care) if self.care_needed else None
        self.confirm = ConfirmPage()
        self.results = ResultsPage(self.session)
        self.pages: list[QWidget] = [self.setup_page, *self.questions, self.summary]
        self.pages += [self.care] if self.care is not None else []
        self.pages += [self.confirm, self.results]
        for widget in self.pages:
            self.stack.addWidget(widget)
        if self.care is not None:
            self.care.tick.toggled.connect(lambda _: self._update())
        self.confirm.tick.toggled.connect(lambda _: self._update())
        self.confirm.save.clicked.connect(self.save)
        self.results.sig_close.connect(self.accept)
        self.progress_text = QLabel(objectName="progress")
        self.progress = QProgressBar(maximum=len(self.questions), textVisible=False)
        self.progress.setFixedHeight(10)
        self.back = QPushButton(self.tr("Back"))
        self.next = QPushButton(self.tr("Next"), objectName="primary")
        self.back.clicked.connect(self.go_back)
        self.next.clicked.connect(self.go_next)
        self.nav = QWidget()
        row = QHBoxLayout(self.nav)
        row.addWidget(self.progress_text)
        row.addWidget(self.progress, 1)
        row.addWidget(self.back)
        row.addWidget(self.next)
        column = QVBoxLayout(self)
        column.addWidget(self.stack, 1)
        column.addWidget(self.nav)

    # --- navigation ---------------------------------------------------------------------

    @property
    def page(self) -> QWidget:
        page = self.stack.currentWidget()
        assert page is not None  # the stack holds every page from the start
        return page

    def go(self, index: int) -> None:
        page = self.pages[index]
        if page is self.summary:
            self.summary.show_answers(self.form, self.answers)
        self.stack.setCurrentWidget(page)
        self._update()

    def go_next(self) -> None:
        if not self.next.isEnabled():
            return
        index = self.pages.index(self.page)
        if self._from_summary and self.page in self.questions:
            self._from_summary = False
            index = self.pages.index(self.summary) - 1
        self.go(index + 1)

    def go_back(self) -> None:
        index = self.pages.index(self.page)
        if index > 0 and self.record is None:
            self._from_summary = False
            self.go(index - 1)

    def jump(self, question: int) -> None:
        """From the summary to one question; Next then returns to the summary."""
        self._from_summary = True
        self.go(1 + question)

    def _answered(self, key: str, choice: str) -> None:
        self.answers[key] = choice
        self._update()

    def _update(self) -> None:
        page = self.page
        done = sum(1 for q in self.questions if q.question.key in self.answers)
        self.progress.setValue(done)
        self.nav.setVisible(page is not self.results)
        self.back.setVisible(page is not self.setup_page)
        self.next.setVisible(page is not self.confirm)
        self.next.setText(self.tr("Next"))
        if page is self.setup_page:
            self.progress_text.setText(self.tr("{0} questions").format(len(self.questions)))
            self.next.setText(self.tr("Start"))
            self.next.setEnabled(True)
        elif isinstance(page, QuestionPage):
            number = self.questions.index(page) + 1
            self.progress_text.setText(
                self.tr("Question {0} of {1}").format(number, len(self.questions))
            )
            self.next.setEnabled(page.question.key in self.answers)
            if self._from_summary:
                self.next.setText(self.tr("Back to summary"))
        else:
            self.progress_text.setText(self.tr("All {0} answered").format(done))
            self.next.setEnabled(page is not self.care or self._care_ticked())
        self.confirm.save.setEnabled(
            self.confirm.tick.isChecked() and self._care_ticked() and self.record is None
        )

    def _care_ticked(self) -> bool:
        return self.care is None or self.care.tick.isChecked()

    # --- saving --------------------------------------------------------------------------

    def save(self) -> None:
        if not self.confirm.save.isEnabled():
            return
        client_id, answers = self.client_id, dict(self.answers)
        place, detail = self.setup_page.place(), self.setup_page.place_detail()
        care = self.care is not None and self.care.tick.isChecked()
        box: dict[str, Any] = {}

        def job(ws: Workspace) -> Changes:
            recorded = ws.risk.record(
                client_id,
                answers,
                place=place,
                place_detail=detail,
                client_confirmed=True,
                extra_care_confirmed=care,
            )
            box["record"] = ws.risk.assessment(recorded.assessment_id)
            return recorded.changes

        self.confirm.save.setEnabled(False)
        self.confirm.error.clear()
        self.session.mutate(job, self, lambda _: self._saved(box["record"]), self._failed)

    def _saved(self, record: AssessmentRecord) -> None:
        self.record = record
        self.results.show_record(record)
        self.go(self.pages.index(self.results))
        self.sig_saved.emit(record)

    def _failed(self, error: BaseException) -> None:
        self._update()
        if isinstance(error, ConfidantError):
            self.confirm.error.setText(self.tr("Not saved: {0}").format(error))
        else:
            self.session.sig_error.emit(error)

    # --- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        """Closing before saving discards the answers: ask first."""
        if self.record is None and self.answers:
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr("Discard the answers given so far? Nothing has been saved."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def _locked(self) -> None:
        """The vault locked: the answers must not stay on screen."""
        self.answers.clear()
        self.done(QDialog.DialogCode.Rejected)


def open_wizard(
    session: VaultSession,
    client_id: ClientId,
    parent: QWidget,
    opened: Callable[[RiskWizard], None] | None = None,
) -> bool:
    """Load what the wizard needs on the worker, then show it (window-modal).

    ``opened(wizard)`` is called with the new wizard, e.g. to follow its saving."""

    def show(setup: WizardSetup) -> None:
        wizard = RiskWizard(session, client_id, setup, parent)
        wizard.setWindowModality(Qt.WindowModality.WindowModal)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if opened is not None:
            opened(wizard)
        wizard.open()

    return session.run(lambda ws: load_setup(ws, client_id), show)
