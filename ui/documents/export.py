"""Exporting a stored document: the banker picks the file, the vault worker writes it.

Why it is shaped so: a document leaves the vault only where the banker asks, and
``ws.documents.export`` (on the vault worker) writes it whole or not at all and records
it in the audit trail; this module only asks where (adding ``.pdf`` when left off) and
turns the outcome into words: where it went, or what failed and what to do. The
Documents tab and the preview share it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from app.domain.errors import ConfidantError
from ui.session import VaultSession


def pdf_path(path: str) -> Path:
    """``path`` with ``.pdf`` added when it has another ending or none."""
    target = Path(path)
    return target if target.suffix.lower() == ".pdf" else target.with_name(target.name + ".pdf")


class DocumentExport(QObject):
    """Ask where, export on the worker, report in words (one per screen)."""

    def __init__(self, session: VaultSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def ask(
        self,
        parent: QWidget,
        document_id: uuid.UUID,
        number: str,
        on_done: Callable[[str], None],
        on_failed: Callable[[str], None],
    ) -> bool:
        """Ask for the file, then export; ``on_done``/``on_failed`` get a sentence.
        False when the banker cancelled the file dialog (or the vault is locked)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"{number}.pdf") if folder else f"{number}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            parent, self.tr("Export the document as PDF"), suggested, self.tr("PDF (*.pdf)")
        )
        if not path:
            return False
        target = pdf_path(path)

        def failed(error: BaseException) -> None:
            if isinstance(error, ConfidantError):
                on_failed(self.tr("Not exported: {0}").format(error))
            else:
                self.session.sig_error.emit(error)

        return self.session.run(
            lambda ws: ws.documents.export(document_id, target),
            lambda written: on_done(self.done_text(written)),
            failed,
        )

    def done_text(self, path: Path) -> str:
        return self.tr(
            "Exported to {0} (recorded in the audit trail). The file is outside the vault: "
            "keep it safe and delete it once it is sent."
        ).format(path)
