"""The wizard's pages before saving: where, the questions (one a page, in large type),
the summary, the extra-care step and the client's confirmation.

Choice texts wrap (a radio button's own text cannot), so each choice is a card: a radio
button with its letter beside a wrapping label; clicking anywhere on the card picks it.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.questionnaire import Question, Questionnaire, QuestionnaireError
from app.services.risk import PLACES, AssessmentRecord, ClientCare
from ui.risk.common import RiskWords, data_lang

LETTERS = "ABCDEFGHIJ"


def _label(text: str = "", name: str = "", wrap: bool = True) -> QLabel:
    label: QLabel = QLabel(text, objectName=name, wordWrap=wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def _scrolled(body: QWidget) -> QScrollArea:
    scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
    scroll.setWidget(body)
    return scroll


class SetupPage(QWidget):
    """Where the meeting takes place, and the rule that the client answers alone."""

    def __init__(self, form: Questionnaire, care: ClientCare) -> None:
        super().__init__()
        words, lang = RiskWords(self), data_lang()
        column = QVBoxLayout(self)
        column.addWidget(_label(form.title.get(lang), "pageTitle"))
        column.addWidget(_label(self.tr("Client: {0}").format(care.name), "lead"))
        if form.intro is not None:
            column.addWidget(_label(form.intro.get(lang), "body"))
        notice = _label(
            self.tr(
                "The client answers every question personally. Staff must not fill in "
                "answers for the client (代填 is prohibited): read a question aloud if "
                "asked, without suggesting an answer."
            ),
            "notice",
        )
        column.addWidget(notice)
        column.addWidget(_label(self.tr("Where is this assessment taking place?"), "lead"))
        self.places = QButtonGroup(self)
        self.place_buttons: dict[str, QRadioButton] = {}
        row = QHBoxLayout()
        for key in PLACES:
            button = QRadioButton(words.place(key), objectName="place")
            self.places.addButton(button)
            self.place_buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.place_buttons["branch"].setChecked(True)
        column.addLayout(row)
        self.detail = QLineEdit(objectName="detail")
        self.detail.setPlaceholderText(self.tr("Details (optional): branch name, address, call…"))
        self.detail.setMaxLength(200)
        column.addWidget(self.detail)
        if care.extra_care:
            note = care.extra_care_note_zh if lang == "zh" else care.extra_care_note_en
            column.addWidget(_label(self.tr("Extra care applies: {0}").format(note), "care"))
        column.addStretch(1)

    def place(self) -> str:
        return next(k for k, b in self.place_buttons.items() if b.isChecked())

    def place_detail(self) -> str | None:
        return self.detail.text().strip() or None


class ChoiceCard(QFrame):
    """One choice: the radio button (its letter) and the wrapping text; all clickable."""

    def __init__(self, letter: str, text: str) -> None:
        super().__init__(objectName="choiceCard")
        self.radio = QRadioButton(letter, objectName="choiceLetter")
        self.radio.setMinimumWidth(64)  # the texts line up whatever the letter's width
        self.text = _label(text, "choiceText")
        row = QHBoxLayout(self)
        row.addWidget(self.radio, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.radio.toggled.connect(self._mark)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.radio.click()
        super().mousePressEvent(event)

    def _mark(self, checked: bool) -> None:
        self.setProperty("checked", checked)
        self.style().unpolish(self)
        self.style().polish(self)


class QuestionPage(QWidget):
    """One question in large type; ``sig_answered(question key, choice key)``."""

    sig_answered = Signal(str, str)

    def __init__(self, question: Question, part_title: str) -> None:
        super().__init__()
        self.question = question
        lang = data_lang()
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(_label(part_title, "part"))
        column.addWidget(_label(question.text.get(lang), "question"))
        column.addSpacing(8)
        self.group = QButtonGroup(self)
        self.cards: list[ChoiceCard] = []
        for letter, choice in zip(LETTERS, question.choices, strict=False):
            card = ChoiceCard(letter, choice.text.get(lang))
            self.group.addButton(card.radio)
            card.radio.clicked.connect(lambda _=False, c=choice.key: self._picked(c))
            self.cards.append(card)
            column.addWidget(card)
        column.addStretch(1)
        QVBoxLayout(self).addWidget(_scrolled(body))

    @property
    def radios(self) -> list[QRadioButton]:
        return [card.radio for card in self.cards]

    def _picked(self, choice: str) -> None:
        self.sig_answered.emit(self.question.key, choice)

    def answer(self) -> str | None:
        for card, choice in zip(self.cards, self.question.choices, strict=False):
            if card.radio.isChecked():
                return choice.key
        return None


class SummaryPage(QWidget):
    """Every question and answer; changes since the last assessment are marked."""

    def __init__(self, previous: AssessmentRecord | None, jump: Callable[[int], None]) -> None:
        super().__init__()
        self.previous = previous
        self.jump = jump
        self.changed: list[str] = []  # question keys whose answer differs from last time
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.grid.setColumnStretch(1, 3)
        self.grid.setColumnStretch(2, 3)
        column = QVBoxLayout(self)
        column.addWidget(_label(self.tr("Please review your answers"), "pageTitle"))
        hint = (
            self.tr("Answers that differ from the previous assessment ({0}) are marked.")
            if previous is not None
            else self.tr("This is the client's first assessment.")
        )
        day = previous.assessed_at.date().isoformat() if previous is not None else ""
        column.addWidget(_label(hint.format(day), "muted"))
        column.addWidget(_scrolled(self.body), 1)

    def show_answers(self, form: Questionnaire, answers: Mapping[str, str]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            assert item is not None  # the layout is not empty
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        lang, self.changed = data_lang(), []
        for row, question in enumerate(form.questions):
            chosen = question.choice(answers[question.key])
            top = Qt.AlignmentFlag.AlignTop
            self.grid.addWidget(_label(f"{row + 1}.", "summaryText"), row, 0, top)
            self.grid.addWidget(_label(question.text.get(lang), "summaryText"), row, 1, top)
            letter = LETTERS[question.choices.index(chosen)]
            answer = _label(f"{letter}. {chosen.text.get(lang)}", "summaryAnswer")
            self.grid.addWidget(answer, row, 2, top)
            was = self._previous_text(question.key, chosen.key)
            if was is not None:
                self.changed.append(question.key)
                answer.setObjectName("summaryChanged")
                answer.setTextFormat(Qt.TextFormat.RichText)
                answer.setText(
                    f"<b>{html.escape(answer.text())}</b><br>"
                    + html.escape(self.tr("Changed — previously: {0}").format(was))
                )
            change = QPushButton(self.tr("Change"))
            change.clicked.connect(lambda _=False, i=row: self.jump(i))
            self.grid.addWidget(change, row, 3, top)

    def _previous_text(self, key: str, now: str) -> str | None:
        """The previous answer's text when it differs from ``now`` (None: unchanged)."""
        if self.previous is None:
            return None
        old = self.previous.answers.get(key)
        if old == now:
            return None
        if old is None:
            return self.tr("not asked")
        try:
            return self.previous.questionnaire.question(key).choice(old).text.get(data_lang())
        except QuestionnaireError:  # a question or choice of an older version
            return old


