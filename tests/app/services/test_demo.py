"""The demo book: a realistic, deterministic, self-consistent private-banking book."""

from __future__ import annotations

import random
import re
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.errors import ValidationError, VaultError
from app.domain.posting import Position, TransactionKind, post
from app.domain.product_terms import ProductTerms
from app.domain.validation import check_bank_card, check_resident_id
from app.services.clients import ROLES
from app.services.config import tier_table
from app.services.demo import DemoStats, build_demo_book
from app.services.demo_data import load_words
from app.services.demo_market import build_market, business_days
from app.services.demo_terms import add_terms
from app.services.product_terms import terms_of
from app.services.workspace import Workspace
from app.vault.keys import KdfParams
from app.vault.models import (
    Account,
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
    OutboxEntry,
    PlanRecommendation,
    Price,
    Task,
    Transaction,
)

KDF = KdfParams(memory_kib=8192, passes=1, lanes=1)
TODAY = date(2025, 6, 30)
CLIENTS = 40
# Within a day: income, sales, money brought in, purchases, fees, money taken out.
RANK = {
    "dividend": 0,
    "interest": 0,
    "sell": 1,
    "redemption": 1,
    "transfer_in": 2,
    "buy": 3,
    "subscription": 3,
    "fee": 4,
    "transfer_out": 5,
}


def _build(
    folder: Path, seed: int, progress: list[tuple[float, str]] | None = None
) -> tuple[Workspace, DemoStats]:
    ws = Workspace.create(folder, "test passphrase 123", KDF)
    report = (lambda f, t: progress.append((f, t))) if progress is not None else None
    return ws, build_demo_book(ws, clients=CLIENTS, seed=seed, progress=report, today=TODAY)


def _snapshot(ws: Workspace) -> list[tuple[str, str, Decimal]]:
    with ws.begin() as s:
        rows = s.execute(
            select(Client.name, IdentityDocument.number, Client.financial_assets_cny).join(
                IdentityDocument, IdentityDocument.client_id == Client.id
            )
        )
        return sorted((name, number, assets) for name, number, assets in rows)


@pytest.fixture(scope="module")
def progress() -> list[tuple[float, str]]:
    return []


@pytest.fixture(scope="module")
def book(
    tmp_path_factory: pytest.TempPathFactory, progress: list[tuple[float, str]]
) -> Iterator[tuple[Workspace, DemoStats]]:
    ws, stats = _build(tmp_path_factory.mktemp("demo") / "v", 7, progress)
    yield ws, stats
    ws.close()


@pytest.fixture(scope="module")
def ws(book: tuple[Workspace, DemoStats]) -> Workspace:
    """Here ``ws`` is the one demo vault every test reads (not conftest's empty vault)."""
    return book[0]


def _people(ws: Workspace) -> list[Client]:
    with ws.begin() as s:
        return list(s.scalars(select(Client).where(Client.kind == "person")))


def test_every_tier_is_present(ws: Workspace) -> None:
    tiers = {c.tier for c in _people(ws)}
    assert tiers == set(tier_table().codes())
    for client in _people(ws):
        assert client.tier == tier_table().for_assets(client.financial_assets_cny).code
        assert client.assets_valued_at is not None


def test_every_person_holds_3_to_15_positions(ws: Workspace) -> None:
    with ws.begin() as s:
        counts = dict(
            s.execute(
                select(Account.client_id, func.count(Holding.id))
                .join(Holding, Holding.account_id == Account.id)
                .where(Holding.quantity > 0)
                .group_by(Account.client_id)
            ).all()
        )
        risks = set(
            s.scalars(
                select(Instrument.risk_rating).join(Holding, Holding.instrument_id == Instrument.id)
            )
        )
    people = _people(ws)
    assert all(3 <= counts.get(c.id, 0) <= 15 for c in people), counts
    assert risks == {1, 2, 3, 4, 5}


def test_identity_numbers_are_valid_and_match_birth_dates_and_cities(ws: Workspace) -> None:
    codes = {city.name: {d.code for d in city.districts} for city in load_words().cities.items}
    with ws.begin() as s:
        rows = s.execute(
            select(Client, IdentityDocument.number).join(
                IdentityDocument, IdentityDocument.client_id == Client.id
            )
        ).all()
    assert len(rows) == CLIENTS
    for client, number in rows:
        assert check_resident_id(number, client.birth_date, today=TODAY) == number
        assert number[:6] in codes[client.city or ""]
        assert (int(number[16]) % 2 == 1) == (client.gender == "M")
        assert re.fullmatch(r"\+861[3-9][0-9]{9}", client.mobile or "")
        assert client.address and client.name_pinyin and client.search_keys
    assert len({n for _, n in rows}) == len(rows)


