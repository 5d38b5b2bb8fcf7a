"""The vault's tables as typed SQLAlchemy 2 models.

Every table that syncs with the bank server carries the sync columns of DESIGN.md
(``id`` made on the device, ``rev``, ``updated_at``, ``updated_by``, ``deleted_at``)
through ``Synced``; changes to those rows are captured by the outbox flush hook
(``app.vault.outbox``), so no feature can forget to sync. Reference data that only the
server writes (prices, FX rates) has natural keys and is pulled, never pushed.

Money and quantities are ``ScaledDecimal`` (exact integers underneath), times are
UTC-aware. The schema is built by Alembic migrations, never by ``create_all``.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.domain.ids import new_id
from app.vault.types import ScaledDecimal, UtcDateTime, utc_now

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Synced:
    """The sync columns; rows of these tables are tombstoned, never hard-deleted."""

    __synced__: ClassVar[bool] = True

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    rev: Mapped[int | None] = mapped_column(Integer, default=None)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)


class VaultMeta(Base):
    """Key/value facts about this vault: device id, audit-chain head, creation time."""

    __tablename__ = "vault_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Client(Synced, Base):
    """A person or a household (family) in the banker's book."""

    __tablename__ = "clients"
    # person | household | company | trust (companies and trusts are household members)
    kind: Mapped[str] = mapped_column(String(16), default="person")
    name: Mapped[str] = mapped_column(String(120), index=True)
    name_pinyin: Mapped[str] = mapped_column(String(240), default="")
    name_initials: Mapped[str] = mapped_column(String(60), default="")
    search_keys: Mapped[str] = mapped_column(Text, default="")
    gender: Mapped[str | None] = mapped_column(String(1))
    birth_date: Mapped[date | None] = mapped_column(Date)
    lunar_birth_month: Mapped[int | None] = mapped_column(Integer)
    lunar_birth_day: Mapped[int | None] = mapped_column(Integer)
    lunar_birth_leap: Mapped[bool] = mapped_column(Boolean, default=False)
    mobile: Mapped[str | None] = mapped_column(String(20), index=True)
    email: Mapped[str | None] = mapped_column(String(254))
    address: Mapped[str | None] = mapped_column(String(400))
    city: Mapped[str | None] = mapped_column(String(60))
    occupation: Mapped[str | None] = mapped_column(String(120))
    employer: Mapped[str | None] = mapped_column(String(200))
    source_of_wealth: Mapped[str | None] = mapped_column(String(200))
    preferred_channel: Mapped[str | None] = mapped_column(String(20))
    preferred_language: Mapped[str | None] = mapped_column(String(10))
    relationship_manager: Mapped[str | None] = mapped_column(String(60))
    onboarded_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="active")
    needs: Mapped[str | None] = mapped_column(Text)
    preferences: Mapped[str | None] = mapped_column(Text)
    # Added by migration 0002 with the portfolio: derived from holdings at the bank,
    # refreshed by the portfolio service, never typed in.
    financial_assets_cny: Mapped[Decimal] = mapped_column(ScaledDecimal(2), default=Decimal(0))
    tier: Mapped[str | None] = mapped_column(String(20))
    assets_valued_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Added by migration 0004 with risk assessments. The current level is copied from the
    # newest confirmed assessment in the same transaction, so the book can sort, filter
    # and warn on it without a subquery per client.
    vulnerable: Mapped[bool] = mapped_column(Boolean, default=False)
    risk_level: Mapped[int | None] = mapped_column(Integer)
    risk_lowest_class: Mapped[bool] = mapped_column(Boolean, default=False)
    risk_expires_on: Mapped[date | None] = mapped_column(Date)

    documents: Mapped[list[IdentityDocument]] = relationship(
        back_populates="client", order_by="IdentityDocument.doc_type"
    )


class HouseholdMember(Synced, Base):
    """A person's place in a household: head, spouse, child, parent, company, trust."""

    __tablename__ = "household_members"
    __table_args__ = (UniqueConstraint("household_id", "member_id"),)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id"), index=True)
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))


class IdentityDocument(Synced, Base):
    """An identity document (C2 data: masked on screen, revealed only with an audit)."""

    __tablename__ = "identity_documents"
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id"), index=True)
    doc_type: Mapped[str] = mapped_column(String(32))
    number: Mapped[str] = mapped_column(String(40), index=True)
    expires_on: Mapped[date | None] = mapped_column(Date)

    client: Mapped[Client] = relationship(back_populates="documents")


