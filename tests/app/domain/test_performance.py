"""Returns, risk, periods, concentration and value history, against hand-computed examples."""

from __future__ import annotations

import math
import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest

from app.domain.errors import ValidationError
from app.domain.performance import (
    PERIODS,
    ValueHistory,
    daily_returns,
    figures,
    figures_table,
    growth_index,
    max_drawdown,
    period_start,
    twr,
    volatility,
    xirr,
)
from app.domain.portfolio import (
    BookRecord,
    Concentration,
    MarketHistory,
    Movement,
    allocation_by,
    book_history,
    concentration,
    movement,
    value_position,
)
from app.domain.posting import TransactionKind

D = Decimal
K = TransactionKind
D0 = date(2025, 6, 2)  # a Monday
DAYS = [D0 + timedelta(days=i) for i in range(10)]


def series(*values: int | str) -> list[tuple[date, Decimal]]:
    return [(DAYS[i], D(v)) for i, v in enumerate(values)]


# --- time-weighted return --------------------------------------------------------------


def test_twr_without_flows_links_the_daily_returns() -> None:
    # 100 → 110 is +10%, 110 → 99 is -10%: 1.1 × 0.9 - 1 = -1%
    assert twr(series(100, 110, 99), {}) == D("-0.01")


def test_an_inflow_at_the_start_of_the_day_joins_the_base() -> None:
    values = series(100, 110, 170)
    flows = {DAYS[2]: D(50)}
    # day 1: 110 / 100 = 1.1; day 2: 170 / (110 + 50) = 1.0625
    assert daily_returns(values, flows) == pytest.approx([0.1, 0.0625])
    assert twr(values, flows) == D("1.1") * D("1.0625") - 1 == D("0.16875")


def test_an_outflow_leaves_the_base() -> None:
    # 110 / (200 - 100) = 1.1
    assert twr(series(200, 110), {DAYS[1]: D(-100)}) == D("0.1")


def test_a_flow_on_the_first_day_is_already_in_its_value() -> None:
    assert twr(series(150, 165), {DAYS[0]: D(50)}) == D("0.1")


def test_twr_edge_cases() -> None:
    assert twr([], {}) is None
    assert twr(series(100), {}) == 0
    assert twr(series(0, 100), {}) is None  # value from nothing: undefined
    assert twr(series(0, 105), {DAYS[1]: D(100)}) == D("0.05")  # funded that morning
    assert twr(series(0, 0, 0), {}) == 0  # nothing invested, nothing earned
    assert daily_returns(series(0, 100, 110), {}) == pytest.approx([0.1])


# --- money-weighted return -------------------------------------------------------------


def test_xirr_of_one_year_at_ten_percent() -> None:
    rate = xirr([(date(2023, 1, 1), D(-1000)), (date(2024, 1, 1), D(1100))])
    assert rate is not None
    assert abs(rate - D("0.1")) < D("1e-6")


def test_xirr_with_two_contributions() -> None:
    # 1000 for two years and 1000 for one at 10%: 1000 × 1.21 + 1000 × 1.1 = 2310
    # (2023-01-01 → 2024-01-01 is 365 days, → 2024-12-31 is 730)
    rate = xirr(
        [
            (date(2023, 1, 1), D(-1000)),
            (date(2024, 1, 1), D(-1000)),
            (date(2024, 12, 31), D(2310)),
        ]
    )
    assert rate is not None
    assert abs(rate - D("0.1")) < D("1e-6")


def test_xirr_of_a_loss_and_of_a_near_total_loss() -> None:
    loss = xirr([(date(2023, 1, 1), D(-1000)), (date(2024, 1, 1), D(900))])
    assert loss is not None and abs(loss - D("-0.1")) < D("1e-6")
    # Newton overshoots below -100% here; bisection finds it
    wiped = xirr([(date(2023, 1, 1), D(-1000)), (date(2024, 1, 1), D(1))])
    assert wiped is not None and abs(wiped - D("-0.999")) < D("1e-6")