class CarePage(QWidget):
    """The extra-care step for clients of 65 or over, or flagged vulnerable."""

    def __init__(self, care: ClientCare) -> None:
        super().__init__()
        note = care.extra_care_note_zh if data_lang() == "zh" else care.extra_care_note_en
        column = QVBoxLayout(self)
        column.addWidget(_label(self.tr("Extra care"), "pageTitle"))
        column.addWidget(_label(note or "", "care"))
        column.addWidget(
            _label(
                self.tr(
                    "Explain the result and the risks again in plain words, check that the "
                    "client has understood, and invite a family member or companion to be "
                    "present if the client wishes or needs it."
                ),
                "body",
            )
        )
        self.tick = QCheckBox(
            self.tr(
                "The client confirmed they understand the risks; a companion was present if needed."
            ),
            objectName="bigCheck",
        )
        column.addWidget(self.tick)
        column.addStretch(1)


class ConfirmPage(QWidget):
    """The client's own confirmation, then saving."""

    def __init__(self) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.addWidget(_label(self.tr("Confirmation"), "pageTitle"))
        column.addWidget(
            _label(
                self.tr(
                    "Once saved, the answers cannot be changed: a later change is a new assessment."
                ),
                "body",
            )
        )
        self.tick = QCheckBox(
            self.tr("I confirm these answers are mine and true."), objectName="bigCheck"
        )
        column.addWidget(self.tick)
        self.save = QPushButton(self.tr("Confirm and save"), objectName="primary", enabled=False)
        self.save.setMinimumHeight(44)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save)
        column.addLayout(row)
        self.error = _label("", "error")
        column.addWidget(self.error)
        column.addStretch(1)