class Consent(Synced, Base):
    """The client's consent to one purpose of processing (PIPL art. 13–15)."""

    __tablename__ = "consents"
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(40))
    method: Mapped[str] = mapped_column(String(40))
    proof_ref: Mapped[str | None] = mapped_column(String(120))
    granted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Note(Synced, Base):
    """A note about a client, optionally of a meeting.

    ``body`` is plain text with a small markup that prints well (``# `` headings, ``- ``
    and ``1. `` list items, ``**bold**``); ``tags`` are space-separated. A confidential
    note is masked in lists and audited when opened (migration 0005 added those).
    """

    __tablename__ = "notes"
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id"), index=True)
    written_at: Mapped[datetime] = mapped_column(UtcDateTime)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    tags: Mapped[str] = mapped_column(String(400), default="")
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    template: Mapped[str | None] = mapped_column(String(40))


class AuditEvent(Base):
    """One use of client data, chained to the previous event by SHA-256.

    Append-only: pushed to the server, never edited, never conflicting.
    """

    __tablename__ = "audit_events"
    __synced__: ClassVar[bool] = True
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, default=new_id)
    rev: Mapped[int | None] = mapped_column(Integer, default=None)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(60))
    device: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(80))
    details: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class OutboxEntry(Base):
    """A local change waiting to be pushed: written in the same transaction as the change."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))  # create | patch | delete
    base_rev: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    state: Mapped[str] = mapped_column(String(12), default="pending")


# --- The portfolio (migration 0002) -----------------------------------------------


class Account(Synced, Base):
    """A cash and custody account, at this bank or held elsewhere."""

    __tablename__ = "accounts"
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    institution: Mapped[str] = mapped_column(String(120))
    at_this_bank: Mapped[bool] = mapped_column(Boolean, default=True)
    number: Mapped[str | None] = mapped_column(String(40))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    cash_balance: Mapped[Decimal] = mapped_column(ScaledDecimal(2), default=Decimal(0))


class Instrument(Synced, Base):
    """A product on the shelf: deposit, 理财, fund, bond, equity, insurance, trust, …"""

    __tablename__ = "instruments"
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(24))
    asset_class: Mapped[str] = mapped_column(String(24))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    risk_rating: Mapped[int] = mapped_column(Integer)  # R1..R5
    lockup_days: Mapped[int] = mapped_column(Integer, default=0)
    issuer: Mapped[str | None] = mapped_column(String(120))
    # The terms an advice pack discloses (app.domain.product_terms checks them); None is
    # "not recorded", so the product documents govern. 起购金额 in yuan (CNY equivalent
    # for a foreign-currency product).
    min_investment_cny: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2))
    dealing: Mapped[str | None] = mapped_column(String(12))  # daily … quarterly|closed|none
    term_days: Mapped[int | None] = mapped_column(Integer)  # fixed term; None: open-ended
    benchmark: Mapped[str | None] = mapped_column(String(60))  # 业绩比较基准, free text
    # Fees in percent (1.5 is 1.5 %): subscription and redemption (the headline rate) are
    # one-off on the amount; management, custody and sales service are per year on the
    # assets; performance is the share of the return above the benchmark or hurdle.
    subscription_fee_pct: Mapped[Decimal | None] = mapped_column(ScaledDecimal(4))
    redemption_fee_pct: Mapped[Decimal | None] = mapped_column(ScaledDecimal(4))
    management_fee_pct: Mapped[Decimal | None] = mapped_column(ScaledDecimal(4))
    custody_fee_pct: Mapped[Decimal | None] = mapped_column(ScaledDecimal(4))
    sales_service_fee_pct: Mapped[Decimal | None] = mapped_column(ScaledDecimal(4))
    performance_fee_pct: Mapped[Decimal | None] = mapped_column(ScaledDecimal(4))
    # The sales process: hours of cooling-off after signing (冷静期; 犹豫期 for insurance;
    # 0: none) and whether a follow-up call (回访) comes after it.
    cooling_off_hours: Mapped[int | None] = mapped_column(Integer)
    needs_callback: Mapped[bool | None] = mapped_column(Boolean)


class Holding(Synced, Base):
    """A position in one instrument in one account."""

    __tablename__ = "holdings"
    __table_args__ = (UniqueConstraint("account_id", "instrument_id"),)
    # No index of its own on account_id: the unique (account_id, instrument_id) index
    # serves look-ups by account (migration 0003 dropped the redundant one).
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"))
    instrument_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("instruments.id"), index=True)
    quantity: Mapped[Decimal] = mapped_column(ScaledDecimal(6), default=Decimal(0))
    cost_basis: Mapped[Decimal] = mapped_column(ScaledDecimal(2), default=Decimal(0))


class Transaction(Synced, Base):
    """A booked movement; posting keeps holdings and cash consistent with it."""

    __tablename__ = "transactions"
    __table_args__ = (Index("ix_transactions_account_day", "account_id", "trade_date"),)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"))
    instrument_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("instruments.id"))
    kind: Mapped[str] = mapped_column(String(16))
    trade_date: Mapped[date] = mapped_column(Date)
    quantity: Mapped[Decimal | None] = mapped_column(ScaledDecimal(6))
    price: Mapped[Decimal | None] = mapped_column(ScaledDecimal(6))
    amount: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    fee: Mapped[Decimal] = mapped_column(ScaledDecimal(2), default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3))


class Price(Base):
    """Daily closing price of an instrument (reference data pulled from the server)."""

    __tablename__ = "prices"
    instrument_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("instruments.id"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    close: Mapped[Decimal] = mapped_column(ScaledDecimal(6))


class FxRate(Base):
    """Daily rate: CNY per one unit of ``currency`` (reference data)."""

    __tablename__ = "fx_rates"
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    rate_to_cny: Mapped[Decimal] = mapped_column(ScaledDecimal(8))


# --- Meetings, tasks, contacts, care, events and complaints (migration 0005) ---------


class Meeting(Synced, Base):
    """A meeting with a client: when, where or over which channel, and the agenda."""

    __tablename__ = "meetings"
    __table_args__ = (Index("ix_meetings_starts_at", "starts_at"),)
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    channel: Mapped[str] = mapped_column(String(16))  # branch|client_office|phone|video|wechat
    location: Mapped[str | None] = mapped_column(String(200))
    agenda: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="planned")  # planned|held|cancelled


class Task(Synced, Base):
    """A promise to keep: from a note's action item or typed in, with owner and due date."""

    __tablename__ = "tasks"
    __table_args__ = (Index("ix_tasks_status_due", "status", "due_on"),)
    client_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("clients.id"), index=True)
    note_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    title: Mapped[str] = mapped_column(String(300))
    owner: Mapped[str] = mapped_column(String(60))
    due_on: Mapped[date | None] = mapped_column(Date)
    priority: Mapped[str] = mapped_column(String(8), default="normal")  # high|normal|low
    status: Mapped[str] = mapped_column(String(8), default="open")  # open|done
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Interaction(Synced, Base):
    """One contact with a client: phone, email, WeChat, SMS, visit or event."""

    __tablename__ = "interactions"
    __table_args__ = (Index("ix_interactions_client_at", "client_id", "at"),)
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    channel: Mapped[str] = mapped_column(String(12))  # phone|email|wechat|sms|visit|event
    direction: Mapped[str] = mapped_column(String(8))  # inbound|outbound
    summary: Mapped[str] = mapped_column(Text, default="")


