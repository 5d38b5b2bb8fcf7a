"""Home: the book at a glance — assets by tier and asset class, who is overdue for
contact, care reminders (birthdays solar and lunar 农历, anniversaries, milestones), the
largest movers, risk assessments that expire soon or have expired, suitability
mismatches and open complaints. Each item opens the client.

The figures come first (``summary``), then the risk lists, then the reminders: three
jobs in that order on the worker, so the first paint waits for the figures alone."""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Changes
from app.services.home_cache import CachedHome
from app.services.home_types import HomeSummary
from ui.formatting import format_money, format_money_short, format_percent
from ui.session import VaultSession

# This module loads before the database stack (Home paints the vault's cached figures
# first), so what pulls SQLAlchemy in is imported where it is used, after that.
if TYPE_CHECKING:
    from app.services.home import Reminders
    from app.services.suitability import BookRiskAlerts, Mismatch
    from ui.charts.bars import BarChart  # pyqtgraph: imported on a thread of its own
    from ui.complaints.words import ComplaintWords
    from ui.contacts.words import ContactWords
    from ui.risk.common import RiskWords

CHARTS = "ui.charts.bars"  # pyqtgraph underneath
ASSET_CLASS_NAMES = {
    "cash": "现金 Cash",
    "fixed_income": "固收 Fixed income",
    "equity": "权益 Equity",
    "alternative": "另类 Alternative",
    "commodity": "商品 Commodity",
    "insurance": "保险 Insurance",
}