def test_people_look_like_a_private_bankers_book(ws: Workspace) -> None:
    people = _people(ws)
    assert {c.preferred_channel for c in people} <= {"wechat", "phone", "visit", "email"}
    assert Counter(c.preferred_language for c in people).most_common(1)[0][0] == "zh"
    assert len({c.relationship_manager for c in people}) >= 3
    assert len({c.city for c in people}) >= 10
    assert all(
        (c.occupation and c.source_of_wealth and c.onboarded_on) or c.status == "prospect"
        for c in people
    )
    assert any(c.lunar_birth_month for c in people)
    assert len(load_words().cities.items) >= 25


def test_households_have_members_with_roles(ws: Workspace) -> None:
    with ws.begin() as s:
        households = list(s.scalars(select(Client).where(Client.kind == "household")))
        links = s.execute(
            select(HouseholdMember.household_id, HouseholdMember.role, Client.kind).join(
                Client, Client.id == HouseholdMember.member_id
            )
        ).all()
    assert households
    assert {role for _, role, _ in links} <= set(ROLES)
    members = [h for h, _, kind in links if kind == "person"]
    assert 0.15 <= len(members) / CLIENTS <= 0.35
    heads = Counter(h for h, role, _ in links if role == "head")
    assert set(heads.values()) == {1} and set(heads) == {h.id for h in households}
    assert all(h.tier for h in households)


def test_same_seed_gives_the_same_book(ws: Workspace, tmp_path: Path) -> None:
    again, _ = _build(tmp_path / "again", 7)
    try:
        assert _snapshot(again) == _snapshot(ws)
    finally:
        again.close()


def test_another_seed_gives_another_book(ws: Workspace, tmp_path: Path) -> None:
    other, _ = _build(tmp_path / "other", 8)
    try:
        assert _snapshot(other) != _snapshot(ws)
    finally:
        other.close()


def test_transactions_post_to_the_holdings_and_cash(ws: Workspace) -> None:
    with ws.begin() as s:
        accounts = {a.id: a for a in s.scalars(select(Account))}
        holdings = {(h.account_id, h.instrument_id): h for h in s.scalars(select(Holding))}
        txns = list(s.scalars(select(Transaction)))
    by_account: dict[uuid.UUID, list[Transaction]] = defaultdict(list)
    for t in txns:
        by_account[t.account_id].append(t)
    for account_id, account in accounts.items():
        positions: dict[uuid.UUID | None, Position] = {}
        cash = Decimal(0)
        for t in sorted(by_account[account_id], key=lambda t: (t.trade_date, RANK[t.kind])):
            assert t.currency == account.currency
            posted = post(
                TransactionKind(t.kind),
                positions.get(t.instrument_id),
                cash,
                quantity=t.quantity,
                amount=t.amount,
                fee=t.fee,
            )
            assert posted.cash >= 0
            cash = posted.cash
            if t.instrument_id is not None and posted.position is not None:
                positions[t.instrument_id] = posted.position
        assert cash == account.cash_balance
        for instrument_id, position in positions.items():
            assert instrument_id is not None
            holding = holdings.pop((account_id, instrument_id))
            assert (holding.quantity, holding.cost_basis) == (
                position.quantity,
                position.cost_basis,
            )
    assert not holdings  # every holding is explained by its transactions


def test_prices_and_rates_cover_three_years_of_business_days(ws: Workspace) -> None:
    days = business_days(TODAY)
    with ws.begin() as s:
        first, last = s.execute(select(func.min(Price.day), func.max(Price.day))).one()
        per_instrument = set(
            s.scalars(select(func.count()).select_from(Price).group_by(Price.instrument_id))
        )
        rates: dict[str, list[Decimal]] = defaultdict(list)
        for currency, rate in s.execute(select(FxRate.currency, FxRate.rate_to_cny)):
            rates[currency].append(rate)
        instruments = s.scalar(select(func.count()).select_from(Instrument))
    assert (first, last) == (days[0], days[-1])
    assert 3 * 365 - 3 <= (last - first).days <= 3 * 366
    assert per_instrument == {len(days)}
    assert set(rates) == {"USD", "HKD"}
    assert len(rates["USD"]) == len(rates["HKD"]) == len(days)
    assert min(rates["USD"]) > 6.8 and max(rates["USD"]) < 7.4
    assert min(rates["HKD"]) > 0.85 and max(rates["HKD"]) < 0.95
    assert 150 <= (instruments or 0) <= 250


