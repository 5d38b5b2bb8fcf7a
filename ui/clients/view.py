"""One client: a header (name, tier and risk badges, the extra-care badge, assets, RM,
last contact, masked ID, "Assess risk tolerance") over the Profile, Portfolio, Risk,
Plan, Documents, Timeline, Contacts and Complaints tabs. "Meeting" opens meeting mode on
the client (a note without a scheduled meeting). Opening it records one "viewed" audit
event."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.domain import masking
from app.domain.ids import ClientId
from app.domain.risk_profile import ELDERLY_AGE
from app.services.book import BookRow
from app.services.changes import Changes
from app.services.clients import ClientProfile
from app.services.risk import ClientCare
from app.services.workspace import Workspace
from ui.clients.portfolio_tab import PortfolioTab
from ui.clients.profile_tab import ProfileTab
from ui.clients.timeline_tab import TimelineTab
from ui.complaints.badge import badge_for, badge_tip
from ui.complaints.tab import ComplaintsTab
from ui.contacts.tab import ContactsTab
from ui.documents.tab import DocumentsTab
from ui.formatting import format_money
from ui.plans.tab import PlanTab
from ui.risk.common import CARE_STYLE, RiskWords, data_lang
from ui.risk.risk_tab import RiskTab
from ui.session import VaultSession
from ui.style import TIER_COLOURS


@dataclass(frozen=True)
class Opened:
    profile: ClientProfile
    row: BookRow
    care: ClientCare


class ClientView(QWidget):
    sig_back = Signal()
    sig_meeting = Signal(object)  # client id: open meeting mode on the client
    sig_note = Signal(object, object)  # client id, note id: open the note in meeting mode

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
        self.care = QLabel(objectName="badge")
        self.care.setStyleSheet(CARE_STYLE)
        self.care.hide()
        self.complaints = QLabel(objectName="badge")
        self.complaints.hide()
        self.words = RiskWords(self)
        self.assets = QLabel(objectName="figure")
        self.facts = QLabel(objectName="muted")
        self.assess = QPushButton(
            self.tr("Assess risk tolerance"), objectName="primary", enabled=False
        )
        top = QHBoxLayout()
        for widget in (self.back, self.name, self.tier, self.risk, self.care, self.complaints):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.assets)
        self.meeting = QPushButton(self.tr("Meeting"), enabled=False)
        self.meeting.setToolTip(self.tr("Meeting mode: the brief and a new note on this client"))
        self.meeting.clicked.connect(self._meeting)
        top.addWidget(self.meeting)
        top.addWidget(self.assess)
        self.tabs = QTabWidget()
        self.profile_tab = ProfileTab(self.session)
        self.portfolio_tab = PortfolioTab(self.session)
        self.risk_tab = RiskTab(self.session)
        self.assess.clicked.connect(self.risk_tab.new_assessment)
        self.tabs.addTab(self.profile_tab, self.tr("Profile"))
        self.tabs.addTab(self.portfolio_tab, self.tr("Portfolio"))
        self.tabs.addTab(self.risk_tab, self.tr("Risk"))
        self.plan_tab = PlanTab(self.session)
        self.tabs.addTab(self.plan_tab, self.tr("Plan"))
        self.documents_tab = DocumentsTab(self.session)
        self.tabs.addTab(self.documents_tab, self.tr("Documents"))
        self.timeline_tab = TimelineTab(self.session)
        self.timeline_tab.sig_open_note.connect(self.sig_note.emit)
        self.tabs.addTab(self.timeline_tab, self.tr("Timeline"))
        self.contacts_tab = ContactsTab(self.session)
        self.tabs.addTab(self.contacts_tab, self.tr("Contacts"))
        self.complaints_tab = ComplaintsTab(self.session)
        self.tabs.addTab(self.complaints_tab, self.tr("Complaints"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(self.tabs, 1)

    def activate(self) -> None:
        """Pages are activated on navigation; the view loads on ``open`` instead."""

    def open(self, client_id: ClientId, *, refresh: bool = False) -> None:
        """Show the client; ``refresh`` reloads a client already shown after a change
        (no new "viewed" audit event, and the tabs that reload themselves are left be)."""
        self.client_id = client_id

        def job(ws: Workspace) -> Opened:
            profile = ws.clients.show(str(client_id), with_portfolio=False, record_view=not refresh)
            return Opened(profile, ws.book.rows([client_id])[0], ws.risk.care(client_id))

        self.session.run(job, lambda opened: self._show(client_id, opened))
        self.portfolio_tab.open(client_id)
        self.risk_tab.open(client_id)
        if not refresh:
            self.timeline_tab.open(client_id)
            self.complaints_tab.open(client_id)
            self.contacts_tab.open(client_id)
            self.plan_tab.open(client_id)
            self.documents_tab.open(client_id)

    def _show(self, client_id: ClientId, opened: Opened) -> None:
        if client_id != self.client_id:
            return
        row, profile = opened.row, opened.profile
        self.name.setText(row.name)
        self.tier.setText(row.tier_name or "—")
        self.tier.setStyleSheet(f"background: {TIER_COLOURS.get(row.tier or '', '#627d98')}")
        self._show_risk(opened)
        self.assets.setText(format_money(row.financial_assets_cny))
        self.meeting.setEnabled(True)
        doc = profile.documents[0].number if profile.documents else ""
        contact = row.last_contact.isoformat() if row.last_contact else self.tr("never")
        self.facts.setText(
            self.tr("RM {0} · last contact {1} · ID {2}").format(
                row.relationship_manager or "—", contact, masking.mask_id_number(doc) or "—"
            )
        )
        text, style = badge_for(profile.open_complaints)
        self.complaints.setText(text)
        self.complaints.setStyleSheet(style)
        self.complaints.setToolTip(badge_tip(profile.open_complaints) if text else "")
        self.complaints.setVisible(bool(text))
        self.profile_tab.show_profile(client_id, profile)
        self.risk_tab.set_profile(profile)

    def _show_risk(self, opened: Opened) -> None:
        """The level and its validity (amber when expiring, red when expired or missing)
        and, for clients of 65 or over or flagged vulnerable, the extra-care badge."""
        text, style = self.words.badge(opened.profile.risk)
        self.risk.setText(text)
        self.risk.setStyleSheet(style)
        self.risk.setVisible(opened.row.kind == "person")  # households are not assessed
        care = opened.care
        if care.extra_care:
            parts = []
            if care.age is not None and care.age >= ELDERLY_AGE:
                parts.append(self.tr("Elderly ({0})").format(care.age))
            if care.vulnerable:
                parts.append(self.tr("Vulnerable"))
            self.care.setText(" · ".join(parts) or self.tr("Extra care"))
            note = care.extra_care_note_zh if data_lang() == "zh" else care.extra_care_note_en
            self.care.setToolTip(note or "")
        self.care.setVisible(care.extra_care)
        self.assess.setEnabled(opened.row.kind == "person")

    def _meeting(self) -> None:
        if self.client_id is not None:
            self.sig_meeting.emit(self.client_id)

    def _changed(self, changes: Changes, initiator: object) -> None:
        """Reload on what the header and the tabs show; notes, tasks and meetings (meeting
        mode saves every few seconds) only touch the Timeline, which reloads itself."""
        shown = (
            changes.clients
            or changes.holdings
            or changes.consents
            or changes.contacts
            or changes.complaints
            or changes.settings
        )
        if shown and self.client_id in changes.client_ids and initiator is not self.profile_tab:
            self.open(self.client_id, refresh=True)

    def clear(self) -> None:
        self.client_id = None
        for label in (
            self.name,
            self.tier,
            self.risk,
            self.care,
            self.complaints,
            self.assets,
            self.facts,
        ):
            label.clear()
        self.care.hide()
        self.complaints.hide()
        self.assess.setEnabled(False)
        self.meeting.setEnabled(False)
        self.profile_tab.clear()
        self.portfolio_tab.clear()
        self.risk_tab.clear()
        self.timeline_tab.clear()
        self.contacts_tab.clear()
        self.complaints_tab.clear()
        self.plan_tab.clear()
        self.documents_tab.clear()
