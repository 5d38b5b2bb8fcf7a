"""Holdings, valuation and tiers: what each client holds and what it is worth.

A client's financial assets at the bank (cash plus positions in accounts at this
bank, at the latest price and FX rate) set the tier. Those derived columns are
refreshed here and are local-only: the server computes its own.

For the Portfolio tab: the value history (replaying the transactions against daily
prices and rates), performance per reporting period, allocation and concentration.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import ColumnElement, Row, and_, func, select, type_coerce, update
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.types import NullType

from app.domain import portfolio as calc
from app.domain.errors import ValidationError
from app.domain.ids import ClientId
from app.domain.money import AMOUNT_SCALE, REPORTING_CURRENCY, quantize
from app.domain.performance import PerformanceFigures, ValueHistory, figures, figures_table
from app.domain.posting import Position, TransactionKind, post
from app.services.config import tier_table
from app.vault.models import (
    Account,
    Client,
    FxRate,
    Holding,
    HouseholdMember,
    Instrument,
    Price,
    Transaction,
)
from app.vault.types import ScaledDecimal, utc_now

if TYPE_CHECKING:
    from app.services.workspace import Workspace

    TxnRow = Row[uuid.UUID, uuid.UUID | None, str, date, Decimal | None, Decimal, Decimal]


@dataclass(frozen=True)
class HoldingLine:
    account: str
    at_this_bank: bool
    code: str
    name: str
    type: str
    asset_class: str
    risk_rating: int
    currency: str
    quantity: Decimal
    price: Decimal
    market_value: Decimal
    market_value_cny: Decimal
    cost_basis: Decimal


@dataclass(frozen=True)
class PortfolioSummary:
    client_id: ClientId
    total_cny: Decimal
    at_bank_cny: Decimal
    cash_cny: Decimal
    holdings: tuple[HoldingLine, ...]
    by_asset_class: dict[str, Decimal]


# How the allocation charts group a holding; cash joins as "cash" (R1: it is a deposit),
# or under its account's currency.
ALLOCATION_KEYS: dict[str, Callable[[HoldingLine], str]] = {
    "asset_class": lambda line: line.asset_class,
    "type": lambda line: line.type,
    "currency": lambda line: line.currency,
    "risk_rating": lambda line: f"R{line.risk_rating}",
}
CASH_GROUPS = {"asset_class": "cash", "type": "cash", "risk_rating": "R1"}
TXN_COLUMNS = (
    Transaction.account_id,
    Transaction.instrument_id,
    Transaction.kind,
    Transaction.trade_date,
    Transaction.quantity,
    Transaction.amount,
    Transaction.fee,
)
K = TypeVar("K")


def latest_prices(
    session: Session, instrument_ids: Iterable[uuid.UUID] | None = None
) -> dict[uuid.UUID, Decimal]:
    latest = select(Price.instrument_id, func.max(Price.day).label("day")).group_by(
        Price.instrument_id
    )
    if instrument_ids is not None:
        latest = latest.where(Price.instrument_id.in_(list(instrument_ids)))
    sub = latest.subquery()
    rows = session.execute(
        select(Price.instrument_id, Price.close).join(
            sub, (Price.instrument_id == sub.c.instrument_id) & (Price.day == sub.c.day)
        )
    )
    return {i: c for i, c in rows}


def latest_rates(session: Session) -> dict[str, Decimal]:
    sub = (
        select(FxRate.currency, func.max(FxRate.day).label("day"))
        .group_by(FxRate.currency)
        .subquery()
    )
    rows = session.execute(
        select(FxRate.currency, FxRate.rate_to_cny).join(
            sub, (FxRate.currency == sub.c.currency) & (FxRate.day == sub.c.day)
        )
    )
    return {c: r for c, r in rows}


def _member_ids(session: Session, client_id: uuid.UUID) -> list[uuid.UUID]:
    members = list(
        session.scalars(
            select(HouseholdMember.member_id).where(
                HouseholdMember.household_id == client_id, HouseholdMember.deleted_at.is_(None)
            )
        )
    )
    return [client_id, *members]


def _with_households(session: Session, client_ids: Iterable[uuid.UUID]) -> list[uuid.UUID]:
    """The clients plus every household they belong to (whose value they change)."""
    ids = set(client_ids)
    ids.update(
        session.scalars(
            select(HouseholdMember.household_id).where(
                HouseholdMember.member_id.in_(list(ids)), HouseholdMember.deleted_at.is_(None)
            )
        )
    )
    return list(ids)


class PortfolioService:
    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def summary(self, client_id: ClientId) -> PortfolioSummary:
        """The client's (or household's) holdings valued at the latest prices."""
        with self._ws.begin() as s:
            owners = _member_ids(s, client_id)
            rows = s.execute(
                select(Account, Holding, Instrument)
                .join(Holding, Holding.account_id == Account.id)
                .join(Instrument, Instrument.id == Holding.instrument_id)
                .where(
                    Account.client_id.in_(owners),
                    Account.deleted_at.is_(None),
                    Holding.deleted_at.is_(None),
                    Holding.quantity > 0,
                )
            ).all()
            prices = latest_prices(s, {i.id for _, _, i in rows})
            rates = latest_rates(s)
            accounts = list(
                s.scalars(
                    select(Account).where(
                        Account.client_id.in_(owners), Account.deleted_at.is_(None)
                    )
                )
            )
        lines = [self._line(a, h, i, prices, rates) for a, h, i in rows]
        lines.sort(key=lambda line: line.market_value_cny, reverse=True)
        cash = sum(
            (
                quantize(a.cash_balance * calc.fx_rate(a.currency, rates), AMOUNT_SCALE)
                for a in accounts
            ),
            Decimal(0),
        )
        bank_cash = sum(
            (
                quantize(a.cash_balance * calc.fx_rate(a.currency, rates), AMOUNT_SCALE)
                for a in accounts
                if a.at_this_bank
            ),
            Decimal(0),
        )
        by_class: dict[str, Decimal] = defaultdict(Decimal)
        for line in lines:
            by_class[line.asset_class] += line.market_value_cny
        if cash:
            by_class["cash"] += cash
        invested = sum((line.market_value_cny for line in lines), Decimal(0))
        at_bank = sum((line.market_value_cny for line in lines if line.at_this_bank), Decimal(0))
        return PortfolioSummary(
            client_id,
            invested + cash,
            at_bank + bank_cash,
            cash,
            tuple(lines),
            dict(sorted(by_class.items(), key=lambda kv: -kv[1])),
        )

    @staticmethod
    def _line(
        a: Account,
        h: Holding,
        i: Instrument,
        prices: dict[uuid.UUID, Decimal],
        rates: dict[str, Decimal],
    ) -> HoldingLine:
        price = prices.get(i.id, Decimal(0))
        v = calc.value_position(i.code, i.asset_class, i.currency, h.quantity, price, rates)
        return HoldingLine(
            a.name,
            a.at_this_bank,
            i.code,
            i.name,
            i.type,
            i.asset_class,
            i.risk_rating,
            i.currency,
            h.quantity,
            price,
            v.value,
            v.value_reporting,
            h.cost_basis,
        )

    def revalue(self, session: Session, client_ids: Iterable[uuid.UUID] | None = None) -> int:
        """Refresh financial assets and tier for the given clients (all when None)."""
        prices = latest_prices(session)
        rates = latest_rates(session)
        assets: dict[uuid.UUID, Decimal] = defaultdict(Decimal)
        wanted = None if client_ids is None else _with_households(session, client_ids)
        holding_rows = (
            select(Account.client_id, Holding.quantity, Holding.instrument_id, Instrument.currency)
            .join(Holding, Holding.account_id == Account.id)
            .join(Instrument, Instrument.id == Holding.instrument_id)
            .where(
                Account.at_this_bank.is_(True),
                Account.deleted_at.is_(None),
                Holding.deleted_at.is_(None),
            )
        )
        cash_rows = select(Account.client_id, Account.cash_balance, Account.currency).where(
            Account.at_this_bank.is_(True), Account.deleted_at.is_(None)
        )
        if wanted is not None:
            holding_rows = holding_rows.where(Account.client_id.in_(wanted))
            cash_rows = cash_rows.where(Account.client_id.in_(wanted))
        for owner, qty, instrument_id, currency in session.execute(holding_rows):
            assets[owner] += (
                qty * prices.get(instrument_id, Decimal(0)) * calc.fx_rate(currency, rates)
            )
        for owner, cash, currency in session.execute(cash_rows):
            assets[owner] += cash * calc.fx_rate(currency, rates)
        owners = (
            wanted
            if wanted is not None
            else list(session.scalars(select(Client.id).where(Client.deleted_at.is_(None))))
        )
        values = {cid: quantize(assets.get(cid, Decimal(0)), AMOUNT_SCALE) for cid in owners}
        self._add_households(session, values)
        self._store(session, values)
        return len(values)

    @staticmethod
    def _add_households(session: Session, values: dict[uuid.UUID, Decimal]) -> None:
        links = session.execute(
            select(HouseholdMember.household_id, HouseholdMember.member_id).where(
                HouseholdMember.deleted_at.is_(None)
            )
        ).all()
        touched = {h for h, m in links if m in values}
        totals: dict[uuid.UUID, Decimal] = {h: Decimal(0) for h in touched}
        member_value = dict(values)
        missing = {m for h, m in links if h in touched and m not in member_value}
        if missing:
            member_value.update(
                {
                    cid: value
                    for cid, value in session.execute(
                        select(Client.id, Client.financial_assets_cny).where(Client.id.in_(missing))
                    )
                }
            )
        for h, m in links:
            if h in touched:
                totals[h] += member_value.get(m, Decimal(0))
        # A household's own accounts count too (valued above: households are always asked for).
        for h, own in totals.items():
            values[h] = own + values.get(h, Decimal(0))

    @staticmethod
    def _store(session: Session, values: dict[uuid.UUID, Decimal]) -> None:
        table = tier_table()
        now = utc_now()
        rows = [
            {
                "id": cid,
                "financial_assets_cny": v,
                "tier": table.for_assets(v).code,
                "assets_valued_at": now,
            }
            for cid, v in values.items()
        ]
        for start in range(0, len(rows), 2000):
            session.execute(update(Client), rows[start : start + 2000])

    def book_transaction(
        self,
        session: Session,
        account_id: uuid.UUID,
        kind: TransactionKind,
        trade_date: date,
        *,
        instrument_id: uuid.UUID | None = None,
        quantity: Decimal | None = None,
        price: Decimal | None = None,
        amount: Decimal,
        fee: Decimal = Decimal(0),
    ) -> Transaction:
        """Record a transaction and post it to the holding and the account's cash."""
        account = session.get(Account, account_id)
        if account is None or account.deleted_at is not None:
            raise ValidationError(f"There is no account {account_id}.")
        if instrument_id is None and (kind.adds_units or kind.removes_units) and quantity:
            raise ValidationError(f"A {kind} of units needs the instrument it is in.")
        holding = None
        if instrument_id is not None:
            holding = session.scalar(
                select(Holding).where(
                    Holding.account_id == account_id,
                    Holding.instrument_id == instrument_id,
                    Holding.deleted_at.is_(None),
                )
            )
        before = Position(holding.quantity, holding.cost_basis) if holding else None
        posted = post(kind, before, account.cash_balance, quantity=quantity, amount=amount, fee=fee)
        account.cash_balance = posted.cash
        if posted.position is not None and instrument_id is not None:
            if holding is None:
                holding = Holding(account_id=account_id, instrument_id=instrument_id)
                session.add(holding)
            holding.quantity = posted.position.quantity
            holding.cost_basis = posted.position.cost_basis
        txn = Transaction(
            account_id=account_id,
            instrument_id=instrument_id,
            kind=kind.value,
            trade_date=trade_date,
            quantity=quantity,
            price=price,
            amount=amount,
            fee=fee,
            currency=account.currency,
        )
        session.add(txn)
        return txn

    # --- the Portfolio tab: history, performance, allocation, concentration ------------

    def history(
        self, client_id: ClientId, start: date | None = None, end: date | None = None
    ) -> ValueHistory:
        """The client's (or household's) value in CNY on each priced day, with its flows.

        Positions and cash are replayed from the transactions, so the history starts on
        the first transaction's day (the first priced day on or after it). An account whose
        transactions do not add up to its holdings and cash is held constant instead, and
        the history is ``reconstructed``; ``start`` and ``end`` cut it, inclusive.
        """
        with self._ws.begin() as s:
            record, market = _history_inputs(s, _member_ids(s, client_id))
            if not market.days:  # only CNY cash: value it on the days the market was open
                days = frozenset(s.scalars(select(FxRate.day).distinct()))
                market = replace(market, open_days=days)
        return calc.book_history(record, market).between(start, end)

    def performance(
        self, client_id: ClientId, period: str, today: date | None = None
    ) -> PerformanceFigures:
        """TWR, XIRR, volatility and drawdown over a period (1M, 3M, YTD, 1Y, 3Y, ALL)."""
        return figures(self.history(client_id), period, today or date.today())

    def performance_table(
        self,
        client_id: ClientId,
        today: date | None = None,
        history: ValueHistory | None = None,
    ) -> list[PerformanceFigures]:
        """``performance`` for 1M, 3M, YTD, 1Y, 3Y and ALL, from one history (pass it in
        when you already have it: it is the expensive part)."""
        return figures_table(history or self.history(client_id), today or date.today())

    def allocation(
        self, client_id: ClientId, by: str, summary: PortfolioSummary | None = None
    ) -> dict[str, Decimal]:
        """CNY value per asset class, type, currency or risk rating (R1–R5), cash included."""
        return self.allocations(client_id, (by,), summary)[by]

    def allocations(
        self,
        client_id: ClientId,
        keys: Iterable[str] = tuple(ALLOCATION_KEYS),
        summary: PortfolioSummary | None = None,
    ) -> dict[str, dict[str, Decimal]]:
        """``allocation`` for several keys, reading the holdings and cash once."""
        keys = tuple(keys)
        for by in keys:
            if by not in ALLOCATION_KEYS:
                raise ValueError(
                    f"cannot allocate by {by!r}: use one of {', '.join(ALLOCATION_KEYS)}"
                )
        summary = summary or self.summary(client_id)
        cash = self._cash_by_currency(client_id)
        result = {}
        for by in keys:
            values = calc.allocation_by(summary.holdings, ALLOCATION_KEYS[by])
            for currency, amount in cash.items():
                group = CASH_GROUPS.get(by, currency)
                values[group] = values.get(group, Decimal(0)) + amount
            result[by] = calc.allocation_by(values.items(), lambda kv: kv[0], lambda kv: kv[1])
        return result

    def concentration(
        self, client_id: ClientId, summary: PortfolioSummary | None = None
    ) -> calc.Concentration:
        """The largest position (by product code, over all accounts) and the top five, as
        shares of the whole portfolio including cash."""
        summary = summary or self.summary(client_id)
        by_code: dict[str, Decimal] = defaultdict(Decimal)
        for line in summary.holdings:
            by_code[line.code] += line.market_value_cny
        return calc.concentration(by_code, summary.total_cny)

    def _cash_by_currency(self, client_id: ClientId) -> dict[str, Decimal]:
        with self._ws.begin() as s:
            owners = _member_ids(s, client_id)
            rates = latest_rates(s)
            rows = s.execute(
                select(Account.currency, Account.cash_balance).where(
                    Account.client_id.in_(owners), Account.deleted_at.is_(None)
                )
            ).all()
        out: dict[str, Decimal] = defaultdict(Decimal)
        for currency, cash in rows:
            out[currency] += quantize(cash * calc.fx_rate(currency, rates), AMOUNT_SCALE)
        return dict(out)