def test_the_shelf_has_every_type_with_fitting_risk(ws: Workspace) -> None:
    with ws.begin() as s:
        shelf = list(s.scalars(select(Instrument)))
    types = {i.type for i in shelf}
    assert types == {
        "deposit",
        "wmp",
        "mutual_fund",
        "bond",
        "equity",
        "insurance",
        "trust",
        "private_fund",
        "structured",
        "gold",
    }
    assert {i.asset_class for i in shelf} == {
        "cash",
        "fixed_income",
        "equity",
        "alternative",
        "commodity",
        "insurance",
    }
    assert {i.currency for i in shelf} == {"CNY", "USD", "HKD"}
    assert Counter(i.currency for i in shelf).most_common(1)[0][0] == "CNY"
    risk = {t: {i.risk_rating for i in shelf if i.type == t} for t in types}
    assert risk["deposit"] == {1} and risk["bond"] <= {2, 3}
    assert min(risk["equity"]) >= 4 and min(risk["private_fund"]) >= 4


def test_notes_and_consents(ws: Workspace) -> None:
    with ws.begin() as s:
        notes = list(s.scalars(select(Note)))
        consents = list(s.scalars(select(Consent)))
    per_client = Counter(n.client_id for n in notes)
    assert len(per_client) == CLIENTS and set(per_client.values()) <= set(range(2, 7))
    assert all(80 <= len(n.body) <= 300 and n.written_at.tzinfo for n in notes)
    assert any(re.search(r"[A-Z]{1,3}[0-9-]{4,}", n.body) for n in notes)
    assert {c.client_id for c in consents if c.purpose == "service"} == set(per_client)
    assert {c.purpose for c in consents} == {"service", "sensitive_pi", "marketing", "recording"}
    assert {c.method for c in consents} <= {"paper", "app", "counter"}
    assert all(c.proof_ref and c.granted_at.tzinfo for c in consents)


def test_nothing_is_queued_for_push_but_the_audit_event(ws: Workspace) -> None:
    with ws.begin() as s:
        queued = Counter(s.scalars(select(OutboxEntry.table_name)))
    assert set(queued) == {"audit_events"}
    assert ws.pending_changes() == queued["audit_events"]


def test_stats_count_what_was_written(book: tuple[Workspace, DemoStats]) -> None:
    ws, stats = book
    with ws.begin() as s:

        def count(model: type) -> int:
            return s.scalar(select(func.count()).select_from(model)) or 0

        assert stats.clients == CLIENTS
        assert stats.households == s.scalar(select(func.count()).where(Client.kind == "household"))
        assert (
            stats.accounts,
            stats.holdings,
            stats.transactions,
            stats.prices,
            stats.notes,
            stats.instruments,
        ) == (
            count(Account),
            count(Holding),
            count(Transaction),
            count(Price),
            count(Note),
            count(Instrument),
        )
        relationship = (Interaction, Meeting, Task, CareDate, ClientEvent, Invitation, Complaint)
        assert (
            stats.interactions,
            stats.meetings,
            stats.tasks,
            stats.care_dates,
            stats.client_events,
            stats.invitations,
            stats.complaints,
        ) == tuple(count(m) for m in relationship)
        assert all(count(m) for m in relationship)
    assert stats.seconds > 0


def test_progress_runs_from_zero_to_one(
    progress: list[tuple[float, str]], book: tuple[Workspace, DemoStats]
) -> None:
    fractions = [f for f, _ in progress]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert all(text for _, text in progress)


def test_accounts_have_card_numbers_and_most_are_at_this_bank(ws: Workspace) -> None:
    with ws.begin() as s:
        accounts = list(s.scalars(select(Account)))
    assert all(
        a.number
        and a.number.startswith("62")
        and 16 <= len(a.number) <= 19
        and check_bank_card(a.number) == []
        for a in accounts
    )
    assert len({a.number for a in accounts}) == len(accounts)
    at_bank = Counter(a.at_this_bank for a in accounts)
    assert at_bank[True] > at_bank[False] > 0
    assert all(a.cash_balance >= 0 for a in accounts)


def test_a_demo_book_never_goes_into_a_vault_with_a_book(ws: Workspace) -> None:
    with pytest.raises(VaultError):
        build_demo_book(ws, clients=5, today=TODAY)
    with pytest.raises(ValidationError):
        build_demo_book(ws, clients=0, today=TODAY)


