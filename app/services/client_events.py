"""Client events: seminars and VIP salons, who was invited, who replied and who came,
and the new money attendees brought in afterwards.

Why: a private bank holds events to deepen relationships and bring money in; a banker
tracks the invitations (one per client and event, however often the list is sent),
replies and attendance, and judges an event by its attendees' net new money in the
following 90 days. Attending is a contact: marking it logs an "event" interaction.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from app.domain import portfolio as calc
from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.domain.money import AMOUNT_SCALE, REPORTING_CURRENCY, quantize
from app.domain.posting import TransactionKind
from app.services.book import local_day
from app.services.changes import Changes
from app.services.contacts import add_interaction, check_choice, live_client
from app.services.portfolio import latest_rates
from app.vault.models import (
    Account,
    Client,
    ClientEvent,
    FxRate,
    Interaction,
    Invitation,
    Transaction,
)
from app.vault.types import utc_now

if TYPE_CHECKING:
    from app.services.workspace import Workspace

KINDS = ("seminar", "salon", "other")
REPLIES = ("yes", "no", "maybe")
NEW_MONEY_DAYS = 90
# Money brought to the bank counts in, money taken away counts out: transfers of cash
# or of securities (valued at their booked amount). Purchases, sales and income only
# move money already here.
INFLOW = TransactionKind.TRANSFER_IN
OUTFLOW = TransactionKind.TRANSFER_OUT
TITLE_MAX = 200


@dataclass(frozen=True)
class EventSaved:
    changes: Changes
    event_id: uuid.UUID


@dataclass(frozen=True)
class EventSummary:
    """An event with its invitation counts (``replied_*`` by reply, ``attended`` came)."""

    id: uuid.UUID
    title: str
    kind: str
    starts_at: datetime
    location: str | None
    invited: int
    replied_yes: int
    replied_no: int
    replied_maybe: int
    attended: int


@dataclass(frozen=True)
class InvitationRecord:
    client_id: ClientId
    name: str
    tier: str | None
    invited_at: datetime
    reply: str  # none | yes | no | maybe
    attended: bool


class ClientNewMoney(NamedTuple):
    client_id: ClientId
    name: str
    amount_cny: Decimal


@dataclass(frozen=True)
class NewMoney:
    """Attendees' net new money (transfers in less transfers out, at this bank, in CNY
    at each day's FX rate) from the event's day to ``last_day``, both included.
    ``by_client`` lists every attendee, largest first; ``total_cny`` is its sum."""

    event_id: uuid.UUID
    first_day: date
    last_day: date
    total_cny: Decimal
    by_client: list[ClientNewMoney]


def _event(s: Session, event_id: uuid.UUID) -> ClientEvent:
    event = s.get(ClientEvent, event_id)
    if event is None or event.deleted_at is not None:
        raise NotFound("That event is not in this book; refresh the events list.")
    return event


def _invitation(s: Session, event_id: uuid.UUID, client_id: uuid.UUID) -> Invitation | None:
    """The invitation row, tombstoned or not (the pair is unique over every row)."""
    return s.scalar(
        select(Invitation).where(Invitation.event_id == event_id, Invitation.client_id == client_id)
    )


def _reset(row: Invitation) -> None:
    """A fresh invitation (a new row, or a tombstoned one brought back): no reply yet."""
    row.deleted_at = None
    row.invited_at = utc_now()
    row.reply = "none"
    row.attended = False


def attendance_summary(title: str) -> str:
    """The summary of the "event" interaction that records attending ``title``."""
    return f"出席活动：{title}"


class ClientEventService:
    """Events, invitations, replies, attendance and the new money that followed."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def create(
        self, title: str, kind: str, starts_at: datetime, location: str | None = None
    ) -> EventSaved:
        title = title.strip()
        if not title:
            raise ValidationError("Give the event a title, e.g. “2026年市场展望论坛”.")
        if len(title) > TITLE_MAX:
            raise ValidationError(f"Keep the title under {TITLE_MAX} characters.")
        kind = check_choice(kind, KINDS, "Kind")
        if starts_at.tzinfo is None:
            raise ValidationError("Give the event's start time with its time zone.")
        with self._ws.begin() as s:
            event = ClientEvent(
                title=title,
                kind=kind,
                starts_at=starts_at,
                location=(location or "").strip() or None,
            )
            s.add(event)
            s.flush()
            self._ws.record(s, "event.created", str(event.id), {"kind": kind})
            event_id = event.id
        return EventSaved(Changes(events=True), event_id)

    def invite(self, event_id: uuid.UUID, client_ids: list[ClientId]) -> Changes:
        """Invite clients; a client already invited keeps their reply (idempotent)."""
        added: list[ClientId] = []
        with self._ws.begin() as s:
            _event(s, event_id)
            for client_id in dict.fromkeys(client_ids):
                live_client(s, client_id)
                row = _invitation(s, event_id, client_id)
                if row is not None and row.deleted_at is None:
                    continue
                if row is None:
                    row = Invitation(event_id=event_id, client_id=client_id)
                    s.add(row)
                _reset(row)
                added.append(client_id)
            if added:
                self._ws.record(
                    s, "event.invited", str(event_id), {"clients": [str(c) for c in added]}
                )
        return Changes(events=True, client_ids=frozenset(added))

    def reply(self, event_id: uuid.UUID, client_id: ClientId, reply: str) -> Changes:
        reply = check_choice(reply, REPLIES, "Reply")
        with self._ws.begin() as s:
            _event(s, event_id)
            row = self._invited(s, event_id, client_id)
            row.reply = reply
            self._ws.record(
                s, "event.replied", str(client_id), {"event": str(event_id), "reply": reply}
            )
        return Changes(events=True, client_ids=frozenset({client_id}))

    def mark_attended(
        self, event_id: uuid.UUID, client_id: ClientId, attended: bool = True
    ) -> Changes:
        """Record that the client came (a walk-in is invited at once) and log the
        contact as an "event" interaction at the event's start; ``attended=False``
        undoes both."""
        with self._ws.begin() as s:
            event = _event(s, event_id)
            if attended and event.starts_at > utc_now():
                raise ValidationError("The event has not begun; mark attendance on the day.")
            row = _invitation(s, event_id, client_id)
            walk_in = row is None or row.deleted_at is not None
            if walk_in and not attended:
                raise ValidationError("That client was not invited to this event.")
            if row is None:
                row = Invitation(event_id=event_id, client_id=client_id)
                s.add(row)
            if walk_in:
                _reset(row)
            if row.attended == attended and not walk_in:
                return Changes()
            row.attended = attended
            if attended:
                add_interaction(
                    s,
                    client_id,
                    event.starts_at,
                    "event",
                    "outbound",
                    attendance_summary(event.title),
                )
            else:
                self._forget_attendance(s, event, client_id)
            details: dict[str, object] = {"event": str(event_id), "attended": attended}
            if walk_in:
                details["walk_in"] = True
            self._ws.record(s, "event.attendance", str(client_id), details)
        return Changes(clients=True, contacts=True, events=True, client_ids=frozenset({client_id}))

    def events(self, upcoming_only: bool = False) -> list[EventSummary]:
        """Every event, newest first; or those not yet begun, soonest first."""
        inv = Invitation
        live = inv.id.is_not(None) & inv.deleted_at.is_(None)  # outer join: no row, no count

        def counted(cond: ColumnElement[bool]) -> ColumnElement[int]:
            return func.count(case((live & cond, 1)))

        stmt = (
            select(
                ClientEvent,
                func.count(case((live, 1))),
                counted(inv.reply == "yes"),
                counted(inv.reply == "no"),
                counted(inv.reply == "maybe"),
                counted(inv.attended.is_(True)),
            )
            .outerjoin(inv, inv.event_id == ClientEvent.id)
            .where(ClientEvent.deleted_at.is_(None))
            .group_by(ClientEvent.id)
        )
        if upcoming_only:
            stmt = stmt.where(ClientEvent.starts_at >= utc_now()).order_by(ClientEvent.starts_at)
        else:
            stmt = stmt.order_by(ClientEvent.starts_at.desc())
        with self._ws.begin() as s:
            return [
                EventSummary(e.id, e.title, e.kind, e.starts_at, e.location, *counts)
                for e, *counts in s.execute(stmt)
            ]

    def invitations(self, event_id: uuid.UUID) -> list[InvitationRecord]:
        """Who was invited, by name's pinyin."""
        stmt = (
            select(Invitation, Client.name, Client.tier)
            .join(Client, Client.id == Invitation.client_id)
            .where(
                Invitation.event_id == event_id,
                Invitation.deleted_at.is_(None),
                Client.deleted_at.is_(None),
            )
            .order_by(Client.name_pinyin, Client.id)
        )
        with self._ws.begin() as s:
            _event(s, event_id)
            return [
                InvitationRecord(
                    ClientId(i.client_id), name, tier, i.invited_at, i.reply, i.attended
                )
                for i, name, tier in s.execute(stmt)
            ]

    def new_money(self, event_id: uuid.UUID, days: int = NEW_MONEY_DAYS) -> NewMoney:
        """Attendees' net new money in the ``days`` after the event (its day included).

        Raises:
            ValidationError: a transfer is in a currency with no FX rate in the vault.
        """
        if days < 0:
            raise ValidationError("Count new money over 0 days or more after the event.")
        with self._ws.begin() as s:
            event = _event(s, event_id)
            first = local_day(event.starts_at)
            last = first + timedelta(days=days)
            came = s.execute(
                select(Client.id, Client.name)
                .join(Invitation, Invitation.client_id == Client.id)
                .where(
                    Invitation.event_id == event_id,
                    Invitation.attended.is_(True),
                    Invitation.deleted_at.is_(None),
                )
            )
            attendees = {client_id: name for client_id, name in came}
            flows = s.execute(
                select(
                    Account.client_id,
                    Transaction.kind,
                    Transaction.trade_date,
                    Transaction.currency,
                    Transaction.amount,
                )
                .join(Account, Account.id == Transaction.account_id)
                .where(
                    Account.client_id.in_(list(attendees)),
                    Account.at_this_bank.is_(True),
                    Account.deleted_at.is_(None),
                    Transaction.deleted_at.is_(None),
                    Transaction.kind.in_((INFLOW.value, OUTFLOW.value)),
                    Transaction.trade_date.between(first, last),
                )
            ).all()
            rates = _DayRates(s)
            net: dict[uuid.UUID, Decimal] = defaultdict(Decimal)
            for client_id, kind, day, currency, amount in flows:
                sign = 1 if kind == INFLOW.value else -1
                net[client_id] += sign * amount * rates.rate(currency, day)
        by_client = [
            ClientNewMoney(ClientId(i), name, quantize(net[i], AMOUNT_SCALE))
            for i, name in attendees.items()
        ]
        by_client.sort(key=lambda c: (-c.amount_cny, c.name, c.client_id))
        total = sum((c.amount_cny for c in by_client), Decimal(0))
        return NewMoney(event_id, first, last, total, by_client)

    # --- helpers --------------------------------------------------------------------

    @staticmethod
    def _invited(s: Session, event_id: uuid.UUID, client_id: ClientId) -> Invitation:
        row = _invitation(s, event_id, client_id)
        if row is None or row.deleted_at is not None:
            raise ValidationError("That client was not invited to this event; invite them first.")
        return row

    @staticmethod
    def _forget_attendance(s: Session, event: ClientEvent, client_id: ClientId) -> None:
        """Tombstone the "event" interactions marking attendance logged for this event."""
        rows = s.scalars(
            select(Interaction).where(
                Interaction.client_id == client_id,
                Interaction.channel == "event",
                Interaction.at == event.starts_at,
                Interaction.summary == attendance_summary(event.title),
                Interaction.deleted_at.is_(None),
            )
        )
        now = utc_now()
        for row in rows:
            row.deleted_at = now


class _DayRates:
    """CNY per unit of a currency on a day: the last rate on or before it, else (for a
    day older than the vault's rates) the latest one."""

    def __init__(self, s: Session) -> None:
        self._s = s
        self._cache: dict[tuple[str, date], Decimal] = {}
        self._latest: dict[str, Decimal] | None = None

    def rate(self, currency: str, day: date) -> Decimal:
        if currency == REPORTING_CURRENCY:
            return Decimal(1)
        key = (currency, day)
        if key not in self._cache:
            found = self._s.scalar(
                select(FxRate.rate_to_cny)
                .where(FxRate.currency == currency, FxRate.day <= day)
                .order_by(FxRate.day.desc())
                .limit(1)
            )
            if found is None:
                if self._latest is None:
                    self._latest = latest_rates(self._s)
                try:
                    found = calc.fx_rate(currency, self._latest)
                except ValueError:
                    raise ValidationError(
                        f"No {currency} exchange rate is in the vault; sync to fetch the rates."
                    ) from None
            self._cache[key] = found
        return self._cache[key]
