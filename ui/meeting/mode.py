"""Meeting mode: a window of its own with the client's brief on the left and the note
editor on the right, opened from the calendar (a meeting) or a client's header (a note
on the client, no meeting).

Presentation mode turns the screen to the client: the window goes full screen (covering
the book and every other client), the brief reloads as the presentation brief, and the
note editor, the notes, tasks and birthdays are hidden. Leaving it brings them back.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.ids import ClientId
from app.services.changes import Changes
from app.services.meetings import MeetingBrief
from app.services.notes import NoteView
from app.services.workspace import Workspace
from ui.calendar.page import DISABLED
from ui.meeting.autosave import NoteRef
from ui.meeting.brief import BriefPanel, meeting_when
from ui.meeting.editor import NoteEditor
from ui.risk.common import data_lang
from ui.session import VaultSession
from ui.style import STYLE as BASE

STYLE = BASE + DISABLED
PRESENTING = """
QLabel#title { font-size: 34px; }
QLabel#subtitle { font-size: 20px; }
QLabel#figure { font-size: 30px; }
QLabel#badge { font-size: 18px; padding: 4px 12px; }
QGroupBox, QLabel, QListWidget { font-size: 18px; }
QPushButton { font-size: 16px; padding: 6px 16px; }
"""


@dataclass(frozen=True)
class Opened:
    brief: MeetingBrief
    note: NoteView | None


def load(
    ws: Workspace, ref: uuid.UUID, meeting_id: uuid.UUID | None, note: NoteRef | None
) -> Opened:
    """The brief, and the note to go on with: the one asked for, else the meeting's
    latest (a new note for a meeting without notes, or a client without a meeting)."""
    brief = ws.meetings.brief(ref)
    note_id = note.id if note is not None else None  # read here: saves queued before fill it
    if note_id is None and meeting_id is not None:
        notes = ws.notes.for_meeting(meeting_id)
        note_id = notes[0].id if notes else None
    view = ws.notes.open(note_id, "meeting") if note_id is not None else None
    return Opened(brief, view)


class MeetingMode(QWidget):
    sig_closed = Signal()
    sig_presenting = Signal(bool)  # the main window keeps other clients off the screen

    def __init__(
        self,
        session: VaultSession,
        client_id: ClientId | None = None,
        meeting_id: uuid.UUID | None = None,
        note: NoteRef | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        assert client_id is not None or meeting_id is not None
        self.session = session
        self.client_id = client_id
        self.meeting_id = meeting_id
        self.presenting = False
        self._closing = False
        self.setWindowTitle(self.tr("Meeting mode"))
        self.setStyleSheet(STYLE)
        self.resize(1200, 780)
        self._build_ui()
        events = session.events
        events.vault_did_lock.connect(self._locked)
        events.operation_did_execute.connect(self._changed)
        ref = meeting_id or client_id
        assert ref is not None
        self.session.run(lambda ws: load(ws, ref, meeting_id, note), self._opened)

    def _build_ui(self) -> None:
        self.heading = QLabel(objectName="subtitle")
        self.present = QPushButton(self.tr("Presentation mode"), checkable=True)
        self.present.setToolTip(self.tr("Full screen for the client: hides notes and tasks"))
        self.present.toggled.connect(self.set_presentation)
        self.pdf = QPushButton(self.tr("Brief PDF…"))
        self.pdf.clicked.connect(self.save_pdf)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        self.busy = QProgressBar(maximumWidth=120, textVisible=False)
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.pdf_status = QLabel(objectName="muted")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.pdf_status)
        top.addWidget(self.busy)
        for button in (self.pdf, self.present, self.close_button):
            top.addWidget(button)
        self.brief_panel = BriefPanel()
        self.brief_panel.sig_task_toggled.connect(self._toggle_task)
        self.editor = NoteEditor(self.session)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.brief_panel)
        self.split.addWidget(self.editor)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setSizes([460, 740])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.split, 1)
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        leave.activated.connect(lambda: self.present.setChecked(False))

    # --- loading ------------------------------------------------------------------------

    def _opened(self, opened: Opened) -> None:
        if self._closing:
            return
        brief = opened.brief
        self.client_id = brief.client_id
        self._show_brief(brief)
        self.editor.start(brief.client_id, self.meeting_id, opened.note)
        self.editor.body.setFocus()

    def _show_brief(self, brief: MeetingBrief) -> None:
        if self._closing or brief.presentation != self.presenting:
            return  # the other mode's brief, overtaken by a toggle
        writing = self.editor.ref.id  # the note being written is beside it already
        others = tuple(n for n in brief.last_notes if n.id != writing)
        self.brief_panel.show_brief(replace(brief, last_notes=others))
        if brief.meeting is not None:
            text = self.tr("{0} — {1}, {2}").format(
                brief.client_name, brief.meeting.title, meeting_when(brief.meeting)
            )
        else:
            text = self.tr("{0} — note without a meeting").format(brief.client_name)
        self.heading.setText(text)
        self.setWindowTitle(self.tr("Meeting mode — {0}").format(brief.client_name))

    def reload_brief(self) -> None:
        ref = self.meeting_id or self.client_id
        if ref is None:
            return
        presenting = self.presenting
        self.session.run(
            lambda ws: ws.meetings.brief(ref, presentation=presenting), self._show_brief
        )

    def _changed(self, changes: Changes, initiator: object) -> None:
        if self._closing or self.client_id is None or initiator is self.brief_panel:
            return
        ours = self.client_id in changes.client_ids or initiator is self.editor
        relevant = changes.tasks or changes.meetings or changes.clients or changes.holdings
        if ours and relevant:
            self.reload_brief()

    # --- acting -------------------------------------------------------------------------

    def _toggle_task(self, task_id: uuid.UUID, done: bool) -> None:
        if done:
            self.session.mutate(lambda ws: ws.tasks.complete(task_id), self.brief_panel)
        else:
            self.session.mutate(lambda ws: ws.tasks.reopen(task_id), self.brief_panel)

    def set_presentation(self, on: bool) -> None:
        if on == self.presenting:
            return
        self.presenting = on
        if on:
            self.editor.save_now()
        self.editor.setVisible(not on)
        self.pdf.setVisible(not on)
        self.pdf_status.setVisible(not on)
        self.present.setText(self.tr("Leave presentation") if on else self.tr("Presentation mode"))
        self.setStyleSheet(STYLE + PRESENTING if on else STYLE)
        # Drop the banker's brief at once; the presentation brief replaces it.
        for box in (
            self.brief_panel.notes_box,
            self.brief_panel.tasks_box,
            self.brief_panel.birthdays_box,
        ):
            box.setVisible(not on)
        if on:
            self.brief_panel.transactions.clear()
            self.showFullScreen()
        else:
            self.showNormal()
        self.sig_presenting.emit(on)
        self.reload_brief()

    def save_pdf(self) -> None:
        brief = self.brief_panel.brief
        if brief is None:
            return
        suggested = f"{brief.client_name}-brief.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the meeting brief as PDF"), suggested, self.tr("PDF (*.pdf)")
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        client_id, meeting_id, lang = brief.client_id, self.meeting_id, data_lang()
        self._set_busy(True)
        self.session.run(
            lambda ws: ws.briefs.export(client_id, target, lang, meeting_id),
            self._pdf_saved,
            self._pdf_failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.pdf.setEnabled(not busy)
        if busy:
            self.pdf_status.setText(self.tr("Making the PDF…"))

    def _pdf_saved(self, path: Path) -> None:
        if self._closing:
            return
        self._set_busy(False)
        self.pdf_status.setText(self.tr("Saved to {0}").format(path))

    def _pdf_failed(self, error: BaseException) -> None:
        if self._closing:
            return
        self._set_busy(False)
        self.pdf_status.setText(self.tr("Not saved: {0}").format(error))

    # --- closing ------------------------------------------------------------------------

    def _locked(self) -> None:
        """The editor saved itself on ``vault_will_lock``; drop everything and go."""
        if self._closing:
            return
        self.editor.clear()
        self.brief_panel.clear()
        self.heading.clear()
        self.close()

    def close_for_rebuild(self) -> tuple[uuid.UUID | None, ClientId | None, NoteRef]:
        """Save straight on the worker and go (the language changes); returns what to
        reopen meeting mode on: the same meeting, client and note."""
        ref = self.editor.ref
        self.editor.save_before_lock()
        self.editor.gone = True
        self._closing = True
        self.close()
        self.deleteLater()
        return self.meeting_id, self.client_id, ref

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing:
            self._closing = True
            self.editor.close_editor()
            if self.presenting:
                self.sig_presenting.emit(False)
            self.sig_closed.emit()
        super().closeEvent(event)
