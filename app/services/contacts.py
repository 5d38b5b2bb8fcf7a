"""Contacts and care: every call, message and visit, and the dates worth a greeting.

Why: a banker's book is kept warm by contact. Each interaction (phone, email, WeChat,
SMS, visit, event) is logged with its direction and a short summary; the latest one
(with notes and held meetings, see ``book.last_contact_at``) drives each tier's "due for
contact" lists. Care dates (wedding anniversaries, a child's 高考 or graduation) join
the birthdays of Home (solar or lunar 农历, computed by ``app.services.home``) as
reminders.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.services.changes import Changes
from app.services.home import birthdays, next_solar_birthday, solar_month_days
from app.vault.models import CareDate, Client, HouseholdMember, Interaction
from app.vault.types import utc_now

if TYPE_CHECKING:
    from app.services.workspace import Workspace

CHANNELS = ("phone", "email", "wechat", "sms", "visit", "event")
DIRECTIONS = ("inbound", "outbound")
CARE_KINDS = ("anniversary", "milestone", "other")
REMINDER_KINDS = ("birthday", "lunar_birthday", *CARE_KINDS)
SUMMARY_MAX = 2000
LABEL_MAX = 200
FUTURE_SLACK = timedelta(minutes=10)  # clock skew between devices


@dataclass(frozen=True)
class InteractionRecord:
    """One logged contact; ``client_name`` says which member, in a household's list."""

    id: uuid.UUID
    client_id: ClientId
    client_name: str
    at: datetime
    channel: str
    direction: str
    summary: str


@dataclass(frozen=True)
class CareDateRecord:
    id: uuid.UUID
    client_id: ClientId
    kind: str
    label: str
    on: date  # the first occurrence
    recurs: bool


@dataclass(frozen=True)
class CareDateSaved:
    changes: Changes
    care_date_id: uuid.UUID


@dataclass(frozen=True)
class CareReminder:
    """A date to greet a client on.

    ``kind`` is birthday, lunar_birthday, anniversary, milestone or other; ``label`` is
    the banker's text of a care date ("" for birthdays: the kind says it); ``on`` is the
    next occurrence (today included); ``years`` is the age turned or the anniversary's
    count (10 for a 10th anniversary), None when unknown or for a one-off date.
    """

    client_id: ClientId
    name: str
    kind: str
    label: str
    on: date
    years: int | None


def check_choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    """``value`` normalised, or a ValidationError naming the allowed values."""
    clean = value.strip().lower()
    if clean not in allowed:
        raise ValidationError(f"{what} “{value}” is not one of {', '.join(allowed)}; pick one.")
    return clean


def live_client(s: Session, client_id: uuid.UUID) -> Client:
    """The client, or NotFound if it is not (or no longer) in the book."""
    client = s.get(Client, client_id)
    if client is None or client.deleted_at is not None:
        raise NotFound(f"No client {client_id} is in this book; pick one from the client list.")
    return client


def add_interaction(
    s: Session, client_id: uuid.UUID, at: datetime, channel: str, direction: str, summary: str
) -> Interaction:
    """Validate and add an interaction in ``s`` (the caller audits)."""
    channel = check_choice(channel, CHANNELS, "Channel")
    direction = check_choice(direction, DIRECTIONS, "Direction")
    if at.tzinfo is None:
        raise ValidationError("Give the interaction's time with its time zone.")
    if at > utc_now() + FUTURE_SLACK:
        raise ValidationError(
            "An interaction is a contact that happened; plan a future one as a meeting or task."
        )
    summary = summary.strip()
    if len(summary) > SUMMARY_MAX:
        raise ValidationError(f"Keep the summary under {SUMMARY_MAX} characters.")
    live_client(s, client_id)
    row = Interaction(
        client_id=client_id, at=at, channel=channel, direction=direction, summary=summary
    )
    s.add(row)
    s.flush()
    return row


def _occurrence(on: date, recurs: bool, today: date) -> tuple[date, int | None]:
    """The next occurrence of a care date on or after ``today``, and its year count."""
    if not recurs or on >= today:
        return on, (0 if recurs else None)
    nxt = next_solar_birthday(on, today)
    return nxt, nxt.year - on.year