def test_xirr_of_a_huge_gain() -> None:
    rate = xirr([(date(2023, 1, 1), D(-1)), (date(2024, 1, 1), D(1_000_000))])
    assert rate is not None and abs(rate / D(999_999) - 1) < D("1e-6")


def test_xirr_is_none_without_a_sign_change_or_time() -> None:
    assert xirr([]) is None
    assert xirr([(date(2023, 1, 1), D(-1000)), (date(2024, 1, 1), D(-5))]) is None
    assert xirr([(date(2023, 1, 1), D(1000)), (date(2024, 1, 1), D(0))]) is None
    assert xirr([(date(2023, 1, 1), D(-1000)), (date(2023, 1, 1), D(1100))]) is None


# --- volatility and drawdown -----------------------------------------------------------


def test_volatility_is_the_annualised_sample_deviation() -> None:
    assert volatility([0.01] * 30) == 0
    assert volatility([0.01, -0.01], periods_per_year=1) == pytest.approx(math.sqrt(0.0002))
    assert volatility([0.01, -0.01]) == pytest.approx(math.sqrt(0.0002) * math.sqrt(252))
    assert volatility([0.02]) is None
    assert volatility([]) is None


def test_max_drawdown_from_the_running_peak() -> None:
    assert max_drawdown([1, 1.2, 0.9, 1.3]) == pytest.approx(-0.25)
    assert max_drawdown([1, 0.5, 2, 1]) == pytest.approx(-0.5)
    assert max_drawdown([1, 1.1, 1.2]) == 0
    assert max_drawdown([]) == 0


def test_drawdown_is_measured_on_the_flow_adjusted_index() -> None:
    # Half the money was taken out on day 2: the value halves, the investments did not.
    values, flows = series(100, 110, 55), {DAYS[2]: D(-55)}
    index = growth_index(values, flows)
    assert index == pytest.approx([1.0, 1.1, 1.1])
    assert max_drawdown(index) == 0
    assert growth_index(series(100, 110, 170), {DAYS[2]: D(50)}) == pytest.approx(
        [1.0, 1.1, 1.16875]
    )
    assert growth_index([], {}) == []


# --- reporting periods -----------------------------------------------------------------


def test_period_starts() -> None:
    today, first = date(2025, 3, 31), date(2020, 1, 1)
    assert period_start("1M", today, first) == date(2025, 2, 28)
    assert period_start("3M", today, first) == date(2024, 12, 31)
    assert period_start("YTD", today, first) == date(2024, 12, 31)
    assert period_start("1Y", today, first) == date(2024, 3, 31)
    assert period_start("3Y", today, first) == date(2022, 3, 31)
    assert period_start("ALL", today, first) == first
    assert period_start("1y", date(2024, 2, 29), first) == date(2023, 2, 28)
    assert period_start("1M", date(2025, 1, 15), first) == date(2024, 12, 15)


def test_period_start_is_never_before_the_first_day() -> None:
    assert period_start("3Y", date(2025, 3, 31), date(2024, 6, 1)) == date(2024, 6, 1)
    with pytest.raises(ValueError, match="5Y"):
        period_start("5Y", date(2025, 3, 31), date(2024, 6, 1))


def history() -> ValueHistory:
    """2024-12-30 … 2025-01-03: a year-end close, a 50 inflow on 2 January."""
    days = [date(2024, 12, 30), date(2024, 12, 31), date(2025, 1, 2), date(2025, 1, 3)]
    values = [D(100), D(110), D(170), D(153)]
    return ValueHistory(tuple(zip(days, values, strict=True)), {date(2025, 1, 2): D(50)})


def test_figures_for_the_year_to_date() -> None:
    f = figures(history(), "YTD", date(2025, 1, 3))
    assert (f.start, f.end) == (date(2024, 12, 31), date(2025, 1, 3))
    assert (f.start_value, f.end_value, f.net_flows) == (D(110), D(153), D(50))
    # 170 / (110 + 50) × 153 / 170 - 1 = 153 / 160 - 1
    assert f.twr == D(153) / D(160) - 1
    assert f.volatility is not None and f.max_drawdown == pytest.approx(-0.1)
    assert f.xirr is not None and f.xirr < 0
    assert not f.reconstructed


