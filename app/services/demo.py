"""``confidant demo``: fill a new vault with a realistic Chinese private-banking book.

The book stands for data pulled from the bank's server, so it is written inside
``outbox.applying_remote`` and never queued for push; one audit event records it.
It is deterministic for a seed and a day (names, ID numbers, amounts; not the UUIDs):
every part draws from its own ``random.Random`` seeded from ``seed``, so the shelf and
its prices do not change with the number of clients. Rows are plain dicts written with
ORM bulk inserts in chunks, which keeps 10,000 clients to well under two minutes.

The parts: ``demo_data`` (people and households), ``demo_market`` (shelf, prices, FX),
``demo_book`` (accounts, holdings, transactions), ``demo_notes`` (notes and consents),
``demo_risk`` (risk assessments), ``demo_relationship`` (interactions, meetings, tasks,
care dates, client events and complaints), ``demo_plans`` (a few clients' plans),
``demo_terms`` (each product's minimum, dealing, term, benchmark and fees).
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from sqlalchemy import exists, insert, inspect, select, update
from sqlalchemy.orm import Session

from app.domain import names
from app.domain.errors import ValidationError, VaultError
from app.domain.ids import new_id
from app.services.clients import client_values
from app.services.demo_book import PortfolioMaker
from app.services.demo_data import HouseholdDraft, PersonDraft, load_words, make_people
from app.services.demo_market import Market, build_market
from app.services.demo_notes import NoteWriter, consents
from app.services.demo_plans import write_demo_plans
from app.services.demo_relationship import RelationshipMaker
from app.services.demo_risk import AssessmentMaker
from app.services.demo_terms import add_terms
from app.vault import outbox
from app.vault.models import (
    Account,
    Base,
    CareDate,
    Client,
    ClientEvent,
    Complaint,
    Consent,
    FxRate,
    Holding,
    HouseholdMember,
    IdentityDocument,
    Instrument,
    Interaction,
    Invitation,
    Meeting,
    Note,
    Price,
    RiskAssessment,
    Task,
    Transaction,
)
from app.vault.types import utc_now

if TYPE_CHECKING:
    from app.services.workspace import Workspace

Progress = Callable[[float, str], None]
CHUNK = 4000  # rows per bulk insert
BATCH = 250  # people whose portfolios are made and written together


@dataclass(frozen=True)
class DemoStats:
    """What ``build_demo_book`` wrote (``clients`` counts people; households apart)."""

    clients: int
    households: int
    accounts: int
    instruments: int
    holdings: int
    transactions: int
    prices: int
    notes: int
    seconds: float
    interactions: int = 0
    meetings: int = 0
    tasks: int = 0
    care_dates: int = 0
    client_events: int = 0
    invitations: int = 0
    complaints: int = 0


def _chunks(rows: Iterable[dict[str, Any]], size: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


class _Writer:
    """Bulk inserts in chunks, stamping synced rows as pulled from the server."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.stamp = {
            "rev": None,
            "updated_at": utc_now(),
            "updated_by": "demo",
            "deleted_at": None,
        }
        self.counts: Counter[str] = Counter()

    def write(self, model: type[Base], rows: Iterable[dict[str, Any]]) -> None:
        synced = getattr(model, "__synced__", False)
        for chunk in _chunks(rows):
            if synced:
                for row in chunk:
                    row.update(self.stamp)
            # render_nulls keeps every row's column set alike, so a chunk is one executemany
            self.session.execute(insert(model).execution_options(render_nulls=True), chunk)
            self.counts[model.__tablename__] += len(chunk)


@cache
def _client_defaults() -> dict[str, Any]:
    """Every client column with its scalar default (None where it has none), so a bulk
    row leaves no NOT NULL column empty."""
    out: dict[str, Any] = {}
    for attr in inspect(Client).column_attrs:
        default = attr.columns[0].default
        out[attr.key] = default.arg if default is not None and default.is_scalar else None
    return out


def _person_row(person: PersonDraft, client_id: Any) -> dict[str, Any]:
    values = client_values(person.data)
    row = {key: values.get(key, default) for key, default in _client_defaults().items()}
    row.update(id=client_id, financial_assets_cny=Decimal(0), assets_valued_at=None)
    return row