class ContactService:
    """Interactions and care dates; reminders for Home."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    # --- interactions -------------------------------------------------------------

    def log(
        self, client_id: ClientId, at: datetime, channel: str, direction: str, summary: str
    ) -> Changes:
        """Log a contact that happened at ``at``.

        Raises:
            ValidationError: an unknown channel or direction, a naive or future time.
            NotFound: no such client.
        """
        with self._ws.begin() as s:
            row = add_interaction(s, client_id, at, channel, direction, summary)
            self._ws.record(
                s,
                "interaction.logged",
                str(client_id),
                {"interaction": str(row.id), "channel": row.channel, "direction": row.direction},
            )
        return Changes(clients=True, contacts=True, client_ids=frozenset({client_id}))

    def for_client(self, client_id: ClientId, limit: int = 100) -> list[InteractionRecord]:
        """The newest ``limit`` interactions; a household's include its members'."""
        members = (
            select(HouseholdMember.member_id)
            .where(HouseholdMember.household_id == client_id, HouseholdMember.deleted_at.is_(None))
            .scalar_subquery()
        )
        stmt = (
            select(Interaction, Client.name)
            .join(Client, Client.id == Interaction.client_id)
            .where(
                or_(Interaction.client_id == client_id, Interaction.client_id.in_(members)),
                Interaction.deleted_at.is_(None),
            )
            .order_by(Interaction.at.desc(), Interaction.id)
            .limit(limit)
        )
        with self._ws.begin() as s:
            return [
                InteractionRecord(
                    i.id, ClientId(i.client_id), name, i.at, i.channel, i.direction, i.summary
                )
                for i, name in s.execute(stmt)
            ]

    # --- care dates ---------------------------------------------------------------

    def add_care_date(
        self, client_id: ClientId, kind: str, label: str, on: date, recurs: bool = True
    ) -> CareDateSaved:
        """Add an anniversary, a milestone or another date (yearly unless ``recurs`` is
        False). 29 February falls on the 28th in common years, as birthdays do."""
        kind = check_choice(kind, CARE_KINDS, "Kind")
        label = label.strip()
        if not label:
            raise ValidationError("Say what the date is, e.g. “结婚纪念日” or “女儿高考”.")
        if len(label) > LABEL_MAX:
            raise ValidationError(f"Keep the label under {LABEL_MAX} characters.")
        with self._ws.begin() as s:
            live_client(s, client_id)
            row = CareDate(client_id=client_id, kind=kind, label=label, on=on, recurs=recurs)
            s.add(row)
            s.flush()
            self._ws.record(
                s, "care_date.added", str(client_id), {"care_date": str(row.id), "kind": kind}
            )
            care_id = row.id
        return CareDateSaved(Changes(contacts=True, client_ids=frozenset({client_id})), care_id)

    def remove_care_date(self, care_date_id: uuid.UUID) -> Changes:
        with self._ws.begin() as s:
            row = s.get(CareDate, care_date_id)
            if row is None or row.deleted_at is not None:
                raise NotFound("That care date is not in this book; refresh the client's page.")
            row.deleted_at = utc_now()
            client_id = ClientId(row.client_id)
            self._ws.record(s, "care_date.removed", str(client_id), {"care_date": str(row.id)})
        return Changes(contacts=True, client_ids=frozenset({client_id}))

    def care_dates(self, client_id: ClientId) -> list[CareDateRecord]:
        """The client's live care dates, in calendar order (month and day)."""
        with self._ws.begin() as s:
            rows = s.scalars(
                select(CareDate).where(
                    CareDate.client_id == client_id, CareDate.deleted_at.is_(None)
                )
            ).all()
        out = [
            CareDateRecord(r.id, ClientId(r.client_id), r.kind, r.label, r.on, r.recurs)
            for r in rows
        ]
        return sorted(out, key=lambda c: (c.on.month, c.on.day, c.label))

    # --- reminders ------------------------------------------------------------------

    def care_reminders(self, today: date | None = None, days: int = 30) -> list[CareReminder]:
        """Birthdays (solar or lunar) and care dates in [today, today + days], soonest first."""
        today = today or date.today()
        last = today + timedelta(days=days)
        with self._ws.begin() as s:
            out = [
                CareReminder(
                    b.id, b.name, "lunar_birthday" if b.lunar else "birthday", "", b.on, b.age
                )
                for b in birthdays(s, today, days, limit=1_000_000)
            ]
            out += self._care_dates_between(s, today, last)
        out.sort(key=lambda r: (r.on, REMINDER_KINDS.index(r.kind), r.name, r.label))
        return out

    @staticmethod
    def _care_dates_between(s: Session, today: date, last: date) -> list[CareReminder]:
        month_day = func.substr(CareDate.on, 6, 5)  # dates are stored as ISO text
        rows = s.execute(
            select(
                CareDate.client_id,
                Client.name,
                CareDate.kind,
                CareDate.label,
                CareDate.on,
                CareDate.recurs,
            )
            .join(Client, Client.id == CareDate.client_id)
            .where(
                CareDate.deleted_at.is_(None),
                Client.deleted_at.is_(None),
                or_(
                    CareDate.on.between(today, last),
                    CareDate.recurs.is_(True) & month_day.in_(solar_month_days(today, last)),
                ),
            )
        )
        out = []
        for client_id, name, kind, label, on, recurs in rows:
            when, years = _occurrence(on, recurs, today)
            if today <= when <= last:
                out.append(CareReminder(ClientId(client_id), name, kind, label, when, years))
        return out
