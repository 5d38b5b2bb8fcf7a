"""A stored document shown inside the app, with "Export…" beside it.

Why it is shaped so: the bytes come from the vault and must never touch the disk, so
``QPdfDocument`` reads them from a ``QBuffer`` in memory, and closing the dialog drops
both. The view shows every page in one scroll, fitted to the width, with "page x of y".
A pack locked for e-mail opens with its password: the one just typed when the pack was
just generated, else the banker types it here (a wrong one says so and asks again).
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.documents.export import DocumentExport
from ui.session import VaultSession


class PreviewDialog(QDialog):
    def __init__(
        self,
        session: VaultSession,
        document_id: uuid.UUID,
        number: str,
        title: str,
        data: bytes,
        password: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.document_id = document_id
        self.number = number
        self.exporter = DocumentExport(session, self)
        self.setWindowTitle(self.tr("Preview — {0}").format(number))
        self.resize(900, 760)
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self._build_ui(title)
        self.load(password)

    def _build_ui(self, title: str) -> None:
        self.heading = QLabel(title, objectName="subtitle")
        self.number_label = QLabel(self.number, objectName="muted")
        self.page = QLabel(objectName="muted")
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.number_label)
        top.addStretch(1)
        top.addWidget(self.page)
        self.locked = QWidget()
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.returnPressed.connect(self.try_password)
        self.unlock = QPushButton(self.tr("Open"))
        self.unlock.clicked.connect(self.try_password)
        self.locked_text = QLabel(wordWrap=True)
        row = QHBoxLayout(self.locked)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.locked_text, 1)
        row.addWidget(self.password)
        row.addWidget(self.unlock)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.pageNavigator().currentPageChanged.connect(lambda _: self._show_page())
        self.status = QLabel(objectName="muted", wordWrap=True)
        self.export_button = QPushButton(self.tr("Export…"), objectName="primary")
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.locked)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

    # --- loading ------------------------------------------------------------------------

    def load(self, password: str | None) -> bool:
        """Open the bytes (with ``password``, if any); True when the pages show."""
        self.document.close()
        self.buffer.seek(0)
        self.document.setPassword(password or "")
        self.document.load(self.buffer)
        ready = self.document.status() == QPdfDocument.Status.Ready
        needs_password = self.document.error() == QPdfDocument.Error.IncorrectPassword
        self.locked.setVisible(needs_password)
        self.export_button.setEnabled(True)  # the stored file, as it is, may go out
        if ready:
            self.view.setDocument(self.document)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.password.clear()
        elif needs_password:
            self.locked_text.setText(
                self.tr("That password does not open it; check it and try again.")
                if password
                else self.tr("This document is locked with a password. Type it to preview.")
            )
            self.password.setFocus()
        else:
            self.status.setText(
                self.tr(
                    "This document cannot be shown here; export it and open it in a PDF reader."
                )
            )
        self._show_page()
        return ready

    def try_password(self) -> None:
        if self.password.text():
            self.load(self.password.text())

    @property
    def page_count(self) -> int:
        return (
            self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0
        )

    def _show_page(self) -> None:
        pages = self.page_count
        current = self.view.pageNavigator().currentPage() + 1
        self.page.setText(self.tr("Page {0} of {1}").format(current, pages) if pages else "")

    # --- exporting ----------------------------------------------------------------------

    def export(self) -> None:
        self.exporter.ask(self, self.document_id, self.number, self._exported, self._failed)

    def _exported(self, text: str) -> None:
        self.status.setObjectName("muted")
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _failed(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b42318")

    # --- closing: the bytes go with the dialog ------------------------------------------

    def done(self, result: int) -> None:
        self.release()
        super().done(result)

    def release(self) -> None:
        """Forget the document: the pages, the bytes, any password typed."""
        self.document.close()
        self.document.setPassword("")
        self.buffer.close()
        self.buffer.setData(QByteArray())
        self.password.clear()
        self.heading.clear()
        self.number_label.clear()
        self.status.clear()
        self.page.clear()