def _other_row(kind: str, name: str, like: PersonDraft) -> dict[str, Any]:
    """A household, company or trust row, placed with the person who leads it."""
    row: dict[str, Any] = dict(_client_defaults())
    row.update(
        id=new_id(),
        kind=kind,
        name=name,
        name_pinyin=names.name_pinyin(name),
        name_initials=names.name_initials(name),
        search_keys=names.name_search_keys(name),
        lunar_birth_leap=False,
        city=like.data.city,
        relationship_manager=like.data.relationship_manager,
        onboarded_on=like.data.onboarded_on,
        status="active",
        financial_assets_cny=Decimal(0),
    )
    return row


def _write_people(
    w: _Writer, people: list[PersonDraft], households: list[HouseholdDraft]
) -> list[Any]:
    ids = [new_id() for _ in people]
    w.write(Client, (_person_row(p, i) for p, i in zip(people, ids, strict=True)))
    w.write(
        IdentityDocument,
        (
            {
                "id": new_id(),
                "client_id": i,
                "doc_type": "resident_id",
                "number": p.data.id_number,
                "expires_on": p.id_expires,
            }
            for p, i in zip(people, ids, strict=True)
        ),
    )
    groups, links = [], []
    for household in households:
        head = people[household.members[0][0]]
        group = _other_row("household", household.name, head)
        groups.append(group)
        links += [(group["id"], ids[index], role) for index, role in household.members]
        for kind, name in household.entities:
            entity = _other_row(kind, name, head)
            groups.append(entity)
            links.append((group["id"], entity["id"], kind))
    w.write(Client, groups)
    w.write(
        HouseholdMember,
        ({"id": new_id(), "household_id": h, "member_id": m, "role": r} for h, m, r in links),
    )
    return ids


def _write_market(w: _Writer, market: Market) -> None:
    w.write(Instrument, (p.row() for p in market.products))
    w.write(Price, market.price_rows())
    w.write(FxRate, market.fx_rows())


@dataclass
class _Makers:
    """Each part of the book with its own seeded ``random.Random``."""

    portfolios: PortfolioMaker
    notes: NoteWriter
    consents: random.Random
    risk: AssessmentMaker
    relationship: RelationshipMaker
    today: date


# What a batch of people writes, table by table, in this order (parents first).
BATCH_TABLES: tuple[type[Base], ...] = (
    Account,
    Holding,
    Transaction,
    Consent,
    Note,
    RiskAssessment,
    Interaction,
    Meeting,
    Task,
    CareDate,
)


def _write_batch(w: _Writer, batch: list[tuple[PersonDraft, Any]], makers: _Makers) -> None:
    rows: dict[type[Base], list[dict[str, Any]]] = {model: [] for model in BATCH_TABLES}
    levels: list[dict[str, Any]] = []
    for person, client_id in batch:
        book = makers.portfolios.portfolio(person, client_id)
        rows[Account] += book.accounts
        rows[Holding] += book.holdings
        rows[Transaction] += book.transactions
        rows[Consent] += (
            {"id": new_id(), "client_id": client_id, **c}
            for c in consents(makers.consents, person, makers.today)
        )
        notes = [
            {"id": new_id(), "client_id": client_id, **n}
            for n in makers.notes.notes(person, book.held)
        ]
        rows[Note] += notes
        rm = person.data.relationship_manager or "demo"
        assessed = makers.risk.assessment(person, client_id, book.held, rm)
        if assessed is not None:
            rows[RiskAssessment].append({"id": new_id(), **assessed.row})
            levels.append({"id": client_id, **assessed.client})
        last_note = max((n["written_at"] for n in notes), default=None)
        rel = makers.relationship.person(person, client_id, book.held, last_note)
        rows[Interaction] += rel.interactions
        rows[Meeting] += rel.meetings
        rows[Task] += rel.tasks
        rows[CareDate] += rel.care_dates
    for model, model_rows in rows.items():
        w.write(model, model_rows)
    if levels:  # the current level, copied onto the client as RiskService.record does
        w.session.execute(update(Client), levels)


def _write_relationship(w: _Writer, maker: RelationshipMaker) -> None:
    """What needs every person first: client events (whom to invite) and complaints
    (references numbered in order of receipt)."""
    events = maker.events()
    w.write(ClientEvent, events.events)
    w.write(Invitation, events.invitations)
    w.write(Interaction, events.interactions)
    w.write(Complaint, maker.complaint_rows())


