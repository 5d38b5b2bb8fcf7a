"""The client's documents as a table model, newest first, as the service lists them.

Why it is shaped so: the list holds only the facts of each document (``DocumentRow``),
never its bytes, which stay in the vault until the banker previews or exports one. A
household's list includes its members' documents, so a "Client" column names whose each
one is; the tab hides it when every row is the client's own. The words for kinds and
languages live here, beside the only table that shows them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.domain.ids import ClientId
from app.services.documents import DocumentRow
from ui.rows_model import RowsModel

COLUMNS = ("title", "kind", "lang", "number", "plan", "size", "by", "at", "client")
CLIENT = COLUMNS.index("client")
LANG_NAMES = {"zh": "中文", "en": "English", "both": "中文 + English"}


def size_text(size: int) -> str:
    """``830 B``, ``118 KB``, ``1.4 MB``."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class DocumentsModel(RowsModel[DocumentRow]):
    COLUMNS = COLUMNS
    NUMBERS = frozenset({"size"})

    def __init__(self) -> None:
        super().__init__()
        self.names: dict[ClientId, str] = {}  # whose each document is (a household's)
        self.heads = (
            self.tr("Title"),
            self.tr("Kind"),
            self.tr("Language"),
            self.tr("Document number"),
            self.tr("Plan version"),
            self.tr("Size"),
            self.tr("Created by"),
            self.tr("Created at"),
            self.tr("Client"),
        )
        self.kinds = {
            "advice_pack": self.tr("Advice pack"),
            "assessment": self.tr("Risk assessment"),
            "brief": self.tr("Meeting brief"),
        }

    def set_documents(self, rows: list[DocumentRow], names: dict[ClientId, str]) -> None:
        self.names = dict(names)
        self.set_rows(rows)

    def clear(self) -> None:
        self.names = {}
        super().clear()

    def kind_name(self, kind: str) -> str:
        return self.kinds.get(kind, kind)

    def cell(self, doc: DocumentRow, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column in ("title", "number"):
            return f"{doc.title}\nSHA-256 {doc.sha256}"
        return None

    def text(self, doc: DocumentRow, column: str) -> str:
        if column == "title":
            return doc.title
        if column == "kind":
            return self.kind_name(doc.kind)
        if column == "lang":
            return LANG_NAMES.get(doc.lang, doc.lang)
        if column == "number":
            return doc.document_number
        if column == "plan":
            return f"v{doc.plan_version}" if doc.plan_version is not None else "—"
        if column == "size":
            return size_text(doc.size)
        if column == "by":
            return doc.created_by
        if column == "at":
            return doc.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        return self.names.get(doc.client_id, "")