def _movements(rows: Iterable[TxnRow]) -> dict[uuid.UUID, list[calc.Movement] | None]:
    """Each account's movements in date order; None for an account with an unpostable one."""
    out: dict[uuid.UUID, list[calc.Movement] | None] = {}
    for t in rows:
        moves = out.setdefault(t.account_id, [])
        if moves is None:
            continue
        try:
            kind = TransactionKind(t.kind)
            moves.append(
                calc.movement(
                    kind,
                    t.trade_date,
                    t.account_id,
                    t.instrument_id,
                    quantity=t.quantity,
                    amount=t.amount,
                    fee=t.fee,
                )
            )
        except (ValueError, ValidationError):
            out[t.account_id] = None
    return out


def _decoded(s: Session, column: InstrumentedAttribute[Any], stored: Iterable[Any]) -> list[Any]:
    """Stored values decoded as the column's type does, a whole column at a time (each
    distinct value once, where decoding is more than arithmetic)."""
    if isinstance(column.type, ScaledDecimal):  # the same as its decoding, without the layers
        unit = Decimal(1).scaleb(-column.type.scale)
        return list(map(unit.__mul__, map(Decimal, stored)))
    dialect = s.get_bind().dialect
    process = column.type.dialect_impl(dialect).result_processor(dialect, None)
    return list(stored) if process is None else list(map(cache(process), stored))


