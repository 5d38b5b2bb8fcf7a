"""The Clients page: search box, filters and the lazy client table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.book import BookFilter
from app.services.changes import Changes
from app.services.config import tier_table
from ui.clients.list_model import ClientListModel
from ui.session import VaultSession

RISK_LEVELS = ("C1", "C2", "C3", "C4", "C5", "none")


class ClientsPage(QWidget):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = ClientListModel(session)
        self._loaded = False
        self._debounce = QTimer(self, singleShot=True, interval=0)
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.search = QLineEdit(clearButtonEnabled=True)
        self.search.setPlaceholderText(
            self.tr("Search: name, pinyin, initials (zw), last digits of mobile or ID")
        )
        self.tier = QComboBox()
        self.tier.addItem(self.tr("All tiers"), None)
        for tier in tier_table().tiers:
            self.tier.addItem(tier.name_zh, tier.code)
        self.risk = QComboBox()
        self.risk.addItem(self.tr("All risk levels"), None)
        for level in RISK_LEVELS:
            self.risk.addItem(level if level != "none" else self.tr("Not assessed"), level)
        self.city = QComboBox()
        self.city.addItem(self.tr("All cities"), None)
        self.overdue = QCheckBox(self.tr("Overdue for contact"))
        self.count = QLabel(objectName="muted")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for widget in (self.tier, self.risk, self.city, self.overdue, self.count):
            filters.addWidget(widget)
        self.table = QTableView(sortingEnabled=True, alternatingRowColors=True)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((170, 80, 120, 100, 120, 90, 80)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Once rows are painted the model may fetch the rest (``load_rest``), after
        this paint has finished."""
        if event.type() == QEvent.Type.Paint and self.model.rest_due:
            QTimer.singleShot(0, self.model.load_rest)
        return False

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self._debounce.timeout.connect(self.apply_filter)
        for combo in (self.tier, self.risk, self.city):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.overdue.toggled.connect(self.apply_filter)
        self.model.sig_counted.connect(
            lambda n: self.count.setText(self.tr("{0} clients").format(f"{n:,}"))
        )
        self.table.activated.connect(self._open)
        events = self.session.events
        events.vault_did_lock.connect(self.clear)
        events.operation_did_execute.connect(self._changed)

    def current_filter(self) -> BookFilter:
        def chosen(combo: QComboBox) -> frozenset[str]:
            value = combo.currentData()
            return frozenset({value}) if value else frozenset()

        return BookFilter(
            text=self.search.text(),
            tiers=chosen(self.tier),
            risk_levels=chosen(self.risk),
            cities=chosen(self.city),
            overdue_only=self.overdue.isChecked(),
        )

    def apply_filter(self) -> None:
        if self.session.unlocked:
            self.model.set_filter(self.current_filter())

    def activate(self) -> None:
        """Called when the page is shown: load on first show after an unlock."""
        if not self._loaded:
            self._loaded = True
            self.apply_filter()
            self.session.run(lambda ws: ws.book.cities(), self._fill_cities)
        self.search.setFocus()

    def _fill_cities(self, cities: list[str]) -> None:
        self.city.blockSignals(True)
        while self.city.count() > 1:
            self.city.removeItem(1)
        for city in cities:
            self.city.addItem(city, city)
        self.city.blockSignals(False)

    def _open(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.session.events.client_open_requested.emit(self.model.client_id(index.row()))

    def _changed(self, changes: Changes, initiator: object) -> None:
        if changes.clients and self._loaded:
            self.model.refresh()

    def clear(self) -> None:
        self._loaded = False
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.count.clear()
        self.model.clear()
