"""Meeting mode's note editor: title, template, tags, the confidential mark, the note
markup with a live preview, and autosave.

Autosave: the note is created on the first keystroke, then saved ``AUTOSAVE_MS`` after
the first unsaved edit (so steady typing is saved at least that often), at once when the
focus leaves one of the editor's fields, straight on the worker when the vault is about
to lock, and when the editor closes. Saves run on the vault worker in order. The note's
id lives in a ``NoteRef`` the worker fills when it creates the note, so a save queued
before the creation's reply arrives still updates the same note.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain import note_markup
from app.domain.ids import ClientId
from app.services.changes import Changes
from app.services.notes import NoteTemplate, NoteView
from app.services.workspace import Workspace
from ui.meeting.autosave import Draft, NoteRef, Target, save_draft
from ui.meeting.finish import FinishReport, finish_note
from ui.risk.common import data_lang
from ui.session import VaultSession

AUTOSAVE_MS = 3000  # tests shorten it
PREVIEW_MS = 150


class NoteEditor(QWidget):
    sig_saved = Signal()
    sig_finished = Signal(object)  # FinishReport

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.target: Target | None = None
        self.ref = NoteRef()
        self._dirty = False
        self._saving = 0
        self._loading = False
        self.gone = False  # closed: replies still due are dropped
        self.state = ""  # "saved" | "saving" | "unsaved" | "error" | ""
        self.templates: list[NoteTemplate] = []
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.save_now)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_MS)
        self._preview_timer.timeout.connect(self._update_preview)
        self._build_ui()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)
        session.events.vault_will_lock.connect(self.save_before_lock)
        self._set_enabled(False)

    def _build_ui(self) -> None:
        self.title = QLineEdit(placeholderText=self.tr("Note title"))
        self.template = QComboBox(minimumContentsLength=10)
        self.template.addItem(self.tr("Template…"), None)
        self.template.activated.connect(self._template_chosen)
        self.tags = QLineEdit(placeholderText=self.tr("Tags, separated by spaces"))
        self.confidential = QCheckBox(self.tr("Confidential"))
        self.confidential.setToolTip(
            self.tr("Lists show a confidential note masked; opening it is audited.")
        )
        self.preview_toggle = QPushButton(self.tr("Preview"), checkable=True)
        self.preview_toggle.toggled.connect(self._toggle_preview)
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(
            self.tr("# Heading, - bullet, **bold**, - [ ] action item @owner due:12-05 !high")
        )
        self.preview = QTextBrowser(openLinks=False)
        self.preview.hide()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.body)
        split.addWidget(self.preview)
        self.status = QLabel(objectName="muted")
        self.finish_button = QPushButton(self.tr("Finish note"), objectName="primary")
        self.finish_button.setToolTip(self.tr("Turn the open action items (- [ ]) into tasks"))
        self.finish_button.clicked.connect(self.finish)
        self.report = QLabel(wordWrap=True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.template)
        tags = QHBoxLayout()
        tags.addWidget(self.tags, 1)
        tags.addWidget(self.confidential)
        tags.addWidget(self.preview_toggle)
        foot = QHBoxLayout()
        foot.addWidget(self.status, 1)
        foot.addWidget(self.finish_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(head)
        column.addLayout(tags)
        column.addWidget(split, 1)
        column.addLayout(foot)
        column.addWidget(self.report)
        self.title.textChanged.connect(self._edited)
        self.tags.textChanged.connect(self._edited)
        self.confidential.toggled.connect(self._edited)
        self.body.textChanged.connect(self._edited)

    # --- starting ---------------------------------------------------------------------

    def start(
        self, client_id: ClientId, meeting_id: uuid.UUID | None, note: NoteView | None = None
    ) -> None:
        """Edit ``note``, or a new note about the client (of the meeting, if given)."""
        self.target = Target(client_id, meeting_id, None, data_lang())
        self.ref = NoteRef(note.id if note else None)
        self._loading = True
        self.title.setText(note.title if note else "")
        self.tags.setText(" ".join(note.tags) if note else "")
        self.confidential.setChecked(note.confidential if note else False)
        self.body.setPlainText(note.body if note else "")
        self.body.moveCursor(QTextCursor.MoveOperation.End)  # go on where it ended
        self._loading = False
        self._dirty = False
        self.report.clear()
        self._show_state("saved" if note else "")
        self._set_enabled(True)
        self._update_preview()
        if not self.templates:
            lang = self.target.lang
            self.session.run(lambda ws: ws.notes.templates(lang), self._fill_templates)

    def _fill_templates(self, templates: list[NoteTemplate]) -> None:
        if self.gone:
            return
        self.templates = templates
        while self.template.count() > 1:
            self.template.removeItem(1)
        for template in templates:
            self.template.addItem(template.name, template.key)

    def _template_chosen(self, index: int) -> None:
        key = self.template.itemData(index)
        self.template.setCurrentIndex(0)
        chosen = next((t for t in self.templates if t.key == key), None)
        if chosen is None or self.target is None:
            return
        if self.body.toPlainText().strip():
            self.report.setText(self.tr("A template fills an empty note only."))
            return
        self.target = Target(
            self.target.client_id, self.target.meeting_id, chosen.key, self.target.lang
        )
        if not self.title.text().strip():
            self.title.setText(chosen.title)
        self.body.setPlainText(chosen.body)  # counts as an edit: saved like typing
        self.body.setFocus()

    # --- editing and saving -------------------------------------------------------------

    def draft(self) -> Draft:
        return Draft(
            self.title.text(),
            self.body.toPlainText(),
            self.tags.text(),
            self.confidential.isChecked(),
        )

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _edited(self, *_: object) -> None:
        if self._loading or self.target is None:
            return
        self._dirty = True
        if self.preview.isVisible():
            self._preview_timer.start()
        if self.ref.id is None and not self._saving:
            self.save_now()  # the first keystroke creates the note
            return
        self._show_state("unsaved" if not self._saving else "saving")
        if not self.timer.isActive():
            self.timer.start(AUTOSAVE_MS)

    def save_now(self) -> bool:
        """Save the editor's state now (if anything changed); True if a save was queued."""
        self.timer.stop()
        target, draft = self.target, self.draft()
        if not self._dirty or target is None or not self.session.unlocked:
            return False
        if self.ref.id is None and draft.empty:
            return False
        ref = self.ref
        self._dirty = False
        self._saving += 1
        self._show_state("saving")
        return self.session.mutate(
            lambda ws: save_draft(ws, ref, target, draft), self, self._saved, self._failed
        )

    def _saved(self, _: Changes) -> None:
        if self.gone:
            return
        self._saving -= 1
        if self._dirty:
            self._show_state("unsaved")
            if not self.timer.isActive():
                self.timer.start(AUTOSAVE_MS)
        elif not self._saving:
            self._show_state("saved")
        self.sig_saved.emit()

    def _failed(self, error: BaseException) -> None:
        if self.gone:
            return
        self._saving -= 1
        self._dirty = True
        self._show_state("error", str(error))

    def _show_state(self, state: str, detail: str = "") -> None:
        self.state = state
        if state == "saved":
            text = self.tr("Saved {0}").format(datetime.now().strftime("%H:%M:%S"))
        elif state == "saving":
            text = self.tr("Saving…")
        elif state == "unsaved":
            text = self.tr("Unsaved changes")
        elif state == "error":
            text = self.tr("Not saved: {0}").format(detail)
        else:
            text = ""
        self.status.setObjectName("error" if state == "error" else "muted")
        self.status.style().polish(self.status)
        self.status.setText(text)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if not self.gone and self._dirty and old is not None and old is not new and self._owns(old):
            self.save_now()

    def _owns(self, widget: QWidget) -> bool:
        try:
            return widget is self or self.isAncestorOf(widget)
        except RuntimeError:  # a widget being deleted
            return False

    def close_editor(self) -> None:
        """Save what is unsaved (no reply comes back here) and stop: the editor goes."""
        self.flush()
        self.timer.stop()
        self._preview_timer.stop()
        self.gone = True

    def flush(self) -> None:
        """Save unsaved edits with no reply to this editor (it may be going away)."""
        target, draft, ref = self.target, self.draft(), self.ref
        if not self._dirty or target is None or (ref.id is None and draft.empty):
            return
        self._dirty = False
        self.timer.stop()
        self.session.mutate(lambda ws: save_draft(ws, ref, target, draft))

    def save_before_lock(self) -> None:
        """Queue the unsaved edits straight on the worker before the vault closes."""
        if self.gone:
            return
        target, draft, ref = self.target, self.draft(), self.ref
        if self._dirty and target is not None and not (ref.id is None and draft.empty):

            def job(ws: Workspace | None) -> object:
                if ws is None:
                    return None
                try:
                    return save_draft(ws, ref, target, draft)
                except Exception as error:  # the reply goes nowhere now
                    return error

            self.session.worker.submit(job)
        self.clear()

    # --- finishing ----------------------------------------------------------------------

    def finish(self) -> None:
        """Save, then turn the note's open action items into tasks."""
        if self.target is None:
            return
        self.save_now()
        if self.ref.id is None and not self._saving:
            self.report.setText(self.tr("Write the note first."))
            return
        ref = self.ref
        self.finish_button.setEnabled(False)
        self.session.run(lambda ws: finish_note(ws, ref), self._finished, self._finish_failed)

    def _finished(self, report: FinishReport | None) -> None:
        if report is not None:
            self.session.events.operation_did_execute.emit(report.changes, self)
        if self.gone:
            return
        self.finish_button.setEnabled(True)
        if report is None:
            return
        lines = []
        if report.created:
            lines.append(self.tr("Tasks created: {0}").format(len(report.created)))
            lines += [f"  • {line}" for line in report.created]
        if report.completed:
            lines.append(self.tr("Tasks completed: {0}").format(report.completed))
        if not lines:
            lines.append(self.tr("No new action items: nothing to add."))
        lines += [f"⚠ {warning}" for warning in report.warnings]
        self.report.setText("\n".join(lines))
        self.sig_finished.emit(report)

    def _finish_failed(self, error: BaseException) -> None:
        if self.gone:
            return
        self.finish_button.setEnabled(True)
        self.report.setText(self.tr("Not finished: {0}").format(error))

    # --- preview ----------------------------------------------------------------------

    def _toggle_preview(self, on: bool) -> None:
        self.preview.setVisible(on)
        if on:
            self._update_preview()

    def _update_preview(self) -> None:
        if self.preview.isVisibleTo(self):
            self.preview.setHtml(note_markup.to_html(self.body.toPlainText()))

    # --- clearing ---------------------------------------------------------------------

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.title, self.template, self.tags, self.confidential, self.body):
            widget.setEnabled(on)
        self.finish_button.setEnabled(on)

    def clear(self) -> None:
        self.timer.stop()
        self.target = None
        self.ref = NoteRef()
        self._dirty = False
        self._saving = 0
        self._loading = True
        for line in (self.title, self.tags):
            line.clear()
        self.confidential.setChecked(False)
        self.body.clear()
        self.preview.clear()
        self._loading = False
        self.report.clear()
        self._show_state("")
        self._set_enabled(False)
