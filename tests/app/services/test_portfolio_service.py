"""The portfolio service: booking, revaluation at the latest price and rate, tiers, summaries."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.errors import ValidationError
from app.domain.ids import ClientId
from app.domain.posting import TransactionKind
from app.services.workspace import Workspace
from app.vault.models import (
    Account,
    Client,
    FxRate,
    Holding,
    Instrument,
    OutboxEntry,
    Price,
    Transaction,
)

D = Decimal
DAY1, DAY2 = date(2025, 5, 30), date(2025, 6, 3)


@dataclass
class Book:
    client: ClientId
    spouse: ClientId
    bank_cny: uuid.UUID
    bank_usd: uuid.UUID
    elsewhere: uuid.UUID
    fund: uuid.UUID
    bond: uuid.UUID


@pytest.fixture
def book(ws: Workspace) -> Book:
    """王芳 holds a CNY fund and a USD bond at the bank, and the fund at another bank.

    The latest fund price is 1.25 (was 1.00), the bond 101.5 (was 100), USD 7.10 (was 7.00).
    """
    with ws.begin() as s:
        client = Client(name="王芳")
        spouse = Client(name="李强")
        s.add_all([client, spouse])
        s.flush()
        fund = Instrument(
            code="F001",
            name="稳健成长混合",
            type="fund",
            asset_class="equity",
            currency="CNY",
            risk_rating=3,
        )
        bond = Instrument(
            code="B001",
            name="UST 2030",
            type="bond",
            asset_class="fixed_income",
            currency="USD",
            risk_rating=2,
        )
        bank_cny = Account(
            client_id=client.id,
            name="理财账户",
            institution="本行",
            at_this_bank=True,
            currency="CNY",
            cash_balance=D("100000.00"),
        )
        bank_usd = Account(
            client_id=client.id,
            name="美元账户",
            institution="本行",
            at_this_bank=True,
            currency="USD",
            cash_balance=D("1000.00"),
        )
        elsewhere = Account(
            client_id=client.id,
            name="他行账户",
            institution="他行",
            at_this_bank=False,
            currency="CNY",
            cash_balance=D("50000.00"),
        )
        spouse_account = Account(
            client_id=spouse.id,
            name="储蓄",
            institution="本行",
            at_this_bank=True,
            currency="CNY",
            cash_balance=D("1000000.00"),
        )
        s.add_all([fund, bond, bank_cny, bank_usd, elsewhere, spouse_account])
        s.flush()
        s.add_all(
            [
                Price(instrument_id=fund.id, day=DAY1, close=D("1.000000")),
                Price(instrument_id=fund.id, day=DAY2, close=D("1.250000")),
                Price(instrument_id=bond.id, day=DAY1, close=D("100.000000")),
                Price(instrument_id=bond.id, day=DAY2, close=D("101.500000")),
                FxRate(currency="USD", day=DAY1, rate_to_cny=D("7.00000000")),
                FxRate(currency="USD", day=DAY2, rate_to_cny=D("7.10000000")),
                Holding(
                    account_id=bank_cny.id,
                    instrument_id=fund.id,
                    quantity=D("200000"),
                    cost_basis=D("200000.00"),
                ),
                Holding(
                    account_id=bank_usd.id,
                    instrument_id=bond.id,
                    quantity=D("100"),
                    cost_basis=D("10000.00"),
                ),
                Holding(
                    account_id=elsewhere.id,
                    instrument_id=fund.id,
                    quantity=D("40000"),
                    cost_basis=D("40000.00"),
                ),
            ]
        )
    return Book(
        ClientId(client.id),
        ClientId(spouse.id),
        bank_cny.id,
        bank_usd.id,
        elsewhere.id,
        fund.id,
        bond.id,
    )


# At the bank: cash 100,000 + 1,000 USD × 7.10 = 7,100; fund 200,000 × 1.25 = 250,000;
# bond 100 × 101.5 × 7.10 = 72,065.  Elsewhere: cash 50,000 + fund 40,000 × 1.25 = 50,000.
AT_BANK = D("429165.00")
ELSEWHERE = D("100000.00")


def revalue(ws: Workspace) -> None:
    with ws.begin() as s:
        ws.portfolio.revalue(s)


def assets_and_tier(ws: Workspace, client_id: uuid.UUID) -> tuple[Decimal, str | None]:
    with ws.begin() as s:
        client = s.get(Client, client_id)
        return client.financial_assets_cny, client.tier


def test_revalue_counts_only_the_bank_at_the_latest_price_and_rate(
    ws: Workspace, book: Book
) -> None:
    revalue(ws)
    # Counting the other bank too would give 529,165.00 and the "wealth" tier.
    assert assets_and_tier(ws, book.client) == (AT_BANK, "vip")
    assert assets_and_tier(ws, book.spouse) == (D("1000000.00"), "wealth")


def test_revalue_of_chosen_clients_leaves_the_others(ws: Workspace, book: Book) -> None:
    with ws.begin() as s:
        assert ws.portfolio.revalue(s, [book.client]) == 1
    assert assets_and_tier(ws, book.client) == (AT_BANK, "vip")
    assert assets_and_tier(ws, book.spouse)[0] == D("0.00")


def test_revalue_queues_nothing_for_sync(ws: Workspace, book: Book) -> None:
    pending = ws.pending_changes()
    revalue(ws)
    assert ws.pending_changes() == pending


def test_tier_rises_when_assets_cross_a_threshold(ws: Workspace, book: Book) -> None:
    with ws.begin() as s:
        s.get(Account, book.bank_cny).cash_balance += D("70835.00")  # 429,165 → 500,000
    revalue(ws)
    assert assets_and_tier(ws, book.client) == (D("500000.00"), "wealth")


def test_household_assets_are_the_sum_of_its_members(ws: Workspace, book: Book) -> None:
    household = ws.clients.add_household(
        "王李之家", [(book.client, "head"), (book.spouse, "spouse")]
    )
    revalue(ws)
    assert assets_and_tier(ws, household) == (AT_BANK + D("1000000.00"), "wealth")


def test_summary_totals_and_asset_classes(ws: Workspace, book: Book) -> None:
    summary = ws.portfolio.summary(book.client)
    assert summary.total_cny == AT_BANK + ELSEWHERE
    assert summary.at_bank_cny == AT_BANK
    assert summary.cash_cny == D("157100.00")
    assert summary.by_asset_class == {
        "equity": D("300000.00"),
        "cash": D("157100.00"),
        "fixed_income": D("72065.00"),
    }
    assert sum(summary.by_asset_class.values()) == summary.total_cny


def test_summary_lines_use_the_latest_price(ws: Workspace, book: Book) -> None:
    lines = ws.portfolio.summary(book.client).holdings
    assert [(line.code, line.at_this_bank, line.market_value_cny) for line in lines] == [
        ("F001", True, D("250000.00")),
        ("B001", True, D("72065.00")),
        ("F001", False, D("50000.00")),
    ]
    bond = lines[1]
    assert (bond.price, bond.market_value, bond.currency) == (D("101.5"), D("10150.00"), "USD")


def test_household_summary_includes_every_member(ws: Workspace, book: Book) -> None:
    household = ws.clients.add_household(
        "王李之家", [(book.client, "head"), (book.spouse, "spouse")]
    )
    summary = ws.portfolio.summary(household)
    assert summary.total_cny == AT_BANK + ELSEWHERE + D("1000000.00")
    assert summary.at_bank_cny == AT_BANK + D("1000000.00")


def holding(
    ws: Workspace, account_id: uuid.UUID, instrument_id: uuid.UUID
) -> tuple[Decimal, Decimal]:
    with ws.begin() as s:
        h = s.scalar(
            select(Holding).where(
                Holding.account_id == account_id, Holding.instrument_id == instrument_id
            )
        )
        return h.quantity, h.cost_basis


def cash(ws: Workspace, account_id: uuid.UUID) -> Decimal:
    with ws.begin() as s:
        return s.get(Account, account_id).cash_balance


def test_booked_buys_and_sells_move_holdings_and_cash(ws: Workspace, book: Book) -> None:
    with ws.begin() as s:
        new = Instrument(
            code="F002",
            name="货币基金",
            type="fund",
            asset_class="cash_like",
            currency="CNY",
            risk_rating=1,
        )
        s.add(new)
        s.flush()
        ws.portfolio.book_transaction(
            s,
            book.bank_cny,
            TransactionKind.BUY,
            DAY2,
            instrument_id=new.id,
            quantity=D("1000"),
            price=D("1.25"),
            amount=D("1250.00"),
            fee=D("5.00"),
        )
        ws.portfolio.book_transaction(
            s,
            book.bank_cny,
            TransactionKind.BUY,
            DAY2,
            instrument_id=new.id,
            quantity=D("1000"),
            price=D("1.5"),
            amount=D("1500.00"),
        )
    assert holding(ws, book.bank_cny, new.id) == (D("2000"), D("2750.00"))
    assert cash(ws, book.bank_cny) == D("97245.00")

    with ws.begin() as s:
        ws.portfolio.book_transaction(
            s,
            book.bank_cny,
            TransactionKind.SELL,
            DAY2,
            instrument_id=new.id,
            quantity=D("500"),
            price=D("2"),
            amount=D("1000.00"),
            fee=D("1.00"),
        )
    assert holding(ws, book.bank_cny, new.id) == (D("1500"), D("2062.50"))
    assert cash(ws, book.bank_cny) == D("98244.00")
    with ws.begin() as s:
        kinds = sorted(
            s.scalars(select(Transaction.kind).where(Transaction.account_id == book.bank_cny))
        )
        queued = set(s.scalars(select(OutboxEntry.table_name)))
    assert kinds == ["buy", "buy", "sell"]
    assert {"holdings", "transactions", "accounts"} <= queued


def test_booking_a_sale_beyond_the_holding_changes_nothing(ws: Workspace, book: Book) -> None:
    with pytest.raises(ValidationError), ws.begin() as s:
        ws.portfolio.book_transaction(
            s,
            book.bank_cny,
            TransactionKind.SELL,
            DAY2,
            instrument_id=book.fund,
            quantity=D("200001"),
            amount=D("1.00"),
        )
    assert holding(ws, book.bank_cny, book.fund) == (D("200000"), D("200000.00"))
    assert cash(ws, book.bank_cny) == D("100000.00")


def test_booking_a_buy_without_an_instrument_is_refused(ws: Workspace, book: Book) -> None:
    with pytest.raises(ValidationError), ws.begin() as s:
        ws.portfolio.book_transaction(
            s, book.bank_cny, TransactionKind.BUY, DAY2, quantity=D("10"), amount=D("100.00")
        )
