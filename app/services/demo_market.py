"""The demo book's market: a product shelf and three years of daily prices and FX rates.

The shelf comes from ``resources/demo/shelf.json``; prices are a seeded geometric random
walk per product (volatility by asset class, deposits and 理财 near 1.0 and creeping up),
FX rates wander around 7.1 CNY per USD with HKD held near its 7.8 peg.
"""

from __future__ import annotations

import bisect
import math
import random
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from app.domain.ids import new_id
from app.domain.posting import TransactionKind
from app.domain.product_terms import ProductTerms
from app.services.demo_data import load_resource
from app.services.product_terms import term_columns

YEARS = 3
TRADING_DAYS = 252
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
TRADED = frozenset({"equity", "bond", "gold"})  # bought and sold; the rest are subscribed
DEFAULT_VOL = {
    "cash": 0.0,
    "fixed_income": 0.02,
    "equity": 0.25,
    "alternative": 0.1,
    "commodity": 0.14,
    "insurance": 0.0,
}


@dataclass(frozen=True)
class Payout:
    kind: TransactionKind  # DIVIDEND or INTEREST
    per_year: int
    rate: float
    face: Decimal | None  # bonds pay on face value; None means on the day's price


@dataclass
class Product:
    """One instrument on the shelf with its simulated price history."""

    code: str
    name: str
    type: str
    asset_class: str
    currency: str
    risk: int
    lockup: int
    issuer: str | None
    min_cny: float
    lot: Decimal
    buy_fee: float
    sell_fee: float
    start: float
    drift: float
    vol: float
    payout: Payout | None = None
    terms: ProductTerms = field(default_factory=ProductTerms)  # demo_terms gives them
    id: uuid.UUID = field(default_factory=new_id)
    prices: list[Decimal] = field(default_factory=list)
    payout_days: tuple[int, ...] = ()

    @property
    def buy_kind(self) -> TransactionKind:
        return TransactionKind.BUY if self.type in TRADED else TransactionKind.SUBSCRIPTION

    @property
    def sell_kind(self) -> TransactionKind:
        return TransactionKind.SELL if self.type in TRADED else TransactionKind.REDEMPTION

    def row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "code": self.code,
            "name": self.name,
            "type": self.type,
            "asset_class": self.asset_class,
            "currency": self.currency,
            "risk_rating": self.risk,
            "lockup_days": self.lockup,
            "issuer": self.issuer,
            **term_columns(self.terms),
        }


