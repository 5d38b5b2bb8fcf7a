"""The demo book's portfolios: accounts, holdings and three years of transactions.

Transactions come first; holdings and cash balances are what ``app.domain.posting.post``
leaves after booking them in order, so the history always adds up to the book. The
amount each client holds at the bank is set from the client's target at today's prices,
so every tier is present; what was paid years ago follows from the price history.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal
from itertools import accumulate
from typing import Any

from app.domain.ids import new_id
from app.domain.posting import Position, Posted, TransactionKind, post
from app.services.config import tier_table
from app.services.demo_data import PersonDraft, Words
from app.services.demo_market import Market, Product

ZERO = Decimal(0)
CENT = Decimal("0.01")
K = TransactionKind
# Which products each kind of account holds, by weight.
TYPE_WEIGHTS: dict[str, dict[str, float]] = {
    "mass": {"deposit": 3, "wmp": 6, "mutual_fund": 4, "gold": 1, "insurance": 1},
    "vip": {
        "deposit": 3,
        "wmp": 6,
        "mutual_fund": 5,
        "bond": 1,
        "insurance": 2,
        "gold": 1,
        "structured": 1,
        "equity": 1,
    },
    "wealth": {
        "deposit": 2,
        "wmp": 5,
        "mutual_fund": 5,
        "bond": 2,
        "insurance": 2,
        "structured": 2,
        "equity": 2,
        "gold": 1,
        "trust": 1,
        "private_fund": 1,
    },
    "private": {
        "deposit": 1,
        "wmp": 4,
        "mutual_fund": 4,
        "bond": 2,
        "insurance": 2,
        "structured": 2,
        "equity": 2,
        "gold": 1,
        "trust": 3,
        "private_fund": 3,
    },
    "USD": {
        "deposit": 3,
        "wmp": 2,
        "mutual_fund": 3,
        "bond": 2,
        "equity": 1,
        "structured": 1,
        "gold": 1,
    },
    "HKD": {"deposit": 2, "mutual_fund": 1, "bond": 1, "equity": 3},
    "broker": {"equity": 4, "mutual_fund": 3, "bond": 1},
    "insurer": {"insurance": 1},
    "bank": {"deposit": 2, "wmp": 3, "mutual_fund": 2},
}
FALLBACK = {"wmp": 1.0, "deposit": 1.0, "mutual_fund": 1.0}
EXTERNAL = (("broker", 0.5), ("insurer", 0.3), ("bank", 0.2))
EXTERNAL_NAMES = {"broker": "证券账户", "insurer": "保单账户", "bank": "借记卡账户"}
MAIN_NAMES = {"private": "私人银行综合账户", "wealth": "财富管理账户"}
FX_NAMES = {"USD": "美元账户", "HKD": "港币账户"}
QUALIFIED_CNY = 3_000_000  # 合格投资者: trusts, private funds and snowballs only above this
# Within a day: income first, then sales, then purchases, then fees and withdrawals.
RANK = {
    K.DIVIDEND: 0,
    K.INTEREST: 0,
    K.SELL: 1,
    K.REDEMPTION: 1,
    K.BUY: 2,
    K.SUBSCRIPTION: 2,
    K.TRANSFER_IN: 2,
    K.FEE: 3,
    K.TRANSFER_OUT: 4,
}


@dataclass(slots=True)
class Txn:
    day: int
    kind: TransactionKind
    product: Product | None = None
    quantity: Decimal | None = None
    price: Decimal | None = None
    amount: Decimal = ZERO
    fee: Decimal = ZERO


@dataclass
class AccountPlan:
    name: str
    institution: str
    at_this_bank: bool
    currency: str
    types: dict[str, float]
    budget_cny: float
    cash_cny: float
    slots: int
    id: Any = field(default_factory=new_id)


@dataclass
class Portfolio:
    """Rows (without sync columns) for one client, and the products the client holds."""

    accounts: list[dict[str, Any]] = field(default_factory=list)
    holdings: list[dict[str, Any]] = field(default_factory=list)
    transactions: list[dict[str, Any]] = field(default_factory=list)
    held: list[Product] = field(default_factory=list)


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT)


def _rate(value: float) -> Decimal:
    return Decimal(repr(value))


def luhn_digit(body: str) -> str:
    total = 0
    for position, char in enumerate(reversed(body)):
        digit = int(char) * (2 if position % 2 == 0 else 1)
        total += digit - 9 if digit > 9 else digit
    return str(-total % 10)


def holding_count(rng: random.Random, target: float) -> int:
    """3 for a small saver up to 15 for a large private-banking client."""
    spread = 2.5 * math.log10(max(target, 10_000.0) / 10_000.0)
    return min(15, max(3, 3 + int(spread) + rng.randint(-1, 2)))


class PortfolioMaker:
    """Accounts, holdings and transactions for one client at a time."""

    def __init__(self, rng: random.Random, market: Market, words: Words) -> None:
        self.rng = rng
        self.market = market
        self.bank: str = words.doc["this_bank"]
        self.institutions: dict[str, list[str]] = words.doc["institutions"]
        self.numbers: set[str] = set()
        self.last = len(market.days) - 1

    # --- accounts -----------------------------------------------------------------

    def account_number(self) -> str:
        while True:
            length = 19 if self.rng.random() < 0.8 else 16
            body = "62" + "".join(str(self.rng.randrange(10)) for _ in range(length - 3))
            number = body + luhn_digit(body)
            if number not in self.numbers:
                self.numbers.add(number)
                return number

    def _external(self, budget: float, slots: int) -> AccountPlan:
        rng = self.rng
        kind = rng.choices([k for k, _ in EXTERNAL], [w for _, w in EXTERNAL])[0]
        if kind == "insurer":
            budget = max(budget, 60_000.0 * slots)
        cash = 0.0 if kind == "insurer" else budget * rng.uniform(0.0, 0.05)
        return AccountPlan(
            EXTERNAL_NAMES[kind],
            rng.choice(self.institutions[kind]),
            False,
            "CNY",
            TYPE_WEIGHTS[kind],
            budget,
            cash,
            slots,
        )

    def plans(self, person: PersonDraft) -> list[AccountPlan]:
        rng = self.rng
        target = person.target_cny
        n = holding_count(rng, target)
        if person.data.status == "prospect":
            first = rng.randint(1, n - 1) if rng.random() < 0.4 else n
            plans = [self._external(target * first / n, first)]
            return plans + (
                [self._external(target * (n - first) / n, n - first)] if first < n else []
            )
        tier = tier_table().for_assets(Decimal(int(target))).code
        n_fx = rng.randint(1, 2) if target >= 1_000_000 and rng.random() < 0.3 else 0
        n_ext = rng.randint(1, 2) if rng.random() < (0.5 if target >= 3e6 else 0.3) else 0
        n_ext = max(0, min(n_ext, n - n_fx - 2))
        cash = target * rng.uniform(0.01, 0.1)
        fx_share = rng.uniform(0.15, 0.35) if n_fx else 0.0
        main = AccountPlan(
            MAIN_NAMES.get(tier, "借记卡账户"),
            self.bank,
            True,
            "CNY",
            TYPE_WEIGHTS.get(tier, TYPE_WEIGHTS["vip"]),
            (target - cash) * (1 - fx_share),
            cash,
            n - n_fx - n_ext,
        )
        plans = [main]
        if n_fx:
            currency = "USD" if rng.random() < 0.7 else "HKD"
            fx_value = (target - cash) * fx_share
            plans.append(
                AccountPlan(
                    FX_NAMES[currency],
                    self.bank,
                    True,
                    currency,
                    TYPE_WEIGHTS[currency],
                    fx_value * 0.97,
                    fx_value * 0.03,
                    n_fx,
                )
            )
        if n_ext:
            plans.append(self._external(target * rng.uniform(0.2, 1.2), n_ext))
        return plans

    # --- choosing products ------------------------------------------------------------

    def units(self, product: Product, value_cny: float, qualified: bool) -> int:
        """Whole lots worth about ``value_cny`` at today's price, or 0 if it does not fit."""
        if value_cny < product.min_cny or (product.min_cny >= 1e6 and not qualified):
            return 0
        lot_cny = float(
            product.prices[-1] * product.lot * self.market.rate(product.currency, self.last)
        )
        exact = value_cny / lot_cny
        units = round(exact)
        return units if 1 <= units <= exact * 1.5 + 1e-9 else 0

    def pick(
        self, plan: AccountPlan, value_cny: float, taken: set[str], qualified: bool
    ) -> tuple[Product, int] | None:
        rng = self.rng
        for types in (plan.types, FALLBACK):
            pools = [(self.market.by_kind.get((plan.currency, t), []), w) for t, w in types.items()]
            pools = [(p, w) for p, w in pools if p]
            if not pools:
                continue
            for _ in range(6):
                pool = rng.choices([p for p, _ in pools], [w for _, w in pools])[0]
                product = rng.choice(pool)
                units = self.units(product, value_cny, qualified)
                if units and product.code not in taken:
                    return product, units
            every = [p for pool, _ in pools for p in pool]
            start = rng.randrange(len(every))
            for k in range(len(every)):
                product = every[(start + k) % len(every)]
                units = self.units(product, value_cny, qualified)
                if units and product.code not in taken:
                    return product, units
        return None

    # --- transactions ---------------------------------------------------------------

    def _trade(
        self, day: int, kind: TransactionKind, product: Product, units: int, fee_rate: float
    ) -> Txn:
        quantity = product.lot * units
        price = product.prices[day]
        amount = _money(quantity * price)
        fee = _money(amount * _rate(fee_rate)) if fee_rate else ZERO
        if fee_rate and product.type == "equity" and product.currency == "CNY":
            fee = max(fee, Decimal(5))
        return Txn(day, kind, product, quantity, price, amount, fee)

    def trades(self, product: Product, units: int, first: int, last: int) -> list[Txn]:
        """Purchases (and perhaps a sale) whose units add up to ``units``."""
        rng = self.rng
        buys = 1 if rng.random() < 0.55 else 2 if rng.random() < 0.67 else 3
        room = last - 10 - first
        buys = max(1, min(buys, units, room // 20))
        sell = (
            product.lockup == 0
            and product.type in ("equity", "bond", "gold", "mutual_fund")
            and units >= 4
            and room >= 40
            and rng.random() < 0.3
        )
        sold = max(1, round(units * rng.uniform(0.1, 0.5))) if sell else 0
        bought = units + sold
        cuts = sorted(rng.sample(range(1, bought), buys - 1))
        parts = [b - a for a, b in zip([0, *cuts], [*cuts, bought], strict=True)]
        days = sorted(rng.sample(range(first, max(first, last - 10) + 1), buys))
        txns = [
            self._trade(d, product.buy_kind, product, q, product.buy_fee)
            for d, q in zip(days, parts, strict=True)
        ]
        if sold:
            k = rng.randint(1, buys)
            while sum(parts[:k]) < sold or (k < buys and days[k] - days[k - 1] < 2):
                k += 1
            high = days[k] - 1 if k < buys else last
            day = rng.randint(days[k - 1] + 1, high)
            txns.append(self._trade(day, product.sell_kind, product, sold, product.sell_fee))
        return txns

    def payouts(self, product: Product, trades: list[Txn], last: int) -> list[Txn]:
        """Dividends and interest on what was held on each payout day."""
        payout = product.payout
        if payout is None:
            return []
        out = []
        rate = _rate(payout.rate) / payout.per_year
        for day in product.payout_days:
            if day > last:
                break
            held = sum(
                (t.quantity or ZERO) * (-1 if t.kind.removes_units else 1)
                for t in trades
                if t.day < day
            )
            base = payout.face if payout.face is not None else product.prices[day]
            amount = _money(held * base * rate)
            if amount > 0:
                out.append(Txn(day, payout.kind, product, amount=amount))
        return out

    def fees(self, first: int, last: int) -> list[Txn]:
        """A small yearly account fee on some accounts."""
        if self.rng.random() >= 0.2:
            return []
        amount = Decimal(self.rng.choice((10, 20, 50)))
        days = self.market.days
        return [
            Txn(i, K.FEE, amount=amount)
            for i in range(first + 1, last + 1)
            if days[i].year != days[i - 1].year
        ]

    # --- posting --------------------------------------------------------------------

    @staticmethod
    def _post(t: Txn, positions: dict[str, Position], cash: Decimal) -> Posted:
        position = positions.get(t.product.code) if t.product else None
        return post(t.kind, position, cash, quantity=t.quantity, amount=t.amount, fee=t.fee)

    def _top_up(self, day: int, short: Decimal, ahead: Decimal, currency: str) -> Txn:
        """Money brought in: enough for now and, usually, most of what is still to come."""
        step = Decimal(100 if currency == "USD" else 1000)
        wanted = max(short, ahead * self.rng.randint(60, 105) / 100)
        amount = (wanted / step).to_integral_value(rounding=ROUND_CEILING) * step
        return Txn(day, K.TRANSFER_IN, amount=amount)

    def book(
        self, txns: list[Txn], currency: str, cash_target: Decimal, first: int, last: int
    ) -> tuple[list[Txn], dict[str, Position], Decimal]:
        """Post in date order, bringing money in when cash runs short, ending at the target."""
        txns.sort(key=lambda t: (t.day, RANK[t.kind]))
        outflows = [
            t.amount + t.fee if t.kind.is_purchase else t.amount if t.kind is K.FEE else ZERO
            for t in txns
        ]
        ahead = list(accumulate(reversed(outflows)))[::-1]
        positions: dict[str, Position] = {}
        cash = ZERO
        booked: list[Txn] = []
        for t, still_to_pay in zip(txns, ahead, strict=True):
            posted = self._post(t, positions, cash)
            if posted.cash < 0:
                top_up = self._top_up(t.day, -posted.cash, still_to_pay, currency)
                cash = self._post(top_up, positions, cash).cash
                booked.append(top_up)
                posted = self._post(t, positions, cash)
            if t.product is not None and posted.position is not None:
                positions[t.product.code] = posted.position
            cash = posted.cash
            booked.append(t)
        gap = cash_target - cash
        if gap:
            # booked[-1] may fall after ``last`` (a dividend dated late): never before it.
            start = booked[-1].day if booked else first
            day = self.rng.randint(start, max(start, last))
            settle = Txn(day, K.TRANSFER_IN if gap > 0 else K.TRANSFER_OUT, amount=abs(gap))
            cash = self._post(settle, positions, cash).cash
            booked.append(settle)
        return booked, positions, cash

    # --- one client -------------------------------------------------------------------

    def portfolio(self, person: PersonDraft, client_id: Any) -> Portfolio:
        """Every account of one person, with its holdings and its transaction history."""
        onboarded = person.data.onboarded_on
        start = self.market.day_index(onboarded) if onboarded else self.last - 250
        first = max(0, min(start, self.last - 30))
        last = self.last
        if person.data.status == "dormant":
            last = max(first + 30, self.last - self.rng.randint(200, 400))
        out = Portfolio()
        qualified = person.target_cny >= QUALIFIED_CNY
        for plan in self.plans(person):
            self._account(plan, client_id, (first, last), qualified, out)
        return out

    def _holdings(
        self, plan: AccountPlan, span: tuple[int, int], qualified: bool, chosen: dict[str, Product]
    ) -> list[Txn]:
        rng = self.rng
        first, last = span
        shares = [rng.gammavariate(1.3, 1.0) + 0.05 for _ in range(plan.slots)]
        total = sum(shares)
        txns: list[Txn] = []
        for share in shares:
            picked = self.pick(plan, plan.budget_cny * share / total, set(chosen), qualified)
            if picked is None:
                continue
            product, units = picked
            chosen[product.code] = product
            if plan.at_this_bank:
                trades = self.trades(product, units, first, last)
                txns += trades + self.payouts(product, trades, last)
            else:  # held elsewhere: the client told us the position once
                day = rng.randint(max(first, self.last - 250), self.last)
                txns.append(self._trade(day, K.TRANSFER_IN, product, units, 0.0))
        if plan.at_this_bank and plan.currency == "CNY":
            txns += self.fees(first, last)
        return txns

    def _account(
        self,
        plan: AccountPlan,
        client_id: Any,
        span: tuple[int, int],
        qualified: bool,
        out: Portfolio,
    ) -> None:
        chosen: dict[str, Product] = {}
        if not plan.at_this_bank:  # what the client holds elsewhere does not go dormant
            span = (span[0], self.last)
        txns = self._holdings(plan, span, qualified, chosen)
        cash_target = _money(_rate(plan.cash_cny) / self.market.rate(plan.currency, self.last))
        booked, positions, cash = self.book(txns, plan.currency, cash_target, *span)
        out.accounts.append(
            {
                "id": plan.id,
                "client_id": client_id,
                "name": plan.name,
                "institution": plan.institution,
                "at_this_bank": plan.at_this_bank,
                "number": self.account_number(),
                "currency": plan.currency,
                "cash_balance": cash,
            }
        )
        out.holdings += [
            {
                "id": new_id(),
                "account_id": plan.id,
                "instrument_id": chosen[code].id,
                "quantity": position.quantity,
                "cost_basis": position.cost_basis,
            }
            for code, position in positions.items()
            if position.quantity > 0
        ]
        out.held += list(chosen.values())
        days = self.market.days
        out.transactions += [
            {
                "id": new_id(),
                "account_id": plan.id,
                "instrument_id": t.product.id if t.product else None,
                "kind": t.kind.value,
                "trade_date": days[t.day],
                "quantity": t.quantity,
                "price": t.price,
                "amount": t.amount,
                "fee": t.fee,
                "currency": plan.currency,
            }
            for t in booked
        ]