class CareDate(Synced, Base):
    """A date worth a greeting beyond birthdays: an anniversary, a child's milestone."""

    __tablename__ = "care_dates"
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # anniversary|milestone|other
    label: Mapped[str] = mapped_column(String(200))
    on: Mapped[date] = mapped_column(Date)  # the first occurrence; recurs yearly
    recurs: Mapped[bool] = mapped_column(Boolean, default=True)


class ClientEvent(Synced, Base):
    """A seminar or VIP salon the bank holds for clients."""

    __tablename__ = "client_events"
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))  # seminar|salon|other
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    location: Mapped[str | None] = mapped_column(String(200))


class Invitation(Synced, Base):
    """A client invited to an event: the reply and whether they came."""

    __tablename__ = "invitations"
    __table_args__ = (UniqueConstraint("event_id", "client_id"),)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("client_events.id"))
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id"), index=True)
    invited_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reply: Mapped[str] = mapped_column(String(8), default="none")  # none|yes|no|maybe
    attended: Mapped[bool] = mapped_column(Boolean, default=False)


class Complaint(Synced, Base):
    """A complaint from receipt to resolution (time to resolve is resolved - received)."""

    __tablename__ = "complaints"
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id"), index=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    received_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="open")  # open|in_progress|resolved
    owner: Mapped[str] = mapped_column(String(60))
    resolution: Mapped[str | None] = mapped_column(Text)
    resolved_on: Mapped[date | None] = mapped_column(Date)


# --- Risk-tolerance assessments (migration 0004) -------------------------------------


