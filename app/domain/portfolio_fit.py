"""Does a whole portfolio suit a client? Weighted rating, share above level, estimated risk.

Suitability is matched product by product (``app.domain.suitability``); this module adds
the view of the portfolio as a whole:

- the value-weighted mean of the holdings' R ratings (Decimal, 2 places), and the share of
  value in holdings rated above the client's level (R1 for 最低类别);
- the estimated annual volatility from the value weights by asset class and the market
  assumptions (``resources/market_assumptions/<version>.json``): with σ the classes'
  annual volatilities and ρ their correlations, Σᵢⱼ = ρᵢⱼ σᵢ σⱼ and vol = √(wᵀ Σ w);
- the estimated six-month 95% loss, 1.645 × vol × √0.5: the one-sided 95% normal
  quantile, scaled to half a year by the square root of time, ignoring the expected
  return (which errs on the cautious side). It is an estimate from assumptions, not a
  promise, and the texts say so.

Findings: a holding rated above the level blocks (as ``check_holding`` would say);
the portfolio-wide figures are guidance, so ``portfolio_rating_above_level`` and
``loss_above_tolerance`` only warn. Whether the assessment is still valid is
``check_product``'s question, not this one's. Money stays Decimal; risk figures are floats.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType
from typing import Any

from app.domain.bilingual import Text
from app.domain.errors import RuleDataError, ValidationError
from app.domain.money import AMOUNT_SCALE, Money, chinese_units, quantize
from app.domain.suitability import (
    WARN,
    ClientRiskFacts,
    Figure,
    Finding,
    FindingSet,
    Limits,
    ProductFacts,
    elderly_rule,
    rating_rule,
)

Z_95 = 1.645  # one-sided 95% quantile of the standard normal
HALF_YEAR = 0.5  # years
TOLERANCE = 1e-9  # for float checks on a correlation matrix written with a few decimals
ZERO = Decimal(0)
DEFAULT_INFLATION = 0.02  # annual, when an assumptions file does not say
MAX_INFLATION = 0.2  # a file saying 20% or more a year is surely mistyped


@dataclass(frozen=True)
class MarketAssumptions:
    """Annual volatility, expected return and correlations per asset class, and inflation.

    ``volatility``, ``expected_return`` and the rows of ``correlation`` are in the order of
    ``classes``. Construction checks the matrix: square, symmetric, unit diagonal, entries
    in [-1, 1] and positive semi-definite (else wᵀ Σ w could be negative, and a later
    projection could not factor it). ``inflation`` is the expected annual CPI rate used to
    index cash flows and to deflate projected wealth, in [0, 0.2).
    """

    version: str
    classes: tuple[str, ...]
    volatility: tuple[float, ...]
    expected_return: tuple[float, ...]
    correlation: tuple[tuple[float, ...], ...]
    source: str = ""
    notes: str = ""
    inflation: float = DEFAULT_INFLATION

    def __post_init__(self) -> None:
        if not (math.isfinite(self.inflation) and 0 <= self.inflation < MAX_INFLATION):
            raise RuleDataError(
                f"market assumptions {self.version}: inflation must be at least 0 and below "
                f"{MAX_INFLATION}, not {self.inflation}"
            )
        n = len(self.classes)
        if len(set(self.classes)) != n:
            raise RuleDataError(f"market assumptions {self.version}: an asset class repeats")
        if len(self.volatility) != n or len(self.expected_return) != n:
            raise RuleDataError(f"market assumptions {self.version}: every class needs a vol")
        for name, vol, ret in zip(self.classes, self.volatility, self.expected_return, strict=True):
            if not (math.isfinite(vol) and vol >= 0 and math.isfinite(ret)):
                raise RuleDataError(f"market assumptions {self.version}: bad figures for {name}")
        _check_correlation(self.version, self.classes, self.correlation)

    def index(self, asset_class: str) -> int:
        try:
            return self.classes.index(asset_class)
        except ValueError:
            raise RuleDataError(
                f"market assumptions {self.version} have no asset class {asset_class!r}"
            ) from None

    def vol(self, asset_class: str) -> float:
        return self.volatility[self.index(asset_class)]

    def rho(self, a: str, b: str) -> float:
        return self.correlation[self.index(a)][self.index(b)]


def _check_correlation(
    version: str, classes: Sequence[str], matrix: Sequence[Sequence[float]]
) -> None:
    where = f"market assumptions {version}: the correlation matrix"
    n = len(classes)
    if len(matrix) != n or any(len(row) != n for row in matrix):
        raise RuleDataError(f"{where} must be {n}×{n}, one row and column per asset class")
    for i, a in enumerate(classes):
        if abs(matrix[i][i] - 1) > TOLERANCE:
            raise RuleDataError(f"{where} must have 1 on the diagonal ({a})")
        for j, b in enumerate(classes):
            if not -1 <= matrix[i][j] <= 1:
                raise RuleDataError(f"{where} has {matrix[i][j]} for {a}/{b}, outside [-1, 1]")
            if abs(matrix[i][j] - matrix[j][i]) > TOLERANCE:
                raise RuleDataError(f"{where} is not symmetric at {a}/{b}")
    if not _positive_semidefinite(matrix):
        raise RuleDataError(f"{where} is not positive semi-definite (inconsistent correlations)")


def _positive_semidefinite(m: Sequence[Sequence[float]]) -> bool:
    """Cholesky that tolerates zero pivots: fails only on a clearly negative one."""
    n = len(m)
    low = [[0.0] * n for _ in range(n)]
    for j in range(n):
        pivot = m[j][j] - sum(low[j][k] ** 2 for k in range(j))
        if pivot < -TOLERANCE:
            return False
        rest = [m[i][j] - sum(low[i][k] * low[j][k] for k in range(j)) for i in range(j + 1, n)]
        if pivot <= TOLERANCE:
            if any(abs(r) > 1e-6 for r in rest):  # a zero pivot needs a zero column
                return False
            continue
        low[j][j] = math.sqrt(pivot)
        for i, r in enumerate(rest, start=j + 1):
            low[i][j] = r / low[j][j]
    return True


def _float(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise RuleDataError(f"{where} must be a number, not {value!r}")
    try:
        return float(value)
    except ValueError:
        raise RuleDataError(f"{where} must be a number, not {value!r}") from None


def parse_assumptions(doc: Mapping[str, Any]) -> MarketAssumptions:
    """The ``MarketAssumptions`` in a parsed assumptions file; ``RuleDataError`` says why not.

    Shape: ``{"version", "source", "notes", "asset_classes": {name: {"volatility",
    "expected_return"}}, "correlation": {"order": [names], "matrix": [[...]]}}``; ``order``
    must name exactly the classes in ``asset_classes``. An optional ``"inflation"`` (annual,
    default 0.02) must be at least 0 and below 0.2.
    """
    try:
        version = str(doc["version"])
        figures: Mapping[str, Mapping[str, Any]] = doc["asset_classes"]
        order: list[str] = list(doc["correlation"]["order"])
        matrix = doc["correlation"]["matrix"]
    except (KeyError, TypeError) as exc:
        raise RuleDataError(f"the market assumptions lack {exc}") from None
    if set(order) != set(figures):
        odd = sorted(set(order) ^ set(figures))
        raise RuleDataError(f"market assumptions {version}: {odd} not in both classes and order")
    try:
        vols = tuple(_float(figures[c]["volatility"], f"{c} volatility") for c in order)
        rets = tuple(_float(figures[c]["expected_return"], f"{c} expected_return") for c in order)
        rows = tuple(tuple(_float(x, "a correlation") for x in row) for row in matrix)
    except (KeyError, TypeError) as exc:
        raise RuleDataError(f"market assumptions {version}: missing {exc}") from None
    source, notes = str(doc.get("source", "")), str(doc.get("notes", ""))
    inflation = _float(doc.get("inflation", DEFAULT_INFLATION), "inflation")
    return MarketAssumptions(version, tuple(order), vols, rets, rows, source, notes, inflation)


def estimated_volatility(weights: Mapping[str, float], assumptions: MarketAssumptions) -> float:
    """√(wᵀ Σ w) with Σᵢⱼ = ρᵢⱼ σᵢ σⱼ, for weights by asset class (summing to 1)."""
    terms = [(assumptions.index(c), w) for c, w in weights.items() if w]
    sig = assumptions.volatility
    variance = sum(
        wi * wj * sig[i] * sig[j] * assumptions.correlation[i][j]
        for i, wi in terms
        for j, wj in terms
    )
    return math.sqrt(max(variance, 0.0))  # rounding may leave a tiny negative


def six_month_loss(annual_vol: float) -> float:
    """Estimated six-month 95% loss as a fraction: 1.645 × vol × √0.5."""
    return Z_95 * annual_vol * math.sqrt(HALF_YEAR)


@dataclass(frozen=True)
class PortfolioFit(FindingSet):
    """The portfolio against the client; all zeros for an empty portfolio.

    ``share_above_level`` is None when the client has no level. ``loss_6m`` is a fraction
    of ``total_cny`` and ``loss_6m_cny`` the same in money: estimates, not promises.
    """

    total_cny: Decimal = ZERO
    weighted_rating: Decimal = Decimal("0.00")
    share_above_level: Decimal | None = ZERO
    class_weights: Mapping[str, float] = field(default_factory=dict, hash=False)
    volatility: float = 0.0
    loss_6m: float = 0.0
    loss_6m_cny: Decimal = ZERO
    assumptions_version: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "class_weights", MappingProxyType(dict(self.class_weights)))


def _holdings(
    positions: Sequence[tuple[ProductFacts, Decimal]],
) -> dict[str, tuple[ProductFacts, Decimal]]:
    """Non-zero positions summed by product code (one product may sit in several accounts)."""
    merged: dict[str, tuple[ProductFacts, Decimal]] = {}
    for product, value in positions:
        if value < 0:
            raise ValidationError(f"{product.code}: a holding's value cannot be negative")
        if value:
            known = merged.get(product.code, (product, ZERO))
            merged[product.code] = (known[0], known[1] + value)
    return merged


def _holding_findings(
    client: ClientRiskFacts, product: ProductFacts, value: Decimal, limits: Limits | None
) -> list[Finding]:
    overridable = limits is not None and product.regime in limits.overridable_regimes
    found = rating_rule(client, product, holding=True, overridable=overridable)
    if limits is not None:
        found += elderly_rule(client, product, limits, holding=True)
    named = Text(f"{product.name}（{product.code}）：", f"{product.name} ({product.code}): ")
    return [
        replace(
            f,
            why=Text(named.zh + f.why.zh, named.en + f.why.en),
            figures={**f.figures, "product_code": product.code, "value_cny": value},
        )
        for f in found
    ]


def _rating_warning(level: int, weighted: Decimal, share: Decimal | None) -> Finding:
    above = f"{quantize((share or ZERO) * 100, 2)}%"
    why = Text(
        f"组合加权平均风险等级{weighted}高于客户风险承受能力等级C{level}",
        f"The portfolio's value-weighted risk rating {weighted} is above the client's level "
        f"C{level}.",
    )
    remedy = Text(
        f"逐步降低高于C{level}的持仓（目前占{above}），或在客户情况变化后重新评估",
        f"Reduce the holdings rated above C{level} (now {above} of the value) over time, or "
        "re-assess the client if their circumstances have changed.",
    )
    figures: dict[str, Figure] = {"weighted_rating": weighted, "client_level": level}
    return Finding("portfolio_rating_above_level", WARN, why, remedy, figures)


def _loss_warning(fit: PortfolioFit, max_loss_pct: int) -> Finding:
    pct = quantize(Decimal(fit.loss_6m * 100), 1)
    money = Text(f"{chinese_units(fit.loss_6m_cny)}元", Money(fit.loss_6m_cny).format())
    why = Text(
        f"按市场假设{fit.assumptions_version}估算，组合六个月内有5%的可能亏损超过{pct}%"
        f"（约{money.zh}），高于客户可承受的{max_loss_pct}%；此为估算，并非承诺",
        f"From market assumptions {fit.assumptions_version}, the portfolio has an estimated "
        f"5% chance of losing more than {pct}% (about {money.en}) in six months, above the "
        f"{max_loss_pct}% the client can bear. An estimate, not a promise.",
    )
    remedy = Text(
        "提高低波动资产（现金、固定收益）的比例，或与客户重新确认可承受的亏损",
        "Move part of it to steadier assets (cash, fixed income), or confirm again with the "
        "client how much loss they can bear.",
    )
    figures: dict[str, Figure] = {
        "loss_6m_pct": pct,
        "loss_6m_cny": fit.loss_6m_cny,
        "max_loss_pct": max_loss_pct,
    }
    return Finding("loss_above_tolerance", WARN, why, remedy, figures)


def portfolio_fit(
    client: ClientRiskFacts,
    positions: Sequence[tuple[ProductFacts, Decimal]],
    assumptions: MarketAssumptions,
    *,
    limits: Limits | None = None,
) -> PortfolioFit:
    """The portfolio (``(product, value in CNY)`` pairs) against the client's level and
    bearable loss. With ``limits``, holdings also meet the elderly rule and a CSRC holding's
    rating finding is marked overridable; without, neither (the cautious reading)."""
    holdings = _holdings(positions)
    total = sum((v for _, v in holdings.values()), ZERO)
    cap = client.max_rating
    if total == 0:
        return PortfolioFit((), share_above_level=None if cap is None else ZERO)
    score = sum((v * p.risk_rating for p, v in holdings.values()), ZERO)
    weighted = (score / total).quantize(Decimal("0.01"), ROUND_HALF_UP)
    share: Decimal | None = None
    if cap is not None:
        above = sum((v for p, v in holdings.values() if p.risk_rating > cap), ZERO)
        share = quantize(above / total, 4)
    by_class: dict[str, Decimal] = defaultdict(Decimal)
    for product, value in holdings.values():
        by_class[product.asset_class] += value
    weights = {c: float(v / total) for c, v in by_class.items()}
    vol = estimated_volatility(weights, assumptions)
    loss = six_month_loss(vol)
    fit = PortfolioFit(
        (),
        total_cny=total,
        weighted_rating=weighted,
        share_above_level=share,
        class_weights=weights,
        volatility=vol,
        loss_6m=loss,
        loss_6m_cny=quantize(total * Decimal(loss), AMOUNT_SCALE),
        assumptions_version=assumptions.version,
    )
    found = [f for p, v in holdings.values() for f in _holding_findings(client, p, v, limits)]
    if cap is not None and weighted > cap:
        found.append(_rating_warning(cap, weighted, share))
    if client.max_loss_pct is not None and loss * 100 > client.max_loss_pct:
        found.append(_loss_warning(fit, client.max_loss_pct))
    found.sort(key=lambda f: f.severity == WARN)  # blocks first, stable
    return replace(fit, findings=tuple(found))