def test_figures_for_all_and_the_table() -> None:
    table = figures_table(history(), date(2025, 1, 3))
    assert [f.period for f in table] == list(PERIODS)
    everything = table[-1]
    assert everything.start == date(2024, 12, 30) and everything.net_flows == D(50)
    assert everything.twr == D("1.1") * D(170) / D(160) * D(153) / D(170) - 1
    assert table[0].start == date(2024, 12, 30)  # a month back is before the first day


def test_figures_of_an_empty_history() -> None:
    f = figures(ValueHistory(()), "1Y", date(2025, 1, 3))
    assert (f.start, f.twr, f.xirr, f.volatility, f.max_drawdown) == (None,) * 5
    assert figures(history(), "1M", date(2024, 1, 1)).start is None  # before it began


def test_xirr_over_a_period_uses_the_start_value_and_the_flows() -> None:
    # 1000 at the start, 1100 a year later: 10%
    h = ValueHistory(((date(2023, 1, 1), D(1000)), (date(2024, 1, 1), D(1100))))
    f = figures(h, "ALL", date(2024, 1, 1))
    assert f.xirr is not None and abs(f.xirr - D("0.1")) < D("1e-6")


def test_a_year_or_more_is_stated_per_year() -> None:
    h = ValueHistory(((date(2023, 1, 1), D(1000)), (date(2024, 1, 1), D(1100))))
    f = figures(h, "ALL", date(2024, 1, 1))
    assert f.annualised and f.mwr == f.xirr


def test_under_a_year_the_money_weighted_return_is_for_the_period() -> None:
    # 1000 → 1015 over 31 days with no flows: 1.5% for the period; per year it would be
    # 1.015 ** (365 / 31) - 1 ≈ 19.2%, which is what a statement must not show for a month.
    h = ValueHistory(((date(2025, 1, 1), D(1000)), (date(2025, 2, 1), D(1015))))
    f = figures(h, "1M", date(2025, 2, 1))
    assert not f.annualised
    assert f.xirr is not None and f.xirr > D("0.19")
    assert f.mwr is not None and abs(f.mwr - D("0.015")) < D("1e-8")
    assert f.mwr == pytest.approx(f.twr, abs=D("1e-8"))  # no flows: both say the same


def test_no_money_weighted_return_without_one() -> None:
    f = figures(ValueHistory(()), "1M", date(2025, 2, 1))
    assert f.mwr is None and not f.annualised


# --- concentration and allocation ------------------------------------------------------


def test_concentration() -> None:
    c = concentration({"a": D(50), "b": D(30), "c": D(20)})
    assert c == Concentration("a", D("0.5"), D(1))
    # shares of a whole that includes cash
    assert concentration({"a": D(50), "b": D(30)}, D(200)) == Concentration(
        "a", D("0.25"), D("0.4")
    )
    seven = {k: D(v) for k, v in zip("abcdefg", [30, 20, 15, 10, 10, 10, 5], strict=True)}
    assert concentration(seven).top5_weight == D("0.85")


def test_concentration_of_nothing() -> None:
    assert concentration({}) == Concentration(None, D(0), D(0))
    assert concentration({"a": D(0)}) == Concentration("a", D(0), D(0))


def test_allocation_by_any_key_largest_first() -> None:
    lines = [("equity", "CNY", D(100)), ("bond", "USD", D(300)), ("equity", "USD", D(250))]
    by_class = allocation_by(lines, lambda line: line[0], lambda line: line[2])
    assert list(by_class.items()) == [("equity", D(350)), ("bond", D(300))]
    by_currency = allocation_by(lines, lambda line: line[1], lambda line: line[2])
    assert list(by_currency.items()) == [("USD", D(550)), ("CNY", D(100))]
    ties = allocation_by([("x", D(0)), ("b", D(1)), ("a", D(1))], lambda t: t[0], lambda t: t[1])
    assert list(ties.items()) == [("a", D(1)), ("b", D(1))]  # ties by name; zero dropped