def _ensure_empty(ws: Workspace) -> None:
    with ws.begin() as s:
        if s.scalar(select(exists().where(Client.id.is_not(None)))) or s.scalar(
            select(exists().where(Instrument.id.is_not(None)))
        ):
            raise VaultError(
                "This vault already holds a book; a demo book goes only into a "
                "new, empty vault (`confidant demo` makes one)."
            )


def build_demo_book(
    ws: Workspace,
    clients: int = 200,
    seed: int = 7,
    progress: Progress | None = None,
    today: date | None = None,
) -> DemoStats:
    """Fill an empty, just created vault with ``clients`` people and their books.

    Args:
        ws: the open workspace; its vault should hold no clients yet.
        clients: how many people (households, companies and trusts come on top).
        seed: the same seed and ``today`` give the same names, numbers and amounts.
        progress: called with a fraction (0-1) and a short text as the work goes on.
        today: the last day of the three-year price and transaction history.

    Returns:
        Counts of what was written and how long it took.

    Raises:
        ValidationError: ``clients`` is below 1.
        VaultError: the vault already holds clients or products (demo data never mixes
            with a real book).
    """
    if clients < 1:
        raise ValidationError("A demo book needs at least one client; ask for 1 or more.")
    _ensure_empty(ws)
    started = time.perf_counter()
    report = progress or (lambda fraction, text: None)
    today = today or date.today()
    words = load_words()
    report(0.0, "Making the product shelf and three years of prices")
    market = build_market(random.Random(f"{seed}/market"), today, words.doc["this_bank"])
    add_terms(market.products, random.Random(f"{seed}/terms"))
    report(0.05, "Making the people and households")
    people, households = make_people(random.Random(f"{seed}/people"), clients, today)
    makers = _Makers(
        portfolios=PortfolioMaker(random.Random(f"{seed}/portfolios"), market, words),
        notes=NoteWriter(random.Random(f"{seed}/notes"), market, today),
        consents=random.Random(f"{seed}/consents"),
        risk=AssessmentMaker(random.Random(f"{seed}/risk"), today),
        relationship=RelationshipMaker(
            random.Random(f"{seed}/relationship"), today, market.products
        ),
        today=today,
    )
    with ws.begin() as s:
        w = _Writer(s)
        with outbox.applying_remote(s):
            report(0.15, "Writing the shelf, prices and FX rates")
            _write_market(w, market)
            report(0.22, "Writing clients and households")
            ids = _write_people(w, people, households)
            pairs = list(zip(people, ids, strict=True))
            for start in range(0, len(pairs), BATCH):
                report(
                    0.3 + 0.6 * start / len(pairs),
                    f"Writing portfolios and notes ({start:,} of {len(pairs):,} clients)",
                )
                _write_batch(w, pairs[start : start + BATCH], makers)
            report(0.9, "Writing client events and complaints")
            _write_relationship(w, makers.relationship)
            report(0.92, "Valuing every client and setting tiers")
            ws.portfolio.revalue(s)
            s.flush()
            report(0.96, "Writing sample plans for a few assessed clients")
            write_demo_plans(s, w.write, market.products, random.Random(f"{seed}/plans"), today)
        # Outside applying_remote: the audit event is the device's own, and is pushed.
        ws.record(
            s,
            "demo.created",
            ws.vault.paths.folder.name,
            {"clients": clients, "seed": seed, "today": today.isoformat()},
        )
    report(0.98, "Summing up the book for Home")
    ws.home.summary(today)  # cached in the vault: the first unlock paints it at once
    counts = w.counts
    report(1.0, "Done")
    return DemoStats(
        clients=len(people),
        households=len(households),
        accounts=counts["accounts"],
        instruments=counts["instruments"],
        holdings=counts["holdings"],
        transactions=counts["transactions"],
        prices=counts["prices"],
        notes=counts["notes"],
        seconds=round(time.perf_counter() - started, 2),
        interactions=counts["interactions"],
        meetings=counts["meetings"],
        tasks=counts["tasks"],
        care_dates=counts["care_dates"],
        client_events=counts["client_events"],
        invitations=counts["invitations"],
        complaints=counts["complaints"],
    )
