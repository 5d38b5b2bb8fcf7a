"""One client: a header (name, tier and risk badges, assets, RM, last contact, masked
ID) over the Profile and Portfolio tabs. Opening it records one "viewed" audit event."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.domain import masking
from app.domain.ids import ClientId
from app.services.book import BookRow
from app.services.changes import Changes
from app.services.clients import ClientProfile
from app.services.workspace import Workspace
from ui.clients.portfolio_tab import PortfolioTab
from ui.clients.profile_tab import ProfileTab
from ui.formatting import format_money
from ui.session import VaultSession
from ui.style import RISK_COLOURS, TIER_COLOURS


@dataclass(frozen=True)
class Opened:
    profile: ClientProfile
    row: BookRow


class ClientView(QWidget):
    sig_back = Signal()

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.client_id: ClientId | None = None
        self._build_ui()
        self.profile_tab.sig_open_client.connect(session.events.client_open_requested.emit)
        session.events.vault_did_lock.connect(self.clear)
        session.events.operation_did_execute.connect(self._changed)

    def _build_ui(self) -> None:
        self.back = QPushButton(self.tr("← Clients"))
        self.back.clicked.connect(self.sig_back.emit)
        self.name = QLabel(objectName="title")
        self.tier = QLabel(objectName="badge")
        self.risk = QLabel(objectName="badge")
        self.assets = QLabel(objectName="figure")
        self.facts = QLabel(objectName="muted")
        top = QHBoxLayout()
        for widget in (self.back, self.name, self.tier, self.risk):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.assets)
        self.tabs = QTabWidget()
        self.profile_tab = ProfileTab(self.session)
        self.portfolio_tab = PortfolioTab(self.session)
        self.tabs.addTab(self.profile_tab, self.tr("Profile"))
        self.tabs.addTab(self.portfolio_tab, self.tr("Portfolio"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(self.tabs, 1)

    def activate(self) -> None:
        """Pages are activated on navigation; the view loads on ``open`` instead."""

    def open(self, client_id: ClientId) -> None:
        self.client_id = client_id

        def job(ws: Workspace) -> Opened:
            profile = ws.clients.show(str(client_id), with_portfolio=False)
            return Opened(profile, ws.book.rows([client_id])[0])

        self.session.run(job, lambda opened: self._show(client_id, opened))
        self.portfolio_tab.open(client_id)

    def _show(self, client_id: ClientId, opened: Opened) -> None:
        if client_id != self.client_id:
            return
        row, profile = opened.row, opened.profile
        self.name.setText(row.name)
        self.tier.setText(row.tier_name or "—")
        self.tier.setStyleSheet(f"background: {TIER_COLOURS.get(row.tier or '', '#627d98')}")
        self.risk.setText(row.risk_level or self.tr("Risk: not assessed"))
        self.risk.setStyleSheet(f"background: {RISK_COLOURS.get(row.risk_level or '', '#9fb3c8')}")
        self.assets.setText(format_money(row.financial_assets_cny))
        doc = profile.documents[0].number if profile.documents else ""
        contact = row.last_contact.isoformat() if row.last_contact else self.tr("never")
        self.facts.setText(
            self.tr("RM {0} · last contact {1} · ID {2}").format(
                row.relationship_manager or "—", contact, masking.mask_id_number(doc) or "—"
            )
        )
        self.profile_tab.show_profile(client_id, profile)

    def _changed(self, changes: Changes, initiator: object) -> None:
        if self.client_id in changes.client_ids and initiator is not self.profile_tab:
            self.open(self.client_id)

    def clear(self) -> None:
        self.client_id = None
        for label in (self.name, self.tier, self.risk, self.assets, self.facts):
            label.clear()
        self.profile_tab.clear()
        self.portfolio_tab.clear()
