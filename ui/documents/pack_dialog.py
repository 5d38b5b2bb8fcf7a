"""New advice pack: the banker picks the language and, to send it by e-mail, a password;
the pack is gathered, rendered and kept, with a progress bar and Cancel.

Why it is shaped so: the three steps run where each belongs. Gathering and checking
the content reads the vault, so it runs on the vault worker (``ws.packs.prepare``);
rendering the PDF takes seconds and needs no database, so it runs on the thread pool
(``ui.background``) where Cancel can stop it between pages while the vault stays free
for other screens; keeping the bytes is a vault write again (``ws.packs.store``). Only
a finished, uncancelled PDF is stored, so Cancel at any step before the last leaves
nothing behind (the last takes a moment and cannot be cancelled). A refusal (no valid
assessment, a product that no longer suits) is shown in plain words with what to do,
and the dialog stays open with the banker's choices.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ConfidantError
from app.domain.ids import ClientId
from app.services.banker import BankerDetails
from app.services.packs import PreparedPack, StoredPack, render_pack
from app.services.plan_types import NotSuitable
from ui.background import BackgroundJob, BackgroundRunner
from ui.risk.common import data_lang
from ui.session import VaultSession

MIN_PASSWORD = 6
IDLE, PREPARING, RENDERING, STORING = "idle", "preparing", "rendering", "storing"


def password_ok(password: str) -> bool:
    """Printable ASCII without spaces: what every PDF reader accepts as a password."""
    return all(33 <= ord(c) <= 126 for c in password)


class PackDialog(QDialog):
    sig_generated = Signal(object, str)  # StoredPack, the password ("" for none)

    def __init__(
        self,
        session: VaultSession,
        client_id: ClientId,
        runner: BackgroundRunner,
        initiator: object = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.client_id = client_id
        self.runner = runner
        self.initiator = initiator
        self.stage = IDLE
        self.job: BackgroundJob | None = None
        self.stored: StoredPack | None = None
        self._stop_asked = False  # Cancel pressed while the vault gathers the content
        self._abandoned = False  # closed or locked: late replies change nothing
        self.setWindowTitle(self.tr("New advice pack"))
        self.setMinimumWidth(560)
        self._build_ui()
        self._enable()
        session.run(lambda ws: ws.banker.get(), self._show_banker, lambda _: None)

    def _build_ui(self) -> None:
        self.lang = QComboBox()
        self.lang.addItem("中文", "zh")
        self.lang.addItem("English", "en")
        self.lang.addItem(self.tr("Both: 中文 with English beneath"), "both")
        self.lang.setCurrentIndex(self.lang.findData(data_lang()))
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Optional: to send it by e-mail"))
        self.again = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.again.setPlaceholderText(self.tr("The same password again"))
        hint = QLabel(
            self.tr(
                "With a password the PDF opens only with it. Tell the client the password "
                "by phone or text message, never in the same e-mail."
            ),
            objectName="muted",
            wordWrap=True,
        )
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.lang)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.again)
        self.cover = QLabel(objectName="muted", wordWrap=True)
        self.cover.hide()
        self.step = QLabel(objectName="muted")
        self.bar = QProgressBar(minimum=0, maximum=100)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.generate_button = QPushButton(self.tr("Generate"), objectName="primary")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.cover)
        layout.addWidget(self.step)
        layout.addWidget(self.bar)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def _show_banker(self, details: BankerDetails) -> None:
        """Say so before generating when the cover would show a dash for the banker's
        certificate number or branch (regulation.md §3.3 asks for both)."""
        if details.licence and details.branch:
            return
        self.cover.setText(
            self.tr(
                "Your certificate number or branch is not set, so the cover shows a dash "
                "for it. Set them in Vault → Banker details…"
            )
        )
        self.cover.show()

    # --- the steps ----------------------------------------------------------------------

    def check_password(self) -> str | None:
        """The password to lock the PDF with ("" for none), or None (and the reason
        shown) when the two boxes will not do."""
        first, second = self.password.text(), self.again.text()
        if first != second:
            self.error.setText(
                self.tr("The two passwords differ. Type the same password in both boxes.")
            )
        elif first and len(first) < MIN_PASSWORD:
            self.error.setText(
                self.tr("A password needs at least {0} characters.").format(MIN_PASSWORD)
            )
        elif not password_ok(first):
            self.error.setText(
                self.tr(
                    "Use only letters, digits and punctuation in the password (no Chinese "
                    "characters or spaces): some PDF readers cannot open other passwords."
                )
            )
        else:
            return first
        return None

    def generate(self) -> None:
        if self.stage != IDLE:
            return
        self.error.clear()
        password = self.check_password()
        if password is None:
            return
        client_id, lang = self.client_id, str(self.lang.currentData())
        self._stop_asked = False
        self._set_stage(PREPARING)
        started = self.session.run(
            lambda ws: ws.packs.prepare(client_id, lang),
            lambda prepared: self._prepared(prepared, password),
            self._failed,
        )
        if not started:
            self._set_stage(IDLE)

    def _prepared(self, prepared: PreparedPack, password: str) -> None:
        if self._abandoned:
            return
        if self._stop_asked:
            self._was_cancelled()
            return
        self._set_stage(RENDERING)
        self.job = self.runner.start(
            lambda progress: render_pack(prepared, password, progress),
            lambda data: self._rendered(prepared, data, password),
            self._failed,
            on_progress=self._progress,
            on_cancelled=self._was_cancelled,
        )

    def _progress(self, fraction: float) -> None:
        if not self._abandoned:
            self.bar.setValue(round(fraction * 100))

    def _rendered(self, prepared: PreparedPack, data: bytes, password: str) -> None:
        self.job = None
        if self._abandoned:
            return
        self._set_stage(STORING)
        started = self.session.run(
            lambda ws: ws.packs.store(prepared, data),
            lambda stored: self._stored(stored, password),
            self._failed,
        )
        if not started:
            self._set_stage(IDLE)

    def _stored(self, stored: StoredPack, password: str) -> None:
        self.stored = stored
        self.session.events.operation_did_execute.emit(stored.changes, self.initiator)
        if self._abandoned:
            return
        self._set_stage(IDLE)
        self.sig_generated.emit(stored, password)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.job = None
        if self._abandoned:
            return
        self._set_stage(IDLE)
        if isinstance(error, NotSuitable):
            self.error.setText(
                self.tr("No advice pack was made. {0}").format(error.message(data_lang()))
            )
        elif isinstance(error, ConfidantError):
            self.error.setText(self.tr("No advice pack was made. {0}").format(error))
        else:
            self.error.setText(
                self.tr("No advice pack was made: something went wrong (reported). Try again.")
            )
            self.session.sig_error.emit(error)

    def _was_cancelled(self) -> None:
        self.job = None
        if self._abandoned:
            return
        self._set_stage(IDLE)
        self.error.clear()
        self.step.setText(self.tr("Cancelled: nothing was kept."))

    # --- cancelling and closing ----------------------------------------------------------

    def cancel(self) -> None:
        """Stop the generation (the dialog stays, with the choices), or close when idle."""
        if self.stage == IDLE:
            self.reject()
        elif self.stage == PREPARING:
            self._stop_asked = True
            self.step.setText(self.tr("Cancelling…"))
        elif self.stage == RENDERING and self.job is not None:
            self.job.cancel()
            self.step.setText(self.tr("Cancelling…"))

    def abandon(self) -> None:
        """Stop whatever runs, drop the choices and close (the vault locked)."""
        self._abandoned = True
        if self.job is not None:
            self.job.forget()
            self.job = None
        self.password.clear()
        self.again.clear()
        self.stage = IDLE
        super().reject()

    def reject(self) -> None:
        if self.stage == STORING:
            return  # a moment: the pack is being kept and then shows
        if self.stage != IDLE:
            self.abandon()
            return
        self.password.clear()
        self.again.clear()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.stage == STORING:
            event.ignore()
            return
        super().closeEvent(event)

    # --- the look of each step -----------------------------------------------------------

    def _set_stage(self, stage: str) -> None:
        self.stage = stage
        texts: dict[str, str] = {
            IDLE: "",
            PREPARING: self.tr("Gathering the plan and checking suitability…"),
            RENDERING: self.tr("Making the PDF…"),
            STORING: self.tr("Keeping it in the vault…"),
        }
        self.step.setText(texts[stage])
        if stage == PREPARING:
            self.bar.setRange(0, 0)  # busy: no fraction to show yet
        else:
            self.bar.setRange(0, 100)
            self.bar.setValue(100 if stage == STORING else 0)
        self._enable()

    def _enable(self) -> None:
        idle = self.stage == IDLE
        for widget in (self.lang, self.password, self.again, self.generate_button):
            widget.setEnabled(idle)
        self.bar.setVisible(not idle)
        self.cancel_button.setEnabled(self.stage != STORING)
