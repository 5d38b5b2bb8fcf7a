"""The demo shelf's product terms: minimum, dealing, term, benchmark and fees, by type,
the way a Chinese private bank's shelf shows them.

Figures are drawn from short lists of the rates banks and managers publish (so they vary
from product to product but stay plausible), from ``random.Random(f"{seed}/terms")``: the
same seed gives the same terms, and the draws leave the market's own stream untouched.

- Deposits and structured deposits charge nothing; fixed deposits and CDs have a term.
- 理财: 1万 to start (cash management 1元), a private-bank series at 100万; no
  subscription or redemption fee, management 0.1–1 %/yr, custody 0.02–0.05 %/yr, sales
  service 0.2–0.4 %/yr, sometimes a performance fee above the benchmark's top.
- Public funds: subscription 0.6–1.5 % (A shares; C shares none but a sales-service fee),
  management 0.15–1.5 %/yr, custody 0.05–0.25 %/yr, dealt daily.
- Private funds: 100万, monthly or quarterly open days after the lock-up, management
  1–2 %/yr, 15–20 % of the return above a hurdle or index.
- Trusts: 100万 or 300万, closed for their term, trustee, custody and sales fees per year.
- Bonds, equities, gold and insurance have no fees of these kinds (trading costs, spreads
  and policy charges are in their own documents), so none are recorded.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from decimal import Decimal

from app.domain.product_terms import Fees, ProductTerms
from app.services.demo_market import Product

D = Decimal
WAN = D(10_000)
NO_FEES = Fees(D(0), D(0), D(0), D(0), D(0), D(0))
PRIVATE_SERIES = 0.25  # share of longer 理财 sold as a private-bank series (100万)
FUND_BENCHMARKS = (  # the first key found in the fund's name
    ("货币", "同期七天通知存款利率（税后）"),
    ("纯债", "中债综合全价（总值）指数收益率"),
    ("添利", "中债综合全价（总值）指数收益率"),
    ("双债", "中债综合指数收益率×90%+沪深300指数收益率×10%"),
    ("FOF", "中证800指数收益率×20%+中债综合指数收益率×80%"),
    ("沪深300", "沪深300指数收益率×95%+银行活期存款利率（税后）×5%"),
    ("中证500", "中证500指数收益率×95%+银行活期存款利率（税后）×5%"),
    ("创业板", "创业板指数收益率×95%+银行活期存款利率（税后）×5%"),
    ("红利低波", "中证红利低波动指数收益率×95%+银行活期存款利率（税后）×5%"),
    ("纳斯达克", "纳斯达克100指数收益率（经汇率调整）×95%+活期存款利率×5%"),
    ("恒生", "恒生指数收益率（经汇率调整）×95%+活期存款利率×5%"),
    ("美元债", "彭博巴克莱亚洲美元债指数收益率（经汇率调整）"),
    ("全球科技", "MSCI全球信息技术指数收益率×80%+活期存款利率×20%"),
    ("港股通", "恒生综合指数收益率×60%+中债综合指数收益率×40%"),
    ("消费", "中证主要消费指数收益率×80%+中债综合指数收益率×20%"),
    ("医疗", "中证医药卫生指数收益率×70%+中债综合指数收益率×30%"),
    ("新能源", "中证新能源指数收益率×70%+中债综合指数收益率×30%"),
    ("科技", "中证TMT产业主题指数收益率×70%+中债综合指数收益率×30%"),
    ("", "沪深300指数收益率×60%+中债综合指数收益率×40%"),
)


def _pick(rng: random.Random, *choices: str) -> Decimal:
    return D(rng.choice(choices))


def _band(rng: random.Random, rate: float) -> str:
    """A benchmark band around ``rate``: ``年化2.80%–3.50%``."""
    middle = D(f"{rate * 100:.2f}")
    low = middle - _pick(rng, "0.2", "0.3", "0.4")
    high = middle + _pick(rng, "0.2", "0.3", "0.4", "0.5")
    return f"年化{low:.2f}%–{high:.2f}%"


def _deposit(p: Product, rng: random.Random) -> ProductTerms:
    on_demand = p.lockup <= 7  # 定活两便, 七天通知: withdrawn any business day
    return ProductTerms(
        min_investment_cny=D(f"{p.min_cny:.2f}"),
        dealing="daily" if on_demand else "none",
        term_days=None if on_demand else p.lockup,
        fees=NO_FEES,
    )


def _wmp(p: Product, rng: random.Random) -> ProductTerms:
    if p.asset_class == "cash":  # 现金管理类
        return ProductTerms(
            min_investment_cny=D(1),
            dealing="daily",
            benchmark="七天通知存款利率（税后）",
            fees=Fees(
                D(0),
                D(0),
                _pick(rng, "0.10", "0.15", "0.20", "0.25", "0.30"),
                _pick(rng, "0.02", "0.03", "0.04", "0.05"),
                _pick(rng, "0.20", "0.25", "0.30"),
                D(0),
            ),
        )
    mixed = p.asset_class == "equity"
    private = p.lockup >= 90 and rng.random() < PRIVATE_SERIES
    fixed_term = p.lockup >= 730  # 定开: closed between its open days
    performance = rng.choice(("0", "0", "20") if mixed else ("0", "0", "50", "60", "80"))
    return ProductTerms(
        min_investment_cny=100 * WAN if private else WAN,
        dealing="closed" if fixed_term else "daily",
        term_days=p.lockup if fixed_term else None,
        benchmark=_band(rng, p.drift + (0.002 if private else 0.0)),
        fees=Fees(
            D(0),
            D(0),
            _pick(rng, "0.60", "0.80", "1.00")
            if mixed
            else _pick(rng, "0.20", "0.25", "0.30", "0.40", "0.50"),
            _pick(rng, "0.02", "0.03", "0.04", "0.05"),
            _pick(rng, "0.20", "0.25", "0.30", "0.35", "0.40"),
            D(performance),
        ),
        # A bank's private 理财: at least 24 hours, then the call (public ones: documents).
        cooling_off_hours=24 if private else None,
        needs_callback=True if private else None,
    )


def _fund(p: Product, rng: random.Random) -> ProductTerms:
    c_share = p.name.endswith("C")
    index = "指数" in p.name or "ETF" in p.name
    if p.asset_class == "cash":  # 货币基金: no subscription or redemption fee
        fees = Fees(
            D(0),
            D(0),
            _pick(rng, "0.15", "0.20", "0.25", "0.30"),
            _pick(rng, "0.05", "0.07", "0.08"),
            D("0.25"),
        )
    elif p.asset_class == "fixed_income" and "FOF" not in p.name:  # bond funds
        fees = Fees(
            D(0) if c_share else _pick(rng, "0.60", "0.80"),
            D(0) if c_share else _pick(rng, "0.05", "0.10"),
            _pick(rng, "0.30", "0.40", "0.50", "0.60"),
            _pick(rng, "0.08", "0.10"),
            _pick(rng, "0.30", "0.35", "0.40") if c_share else D(0),
        )
    else:  # FOF, index and active equity funds
        headline = _pick(rng, "1.00", "1.20") if index else _pick(rng, "1.20", "1.50")
        fees = Fees(
            D(0) if c_share else headline,
            D(0) if c_share else D("0.50"),
            _pick(rng, "0.50", "0.80", "1.00") if index else _pick(rng, "1.20", "1.50"),
            _pick(rng, "0.10", "0.15") if index else _pick(rng, "0.20", "0.25"),
            _pick(rng, "0.20", "0.30", "0.40") if c_share else D(0),
        )
    benchmark = next(text for key, text in FUND_BENCHMARKS if key in p.name)
    return ProductTerms(
        min_investment_cny=D(f"{p.min_cny:.2f}"), dealing="daily", benchmark=benchmark, fees=fees
    )


def _bond(p: Product, rng: random.Random) -> ProductTerms:
    years = rng.choice((2, 3, 3, 5, 5, 7, 10))
    return ProductTerms(
        min_investment_cny=D(f"{p.min_cny:.2f}"), dealing="daily", term_days=365 * years
    )


def _listed(p: Product, rng: random.Random) -> ProductTerms:
    """Equities: dealt on the market; a lot's price sets what one buys at least."""
    return ProductTerms(dealing="daily")


