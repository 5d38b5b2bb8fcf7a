"""Portfolio arithmetic: valuation with FX into the reporting currency, allocation.

Pure functions over plain values; prices and rates are passed in, never looked up.
Also the value over time: replaying a book's transactions against daily prices and
rates (``book_history``). Returns and risk over that history (TWR, XIRR, volatility,
drawdown, reporting periods) are in ``app.domain.performance``.
"""

from __future__ import annotations

import uuid
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from operator import add, attrgetter
from typing import TypeVar

from app.domain.money import AMOUNT_SCALE, REPORTING_CURRENCY, quantize
from app.domain.performance import ValueHistory
from app.domain.posting import Position, TransactionKind, post

T = TypeVar("T")
ZERO = Decimal(0)
ONE = Decimal(1)
CENT = Decimal(1).scaleb(-AMOUNT_SCALE)


@dataclass(frozen=True)
class Valued:
    """One position valued in its own currency and in the reporting currency."""

    key: str
    asset_class: str
    currency: str
    quantity: Decimal
    price: Decimal
    value: Decimal
    value_reporting: Decimal


def fx_rate(currency: str, rates: Mapping[str, Decimal]) -> Decimal:
    """Units of the reporting currency per unit of ``currency``."""
    if currency == REPORTING_CURRENCY:
        return Decimal(1)
    try:
        return rates[currency]
    except KeyError:
        raise ValueError(f"no FX rate for {currency}") from None


def value_position(
    key: str,
    asset_class: str,
    currency: str,
    quantity: Decimal,
    price: Decimal,
    rates: Mapping[str, Decimal],
) -> Valued:
    value = quantize(quantity * price, AMOUNT_SCALE)
    reporting = quantize(quantity * price * fx_rate(currency, rates), AMOUNT_SCALE)
    return Valued(key, asset_class, currency, quantity, price, value, reporting)


def total(values: Iterable[Valued]) -> Decimal:
    return sum((v.value_reporting for v in values), Decimal(0))


def allocation(values: Iterable[Valued]) -> dict[str, Decimal]:
    """Reporting-currency value per asset class, largest first."""
    by_class: dict[str, Decimal] = defaultdict(Decimal)
    for v in values:
        by_class[v.asset_class] += v.value_reporting
    return dict(sorted(by_class.items(), key=lambda kv: kv[1], reverse=True))