def test_the_vault_verifies(ws: Workspace) -> None:
    assert all(result.ok for result in ws.verify())


def _in(value: Decimal | None, low: str, high: str) -> bool:
    return value is not None and Decimal(low) <= value <= Decimal(high)


def _shelf_terms(ws: Workspace) -> dict[str, list[tuple[Instrument, ProductTerms]]]:
    with ws.begin() as s:
        shelf = list(s.scalars(select(Instrument)))
    by_type: dict[str, list[tuple[Instrument, ProductTerms]]] = defaultdict(list)
    for i in shelf:
        by_type[i.type].append((i, terms_of(i)))
    return by_type


def test_the_shelf_carries_terms_fit_for_each_type(ws: Workspace) -> None:
    by_type = _shelf_terms(ws)
    wan = Decimal(10_000)
    assert all(t.dealing is not None for rows in by_type.values() for _, t in rows)
    for i, t in by_type["deposit"]:
        assert t.fees.items() == tuple((name, 0) for name, _ in t.fees.items())
        assert t.term_days == (None if i.lockup_days <= 7 else i.lockup_days)
    for _, t in by_type["wmp"]:
        assert t.min_investment_cny in {Decimal(1), wan, 100 * wan}
        assert (t.fees.subscription, t.fees.redemption) == (0, 0)
        assert _in(t.fees.management, "0.1", "1")
        assert _in(t.fees.custody, "0.02", "0.05")
        assert _in(t.fees.sales_service, "0.2", "0.4")
        assert t.benchmark
    for i, t in by_type["mutual_fund"]:
        assert t.dealing == "daily" and t.benchmark and t.fees.performance is None
        assert _in(t.fees.subscription, "0", "1.5") and _in(t.fees.redemption, "0", "1.5")
        assert _in(t.fees.management, "0.15", "1.5")
        assert _in(t.fees.custody, "0.05", "0.25")
        if i.name.endswith("C"):  # C shares: no subscription fee, a sales-service fee instead
            assert t.fees.subscription == 0 and _in(t.fees.sales_service, "0.2", "0.4")
        elif i.asset_class != "cash":
            assert _in(t.fees.subscription, "0.6", "1.5")
    for i, t in by_type["private_fund"]:
        assert t.min_investment_cny == 100 * wan and t.dealing in {"monthly", "quarterly"}
        assert _in(t.fees.management, "1", "2") and t.fees.performance in {15, 20}
        assert t.benchmark and i.lockup_days > 0
    for i, t in by_type["trust"]:
        assert t.min_investment_cny in {100 * wan, 300 * wan}
        assert (t.dealing, t.term_days) == ("closed", i.lockup_days)
        assert t.benchmark and t.benchmark.startswith("年化")
    for _, t in by_type["structured"]:
        assert t.dealing == "closed" and t.term_days and not any(v for _, v in t.fees.items())
    for _, t in by_type["equity"] + by_type["bond"] + by_type["gold"] + by_type["insurance"]:
        assert not t.fees.recorded  # their costs are in their own documents


def test_the_shelfs_terms_vary_from_product_to_product(ws: Workspace) -> None:
    by_type = _shelf_terms(ws)
    for kind in ("wmp", "mutual_fund", "private_fund"):
        assert len({t.fees.management for _, t in by_type[kind]}) >= 3, kind
        assert len({t.fees.custody for _, t in by_type[kind]}) >= 2, kind
    assert len({t.min_investment_cny for _, t in by_type["wmp"]}) == 3
    assert len({t.min_investment_cny for _, t in by_type["trust"]}) == 2


def test_the_same_seed_gives_the_same_terms() -> None:
    market = build_market(random.Random("7/market"), TODAY, "本行")
    add_terms(market.products, random.Random("7/terms"))
    first = [p.terms for p in market.products]
    add_terms(market.products, random.Random("7/terms"))
    assert [p.terms for p in market.products] == first
    add_terms(market.products, random.Random("8/terms"))
    assert [p.terms for p in market.products] != first


def test_demo_plans_recommend_no_less_than_the_minimum(ws: Workspace) -> None:
    with ws.begin() as s:
        rows = s.execute(
            select(PlanRecommendation.amount_cny, Instrument.min_investment_cny).join(
                Instrument, Instrument.id == PlanRecommendation.instrument_id
            )
        ).all()
    assert rows
    assert all(minimum is None or amount >= minimum for amount, minimum in rows)