def _daily[K](
    s: Session,
    key: InstrumentedAttribute[K],
    day: InstrumentedAttribute[date],
    value: InstrumentedAttribute[Decimal],
    where: ColumnElement[bool],
    since: date | None = None,
) -> dict[K, list[tuple[date, Decimal]]]:
    """Date-ordered ``(day, value)`` series by key, from ``since``'s last rows on.

    Three years of prices are thousands of rows repeating the same ids and days: they are
    read as stored and decoded column by column, which costs less than reading them.
    """
    if since is not None:  # from the earliest of each key's last day on or before ``since``
        last = select(func.max(day).label("day")).where(where, day <= since).group_by(key)
        start = s.scalar(select(func.min(last.subquery().c.day)))
        where = and_(where, day >= (start or since))
    stored = [type_coerce(c, NullType()) for c in (key, day, value)]
    query = select(*stored).where(where).order_by(key, day)
    rows = s.connection().execute(query).all()  # Core: no ORM row loading
    if not rows:
        return {}
    keys, days, values = zip(*rows, strict=True)
    pairs = list(zip(_decoded(s, day, days), _decoded(s, value, values), strict=True))
    out: dict[K, list[tuple[date, Decimal]]] = {}
    for k, decoded in zip(dict.fromkeys(keys), _decoded(s, key, dict.fromkeys(keys)), strict=True):
        first = keys.index(k)  # ordered by key, so each key's rows are together
        out[decoded] = pairs[first : first + keys.count(k)]
    return out


