"""Complaints from receipt to resolution: who complained, about what, who owns it, how
it was put right and how long that took.

Why: a complaint left open is a regulatory finding waiting to happen (银行业消费者投诉
处理), so each one gets a reference (``CP-2026-0001``: per vault and year, the next
number taken in the same transaction as the row), an owner and a status that only
moves open → in_progress → resolved (or back, by reopening). Every step is audited.
Open complaints show on Home and in the client's header.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, Integer, cast, func, select
from sqlalchemy.orm import Session

from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.services.changes import Changes
from app.services.contacts import check_choice, live_client
from app.vault.models import Client, Complaint

if TYPE_CHECKING:
    from app.services.workspace import Workspace

CHANNELS = ("phone", "hotline", "email", "wechat", "letter", "branch", "online", "regulator")
CATEGORIES = ("service", "product", "fees", "transaction", "privacy", "system", "other")
STATUSES = ("open", "in_progress", "resolved")
OPEN_STATUSES = ("open", "in_progress")
PREFIX = "CP"
DESCRIPTION_MAX = 4000


@dataclass(frozen=True)
class ComplaintRecord:
    """One complaint; ``days_to_resolve`` is resolved_on - received_on (None while open)."""

    id: uuid.UUID
    client_id: ClientId
    client_name: str
    reference: str
    received_on: date
    channel: str
    category: str
    description: str
    status: str
    owner: str
    resolution: str | None
    resolved_on: date | None

    @property
    def days_to_resolve(self) -> int | None:
        if self.resolved_on is None:
            return None
        return (self.resolved_on - self.received_on).days

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def days_open(self, today: date) -> int:
        """Days since receipt (to resolution, once resolved)."""
        return ((self.resolved_on or today) - self.received_on).days


@dataclass(frozen=True)
class ComplaintSaved:
    changes: Changes
    complaint_id: uuid.UUID
    reference: str


def reference_for(year: int, number: int) -> str:
    return f"{PREFIX}-{year}-{number:04d}"


def next_reference(s: Session, year: int) -> str:
    """The year's next reference: one past the highest taken in this vault (tombstoned
    rows included, as the reference is unique over every row)."""
    head = f"{PREFIX}-{year}-"
    number = func.max(cast(func.substr(Complaint.reference, len(head) + 1), Integer))
    taken = s.scalar(select(number).where(Complaint.reference.like(head + "%")))
    return reference_for(year, (taken or 0) + 1)


def _record(c: Complaint, name: str) -> ComplaintRecord:
    return ComplaintRecord(
        id=c.id,
        client_id=ClientId(c.client_id),
        client_name=name,
        reference=c.reference,
        received_on=c.received_on,
        channel=c.channel,
        category=c.category,
        description=c.description,
        status=c.status,
        owner=c.owner,
        resolution=c.resolution,
        resolved_on=c.resolved_on,
    )


class ComplaintService:
    """Receive, work on, resolve and reopen complaints; list the open ones."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def receive(
        self,
        client_id: ClientId,
        received_on: date,
        channel: str,
        category: str,
        description: str,
        owner: str | None = None,
    ) -> ComplaintSaved:
        """Register a complaint (status open); ``owner`` defaults to the banker.

        Raises:
            ValidationError: an unknown channel or category, no description, a receipt
                date in the future.
            NotFound: no such client.
        """
        channel = check_choice(channel, CHANNELS, "Channel")
        category = check_choice(category, CATEGORIES, "Category")
        description = description.strip()
        if not description:
            raise ValidationError("Describe the complaint in the client's words.")
        if len(description) > DESCRIPTION_MAX:
            raise ValidationError(f"Keep the description under {DESCRIPTION_MAX} characters.")
        if received_on > date.today():
            raise ValidationError("A complaint is received today or earlier; check the date.")
        owner = (owner or "").strip() or self._ws.actor
        with self._ws.begin() as s:
            live_client(s, client_id)
            reference = next_reference(s, received_on.year)
            row = Complaint(
                client_id=client_id,
                reference=reference,
                received_on=received_on,
                channel=channel,
                category=category,
                description=description,
                status="open",
                owner=owner,
            )
            s.add(row)
            s.flush()
            self._audit(s, "complaint.received", row, {"channel": channel, "category": category})
            complaint_id = row.id
        return ComplaintSaved(self._changes(client_id), complaint_id, reference)

    def start(self, complaint_id: uuid.UUID) -> Changes:
        """open → in_progress: someone is working on it."""
        with self._ws.begin() as s:
            row = self._row(s, complaint_id)
            if row.status == "in_progress":
                raise ValidationError(f"{row.reference} is already in progress.")
            if row.status == "resolved":
                raise ValidationError(f"{row.reference} is resolved; reopen it to work on it.")
            row.status = "in_progress"
            self._audit(s, "complaint.started", row)
            client_id = ClientId(row.client_id)
        return self._changes(client_id)

    def resolve(self, complaint_id: uuid.UUID, resolution: str, resolved_on: date) -> Changes:
        """open or in_progress → resolved, saying how it was put right.

        Raises:
            ValidationError: no resolution text, a date before receipt or in the future,
                or the complaint is already resolved.
        """
        resolution = resolution.strip()
        if not resolution:
            raise ValidationError("Say how the complaint was resolved before closing it.")
        if len(resolution) > DESCRIPTION_MAX:
            raise ValidationError(f"Keep the resolution under {DESCRIPTION_MAX} characters.")
        if resolved_on > date.today():
            raise ValidationError("A complaint is resolved today or earlier; check the date.")
        with self._ws.begin() as s:
            row = self._row(s, complaint_id)
            if row.status == "resolved":
                raise ValidationError(f"{row.reference} is already resolved; reopen it first.")
            if resolved_on < row.received_on:
                raise ValidationError(
                    f"{row.reference} was received on {row.received_on.isoformat()}; "
                    "give a resolution date on or after that."
                )
            row.status = "resolved"
            row.resolution = resolution
            row.resolved_on = resolved_on
            days = (resolved_on - row.received_on).days
            self._audit(s, "complaint.resolved", row, {"days_to_resolve": days})
            client_id = ClientId(row.client_id)
        return self._changes(client_id)

    def reopen(self, complaint_id: uuid.UUID, reason: str = "") -> Changes:
        """resolved → open: the client is not satisfied; the old resolution stays in the
        audit trail's previous events, the row's is cleared."""
        with self._ws.begin() as s:
            row = self._row(s, complaint_id)
            if row.status != "resolved":
                raise ValidationError(
                    f"{row.reference} is still open; only a resolved one reopens."
                )
            row.status = "open"
            row.resolution = None
            row.resolved_on = None
            self._audit(s, "complaint.reopened", row, {"reason": reason.strip()} if reason else {})
            client_id = ClientId(row.client_id)
        return self._changes(client_id)

    def get(self, complaint_id: uuid.UUID) -> ComplaintRecord:
        with self._ws.begin() as s:
            row = self._row(s, complaint_id)
            client = s.get(Client, row.client_id)
            return _record(row, client.name if client is not None else "")

    def for_client(self, client_id: ClientId) -> list[ComplaintRecord]:
        """Every complaint of the client, newest first."""
        return self._list(Complaint.client_id == client_id, newest_first=True)

    def open_complaints(self, client_id: ClientId | None = None) -> list[ComplaintRecord]:
        """Complaints not yet resolved (of one client, or the book), oldest first."""
        clauses: list[ColumnElement[bool]] = [Complaint.status.in_(OPEN_STATUSES)]
        if client_id is not None:
            clauses.append(Complaint.client_id == client_id)
        return self._list(*clauses)

    # --- helpers --------------------------------------------------------------------

    def _list(
        self, *clauses: ColumnElement[bool], newest_first: bool = False
    ) -> list[ComplaintRecord]:
        order = (Complaint.received_on.desc(), Complaint.reference.desc())
        if not newest_first:
            order = (Complaint.received_on.asc(), Complaint.reference.asc())
        stmt = (
            select(Complaint, Client.name)
            .join(Client, Client.id == Complaint.client_id)
            .where(Complaint.deleted_at.is_(None), Client.deleted_at.is_(None), *clauses)
            .order_by(*order)
        )
        with self._ws.begin() as s:
            return [_record(c, name) for c, name in s.execute(stmt)]

    @staticmethod
    def _row(s: Session, complaint_id: uuid.UUID) -> Complaint:
        row = s.get(Complaint, complaint_id)
        if row is None or row.deleted_at is not None:
            raise NotFound("That complaint is not in this book; refresh the complaints list.")
        return row

    def _audit(
        self, s: Session, action: str, row: Complaint, details: dict[str, object] | None = None
    ) -> None:
        info: dict[str, object] = {"complaint": str(row.id), "reference": row.reference}
        self._ws.record(s, action, str(row.client_id), {**info, **(details or {})})

    @staticmethod
    def _changes(client_id: ClientId) -> Changes:
        return Changes(complaints=True, client_ids=frozenset({client_id}))