@dataclass
class Market:
    days: list[date]
    products: list[Product]
    fx: dict[str, list[Decimal]]
    by_kind: dict[tuple[str, str], list[Product]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        grouped: dict[tuple[str, str], list[Product]] = defaultdict(list)
        for product in self.products:
            grouped[(product.currency, product.type)].append(product)
        self.by_kind = dict(grouped)

    def rate(self, currency: str, day: int) -> Decimal:
        return Decimal(1) if currency == "CNY" else self.fx[currency][day]

    def day_index(self, day: date) -> int:
        return min(bisect.bisect_left(self.days, day), len(self.days) - 1)

    def price_rows(self) -> Iterator[dict[str, Any]]:
        for product in self.products:
            for day, close in zip(self.days, product.prices, strict=True):
                yield {"instrument_id": product.id, "day": day, "close": close}

    def fx_rows(self) -> Iterator[dict[str, Any]]:
        for currency, rates in self.fx.items():
            for day, rate in zip(self.days, rates, strict=True):
                yield {"currency": currency, "day": day, "rate_to_cny": rate}


# --- the shelf ---------------------------------------------------------------------


def _product(**kw: Any) -> Product:
    kw.setdefault("currency", "CNY")
    kw.setdefault("issuer", None)
    kw.setdefault("lot", Decimal("0.01"))
    kw.setdefault("buy_fee", 0.0)
    kw.setdefault("sell_fee", 0.0)
    kw.setdefault("vol", DEFAULT_VOL[kw["asset_class"]])
    return Product(**kw)


def _deposits(doc: list[dict[str, Any]], bank: str) -> list[Product]:
    return [
        _product(
            code=d["code"],
            name=d["name"],
            type="deposit",
            asset_class="cash",
            currency=d["currency"],
            risk=1,
            lockup=d["lockup"],
            issuer=bank,
            min_cny=d["min"],
            start=1.0,
            drift=d["rate"],
            vol=0.0,
        )
        for d in doc
    ]


def _unique_code(rng: random.Random, taken: set[str], make: Any) -> str:
    while True:
        code = str(make(rng))
        if code not in taken:
            taken.add(code)
            return code


def _wmps(rng: random.Random, doc: dict[str, Any], taken: set[str]) -> list[Product]:
    out: dict[str, Product] = {}
    while len(out) < doc["count"]:
        issuer, brand = rng.choice(doc["issuers"])
        kind = rng.choice(doc["kinds"])
        name = f"{brand}{rng.choice(doc['series'])}{kind['suffix']}"
        if name in out:
            continue
        code = _unique_code(rng, taken, lambda r: f"Z7{r.randrange(10**11, 10**12)}")
        out[name] = _product(
            code=code,
            name=name,
            type="wmp",
            asset_class=kind["asset_class"],
            currency=kind.get("currency", "CNY"),
            risk=rng.randint(*kind["risk"]),
            lockup=kind["lockup"],
            issuer=issuer,
            min_cny=kind["min"],
            start=rng.uniform(1.0, 1.12),
            drift=kind["rate"],
            vol=kind["vol"],
        )
    return list(out.values())


def _funds(rng: random.Random, doc: dict[str, Any], taken: set[str]) -> list[Product]:
    combos = [(c, k) for c in doc["companies"] for k in doc["kinds"]]
    out = []
    for company, kind in rng.sample(combos, doc["count"]):
        payout = kind["payout"]
        cash_like = kind["asset_class"] == "cash"
        out.append(
            _product(
                code=_unique_code(
                    rng, taken, lambda r: f"{r.randrange(100, 1000):03d}{r.randrange(1000):03d}"
                ),
                name=f"{company}{kind['suffix']}",
                type="mutual_fund",
                asset_class=kind["asset_class"],
                currency=kind.get("currency", "CNY"),
                risk=rng.randint(*kind["risk"]),
                lockup=kind.get("lockup", 0),
                issuer=f"{company}基金",
                min_cny=10,
                start=kind["price"] * rng.uniform(0.85, 1.15),
                drift=kind["rate"],
                vol=kind["vol"],
                buy_fee=kind["fee"],
                sell_fee=0.0 if cash_like else 0.005,
                payout=Payout(TransactionKind.DIVIDEND, 1, payout[2], None) if payout else None,
            )
        )
    return out


def _bonds(doc: list[dict[str, Any]]) -> list[Product]:
    return [
        _product(
            code=b["code"],
            name=b["name"],
            type="bond",
            asset_class="fixed_income",
            currency=b.get("currency", "CNY"),
            risk=b["risk"],
            lockup=0,
            min_cny=1000,
            lot=Decimal(10),
            start=b["price"],
            drift=0.0,
            vol=b["vol"],
            buy_fee=0.0001,
            sell_fee=0.0001,
            payout=Payout(TransactionKind.INTEREST, 1, b["coupon"], Decimal(100)),
        )
        for b in doc
    ]


def _equities(doc: list[dict[str, Any]]) -> list[Product]:
    out = []
    for e in doc:
        currency = e.get("currency", "CNY")
        payout = Payout(TransactionKind.DIVIDEND, 1, e["yield"], None) if e["yield"] else None
        out.append(
            _product(
                code=e["code"],
                name=e["name"],
                type="equity",
                asset_class="equity",
                currency=currency,
                risk=e["risk"],
                lockup=0,
                min_cny=1000,
                lot=Decimal(1) if currency == "USD" else Decimal(100),
                start=e["price"],
                drift=0.05,
                vol=0.3 if e["risk"] == 5 else 0.22,
                buy_fee=0.0003,
                sell_fee=0.0008,
                payout=payout,
            )
        )
    return out


def _insurance(rng: random.Random, doc: dict[str, Any], taken: set[str]) -> list[Product]:
    combos = [(i, p) for i in doc["insurers"] for p in doc["products"]]
    return [
        _product(
            code=_unique_code(rng, taken, lambda r: f"INS{r.randrange(10000, 99999)}"),
            name=f"{insurer}{p['suffix']}",
            type="insurance",
            asset_class="insurance",
            risk=p["risk"],
            lockup=p["lockup"],
            issuer=insurer,
            min_cny=10000,
            start=1.0,
            drift=p["rate"],
            vol=0.0,
        )
        for insurer, p in rng.sample(combos, doc["count"])
    ]


def _trusts(rng: random.Random, doc: dict[str, Any], taken: set[str], year: int) -> list[Product]:
    out = []
    for _ in range(doc["count"]):
        issuer = rng.choice(doc["issuers"])
        name = f"{issuer}·{rng.choice(doc['names'])}{rng.randint(1, 60)}号集合资金信托计划"
        code = _unique_code(
            rng, taken, lambda r: f"TR-{year - r.randint(0, 3)}-{r.randrange(1, 10000):04d}"
        )
        rate = round(rng.uniform(0.045, 0.065), 4)
        out.append(
            _product(
                code=code,
                name=name,
                type="trust",
                asset_class="alternative",
                risk=4 if rng.random() < 0.2 else 3,
                lockup=rng.choice((365, 548, 730)),
                issuer=issuer,
                min_cny=1_000_000,
                lot=Decimal(1),
                start=1.0,
                drift=0.0,
                vol=0.0,
                payout=Payout(TransactionKind.INTEREST, 4, rate, Decimal(1)),
            )
        )
    return out


def _private_funds(rng: random.Random, doc: dict[str, Any], taken: set[str]) -> list[Product]:
    out = []
    for _ in range(doc["count"]):
        short, manager = rng.choice(doc["managers"])
        strategy = rng.choice(doc["strategies"])
        code = _unique_code(
            rng, taken, lambda r: f"S{r.choice(LETTERS)}{r.choice(LETTERS)}{r.randrange(100, 1000)}"
        )
        out.append(
            _product(
                code=code,
                name=f"{short}{strategy['name']}{rng.randint(1, 30)}号私募证券投资基金",
                type="private_fund",
                asset_class=strategy["asset_class"],
                risk=strategy["risk"],
                lockup=rng.choice((180, 365)),
                issuer=manager,
                min_cny=1_000_000,
                start=rng.uniform(0.9, 2.5),
                drift=0.06,
                vol=strategy["vol"],
                buy_fee=0.01,
            )
        )
    return out


def _structured(doc: list[dict[str, Any]]) -> list[Product]:
    return [
        _product(
            code=f"SP{i + 1:04d}",
            name=s["name"],
            type="structured",
            asset_class=s["asset_class"],
            currency=s.get("currency", "CNY"),
            risk=s["risk"],
            lockup=s["lockup"],
            min_cny=s["min"],
            start=1.0,
            drift=s["rate"],
            vol=s["vol"],
        )
        for i, s in enumerate(doc)
    ]


def _gold(doc: list[dict[str, Any]], bank: str) -> list[Product]:
    return [
        _product(
            code=g["code"],
            name=g["name"],
            type="gold",
            asset_class="commodity",
            currency=g.get("currency", "CNY"),
            risk=3,
            lockup=0,
            issuer=bank if g["code"].startswith("AU") else None,
            min_cny=g["min"],
            lot=Decimal(g["lot"]),
            start=g["price"],
            drift=0.08,
            vol=0.14,
            buy_fee=0.003,
            sell_fee=0.003,
        )
        for g in doc
    ]


def shelf(rng: random.Random, year: int, bank: str) -> list[Product]:
    """About 200 products of every type, risk R1-R5, in CNY, USD and HKD."""
    doc = load_resource("shelf.json")
    taken = {d["code"] for key in ("deposit", "bond", "equity", "gold") for d in doc[key]}
    return [
        *_deposits(doc["deposit"], bank),
        *_wmps(rng, doc["wmp"], taken),
        *_funds(rng, doc["mutual_fund"], taken),
        *_bonds(doc["bond"]),
        *_equities(doc["equity"]),
        *_insurance(rng, doc["insurance"], taken),
        *_trusts(rng, doc["trust"], taken, year),
        *_private_funds(rng, doc["private_fund"], taken),
        *_structured(doc["structured"]),
        *_gold(doc["gold"], bank),
    ]


# --- prices and rates --------------------------------------------------------------


def business_days(today: date, years: int = YEARS) -> list[date]:
    """Monday-to-Friday days from ``years`` ago up to ``today``."""
    try:
        day = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        day = date(today.year - years, 2, 28)
    days = []
    while day <= today:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def _walk(rng: random.Random, product: Product, n: int) -> list[Decimal]:
    dt = 1 / TRADING_DAYS
    step = math.exp(product.drift * dt)
    price = product.start
    prices = []
    if product.vol == 0:
        for _ in range(n):
            prices.append(Decimal(f"{price:.6f}"))
            price *= step
        return prices
    mu = (product.drift - product.vol**2 / 2) * dt
    sigma = product.vol * math.sqrt(dt)
    for _ in range(n):
        prices.append(Decimal(f"{price:.6f}"))
        price = max(0.01, price * math.exp(mu + sigma * rng.gauss(0.0, 1.0)))
    return prices


def _payout_days(rng: random.Random, product: Product, days: list[date]) -> tuple[int, ...]:
    if product.payout is None:
        return ()
    every = 365 // product.payout.per_year
    anchor = rng.randrange(30, 30 + every)
    found = []
    for year in range(days[0].year, days[-1].year + 1):
        for k in range(product.payout.per_year):
            day = date(year, 1, 1) + timedelta(days=anchor + k * every)
            index = bisect.bisect_left(days, day)
            if days[0] < day and index < len(days):
                found.append(index)
    return tuple(sorted(set(found)))


def _fx(rng: random.Random, n: int) -> dict[str, list[Decimal]]:
    usd, peg = 7.05, 7.8
    dt = 1 / TRADING_DAYS
    usd_rates, hkd_rates = [], []
    for _ in range(n):
        usd_rates.append(Decimal(f"{usd:.8f}"))
        hkd_rates.append(Decimal(f"{usd / peg:.8f}"))
        usd += 1.5 * (7.1 - usd) * dt + 0.035 * usd * math.sqrt(dt) * rng.gauss(0.0, 1.0)
        usd = min(7.35, max(6.75, usd))
        peg = min(7.85, max(7.75, peg + 2.0 * (7.8 - peg) * dt + 0.002 * rng.gauss(0.0, 1.0)))
    return {"USD": usd_rates, "HKD": hkd_rates}


def build_market(rng: random.Random, today: date, bank: str) -> Market:
    """The shelf with prices on every business day of the last three years."""
    days = business_days(today)
    products = shelf(rng, today.year, bank)
    for product in products:
        product.prices = _walk(rng, product, len(days))
        product.payout_days = _payout_days(rng, product, days)
    return Market(days, products, _fx(rng, len(days)))
