"""The client book: add, find, list and show clients and households.

Validation lives in ``app.domain.validation``; this module applies it to a whole
client, checks identity numbers against the vault, and writes rows (the outbox and
the audit trail see every change). Results are plain dataclasses, with C2 fields in
the clear: callers mask them with ``app.domain.masking`` before showing them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import names, validation
from app.domain.errors import Ambiguous, NotFound, ValidationError
from app.domain.ids import ClientId
from app.services.config import tier_table
from app.vault.models import Client, Complaint, Consent, HouseholdMember, IdentityDocument

if TYPE_CHECKING:
    from app.services.portfolio import PortfolioSummary
    from app.services.risk import CurrentRisk
    from app.services.workspace import Workspace

GENDERS = {
    "m": "M",
    "f": "F",
    "男": "M",
    "女": "F",
    "男性": "M",
    "女性": "F",
    "male": "M",
    "female": "F",
}
ROLES = ("head", "spouse", "child", "parent", "company", "trust")
STATUSES = ("prospect", "active", "dormant", "closed")


@dataclass(frozen=True)
class NewClient:
    """What a banker or an import file says about a new person."""

    name: str
    gender: str | None = None
    birth_date: date | None = None
    id_type: str | None = None
    id_number: str | None = None
    mobile: str | None = None
    email: str | None = None
    address: str | None = None
    city: str | None = None
    occupation: str | None = None
    employer: str | None = None
    source_of_wealth: str | None = None
    preferred_channel: str | None = None
    preferred_language: str | None = None
    relationship_manager: str | None = None
    onboarded_on: date | None = None
    status: str = "active"
    needs: str | None = None
    preferences: str | None = None
    observes_lunar_birthday: bool = False


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _check(
    errors: list[FieldError], name: str, fn: Callable[..., str], *args: object
) -> str | None:
    """``fn(*args)``, or None with the reason recorded when it rejects the value."""
    try:
        return fn(*args)
    except ValidationError as exc:
        errors.append(FieldError(name, str(exc)))
        return None


def _normalise_gender(data: NewClient, errors: list[FieldError]) -> str | None:
    if data.gender is None:
        return None
    gender = GENDERS.get(data.gender.strip().lower())
    if gender is None:
        errors.append(FieldError("gender", f"Gender “{data.gender}” is not 男/女 (M/F)."))
    return gender


def _check_identity(data: NewClient, errors: list[FieldError]) -> str | None:
    if data.id_number is None:
        return None
    id_type = data.id_type or "resident_id"
    if id_type not in validation.DOCUMENT_TYPES:
        errors.append(FieldError("id_type", f"Unknown identity document type “{id_type}”."))
        return None
    return _check(
        errors, "id_number", validation.check_document, id_type, data.id_number, data.birth_date
    )


def validate_new_client(data: NewClient) -> tuple[NewClient, list[FieldError]]:
    """The client with every field normalised, and every problem found (empty if fine)."""
    cleaned: dict[str, Any] = {
        f.name: _clean(getattr(data, f.name))
        for f in fields(data)
        if isinstance(getattr(data, f.name), str)
    }
    data = replace(data, **cleaned)
    errors: list[FieldError] = []
    name = _check(errors, "name", validation.check_name, data.name or "")
    mobile = _check(errors, "mobile", validation.check_mobile, data.mobile) if data.mobile else None
    email = _check(errors, "email", validation.check_email, data.email) if data.email else None
    gender = _normalise_gender(data, errors)
    id_number = _check_identity(data, errors)
    if data.status not in STATUSES:
        errors.append(FieldError("status", f"Status must be one of {', '.join(STATUSES)}."))
    birth = data.birth_date
    if birth is None and id_number and (data.id_type or "resident_id") == "resident_id":
        birth = validation.resident_id_birth_date(id_number)
    if gender is None and id_number and (data.id_type or "resident_id") == "resident_id":
        gender = validation.resident_id_gender(id_number)
    clean = replace(
        data,
        name=name or data.name,
        mobile=mobile,
        email=email,
        gender=gender,
        id_number=id_number,
        birth_date=birth,
        id_type=(data.id_type or "resident_id") if data.id_number else None,
    )
    return clean, errors


@dataclass(frozen=True)
class BookCounts:
    """Persons (what Home's totals count) and households, in the status bar."""

    persons: int
    households: int


@dataclass(frozen=True)
class ClientRow:
    """One line of the book."""

    id: ClientId
    name: str
    kind: str
    tier: str | None
    financial_assets_cny: Decimal
    city: str | None
    relationship_manager: str | None
    mobile: str | None
    status: str


@dataclass(frozen=True)
class Document:
    doc_type: str
    number: str
    expires_on: date | None


@dataclass(frozen=True)
class Relation:
    client_id: ClientId
    name: str
    role: str


@dataclass(frozen=True)
class ClientProfile:
    """Everything held about one client (C2 fields unmasked: mask before display)."""

    row: ClientRow
    name_pinyin: str
    gender: str | None
    birth_date: date | None
    lunar_birthday: tuple[int, int, bool] | None
    email: str | None
    address: str | None
    occupation: str | None
    employer: str | None
    source_of_wealth: str | None
    preferred_channel: str | None
    preferred_language: str | None
    onboarded_on: date | None
    needs: str | None
    preferences: str | None
    documents: tuple[Document, ...]
    members: tuple[Relation, ...]
    households: tuple[Relation, ...]
    consents: tuple[str, ...]
    portfolio: PortfolioSummary | None = field(default=None)
    risk: CurrentRisk | None = field(default=None)  # the current risk-tolerance level
    open_complaints: int = 0  # complaints not yet resolved (the header's warning)


def _row(c: Client) -> ClientRow:
    return ClientRow(
        ClientId(c.id),
        c.name,
        c.kind,
        c.tier,
        c.financial_assets_cny,
        c.city,
        c.relationship_manager,
        c.mobile,
        c.status,
    )


def client_values(data: NewClient) -> dict[str, Any]:
    """The ``clients`` row for validated data, as column values (for bulk inserts)."""
    lunar = (
        names.lunar_birthday(data.birth_date)
        if (data.observes_lunar_birthday and data.birth_date)
        else None
    )
    return dict(
        kind="person",
        name=data.name,
        name_pinyin=names.name_pinyin(data.name),
        name_initials=names.name_initials(data.name),
        search_keys=names.name_search_keys(data.name),
        gender=data.gender,
        birth_date=data.birth_date,
        lunar_birth_month=lunar[0] if lunar else None,
        lunar_birth_day=lunar[1] if lunar else None,
        lunar_birth_leap=lunar[2] if lunar else False,
        mobile=data.mobile,
        email=data.email,
        address=data.address,
        city=data.city,
        occupation=data.occupation,
        employer=data.employer,
        source_of_wealth=data.source_of_wealth,
        preferred_channel=data.preferred_channel,
        preferred_language=data.preferred_language,
        relationship_manager=data.relationship_manager,
        onboarded_on=data.onboarded_on,
        status=data.status,
        needs=data.needs,
        preferences=data.preferences,
        tier=tier_table().for_assets(Decimal(0)).code,
    )


def client_from_new(data: NewClient) -> Client:
    """A Client row (not yet added) from validated data."""
    return Client(**client_values(data))


class ClientService:
    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def existing_id_numbers(self, session: Session, numbers: Iterable[str]) -> set[str]:
        wanted = list({n for n in numbers if n})
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            found.update(
                session.scalars(
                    select(IdentityDocument.number).where(
                        IdentityDocument.number.in_(chunk), IdentityDocument.deleted_at.is_(None)
                    )
                )
            )
        return found

    def add_validated(self, session: Session, data: NewClient) -> ClientId:
        """Insert an already validated client (and its document) in ``session``."""
        client = client_from_new(data)
        session.add(client)
        session.flush()
        if data.id_number and data.id_type:
            session.add(
                IdentityDocument(client_id=client.id, doc_type=data.id_type, number=data.id_number)
            )
        return ClientId(client.id)

    def add(self, data: NewClient) -> ClientId:
        """Validate and add one person; raises ValidationError listing every problem."""
        clean, errors = validate_new_client(data)
        if errors:
            raise ValidationError(" ".join(f"{e.field}: {e.message}" for e in errors))
        with self._ws.begin() as s:
            if clean.id_number and self.existing_id_numbers(s, [clean.id_number]):
                raise ValidationError(
                    "id_number: a client with this identity number is already in the book."
                )
            client_id = self.add_validated(s, clean)
            self._ws.record(s, "client.created", str(client_id))
        return client_id

    def add_household(self, name: str, members: Iterable[tuple[ClientId, str]]) -> ClientId:
        validation.check_name(name)
        with self._ws.begin() as s:
            household = Client(
                kind="household",
                name=name,
                name_pinyin=names.name_pinyin(name),
                name_initials=names.name_initials(name),
                search_keys=names.name_search_keys(name),
            )
            s.add(household)
            s.flush()
            for member_id, role in members:
                if role not in ROLES:
                    raise ValidationError(f"Role “{role}” is not one of {', '.join(ROLES)}.")
                s.add(HouseholdMember(household_id=household.id, member_id=member_id, role=role))
            self._ws.record(s, "household.created", str(household.id))
        return ClientId(household.id)

    def count(self) -> int:
        with self._ws.begin() as s:
            return (
                s.scalar(
                    select(func.count()).select_from(Client).where(Client.deleted_at.is_(None))
                )
                or 0
            )

    def counts(self) -> BookCounts:
        """Companies and trusts are household members, counted in neither."""
        with self._ws.begin() as s:
            rows = s.execute(
                select(Client.kind, func.count())
                .where(Client.deleted_at.is_(None), Client.kind.in_(("person", "household")))
                .group_by(Client.kind)
            )
            by_kind: dict[str, int] = {kind: n for kind, n in rows}
        return BookCounts(by_kind.get("person", 0), by_kind.get("household", 0))

    def list(self, limit: int | None = None, offset: int = 0) -> list[ClientRow]:
        """The book ordered by financial assets, largest first."""
        stmt = (
            select(Client)
            .where(Client.deleted_at.is_(None))
            .order_by(Client.financial_assets_cny.desc(), Client.name)
            .offset(offset)
            .limit(limit)
        )
        with self._ws.begin() as s:
            return [_row(c) for c in s.scalars(stmt)]

    def resolve(self, session: Session, ref: str) -> Client:
        """A client by id or by exact, unique name."""
        try:
            by_id = session.get(Client, uuid.UUID(ref))
        except ValueError:
            by_id = None
        if by_id is not None and by_id.deleted_at is None:
            return by_id
        matches = list(
            session.scalars(
                select(Client)
                .where(Client.name == ref.strip(), Client.deleted_at.is_(None))
                .limit(5)
            )
        )
        if not matches:
            raise NotFound(
                f"No client is called or numbered “{ref}”; check `confidant clients list`."
            )
        if len(matches) > 1:
            raise Ambiguous(
                f"{len(matches)} clients are called “{ref}”; give the client's id instead."
            )
        return matches[0]

    def show(
        self,
        ref: str,
        *,
        reason: str = "viewed",
        with_portfolio: bool = True,
        record_view: bool = True,
    ) -> ClientProfile:
        """Everything about one client; records that the profile was viewed.

        ``with_portfolio=False`` skips the valuation, for callers that load the portfolio
        on their own (the app's Portfolio tab). ``record_view=False`` is for a screen
        that already shows the client refreshing after a change: one opening, one
        "viewed" event, however often the view redraws."""
        with self._ws.begin() as s:
            client = self.resolve(s, ref)
            profile = self._profile(s, client)
            if record_view:
                self._ws.record(s, "client.viewed", str(client.id), {"reason": reason})
        profile = replace(profile, risk=self._ws.risk.current(ClientId(client.id)))
        if not with_portfolio:
            return profile
        portfolio = self._ws.portfolio.summary(ClientId(client.id))
        return replace(profile, portfolio=portfolio)

    def _relations(
        self, s: Session, client: Client
    ) -> tuple[tuple[Relation, ...], tuple[Relation, ...]]:
        def rel(link_col: Any, other_col: Any) -> tuple[Relation, ...]:
            rows = s.execute(
                select(Client.id, Client.name, HouseholdMember.role)
                .join(HouseholdMember, other_col == Client.id)
                .where(link_col == client.id, HouseholdMember.deleted_at.is_(None))
            )
            return tuple(Relation(ClientId(i), n, r) for i, n, r in rows)

        members = rel(HouseholdMember.household_id, HouseholdMember.member_id)
        households = rel(HouseholdMember.member_id, HouseholdMember.household_id)
        return members, households

    def _profile(self, s: Session, c: Client) -> ClientProfile:
        docs = tuple(
            Document(d.doc_type, d.number, d.expires_on)
            for d in c.documents
            if d.deleted_at is None
        )
        members, households = self._relations(s, c)
        consents = tuple(
            s.scalars(
                select(Consent.purpose).where(
                    Consent.client_id == c.id,
                    Consent.withdrawn_at.is_(None),
                    Consent.deleted_at.is_(None),
                )
            )
        )
        lunar = (
            (c.lunar_birth_month, c.lunar_birth_day, c.lunar_birth_leap)
            if c.lunar_birth_month and c.lunar_birth_day
            else None
        )
        return ClientProfile(
            row=_row(c),
            name_pinyin=c.name_pinyin,
            gender=c.gender,
            birth_date=c.birth_date,
            lunar_birthday=lunar,
            email=c.email,
            address=c.address,
            occupation=c.occupation,
            employer=c.employer,
            source_of_wealth=c.source_of_wealth,
            preferred_channel=c.preferred_channel,
            preferred_language=c.preferred_language,
            onboarded_on=c.onboarded_on,
            needs=c.needs,
            preferences=c.preferences,
            documents=docs,
            members=members,
            households=households,
            consents=consents,
            open_complaints=_open_complaints(s, c.id),
        )


def _open_complaints(s: Session, client_id: uuid.UUID) -> int:
    """The client's complaints not yet resolved (one count on the client_id index)."""
    stmt = (
        select(func.count())
        .select_from(Complaint)
        .where(
            Complaint.client_id == client_id,
            Complaint.status != "resolved",
            Complaint.deleted_at.is_(None),
        )
    )
    return int(s.scalar(stmt) or 0)