def _gold(p: Product, rng: random.Random) -> ProductTerms:
    return ProductTerms(min_investment_cny=D(f"{p.min_cny:.2f}"), dealing="daily")


def _insurance(p: Product, rng: random.Random) -> ProductTerms:
    whole_life = "终身" in p.name
    return ProductTerms(
        min_investment_cny=_pick(rng, "10000", "50000", "100000"),
        dealing="none",
        term_days=None if whole_life else p.lockup,
        cooling_off_hours=15 * 24,  # 犹豫期
        needs_callback=True,
    )


def _trust(p: Product, rng: random.Random) -> ProductTerms:
    rate = p.payout.rate if p.payout else 0.05
    return ProductTerms(
        min_investment_cny=300 * WAN if rng.random() < 0.3 else 100 * WAN,
        dealing="closed",
        term_days=p.lockup,
        benchmark=f"年化{rate * 100:.2f}%",
        fees=Fees(
            _pick(rng, "0", "0", "1.00"),
            D(0),
            _pick(rng, "0.30", "0.50", "0.80", "1.00"),
            _pick(rng, "0.02", "0.03", "0.05"),
            _pick(rng, "0.30", "0.50", "0.80"),
        ),
    )


def _private_fund(p: Product, rng: random.Random) -> ProductTerms:
    index = next((i for i in ("中证500", "中证1000") if i in p.name), None)
    hurdle = f"{index}指数收益率" if index else f"年化{rng.choice(('5.00', '6.00', '8.00'))}%"
    return ProductTerms(
        min_investment_cny=100 * WAN,
        dealing=rng.choice(("monthly", "monthly", "quarterly")),
        benchmark=hurdle,
        fees=Fees(
            D("1.00"),
            _pick(rng, "0", "0.50", "1.00"),
            _pick(rng, "1.00", "1.50", "2.00"),
            _pick(rng, "0.01", "0.02", "0.03"),
            D(0),
            _pick(rng, "20", "20", "20", "15"),
        ),
        cooling_off_hours=24,  # after the qualified-investor check (AMAC, art. 29)
        needs_callback=True,
    )


