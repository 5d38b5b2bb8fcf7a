"""The client list as a lazy table model: ids for the whole query, rows fetched in batches.

A query (filter + sort) first fetches its first batch of rows directly (so the table
paints as soon as SQLite has sorted, whatever the book's size), then, in a second job on
the vault worker, every matching id (one cheap column); ``canFetchMore``/``fetchMore``
bring further batches by id as the view scrolls. Results of a superseded query are
dropped, and while one query runs only the newest waiting one is kept, so fast typing
never queues up work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from app.domain import masking
from app.domain.ids import ClientId
from app.domain.money import Money
from app.services.book import BookFilter, BookRow
from app.services.workspace import Workspace
from ui.formatting import format_money_short
from ui.session import VaultSession

BATCH = 256
# The first rows of a query: a screenful and some. Each row computes its last contact
# (notes, interactions, held meetings), so 64 rows paint in a quarter of 256's time.
FIRST = 64
REST_AFTER_MS = 100  # the ids follow the first rows' paint, or this long after them
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Query:
    filter: BookFilter = field(default_factory=BookFilter)
    sort: str = "assets"
    descending: bool = True


COLUMNS = ("name", "tier", "assets", "risk", "last_contact", "rm", "city", "mobile")
SORT_OF_COLUMN = {
    "name": "name",
    "tier": "tier",
    "assets": "assets",
    "risk": "risk",
    "last_contact": "last_contact",
    "rm": "rm",
    "city": "city",
}


class ClientListModel(QAbstractTableModel):
    sig_counted = Signal(int)  # matching clients for the current query

    def __init__(self, session: VaultSession) -> None:
        super().__init__()
        self.session = session
        self.query = Query()
        self._ids: Sequence[ClientId] = []
        self._rows: list[BookRow] = []
        self._generation = 0
        self._running = False
        self._waiting: Query | None = None
        self._fetching = False
        self._rest: tuple[int, Query] | None = None  # rows shown, ids not yet asked for
        self._rest_timer = QTimer(self, singleShot=True, interval=REST_AFTER_MS)
        self._rest_timer.timeout.connect(self.load_rest)
        self._headers = (
            self.tr("Name"),
            self.tr("Tier"),
            self.tr("Assets (CNY)"),
            self.tr("Risk level"),
            self.tr("Last contact"),
            self.tr("RM"),
            self.tr("City"),
            self.tr("Mobile"),
        )

    # --- queries ------------------------------------------------------------------

    def set_query(self, query: Query, *, again: bool = False) -> None:
        """Show ``query``'s rows; ``again`` runs it even if it is the one running (the
        book changed). Otherwise asking for the running query changes nothing: the
        view's sort indicator and the page's first filter both ask for the same one."""
        if self._running and query == self.query and self._waiting is None and not again:
            return
        self.query = query
        if self._running:
            self._waiting = query
            return
        self._start(query)

    def set_filter(self, book_filter: BookFilter) -> None:
        self.set_query(replace(self.query, filter=book_filter))

    def refresh(self) -> None:
        self.set_query(self.query, again=True)

    def _start(self, query: Query) -> None:
        self._generation += 1
        generation = self._generation

        def first_rows(ws: Workspace) -> list[BookRow]:
            return ws.book.page(query.filter, query.sort, query.descending, 0, FIRST)

        self._rest = None
        self._running = self.session.run(
            first_rows, lambda rows: self._shown(generation, query, rows), self._failed
        )

    def _shown(self, generation: int, query: Query, rows: list[BookRow]) -> None:
        if generation != self._generation:
            return
        first_paint = not self._rows
        self.beginResetModel()
        self._ids, self._rows = [], rows
        self._fetching = False
        self.endResetModel()
        if len(rows) < FIRST:  # that was all of it (most searches): no ids to ask for
            self._counted(generation, [r.id for r in rows])
            return
        self._rest = (generation, query)
        if first_paint:  # an empty table paints first (``load_rest``)
            self._rest_timer.start()  # in case no view paints the rows (hidden, or none)
        else:
            self.load_rest()

    def load_rest(self) -> None:
        """Ask for the whole query's ids (for scrolling further and the count). After a
        first load the view calls this once the rows have painted: at 10,000 clients
        the ids take tens of milliseconds of Python on the worker, which would hold the
        GIL against the paint's ``data()`` calls and delay the list's first paint."""
        self._rest_timer.stop()
        if self._rest is None:
            return
        (generation, query), self._rest = self._rest, None

        def all_ids(ws: Workspace) -> Sequence[ClientId]:
            return ws.book.ids(query.filter, query.sort, query.descending)

        if not self.session.run(all_ids, lambda ids: self._counted(generation, ids), self._failed):
            self._running = False

    def _counted(self, generation: int, ids: Sequence[ClientId]) -> None:
        """The whole query's ids arrived: scrolling can fetch further batches now."""
        self._running = False
        if generation == self._generation:
            self._ids = ids
            if self._waiting is None:  # else a newer query is already due: count that one
                self.sig_counted.emit(len(ids))
        if self._waiting is not None:
            query, self._waiting = self._waiting, None
            self._start(query)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        self._fetching = False
        self.session.sig_error.emit(error)

    def clear(self) -> None:
        """Drop every row (the vault is locking)."""
        self._generation += 1
        self._rest = None
        self._rest_timer.stop()
        self._waiting = None
        self._running = False
        self.beginResetModel()
        self._ids, self._rows = [], []
        self.endResetModel()

    @property
    def rest_due(self) -> bool:
        """First rows shown, the rest not yet asked for."""
        return self._rest is not None

    @property
    def busy(self) -> bool:
        """A query is running or waiting: the rows may not be the current query's yet."""
        return self._running or self._waiting is not None

    def client_id(self, row: int) -> Any:
        return self._rows[row].id

    # --- lazy fetching --------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and len(self._rows) < len(self._ids)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        generation = self._generation
        wanted = self._ids[len(self._rows) : len(self._rows) + BATCH]
        self._fetching = self.session.run(
            lambda ws: ws.book.rows(wanted),
            lambda rows: self._fetched(generation, rows),
            self._failed,
        )

    def _fetched(self, generation: int, rows: list[BookRow]) -> None:
        if generation != self._generation or not rows:
            self._fetching = False
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()
        self._fetching = False

    # --- the table ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "assets":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == "assets":
            return Money(row.financial_assets_cny).format()
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _display(self, row: BookRow, column: str) -> str:
        if column == "name":
            return row.name
        if column == "tier":
            return row.tier_name
        if column == "assets":
            return format_money_short(row.financial_assets_cny)
        if column == "risk":
            return row.risk_level or self.tr("not assessed")
        if column == "last_contact":
            text = row.last_contact.isoformat() if row.last_contact else self.tr("never")
            return text + (" ⚠" if row.overdue else "")
        if column == "rm":
            return row.relationship_manager or ""
        if column == "city":
            return row.city or ""
        return masking.mask_mobile(row.mobile)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_OF_COLUMN.get(COLUMNS[column])
        if key is None:
            return
        self.set_query(
            replace(self.query, sort=key, descending=order == Qt.SortOrder.DescendingOrder)
        )