class RiskAssessment(Synced, Base):
    """One confirmed risk-tolerance assessment: the answers, the scoring, who assessed,
    where and when. Never edited after the client confirms; a change is a new one."""

    __tablename__ = "risk_assessments"
    __table_args__ = (Index("ix_risk_assessments_client_assessed", "client_id", "assessed_at"),)
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id"))
    questionnaire_id: Mapped[str] = mapped_column(String(40))
    questionnaire_version: Mapped[str] = mapped_column(String(20))
    answers: Mapped[str] = mapped_column(Text)  # JSON: question key -> choice key
    willingness_score: Mapped[int] = mapped_column(Integer)
    capacity_score: Mapped[int] = mapped_column(Integer)
    willingness_level: Mapped[int] = mapped_column(Integer)
    capacity_level: Mapped[int] = mapped_column(Integer)
    level: Mapped[int] = mapped_column(Integer)
    lowest_class: Mapped[bool] = mapped_column(Boolean, default=False)
    max_loss_pct: Mapped[int | None] = mapped_column(Integer)
    liquidity_need_days: Mapped[int | None] = mapped_column(Integer)
    assessed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    assessed_by: Mapped[str] = mapped_column(String(60))
    place: Mapped[str] = mapped_column(String(20))  # branch | client_site | remote
    place_detail: Mapped[str | None] = mapped_column(String(120))
    client_confirmed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_on: Mapped[date] = mapped_column(Date)
    extra_care: Mapped[bool] = mapped_column(Boolean, default=False)
    extra_care_note: Mapped[str | None] = mapped_column(Text)
    extra_care_confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    changes: Mapped[str] = mapped_column(Text, default="[]")  # JSON: from the previous one
    previous_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    document_number: Mapped[str] = mapped_column(String(40))


# --- Plans and documents (migration 0007) --------------------------------------------


class Plan(Synced, Base):
    """A financial plan for a person or a household: goals, flows, a proposed allocation
    started from the model portfolio of the client's level, and recommended products.

    ``version`` is 1 for a new plan; a copy for next year's review is ``version + 1`` and
    points at the plan it came from (``previous_id``).
    """

    __tablename__ = "plans"
    __table_args__ = (Index("ix_plans_client_version", "client_id", "version"),)
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id"))
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer)  # the first year the projections run from
    version: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    status: Mapped[str] = mapped_column(String(12), default="draft")  # draft|presented|...
    presented_on: Mapped[date | None] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)  # accepted or declined on
    model_level: Mapped[int] = mapped_column(Integer)  # C1..C5 the allocation started from
    assumptions_version: Mapped[str] = mapped_column(String(20))
    models_version: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class PlanGoal(Synced, Base):
    """A goal of a plan: how much, by when, how important, and what is already set aside."""

    __tablename__ = "plan_goals"
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))  # retirement_income|education|property|...
    name: Mapped[str] = mapped_column(String(200))
    target_amount: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    target_year: Mapped[int] = mapped_column(Integer)
    priority: Mapped[int] = mapped_column(Integer)  # 1 (highest) .. 5
    earmarked: Mapped[Decimal] = mapped_column(ScaledDecimal(2), default=Decimal(0))
    real: Mapped[bool] = mapped_column(Boolean, default=True)  # in today's money


class PlanCashFlow(Synced, Base):
    """An expected cash flow: income (positive), spending (negative) or a lump sum, each
    year from ``start_year`` to ``end_year`` (None: that one year)."""

    __tablename__ = "plan_cash_flows"
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # income|spending|lump_sum
    label: Mapped[str] = mapped_column(String(200))
    amount: Mapped[Decimal] = mapped_column(ScaledDecimal(2))  # signed, per year
    start_year: Mapped[int] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)
    real: Mapped[bool] = mapped_column(Boolean, default=True)


class PlanAllocation(Synced, Base):
    """The proposed weight of one asset class in a plan (the weights sum to 1)."""

    __tablename__ = "plan_allocations"
    __table_args__ = (UniqueConstraint("plan_id", "asset_class"),)
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id"))
    asset_class: Mapped[str] = mapped_column(String(24))
    weight: Mapped[Decimal] = mapped_column(ScaledDecimal(4))


class PlanRecommendation(Synced, Base):
    """A product recommended in a plan, with the suitability check it passed when added
    (JSON: ``suitable`` and the findings, so warnings shown then are kept)."""

    __tablename__ = "plan_recommendations"
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id"), index=True)
    instrument_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("instruments.id"))
    amount_cny: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    rationale: Mapped[str] = mapped_column(Text, default="")
    suitability: Mapped[str] = mapped_column(Text, default="{}")


class Document(Synced, Base):
    """A generated document (advice pack, assessment record, meeting brief) kept in the
    vault: its bytes, SHA-256 and size, who made it and when."""

    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_client_created", "client_id", "created_at"),)
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id"))
    plan_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("plans.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # advice_pack|assessment|brief
    title: Mapped[str] = mapped_column(String(200))
    lang: Mapped[str] = mapped_column(String(8))
    document_number: Mapped[str] = mapped_column(String(40), index=True)
    plan_version: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    # Loaded only when read (lists never need it); the outbox carries it as base64.
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_by: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


SYNCED_TABLES = frozenset(
    mapper.class_.__tablename__
    for mapper in Base.registry.mappers
    if getattr(mapper.class_, "__synced__", False)
)
