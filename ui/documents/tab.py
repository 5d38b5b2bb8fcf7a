"""The client's Documents tab: the advice packs, assessment records and meeting briefs
kept in the vault (a household's include its members'), newest first, with Preview,
Export…, Delete and "New advice pack…".

Why it is shaped so: the list shows facts only; a document's bytes are read from the
vault when the banker previews it (shown from memory, never from a file) and leave the
vault only through Export…, to a file the banker picks, recorded in the audit trail. A
new pack renders off the vault worker (see ``pack_dialog``) and opens in the preview
once kept. Locking the vault empties the list, stops a generation under way and closes
the preview and the dialog with whatever they held.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ConfidantError
from app.domain.ids import ClientId
from app.services.changes import Changes
from app.services.documents import DocumentRow
from app.services.packs import StoredPack
from app.services.workspace import Workspace
from ui.background import BackgroundRunner
from ui.documents.export import DocumentExport
from ui.documents.model import CLIENT, COLUMNS, DocumentsModel
from ui.documents.pack_dialog import PackDialog
from ui.documents.preview import PreviewDialog
from ui.lazy_tab import LazyTab
from ui.session import VaultSession

Listing = tuple[list[DocumentRow], dict[ClientId, str]]
WIDTHS = {"kind": 130, "lang": 110, "number": 190, "plan": 105, "size": 70, "by": 110, "at": 130}


def listing(ws: Workspace, client_id: ClientId) -> Listing:
    """The client's documents (with their household members') and, when some are a
    member's, whose each one is."""
    rows = ws.documents.list_for(client_id)
    owners = {r.client_id for r in rows}
    if owners <= {client_id}:
        return rows, {}
    return rows, {r.id: r.name for r in ws.book.rows(sorted(owners))}