def _first_needed(record: calc.BookRecord) -> date | None:
    """The first transaction's day when every account that holds anything has transactions;
    else None (an account held constant is valued on every day with prices)."""
    firsts: list[date] = []
    for account, cash in record.cash.items():
        moves = record.movements.get(account, ())
        holds = any(q for (a, _), q in record.holdings.items() if a == account)
        if moves is None or (not moves and (cash or holds)):
            return None
        firsts.extend(m.day for m in moves[:1])
    return min(firsts, default=None)


def _history_inputs(
    s: Session, owners: list[uuid.UUID]
) -> tuple[calc.BookRecord, calc.MarketHistory]:
    """Accounts, holdings and transactions of ``owners``, and the prices and rates they need."""
    accounts = s.execute(
        select(Account.id, Account.currency, Account.cash_balance).where(
            Account.client_id.in_(owners), Account.deleted_at.is_(None)
        )
    ).all()
    ids = [a.id for a in accounts]
    holdings = s.execute(
        select(Holding.account_id, Holding.instrument_id, Holding.quantity).where(
            Holding.account_id.in_(ids), Holding.deleted_at.is_(None)
        )
    ).all()
    txns = s.execute(
        select(*TXN_COLUMNS)
        .where(Transaction.account_id.in_(ids), Transaction.deleted_at.is_(None))
        .order_by(Transaction.trade_date)
    )
    movements = _movements(txns)
    used = {h.instrument_id for h in holdings} | {
        m.instrument for ms in movements.values() for m in ms or () if m.instrument
    }
    currency = dict(
        s.execute(select(Instrument.id, Instrument.currency).where(Instrument.id.in_(used))).all()
    )
    foreign = (set(currency.values()) | {a.currency for a in accounts}) - {REPORTING_CURRENCY}
    record = calc.BookRecord(
        {a.id: a.cash_balance for a in accounts},
        {(h.account_id, h.instrument_id): h.quantity for h in holdings},
        movements,
    )
    since = _first_needed(record)
    prices = _daily(
        s, Price.instrument_id, Price.day, Price.close, Price.instrument_id.in_(used), since
    )
    rates = _daily(
        s, FxRate.currency, FxRate.day, FxRate.rate_to_cny, FxRate.currency.in_(foreign), since
    )
    market = calc.MarketHistory(prices, rates, currency, {a.id: a.currency for a in accounts})
    return record, market