def weights(amounts: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """Each amount's share of the total (0 when the total is 0)."""
    whole = sum(amounts.values(), Decimal(0))
    if whole == 0:
        return {k: Decimal(0) for k in amounts}
    return {k: v / whole for k, v in amounts.items()}


REPORTING_VALUES = ("value_reporting", "market_value_cny")  # Valued, the service's lines


def reporting_value(line: object) -> Decimal:
    """A line's value in the reporting currency (``value_reporting`` or ``market_value_cny``)."""
    for name in REPORTING_VALUES:
        amount = getattr(line, name, None)
        if isinstance(amount, Decimal):
            return amount
    raise TypeError(f"{type(line).__name__} has no reporting-currency value")


def allocation_by[T](
    lines: Iterable[T],
    key: str | Callable[[T], object],
    value: Callable[[T], Decimal] = reporting_value,
) -> dict[str, Decimal]:
    """``value`` summed per group, largest first (ties by name); zero groups dropped.

    ``key`` is an attribute name (``"asset_class"``, ``"currency"``, …) or a function of a
    line; groups are its values as text.
    """
    group = attrgetter(key) if isinstance(key, str) else key
    groups: dict[str, Decimal] = defaultdict(Decimal)
    for line in lines:
        groups[str(group(line))] += value(line)
    ordered = sorted(groups.items(), key=lambda kv: (-kv[1], kv[0]))
    return {k: v for k, v in ordered if v != 0}


@dataclass(frozen=True)
class Concentration:
    """The largest position and the top five, as Decimal fractions of the whole."""

    largest_key: str | None
    largest_weight: Decimal
    top5_weight: Decimal


def concentration(values: Mapping[str, Decimal], whole: Decimal | None = None) -> Concentration:
    """How concentrated ``values`` are: the largest one's and the top five's share.

    Shares are of ``whole`` when given (e.g. the portfolio total including cash, which is
    not itself a position), else of the sum of ``values``; all 0 when that is not positive.
    """
    total_value = sum(values.values(), Decimal(0)) if whole is None else whole
    ranked = sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or total_value <= 0:
        return Concentration(ranked[0][0] if ranked else None, Decimal(0), Decimal(0))
    top5 = sum((v for _, v in ranked[:5]), Decimal(0))
    return Concentration(ranked[0][0], ranked[0][1] / total_value, top5 / total_value)


# --- value over time: replaying transactions against daily prices and rates ------------

Slot = tuple[uuid.UUID, uuid.UUID]  # (account, instrument)
Series = Sequence[tuple[date, Decimal]]  # date-ordered


@dataclass(frozen=True, slots=True)
class Movement:
    """One transaction's effect: on a position, on its account's cash, and from outside.

    ``external_units`` are securities brought in (+) or taken out (-), a flow at market
    value; ``external_cash`` is money brought in or taken out, in the account's currency.
    """

    day: date
    account: uuid.UUID
    instrument: uuid.UUID | None
    units: Decimal
    cash: Decimal
    external_units: Decimal = Decimal(0)
    external_cash: Decimal = Decimal(0)


def movement(
    kind: TransactionKind,
    day: date,
    account: uuid.UUID,
    instrument: uuid.UUID | None,
    *,
    quantity: Decimal | None,
    amount: Decimal,
    fee: Decimal,
) -> Movement:
    """What booking the transaction does, by the rules of ``posting.post``.

    Raises ``ValidationError`` for a transaction ``post`` would refuse.
    """
    held = Position(quantity, Decimal(0)) if quantity and kind.removes_units else None
    cash = post(kind, held, Decimal(0), quantity=quantity, amount=amount, fee=fee).cash
    moved = Decimal(0)
    if quantity is not None and instrument is not None:
        moved = quantity if kind.adds_units else -quantity if kind.removes_units else moved
    sign = {TransactionKind.TRANSFER_IN: 1, TransactionKind.TRANSFER_OUT: -1}.get(kind, 0)
    if quantity is None:
        return Movement(day, account, instrument, moved, cash, external_cash=sign * amount)
    return Movement(day, account, instrument, moved, cash, external_units=abs(sign) * moved)


@dataclass
class Ledger:
    """Quantities by (account, instrument) and cash by account, at one moment."""

    units: dict[Slot, Decimal] = field(default_factory=dict)
    cash: dict[uuid.UUID, Decimal] = field(default_factory=dict)

    def apply(self, m: Movement) -> None:
        if m.instrument is not None and m.units:
            slot = (m.account, m.instrument)
            self.units[slot] = self.units.get(slot, Decimal(0)) + m.units
        self.cash[m.account] = self.cash.get(m.account, Decimal(0)) + m.cash

    def account(self, account: uuid.UUID) -> tuple[dict[uuid.UUID, Decimal], Decimal]:
        """The account's non-zero positions by instrument, and its cash."""
        held = {i: q for (a, i), q in self.units.items() if a == account and q != 0}
        return held, self.cash.get(account, Decimal(0))


def aligned(calendar: Sequence[date], series: Series, missing: Decimal) -> list[Decimal]:
    """The series' last value on or before each day (its first value before it starts)."""
    out: list[Decimal] = []
    k, last = 0, series[0][1] if series else missing
    for day in calendar:
        while k < len(series) and series[k][0] <= day:
            last = series[k][1]
            k += 1
        out.append(last)
    return out


@dataclass(frozen=True)
class MarketHistory:
    """Daily closes by instrument and CNY rates by currency, and what is in which currency.

    ``open_days`` are more days to value the book on (e.g. the market's days for a book
    that holds only CNY cash, which has no prices or rates of its own).
    """

    prices: Mapping[uuid.UUID, Series]
    rates: Mapping[str, Series]
    instrument_currency: Mapping[uuid.UUID, str]
    account_currency: Mapping[uuid.UUID, str]
    open_days: frozenset[date] = frozenset()

    @cached_property
    def days(self) -> frozenset[date]:
        """Every day with a price or rate the book uses, and the ``open_days``."""
        used = set(self.instrument_currency.values()) | set(self.account_currency.values())
        series = [*self.prices.values(), *(self.rates.get(c, ()) for c in used)]
        return self.open_days.union(d for s in series for d, _ in s)


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)  # as money.quantize(value, AMOUNT_SCALE)


@dataclass(slots=True)
class _Line:
    """A position or an account's cash, with its price and CNY rate on each calendar day."""

    prices: list[Decimal]
    rates: list[Decimal]
    quantity: Decimal = ZERO

    def values(self, first: int, stop: int) -> list[Decimal]:
        """Its value on days ``first`` to ``stop - 1``, as ``value_position`` would give."""
        q, prices, rates = self.quantity, self.prices[first:stop], self.rates[first:stop]
        return [
            (q * p * r).quantize(CENT, ROUND_HALF_UP) for p, r in zip(prices, rates, strict=True)
        ]

    def worth(self, quantity: Decimal, day: int) -> Decimal:
        return _cents(quantity * self.prices[day] * self.rates[day])