class DocumentsTab(LazyTab):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.client_id: ClientId | None = None
        self.loaded = False
        self.model = DocumentsModel()
        self.runner = BackgroundRunner(self)
        self.exporter = DocumentExport(session, self)
        self.preview: PreviewDialog | None = None
        self.pack_dialog: PackDialog | None = None
        self._select: uuid.UUID | None = None  # to select once loaded
        self._stale = False
        self._build_ui()
        session.events.vault_did_lock.connect(self.clear)
        session.events.operation_did_execute.connect(self._changed)

    def _build_ui(self) -> None:
        self.new_pack = QPushButton(self.tr("New advice pack…"), objectName="primary")
        self.new_pack.clicked.connect(self.new_advice_pack)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(self.preview_selected)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export_selected)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.summary = QLabel(objectName="muted")
        buttons = QHBoxLayout()
        for button in (self.new_pack, self.preview_button, self.export_button):
            buttons.addWidget(button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        self.table = QTableView(alternatingRowColors=True, wordWrap=False)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        for name, width in WIDTHS.items():
            self.table.setColumnWidth(COLUMNS.index(name), width)
        self.table.setColumnHidden(CLIENT, True)
        self.table.doubleClicked.connect(lambda index: self.preview_row(index.row()))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.empty = QLabel(objectName="muted", wordWrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice = QLabel(objectName="muted", wordWrap=True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel(objectName="error", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.notice)
        self.empty.hide()
        self._say("")
        self._enable()

    # --- showing ------------------------------------------------------------------------

    def open(self, client_id: ClientId) -> None:
        if client_id != self.client_id:
            self._close_windows()
            self.model.clear()
            self.loaded = False
            self._say("")
        self.client_id = client_id
        self.reload()

    def reload(self, select: uuid.UUID | None = None) -> None:
        client_id = self.client_id
        if client_id is None:
            return
        self._stale = False
        if select is None and (current := self.selected()) is not None:
            select = current.id
        self._select = select
        self.session.run(
            lambda ws: listing(ws, client_id),
            lambda found: self._show(client_id, found),
            self._failed,
        )

    def _show(self, client_id: ClientId, found: Listing) -> None:
        if client_id != self.client_id:
            return
        rows, names = found
        self.loaded = True
        self.model.set_documents(rows, names)
        self.table.setColumnHidden(CLIENT, not names)
        row = self.model.row_of(self._select) if self._select is not None else -1
        self._select = None
        if rows:
            self.table.selectRow(max(row, 0))
        count = self.tr("1 document") if len(rows) == 1 else self.tr("{0} documents")
        self.summary.setText(count.format(len(rows)) if rows else "")
        self.empty.setText(
            ""
            if rows
            else self.tr(
                "No documents yet. “New advice pack…” makes the client's advice pack "
                "and keeps it here."
            )
        )
        self.empty.setVisible(not rows)
        self._enable()

    def _changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self or not changes.documents or self.client_id is None:
            return  # a member's document may show in a household's list: any change counts
        self.reload_when_seen()

    def selected(self) -> DocumentRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_item(rows[0].row()) if rows else None

    def _enable(self) -> None:
        chosen = self.selected() is not None
        for button in (self.preview_button, self.export_button, self.delete_button):
            button.setEnabled(chosen)
        self.new_pack.setEnabled(self.client_id is not None)

    def _say(self, notice: str, error: str = "") -> None:
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        self.error.setText(error)
        self.error.setVisible(bool(error))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ConfidantError):
            self._say("", str(error))
        else:
            self.session.sig_error.emit(error)

    # --- preview --------------------------------------------------------------------------

    def preview_selected(self) -> None:
        doc = self.selected()
        if doc is not None:
            self.preview_row(self.model.row_of(doc.id))

    def preview_row(self, row: int) -> None:
        """Read the document's bytes from the vault (checked against its SHA-256) and
        show them."""
        doc = self.model.row_item(row)
        client_id = self.client_id
        if doc is None or client_id is None:
            return
        self._say("")
        self.session.run(
            lambda ws: ws.documents.content(doc.id),
            lambda data: self._read(client_id, doc, data),
            self._failed,
        )

    def _read(self, client_id: ClientId, doc: DocumentRow, data: bytes) -> None:
        if client_id == self.client_id:
            self.show_preview(doc.id, doc.document_number, doc.title, data)

    def show_preview(
        self,
        document_id: uuid.UUID,
        number: str,
        title: str,
        data: bytes,
        password: str | None = None,
    ) -> PreviewDialog:
        self._close_preview()
        dialog = PreviewDialog(self.session, document_id, number, title, data, password, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _: self._preview_closed(dialog))
        self.preview = dialog
        dialog.show()
        return dialog

    def _preview_closed(self, dialog: PreviewDialog) -> None:
        if self.preview is dialog:
            self.preview = None

    def _close_preview(self) -> None:
        if self.preview is not None:
            dialog, self.preview = self.preview, None
            dialog.release()
            dialog.close()

    # --- export and delete ------------------------------------------------------------------

    def export_selected(self) -> None:
        doc = self.selected()
        if doc is None:
            return
        self._say("")
        self.exporter.ask(
            self, doc.id, doc.document_number, lambda text: self._say(text), self._export_failed
        )

    def _export_failed(self, text: str) -> None:
        self._say("", text)

    def delete_selected(self) -> None:
        doc = self.selected()
        if doc is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete document"),
            self.tr(
                "Delete {0} “{1}”?\n\nIt leaves the client's Documents on this laptop and, "
                "at the next sync, at the bank. Copies already exported or handed to the "
                "client are not affected."
            ).format(self.model.kind_name(doc.kind), doc.title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        document_id, number = doc.id, doc.document_number
        self._say("")
        self.session.mutate(
            lambda ws: ws.documents.delete(document_id),
            self,
            lambda _: self._deleted(number),
            self._failed,
        )

    def _deleted(self, number: str) -> None:
        self._say(self.tr("Deleted {0}.").format(number))
        self.reload()

    # --- a new advice pack ------------------------------------------------------------------

    def new_advice_pack(self) -> PackDialog | None:
        if self.client_id is None:
            return None
        if self.pack_dialog is not None:
            self.pack_dialog.raise_()
            return self.pack_dialog
        self._say("")
        dialog = PackDialog(self.session, self.client_id, self.runner, self, self)
        dialog.sig_generated.connect(self._generated)
        dialog.finished.connect(lambda _: self._pack_dialog_closed(dialog))
        self.pack_dialog = dialog
        dialog.open()
        return dialog

    def _generated(self, stored: StoredPack, password: str) -> None:
        if self.client_id is None:
            return
        self._say(
            self.tr("Advice pack {0} made ({1} pages) and kept in the vault.").format(
                stored.document_number, stored.pages
            )
        )
        self.reload(stored.document_id)
        self.show_preview(
            stored.document_id,
            stored.document_number,
            stored.title,
            stored.bytes,
            password or None,
        )

    def _pack_dialog_closed(self, dialog: PackDialog) -> None:
        if self.pack_dialog is dialog:
            self.pack_dialog = None
        dialog.deleteLater()

    # --- clearing -------------------------------------------------------------------------

    def _close_windows(self) -> None:
        self._close_preview()
        if self.pack_dialog is not None:
            dialog, self.pack_dialog = self.pack_dialog, None
            dialog.abandon()
            dialog.deleteLater()
        for job in list(self.runner.jobs.values()):
            job.forget()

    def clear(self) -> None:
        """Drop every client datum: the list, a generation under way, the windows."""
        self._close_windows()
        self.client_id = None
        self.loaded = False
        self._stale = False
        self._select = None
        self.model.clear()
        self.summary.clear()
        self.empty.clear()
        self.empty.hide()
        self._say("")
        self._enable()