class HomePage(QWidget):
    sig_charts_ready = Signal()  # the chart module finished importing on its thread
    sig_painted = Signal()  # figures (cached or fresh) were painted, once per unlock

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._importing = False
        self.summary: HomeSummary | None = None  # what is shown
        self.fresh = False  # False while ``summary`` is the cached one from last time
        self.alerts: BookRiskAlerts | None = None
        self.reminders: Reminders | None = None
        self._words: tuple[RiskWords, ContactWords, ComplaintWords] | None = None
        self.chart: BarChart | None = None
        self._chart_data: dict[str, Decimal] = {}
        self._chart_timer = QTimer(self, singleShot=True, interval=30)
        self.sig_charts_ready.connect(self._chart_timer.start)
        self._chart_timer.timeout.connect(self._draw_chart)
        self._build_ui()
        self._painted = False
        self.total.installEventFilter(self)
        session.events.vault_did_lock.connect(self.clear)
        session.events.operation_did_execute.connect(self._changed)

    def _build_ui(self) -> None:
        self.total = QLabel(objectName="figure", wordWrap=True)  # keeps the columns even
        self.tiers = QLabel(wordWrap=True)
        self.freshness = QLabel(objectName="muted", wordWrap=True)
        self.chart_box = QGroupBox(self.tr("Book by asset class"))
        self.chart_layout = QVBoxLayout()
        self.chart_box.setLayout(self.chart_layout)
        self.overdue = self._list()
        self.care = self._list()
        self.movers = self._list()
        self.expiring = self._list()
        self.mismatches = self._list()
        self.complaints = self._list()
        grid = QGridLayout(self)
        head = QGroupBox(self.tr("Book"))
        head_layout = QVBoxLayout(head)
        head_layout.addWidget(self.total)
        head_layout.addWidget(self.tiers)
        head_layout.addWidget(self.freshness)
        head_layout.addStretch(1)
        grid.addWidget(head, 0, 0)
        grid.addWidget(self.chart_box, 0, 1, 1, 2)
        for col, (title, widget) in enumerate(
            (
                (self.tr("Overdue for contact"), self.overdue),
                (self.tr("Care reminders, next 30 days"), self.care),
                (self.tr("Largest movers, last month"), self.movers),
            )
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            grid.addWidget(box, 1, col)
        for col, (title, widget) in enumerate(
            (
                (self.tr("Assessments expiring or expired"), self.expiring),
                (self.tr("Suitability mismatches"), self.mismatches),
                (self.tr("Open complaints"), self.complaints),
            )
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            grid.addWidget(box, 2, col)
        grid.setRowStretch(0, 2)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 3)
        for col in range(3):
            grid.setColumnStretch(col, 1)

    def _list(self) -> QListWidget:
        widget = QListWidget()
        widget.itemActivated.connect(self._open)
        return widget

    def activate(self) -> None:
        if self.summary is None or not self.fresh:
            self.session.run(lambda ws: ws.home.summary(), self.show_summary)
        # Book-wide alerts and reminders take a while at 10,000 clients: they run in the
        # worker's background lane, so a client or list the banker opens meanwhile does not
        # wait behind them.
        if self.alerts is None:
            self.session.run(
                lambda ws: ws.suitability.book_alerts(), self.show_alerts, background=True
            )
        if self.reminders is None:
            self.session.run(lambda ws: ws.home.reminders(), self.show_reminders, background=True)
        if CHARTS not in sys.modules and not self._importing:
            # pyqtgraph costs ~0.6 s to import: a thread of its own imports it, so neither
            # the GUI thread nor the vault worker's queue waits for it; it starts after the
            # page's first paint, whose Python calls would wait for the GIL.
            self._importing = True
            if self._painted:
                self._start_chart_import()
            else:
                self.sig_painted.connect(
                    self._start_chart_import, Qt.ConnectionType.SingleShotConnection
                )

    def refresh(self) -> None:
        """Load everything again (after changes made outside the app's events)."""
        self.summary = self.alerts = self.reminders = None
        self.activate()

    def words(self) -> tuple[RiskWords, ContactWords, ComplaintWords]:
        """The risk, contact and complaint vocabularies, made on first use (their modules
        import the database stack, which is loaded by the time alerts arrive)."""
        if self._words is None:
            from ui.complaints.words import ComplaintWords
            from ui.contacts.words import ContactWords
            from ui.risk.common import RiskWords

            self._words = (RiskWords(self), ContactWords(self), ComplaintWords(self))
        return self._words

    def show_cached(self, cached: CachedHome) -> None:
        """The figures stored at the end of the last session, shown while fresh ones are
        computed (``activate``), with when they are from."""
        if self.summary is not None:
            return
        self._show(cached.summary)
        self.fresh = False  # ``activate`` still asks for the fresh figures
        when = cached.computed_at.astimezone().strftime("%Y-%m-%d %H:%M")
        self.freshness.setText(self.tr("Figures from {0}; updating…").format(when))

    def show_summary(self, summary: HomeSummary) -> None:
        self.freshness.clear()
        self._show(summary)
        self.fresh = True

    def _show(self, summary: HomeSummary) -> None:
        self.summary = summary
        self.total.setText(
            self.tr("{0} in {1} clients").format(
                format_money(summary.total_assets_cny), f"{summary.clients:,}"
            )
        )
        self.tiers.setText(
            "\n".join(
                f"{t.name}: {t.clients:,} · {format_money_short(t.assets_cny)}"
                for t in summary.by_tier
            )
        )
        # The chart is drawn just after the figures and lists have painted, once its
        # module is imported (see ``activate``), so the page never waits for it.
        self._chart_data = {
            ASSET_CLASS_NAMES.get(k, k): v for k, v in summary.by_asset_class.items()
        }
        if CHARTS in sys.modules:
            self._chart_timer.start()
        self._fill(
            self.overdue,
            [
                (
                    o.id,
                    self.tr("{0} ({1}) — {2} days overdue").format(
                        o.name, o.tier_name, o.days_overdue
                    ),
                )
                for o in summary.overdue
            ],
        )
        self._fill(
            self.movers,
            [
                (
                    m.id,
                    f"{m.name}  {format_money_short(m.change_cny)}  "
                    f"{format_percent(None if m.change_pct is None else m.change_pct / 100)}",
                )
                for m in summary.movers
            ],
        )

    def show_alerts(self, alerts: BookRiskAlerts) -> None:
        from app.domain.risk_profile import level_code

        self.alerts = alerts
        risk_words = self.words()[0]
        self._fill(
            self.expiring,
            [
                (
                    e.client_id,
                    f"{e.name} — {level_code(e.level)} — "
                    + risk_words.validity(e.validity, e.expires_on),
                )
                for e in alerts.expiring
            ],
        )
        self._fill(self.mismatches, [(m.client_id, self._mismatch(m)) for m in alerts.mismatches])

    def show_reminders(self, reminders: Reminders) -> None:
        from ui.complaints.words import STATUS_COLOURS

        self.reminders = reminders
        _, words, complaint_words = self.words()
        care = []
        for r in reminders.care:
            what = r.label or words.kinds.get(r.kind, r.kind)
            years = words.years(r.kind, r.years)
            day = r.on.isoformat()
            text = (
                self.tr("{0}  {1} — {2}, {3}").format(day, r.name, what, years)
                if years
                else self.tr("{0}  {1} — {2}").format(day, r.name, what)
            )
            care.append((r.client_id, text, words.kinds.get(r.kind, r.kind), None))
        self._fill(self.care, care)
        today = date.today()
        complaints = []
        for c in reminders.complaints:
            status = complaint_words.statuses.get(c.status, c.status)
            text = self.tr("{0}  {1} — {2} days open ({3})").format(
                c.reference, c.client_name, c.days_open(today), status
            )
            tip = complaint_words.categories.get(c.category, c.category)
            complaints.append((c.client_id, text, tip, STATUS_COLOURS.get(c.status)))
        self._fill(self.complaints, complaints)

    def _mismatch(self, m: Mismatch) -> str:
        from ui.risk.common import level_text

        products = self.tr("{0} products up to R{1}").format(m.products, m.worst_rating)
        if m.level is None:
            return self.tr("{0} — not assessed, holds {1}").format(m.name, products)
        cap = 1 if m.lowest_class else m.level
        if m.worst_rating <= cap:  # within the level: the assessment is no longer valid
            return self.tr("{0} — assessment expired, holds {1}").format(m.name, products)
        return self.tr("{0} — {1}, holds {2}").format(
            m.name, level_text(m.level, m.lowest_class), products
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Notes the first paint of the figures: what waits on it (the database's and
        the charts' imports) would otherwise slow it down."""
        if (
            not self._painted
            and event.type() == QEvent.Type.Paint
            and watched is self.total
            and self.summary is not None
        ):
            self._painted = True
            QTimer.singleShot(0, self.sig_painted.emit)  # after this paint has finished
        return False

    def _start_chart_import(self) -> None:
        threading.Thread(target=self._import_charts, name="import-charts", daemon=True).start()

    def _import_charts(self) -> None:
        importlib.import_module(CHARTS)
        self.sig_charts_ready.emit()  # queued to the GUI thread: the receiver lives there

    def _draw_chart(self) -> None:
        if self.summary is not None and CHARTS in sys.modules:
            self._chart().set_data(self._chart_data)

    def _chart(self) -> BarChart:
        if self.chart is None:
            from ui.charts.bars import BarChart

            self.chart = BarChart(lambda v: format_money(Decimal(v)))
            self.chart_layout.addWidget(self.chart)
        return self.chart

    @staticmethod
    def _fill(
        widget: QListWidget,
        items: Sequence[tuple[object, str] | tuple[object, str, str, str | None]],
    ) -> None:
        """One item per entry: (client id, text) or (client id, text, tooltip, colour)."""
        widget.clear()
        for entry in items:
            client_id, text = entry[0], entry[1]
            tip, colour = (entry[2], entry[3]) if len(entry) == 4 else (text, None)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, client_id)
            item.setToolTip(tip)  # long lines are cut at the edge
            if colour:
                item.setForeground(QColor(colour))
            widget.addItem(item)

    def _open(self, item: QListWidgetItem) -> None:
        self.session.events.client_open_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _changed(self, changes: Changes, initiator: object) -> None:
        if changes.clients or changes.holdings:
            self.fresh = False
            self.alerts = None
        if changes.clients or changes.contacts or changes.complaints:
            self.reminders = None
        if self.isVisible() and (not self.fresh or None in (self.alerts, self.reminders)):
            self.activate()

    def clear(self) -> None:
        self._chart_timer.stop()
        self._chart_data = {}
        self.summary = self.alerts = self.reminders = None
        self.fresh = self._painted = False
        self.freshness.clear()
        self.total.clear()
        self.tiers.clear()
        lists = (self.overdue, self.care, self.movers, self.expiring, self.mismatches)
        for widget in (*lists, self.complaints):
            widget.clear()
        if self.chart is not None:
            self.chart.set_data({})
