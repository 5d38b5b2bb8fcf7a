"""Value history, performance, allocation and concentration of a client's book.

A hand-built book checks each day's value, the flows and the returns against numbers
worked out by hand; the demo book checks that replaying three years of transactions ends
exactly at every client's portfolio summary.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.ids import ClientId
from app.domain.performance import PERIODS, xirr
from app.domain.portfolio import Concentration
from app.domain.posting import TransactionKind
from app.services.demo import build_demo_book
from app.services.workspace import Workspace
from app.vault.models import Account, Client, FxRate, Holding, Instrument, Price

D = Decimal
K = TransactionKind
MON, TUE, WED, THU, FRI = (date(2025, 6, d) for d in (2, 3, 4, 5, 6))
SAT, NEXT_MON = date(2025, 6, 7), date(2025, 6, 9)
FUND_PRICES = {MON: "1.00", WED: "1.10", THU: "1.20", FRI: "1.15", NEXT_MON: "1.15"}
USD_RATES = {MON: "7.00", TUE: "7.10", THU: "7.20", FRI: "7.20", NEXT_MON: "7.20"}


@dataclass
class Book:
    client: ClientId
    cny: uuid.UUID
    usd: uuid.UUID
    fund: uuid.UUID


def book_tx(
    ws: Workspace, account: uuid.UUID, kind: TransactionKind, day: date, **kw: object
) -> None:
    with ws.begin() as s:
        ws.portfolio.book_transaction(s, account, kind, day, **kw)  # type: ignore[arg-type]


@pytest.fixture
def book(ws: Workspace) -> Book:
    """张伟 brings in money, buys a fund, sells part of it, takes money out and brings more.

    Mon  transfer in 100,000 CNY; buy 50,000 units at 1.00 (fee 50)
    Tue  transfer in 1,000 USD (no fund price: Monday's 1.00 holds)
    Wed  fund 1.10 (no USD rate: Tuesday's 7.10 holds)
    Thu  sell 20,000 units at 1.20 (fee 24)
    Fri  transfer out 10,000 CNY; fund 1.15
    Sat  transfer in 5,000 CNY (no prices: it lands on Monday)
    """
    with ws.begin() as s:
        client = Client(name="张伟")
        fund = Instrument(
            code="F001",
            name="稳健成长混合",
            type="fund",
            asset_class="equity",
            currency="CNY",
            risk_rating=3,
        )
        s.add_all([client, fund])
        s.flush()
        cny = Account(client_id=client.id, name="理财账户", institution="本行", currency="CNY")
        usd = Account(client_id=client.id, name="美元账户", institution="本行", currency="USD")
        s.add_all([cny, usd])
        s.add_all(Price(instrument_id=fund.id, day=d, close=D(p)) for d, p in FUND_PRICES.items())
        s.add_all(FxRate(currency="USD", day=d, rate_to_cny=D(r)) for d, r in USD_RATES.items())
        s.flush()
        b = Book(ClientId(client.id), cny.id, usd.id, fund.id)
    book_tx(ws, b.cny, K.TRANSFER_IN, MON, amount=D(100_000))
    book_tx(
        ws,
        b.cny,
        K.BUY,
        MON,
        instrument_id=b.fund,
        quantity=D(50_000),
        price=D(1),
        amount=D(50_000),
        fee=D(50),
    )
    book_tx(ws, b.usd, K.TRANSFER_IN, TUE, amount=D(1000))
    book_tx(
        ws,
        b.cny,
        K.SELL,
        THU,
        instrument_id=b.fund,
        quantity=D(20_000),
        price=D("1.2"),
        amount=D(24_000),
        fee=D(24),
    )
    book_tx(ws, b.cny, K.TRANSFER_OUT, FRI, amount=D(10_000))
    book_tx(ws, b.cny, K.TRANSFER_IN, SAT, amount=D(5_000))
    return b


# Cash CNY + fund units × price + USD 1,000 × rate, by hand:
VALUES = {
    MON: D("99950.00"),  # 49,950 + 50,000 × 1.00
    TUE: D("107050.00"),  # 49,950 + 50,000 × 1.00 + 7,100
    WED: D("112050.00"),  # 49,950 + 50,000 × 1.10 + 7,100
    THU: D("117126.00"),  # 73,926 + 30,000 × 1.20 + 7,200
    FRI: D("105626.00"),  # 63,926 + 30,000 × 1.15 + 7,200
    NEXT_MON: D("110626.00"),  # 68,926 + 30,000 × 1.15 + 7,200
}
FLOWS = {MON: D(100_000), TUE: D(7_100), FRI: D(-10_000), NEXT_MON: D(5_000)}
# Day by day V_d / (V_{d-1} + F_d), linked; Monday's money is already in Monday's value.
RATIOS = [
    D("107050") / (D("99950") + D("7100")),  # Tue: 1 (the dollars came in, nothing moved)
    D("112050") / D("107050"),  # Wed
    D("117126") / D("112050"),  # Thu
    D("105626") / (D("117126") - D("10000")),  # Fri
    D("110626") / (D("105626") + D("5000")),  # Mon: 1
]
TWR = RATIOS[0] * RATIOS[1] * RATIOS[2] * RATIOS[3] * RATIOS[4] - 1


def test_history_values_each_day_with_the_last_known_price_and_rate(
    ws: Workspace, book: Book
) -> None:
    history = ws.portfolio.history(book.client)
    assert dict(history.points) == VALUES
    assert [d for d, _ in history.points] == sorted(VALUES)
    assert history.currency == "CNY" and not history.reconstructed


def test_flows_land_on_their_days_and_a_weekend_one_on_the_next_business_day(
    ws: Workspace, book: Book
) -> None:
    assert ws.portfolio.history(book.client).flows == FLOWS


def test_history_ends_at_the_summary_total(ws: Workspace, book: Book) -> None:
    assert (
        ws.portfolio.history(book.client).points[-1][1]
        == ws.portfolio.summary(book.client).total_cny
    )


def test_history_between_two_days(ws: Workspace, book: Book) -> None:
    history = ws.portfolio.history(book.client, WED, FRI)
    assert history.points == ((WED, VALUES[WED]), (THU, VALUES[THU]), (FRI, VALUES[FRI]))
    assert history.flows == {FRI: D(-10_000)}


def test_twr_over_the_whole_history_is_the_hand_linked_product(ws: Workspace, book: Book) -> None:
    everything = ws.portfolio.performance(book.client, "ALL", today=NEXT_MON)
    assert everything.twr == TWR
    assert (everything.start, everything.end) == (MON, NEXT_MON)
    assert everything.start_value == VALUES[MON] and everything.end_value == VALUES[NEXT_MON]
    assert everything.net_flows == D(7_100 - 10_000 + 5_000)


def test_money_weighted_return_over_the_whole_history(ws: Workspace, book: Book) -> None:
    everything = ws.portfolio.performance(book.client, "ALL", today=NEXT_MON)
    expected = xirr(
        [
            (MON, -VALUES[MON]),
            (TUE, D(-7_100)),
            (FRI, D(10_000)),
            (NEXT_MON, D(-5_000)),
            (NEXT_MON, VALUES[NEXT_MON]),
        ]
    )
    assert everything.xirr == expected and expected is not None and expected > 0


def test_performance_table_has_the_six_periods(ws: Workspace, book: Book) -> None:
    table = ws.portfolio.performance_table(book.client, today=NEXT_MON)
    assert [f.period for f in table] == list(PERIODS) == ["1M", "3M", "YTD", "1Y", "3Y", "ALL"]
    # The book is a week old: every period starts at its first day.
    assert {f.start for f in table} == {MON} and {f.twr for f in table} == {TWR}
    assert all(f.volatility is not None and f.max_drawdown is not None for f in table)


def test_performance_up_to_an_earlier_day(ws: Workspace, book: Book) -> None:
    f = ws.portfolio.performance(book.client, "1M", today=WED)
    assert (f.end, f.end_value) == (WED, VALUES[WED])
    assert f.twr == D("107050") / D("107050") * D("112050") / D("107050") - 1


def test_the_first_day_uses_the_last_price_from_before_the_history(
    ws: Workspace, book: Book
) -> None:
    """李娜 starts on Tuesday, when the fund has no price: Monday's 1.00 values it."""
    with ws.begin() as s:
        client = Client(name="李娜")
        s.add(client)
        s.flush()
        cny = Account(client_id=client.id, name="理财账户", institution="本行", currency="CNY")
        usd = Account(client_id=client.id, name="美元账户", institution="本行", currency="USD")
        s.add_all([cny, usd])
        s.flush()
    book_tx(ws, cny.id, K.TRANSFER_IN, TUE, amount=D(20_000))
    book_tx(ws, usd.id, K.TRANSFER_IN, TUE, amount=D(100))
    book_tx(ws, cny.id, K.BUY, TUE, instrument_id=book.fund, quantity=D(10_000), amount=D(10_000))
    history = ws.portfolio.history(ClientId(client.id))
    # Tuesday: 10,000 cash + 10,000 units × 1.00 + 100 USD × 7.10
    assert history.points[0] == (TUE, D("20710.00"))
    assert history.points[1] == (WED, D("21710.00"))  # the fund at 1.10
    assert history.flows == {TUE: D(20_710)}


def test_household_history_includes_its_members(ws: Workspace, book: Book) -> None:
    household = ws.clients.add_household("张家", [(book.client, "head")])
    assert ws.portfolio.history(household).points == ws.portfolio.history(book.client).points


def test_allocation_by_each_key_includes_cash(ws: Workspace, book: Book) -> None:
    # fund 30,000 × 1.15 = 34,500; cash 68,926 CNY + 1,000 USD × 7.20 = 7,200
    allocation = ws.portfolio.allocation
    assert allocation(book.client, "asset_class") == {
        "cash": D("76126.00"),
        "equity": D("34500.00"),
    }
    assert allocation(book.client, "type") == {"cash": D("76126.00"), "fund": D("34500.00")}
    assert allocation(book.client, "currency") == {"CNY": D("103426.00"), "USD": D("7200.00")}
    assert allocation(book.client, "risk_rating") == {"R1": D("76126.00"), "R3": D("34500.00")}
    assert list(allocation(book.client, "currency")) == ["CNY", "USD"]
    with pytest.raises(ValueError, match="sector"):
        allocation(book.client, "sector")


def test_concentration_is_of_the_whole_portfolio(ws: Workspace, book: Book) -> None:
    share = D("34500.00") / D("110626.00")
    assert ws.portfolio.concentration(book.client) == Concentration("F001", share, share)


def test_holdings_without_history_are_held_constant(ws: Workspace, book: Book) -> None:
    """An account imported with its holdings but not its transactions."""
    with ws.begin() as s:
        imported = Account(
            client_id=book.client,
            name="他行账户",
            institution="他行",
            at_this_bank=False,
            currency="CNY",
            cash_balance=D(1_000),
        )
        s.add(imported)
        s.flush()
        s.add(Holding(account_id=imported.id, instrument_id=book.fund, quantity=D(10_000)))
    history = ws.portfolio.history(book.client)
    assert history.reconstructed
    # 1,000 cash + 10,000 units at each day's price, on every priced day, with no flows
    assert dict(history.points) == {
        day: VALUES[day] + 1_000 + 10_000 * D(FUND_PRICES.get(day, "1.00")) for day in VALUES
    }
    assert history.flows == FLOWS
    assert history.points[-1][1] == ws.portfolio.summary(book.client).total_cny
    assert ws.portfolio.performance(book.client, "ALL", today=NEXT_MON).reconstructed


def test_a_client_without_accounts_has_no_history(ws: Workspace) -> None:
    with ws.begin() as s:
        client = Client(name="李娜")
        s.add(client)
        s.flush()
    assert ws.portfolio.history(ClientId(client.id)).points == ()
    assert ws.portfolio.performance(ClientId(client.id), "1Y").twr is None


@pytest.mark.slow
def test_demo_histories_end_at_every_summary(ws: Workspace) -> None:
    build_demo_book(ws, clients=20, seed=3)
    with ws.begin() as s:
        clients = list(s.execute(select(Client.id, Client.kind, Client.name)).all())
    slowest = 0.0
    for row_id, kind, name in clients:
        client_id = ClientId(row_id)
        started = time.perf_counter()
        history = ws.portfolio.history(client_id)
        took = time.perf_counter() - started
        slowest = max(slowest, took)
        total = ws.portfolio.summary(client_id).total_cny
        print(f"{kind:9} {name:8} {len(history.points):4} days {took * 1000:6.1f} ms")
        if kind == "person":
            assert history.points, name
            assert abs(history.points[-1][1] - total) <= D("0.01"), name
            assert not history.reconstructed, name
        table = ws.portfolio.performance_table(client_id)
        assert [f.period for f in table] == list(PERIODS)
    # Speed is measured by the benchmarks, not asserted here (a busy CI box would flake).
    print(f"slowest history: {slowest * 1000:.1f} ms")