def test_allocation_by_an_attribute_of_valued_positions() -> None:
    rates = {"USD": D("7.1")}
    values = [
        value_position("F1", "equity", "CNY", D(100), D(10), rates),
        value_position("B1", "fixed_income", "USD", D(10), D(100), rates),
        value_position("F2", "equity", "USD", D(1), D(100), rates),
    ]
    assert allocation_by(values, "asset_class") == {
        "fixed_income": D("7100.00"),
        "equity": D("1710.00"),
    }
    assert allocation_by(values, "currency") == {"USD": D("7810.00"), "CNY": D("1000.00")}
    with pytest.raises(TypeError):
        allocation_by([("a", D(1))], lambda t: t[0])


# --- movements and the value history ---------------------------------------------------

ACCOUNT, FUND = uuid.uuid4(), uuid.uuid4()


def test_movements_follow_posting() -> None:
    def m(kind: TransactionKind, quantity: str | None, amount: str, fee: str = "0") -> Movement:
        q = D(quantity) if quantity is not None else None
        instrument = FUND if quantity is not None else None
        return movement(kind, D0, ACCOUNT, instrument, quantity=q, amount=D(amount), fee=D(fee))

    buy = m(K.BUY, "100", "1000", "5")
    assert (buy.units, buy.cash, buy.external_units, buy.external_cash) == (
        D(100),
        D(-1005),
        D(0),
        D(0),
    )
    sell = m(K.SELL, "40", "480", "2")
    assert (sell.units, sell.cash) == (D(-40), D(478))
    money_in = m(K.TRANSFER_IN, None, "5000", "1")
    assert (money_in.cash, money_in.external_cash) == (D(4999), D(5000))
    money_out = m(K.TRANSFER_OUT, None, "300")
    assert (money_out.cash, money_out.external_cash) == (D(-300), D(-300))
    shares_in = m(K.TRANSFER_IN, "10", "123", "1")
    assert (shares_in.units, shares_in.cash, shares_in.external_units) == (D(10), D(-1), D(10))
    shares_out = m(K.TRANSFER_OUT, "4", "50")
    assert (shares_out.units, shares_out.external_units) == (D(-4), D(-4))
    dividend = m(K.DIVIDEND, None, "12")
    assert (dividend.cash, dividend.external_cash) == (D(12), D(0))
    with pytest.raises(ValidationError):
        m(K.BUY, "-1", "10")


def market(prices: list[tuple[date, Decimal]]) -> MarketHistory:
    return MarketHistory({FUND: prices}, {}, {FUND: "CNY"}, {ACCOUNT: "CNY"})


def test_book_history_replays_the_movements() -> None:
    moves = [
        movement(K.TRANSFER_IN, DAYS[0], ACCOUNT, None, quantity=None, amount=D(1000), fee=D(0)),
        movement(K.BUY, DAYS[1], ACCOUNT, FUND, quantity=D(500), amount=D(500), fee=D(0)),
    ]
    record = BookRecord({ACCOUNT: D(500)}, {(ACCOUNT, FUND): D(500)}, {ACCOUNT: moves})
    h = book_history(record, market(series("1", "1", "1.2", "1.1")))
    assert h.points == tuple(series(1000, 1000, 1100, 1050))
    assert h.flows == {DAYS[0]: D(1000)} and not h.reconstructed


def test_book_history_holds_an_account_constant_when_its_history_is_missing() -> None:
    record = BookRecord({ACCOUNT: D(500)}, {(ACCOUNT, FUND): D(500)}, {})
    h = book_history(record, market(series("1", "1.2")))
    assert h.points == tuple(series(1000, 1100)) and h.flows == {} and h.reconstructed
    assert book_history(BookRecord({}, {}, {}), market([])).points == ()