class _DailyValuer:
    """The book as lines valued on each calendar day at that day's price and rate."""

    def __init__(self, calendar: Sequence[date], market: MarketHistory) -> None:
        self.market = market
        self.size = len(calendar)
        self.prices = {i: aligned(calendar, s, ZERO) for i, s in market.prices.items()}
        used = set(market.instrument_currency.values()) | set(market.account_currency.values())
        self.rates = {c: self._rates(calendar, c) for c in used}
        self.ones = [ONE] * self.size
        self.lines: dict[object, _Line] = {}

    def _rates(self, calendar: Sequence[date], currency: str) -> list[Decimal]:
        series = self.market.rates.get(currency, ())
        if not series:
            return [fx_rate(currency, {})] * len(calendar)  # CNY, or an error
        return aligned(calendar, series, ONE)

    def position(self, slot: Slot) -> _Line:
        line = self.lines.get(slot)
        if line is None:
            prices = self.prices.get(slot[1]) or [ZERO] * self.size
            rates = self.rates[self.market.instrument_currency[slot[1]]]
            line = self.lines[slot] = _Line(prices, rates)
        return line

    def cash(self, account: uuid.UUID) -> _Line:
        line = self.lines.get(account)
        if line is None:
            rates = self.rates[self.market.account_currency[account]]
            line = self.lines[account] = _Line(self.ones, rates)
        return line

    def book(self, m: Movement, day: int) -> Decimal:
        """Apply a movement; its external flow valued on ``day``."""
        self.cash(m.account).quantity += m.cash
        if m.instrument is None:
            return self.cash(m.account).worth(m.external_cash, day) if m.external_cash else ZERO
        position = self.position((m.account, m.instrument))
        position.quantity += m.units
        return position.worth(m.external_units, day) if m.external_units else ZERO

    def add_values(self, totals: list[Decimal], first: int, stop: int) -> None:
        """Add the book's value on days ``first`` to ``stop - 1`` (nothing moved) to ``totals``."""
        for line in self.lines.values():
            if line.quantity:
                totals[first:stop] = map(add, totals[first:stop], line.values(first, stop))


def history_calendar(
    market_days: Iterable[date], movements: Sequence[Movement], since: date | None
) -> list[date]:
    """Market days from ``since`` (the first movement's day when None), plus any movement
    day after the last market day, so the history reaches every booked transaction."""
    first = since if since is not None else min((m.day for m in movements), default=None)
    days = {d for d in market_days if first is None or d >= first}
    last = max(days, default=None)
    days.update(m.day for m in movements if last is None or m.day > last)
    return sorted(days)


def value_history(
    calendar: Sequence[date],
    start: Ledger,
    movements: Sequence[Movement],
    market: MarketHistory,
) -> ValueHistory:
    """Closing value in CNY on each calendar day, replaying date-ordered ``movements``
    onto ``start``; a movement is booked on the first calendar day on or after its own,
    and its external part is that day's flow."""
    valuer = _DailyValuer(calendar, market)
    for slot, quantity in start.units.items():
        valuer.position(slot).quantity += quantity
    for account, cash in start.cash.items():
        valuer.cash(account).quantity += cash
    totals = [ZERO] * len(calendar)
    flows: dict[date, Decimal] = {}
    opened = 0  # the book is unchanged since this day
    for m in movements:
        day = bisect_left(calendar, m.day)
        if day > opened:
            valuer.add_values(totals, opened, day)
            opened = day
        flows[calendar[day]] = flows.get(calendar[day], ZERO) + valuer.book(m, day)
    valuer.add_values(totals, opened, len(calendar))
    points = tuple(zip(calendar, totals, strict=True))
    return ValueHistory(points, {d: f for d, f in flows.items() if f})


@dataclass(frozen=True)
class BookRecord:
    """What the vault holds for a book: each account's cash, the holdings, the movements.

    ``movements`` maps an account to its date-ordered movements, or to None when its
    transactions cannot be posted (then, like an account whose transactions do not add up
    to its holdings and cash, it is held constant).
    """

    cash: Mapping[uuid.UUID, Decimal]
    holdings: Mapping[Slot, Decimal]
    movements: Mapping[uuid.UUID, Sequence[Movement] | None]


def _adds_up(record: BookRecord, account: uuid.UUID, moves: Sequence[Movement]) -> bool:
    ledger = Ledger()
    for m in moves:
        ledger.apply(m)
    held = {i: q for (a, i), q in record.holdings.items() if a == account and q != 0}
    return ledger.account(account) == (held, record.cash[account])


def book_history(record: BookRecord, market: MarketHistory) -> ValueHistory:
    """The book's daily value, replaying every account whose transactions add up to its
    holdings and cash; the others are held constant (and the history is ``reconstructed``)."""
    start, constant = Ledger(), False
    replayed: list[Movement] = []
    for account, cash in record.cash.items():
        moves = record.movements.get(account, ())
        if moves is not None and _adds_up(record, account, moves):
            replayed.extend(moves)
            continue
        constant = True
        start.units.update((s, q) for s, q in record.holdings.items() if s[0] == account and q)
        start.cash[account] = cash
    replayed.sort(key=lambda m: m.day)
    carried = any(start.units.values()) or any(start.cash.values())
    if not replayed and not carried:
        return ValueHistory((), {})
    calendar = history_calendar(market.days, replayed, date.min if carried else None)
    history = value_history(calendar, start, replayed, market)
    return replace(history, reconstructed=constant)