def _structured(p: Product, rng: random.Random) -> ProductTerms:
    """结构性存款 and 收益凭证: closed for their term, no fees; a band where there is a
    floor (a snowball has none)."""
    band = None
    if p.asset_class == "fixed_income":
        floor = _pick(rng, "1.00", "1.20", "1.30", "1.50")
        top = D(f"{p.drift * 100:.2f}") + _pick(rng, "0.30", "0.50", "0.80")
        band = f"年化{floor:.2f}%–{top:.2f}%"
    return ProductTerms(
        min_investment_cny=D(f"{p.min_cny:.2f}"),
        dealing="closed",
        term_days=p.lockup,
        benchmark=band,
        fees=NO_FEES,
    )


TERMS: dict[str, Callable[[Product, random.Random], ProductTerms]] = {
    "deposit": _deposit,
    "wmp": _wmp,
    "mutual_fund": _fund,
    "bond": _bond,
    "equity": _listed,
    "gold": _gold,
    "insurance": _insurance,
    "trust": _trust,
    "private_fund": _private_fund,
    "structured": _structured,
}


def add_terms(products: Sequence[Product], rng: random.Random) -> None:
    """Give each product its terms; the shelf's minimum (what the book buys at least)
    follows the recorded one, so no demo position starts below it."""
    for product in products:
        make = TERMS.get(product.type)
        if make is None:
            continue
        product.terms = make(product, rng)
        if product.terms.min_investment_cny is not None:
            product.min_cny = float(product.terms.min_investment_cny)


__all__ = ["add_terms"]
