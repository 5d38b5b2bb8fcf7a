"""The plan's own dialogs: a new plan (title and year), the copy for the next review
(year + 1), and a move between statuses with its date (presented on, decided on).

Why it is shaped so: each is a small form on ``FormDialog``, so the service's refusal
(no valid assessment, a product that no longer passes when presenting, a decision dated
before the presentation) appears under the form with everything typed kept. A status
move asks for the day because the banker often records it afterwards (the client
signed yesterday); it cannot be in the future, and a decision not before the
presentation.
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox, QWidget

from app.domain.bilingual import Text
from app.domain.ids import ClientId
from app.services.changes import Changes
from app.services.plans import NotSuitable, PlanView
from app.services.workspace import Workspace
from ui.contacts.form import FormDialog, date_edit, picked_date
from ui.plans.words import PlanWords
from ui.risk.common import data_lang
from ui.session import VaultSession


def year_box(value: int, low: int, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box


class NewPlanDialog(FormDialog):
    def __init__(
        self,
        session: VaultSession,
        client_id: ClientId,
        initiator: object = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, initiator, parent)
        self.setWindowTitle(self.tr("New plan"))
        self.client_id = client_id
        self.saved_id: uuid.UUID | None = None
        this_year = date.today().year
        self.year = year_box(this_year, this_year - 1, this_year + 5)
        self.title = QLineEdit(self.tr("{0} wealth plan").format(this_year))
        self.year.valueChanged.connect(self._year_changed)
        self._typed = False
        self.title.textEdited.connect(lambda _: setattr(self, "_typed", True))
        self.form.addRow(
            QLabel(
                self.tr(
                    "The allocation starts from the model portfolio of the client's risk "
                    "level (for a household, its most cautious assessed member's)."
                ),
                objectName="muted",
                wordWrap=True,
            )
        )
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("First year"), self.year)

    def _year_changed(self, year: int) -> None:
        if not self._typed:
            self.title.setText(self.tr("{0} wealth plan").format(year))

    def save(self) -> None:
        client_id, title, year = self.client_id, self.title.text(), self.year.value()

        def job(ws: Workspace) -> Changes:
            saved = ws.plans.create(client_id, title, year)
            self.saved_id = saved.plan_id
            return saved.changes

        self.submit(job)


class CopyDialog(FormDialog):
    """A new draft for the next review; ``notes`` says what was left behind and why."""

    def __init__(
        self,
        session: VaultSession,
        plan: PlanView,
        initiator: object = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, initiator, parent)
        self.setWindowTitle(self.tr("Copy for the next review"))
        self.plan = plan
        self.saved_id: uuid.UUID | None = None
        self.notes: tuple[Text, ...] = ()
        self.year = year_box(plan.year + 1, plan.year, plan.year + 10)
        self.title = QLineEdit(self._title_for(plan.year + 1))
        self._typed = False
        self.title.textEdited.connect(lambda _: setattr(self, "_typed", True))
        self.year.valueChanged.connect(self._year_changed)
        self.form.addRow(
            QLabel(
                self.tr(
                    "A new draft, version {0}: goals, cash flows and the allocation are "
                    "copied; each product is checked again and left out if it no longer "
                    "passes. This plan stays as it is."
                ).format(plan.version + 1),
                objectName="muted",
                wordWrap=True,
            )
        )
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Review year"), self.year)

    def _title_for(self, year: int) -> str:
        old = str(self.plan.year)
        if old in self.plan.title:
            return self.plan.title.replace(old, str(year))
        return self.plan.title

    def _year_changed(self, year: int) -> None:
        if not self._typed:
            self.title.setText(self._title_for(year))

    def save(self) -> None:
        plan_id, title, year = self.plan.id, self.title.text(), self.year.value()

        def job(ws: Workspace) -> Changes:
            saved = ws.plans.copy_for_review(plan_id, year, title)
            self.saved_id, self.notes = saved.plan_id, saved.notes
            return saved.changes

        self.submit(job)


class StatusDialog(FormDialog):
    """Present a plan, or record the client's decision, on a day."""

    def __init__(
        self,
        session: VaultSession,
        plan: PlanView,
        status: str,
        initiator: object = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, initiator, parent)
        words = PlanWords(self)
        self.setWindowTitle(words.move(status).rstrip("…"))
        self.plan, self.status = plan, status
        today = date.today()
        self.day = date_edit(today, latest=today)
        if status == "presented":
            text = self.tr(
                "Presenting checks the client's level and every recommended product again; "
                "a product that no longer passes stops it. The plan then becomes read-only."
            )
            label = self.tr("Presented on")
        else:
            shown = plan.presented_on.isoformat() if plan.presented_on else "—"
            text = self.tr("Record the client's decision on the plan presented on {0}.").format(
                shown
            )
            label = self.tr("Decided on")
            if plan.presented_on is not None:
                self.day.setMinimumDate(QDate(plan.presented_on))
        self.form.addRow(QLabel(text, objectName="muted", wordWrap=True))
        self.form.addRow(label, self.day)
        self.buttons.button(self.buttons.StandardButton.Save).setText(words.move(status))

    def save(self) -> None:
        plan_id, status, on = self.plan.id, self.status, picked_date(self.day)
        self.submit(lambda ws: ws.plans.set_status(plan_id, status, on))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, NotSuitable):
            self.buttons.setEnabled(True)
            self.error.setText(error.message(data_lang()))
            return
        super()._failed(error)


__all__ = ["CopyDialog", "NewPlanDialog", "StatusDialog"]
