"""Suitability (适当性): may this product be sold to, or held by, this client?

Each rule is a small function from a ``Case`` (client, product, amount, today, limits) to
its findings; ``check_product`` runs them all for a purchase, ``check_holding`` for a
position already held. A finding names its rule with a stable code, says how bad it is
("block": must not go ahead as it is; "warn": may go ahead, act soon), why, and what to
do, in Chinese and English, with the figures behind it, so a screen or an advice pack
shows the reason rather than a bare "unsuitable".

The rules (regulation.md §1):

- R ≤ C: the product's risk rating must not exceed the client's level; a 最低类别 client
  gets R1 only, whatever the regime. Under ``BANK_WM`` (a bank's own 理财) nothing unlocks
  more. Under ``CSRC`` a 普通 investor may buy above level on their own request after a
  written warning and their confirmation, so that finding is marked ``overridable``; it
  still blocks until a later flow records the override. Which regimes allow it is data
  (``overridable_regimes``), as ``NFRA_2025`` is left to each bank.
- No valid assessment, no sale; one that expires within ``warn_days`` warns.
- Elderly (age ≥ ``elderly_age``) or vulnerable clients: nothing above
  ``elderly_max_rating``. Banks let a branch head approve it; that flow is later, so for
  now it blocks.
- One product (deposits exempt) may not exceed ``concentration_limit`` of the client's
  assets after the purchase: ``(existing + amount) / (total_assets + amount)``; the amount
  is counted as new money, so ``total_assets`` is the client's assets before it.
- A lock-up longer than the client's stated liquidity need blocks. For a holding the
  caller passes the remaining lock-up as ``lockup_days``.
- A first purchase below the product's recorded minimum (起购金额; for a private fund at
  least 100万 by regulation) blocks: it could not be placed, and advising it would
  mislead. A client who already holds the product is topping up, which the contract's
  top-up minimum governs (not recorded here), so that passes.

The limits are bank configuration (``resources/suitability.json``, ``parse_limits``);
nothing here reads files. The portfolio as a whole is judged in ``portfolio_fit``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from types import MappingProxyType
from typing import Any, Literal

from app.domain.bilingual import Text
from app.domain.errors import RuleDataError, ValidationError
from app.domain.money import Money, quantize, to_decimal

Severity = Literal["block", "warn"]
BLOCK: Severity = "block"
WARN: Severity = "warn"

REGIMES = ("BANK_WM", "CSRC", "NFRA_2025")
# The product types the app uses. Not enforced: a type the bank adds is still checked by
# every rule (and counts for concentration unless the limits exempt it).
PRODUCT_TYPES = (
    "deposit", "wmp", "mutual_fund", "bond", "equity",
    "insurance", "trust", "private_fund", "structured", "gold",
)  # fmt: skip
RATINGS = range(1, 6)  # R1..R5 and C1..C5
CENT = Decimal("0.01")

Figure = int | str | Decimal | date


@dataclass(frozen=True)
class Finding:
    """One rule's verdict. ``overridable`` marks a block the client's own request may lift
    through the warning flow (CSRC above-level sales); it blocks until that is recorded."""

    rule: str
    severity: Severity
    why: Text
    remedy: Text
    figures: Mapping[str, Figure] = field(default_factory=dict, hash=False)
    overridable: bool = False

    def __post_init__(self) -> None:
        # read-only, so a frozen finding cannot be changed through its figures
        object.__setattr__(self, "figures", MappingProxyType(dict(self.figures)))


@dataclass(frozen=True)
class FindingSet:
    """Findings, blocks first; ``suitable`` when none blocks (warnings do not)."""

    findings: tuple[Finding, ...]

    @property
    def blocking(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == BLOCK)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == WARN)

    @property
    def suitable(self) -> bool:
        return not self.blocking


class SuitabilityResult(FindingSet):
    """The verdict on one product (or holding) for one client."""


def _rating_in_range(value: int | None, what: str) -> None:
    if value is not None and value not in RATINGS:
        raise ValidationError(f"{what} must be 1 to 5, not {value}")


@dataclass(frozen=True)
class ClientRiskFacts:
    """What the rules need to know about a client.

    ``level`` is C1..C5 as 1..5 (None: never assessed). ``assessment_expires_on`` is the
    first day the assessment is no longer valid. ``max_loss_pct`` is the six-month loss in
    percent the client said they can bear; ``liquidity_need_days`` the days within which
    they need the money (None: no stated need). ``total_assets_cny`` are the assets the
    concentration rule measures against (before a new purchase).
    """

    level: int | None
    lowest_class: bool
    assessment_expires_on: date | None
    age: int | None
    vulnerable: bool
    max_loss_pct: int | None
    liquidity_need_days: int | None
    total_assets_cny: Decimal

    def __post_init__(self) -> None:
        _rating_in_range(self.level, "the client's risk level")
        if self.age is not None and not 0 <= self.age <= 150:
            raise ValidationError(f"the client's age must be 0 to 150, not {self.age}")
        if self.max_loss_pct is not None and not 0 <= self.max_loss_pct <= 100:
            raise ValidationError(f"the bearable loss must be 0 to 100%, not {self.max_loss_pct}")
        if self.liquidity_need_days is not None and self.liquidity_need_days < 0:
            raise ValidationError("the liquidity need cannot be negative days")
        if self.total_assets_cny < 0:
            raise ValidationError("the client's total assets cannot be negative")

    @property
    def max_rating(self) -> int | None:
        """The highest product rating the client's level allows: R1 for 最低类别."""
        return 1 if self.lowest_class else self.level


@dataclass(frozen=True)
class ProductFacts:
    """What the rules need to know about a product; ``regime`` decides if a block on the
    rating may be lifted by the client's request (see the module docstring)."""

    code: str
    name: str
    type: str
    asset_class: str
    risk_rating: int
    lockup_days: int
    regime: str = "BANK_WM"
    min_investment_cny: Decimal | None = None  # 起购金额; None: not recorded

    def __post_init__(self) -> None:
        if self.risk_rating not in RATINGS:
            raise ValidationError(f"{self.code}: the risk rating must be 1 to 5")
        if self.lockup_days < 0:
            raise ValidationError(f"{self.code}: the lock-up cannot be negative days")
        if self.regime not in REGIMES:
            raise ValidationError(f"{self.code}: unknown regime {self.regime!r}")
        if self.min_investment_cny is not None and self.min_investment_cny < 0:
            raise ValidationError(f"{self.code}: the minimum investment cannot be negative")


@dataclass(frozen=True)
class Limits:
    """The bank's suitability limits, from ``resources/suitability.json``."""

    concentration_limit: Decimal
    concentration_exempt_types: frozenset[str]
    elderly_age: int
    elderly_max_rating: int
    warn_days: int
    overridable_regimes: frozenset[str] = frozenset()
    version: str = ""

    def __post_init__(self) -> None:
        if not 0 < self.concentration_limit <= 1:
            raise RuleDataError("concentration_limit must be a fraction above 0, at most 1")
        if self.elderly_age <= 0:
            raise RuleDataError("elderly_age must be a positive age")
        if self.elderly_max_rating not in RATINGS:
            raise RuleDataError("elderly_max_rating must be 1 to 5")
        if self.warn_days < 0:
            raise RuleDataError("warn_days cannot be negative")
        if unknown := self.overridable_regimes - set(REGIMES):
            raise RuleDataError(f"overridable_regimes: unknown regime {sorted(unknown)[0]!r}")


@dataclass(frozen=True)
class Case:
    """One question for the rules: ``amount_cny`` of ``product`` on top of ``existing_cny``
    already held; ``holding`` when judging a position already held (remedies differ)."""

    client: ClientRiskFacts
    product: ProductFacts
    amount_cny: Decimal
    existing_cny: Decimal
    today: date
    limits: Limits
    holding: bool = False


# --- how figures read ------------------------------------------------------------------


def _r(n: int) -> str:
    return f"R{n}"


def _c(n: int) -> str:
    return f"C{n}"


def _pct(fraction: Decimal) -> str:
    """``0.3`` → ``30%``, ``0.31254`` → ``31.25%``."""
    return f"{quantize(fraction * 100, 2).normalize():f}%"


def _yuan(amount: Decimal) -> Text:
    """Exact to the cent: a limit rounded to 万 could round past it."""
    return Text(f"{quantize(amount, 2):,}元", Money(amount).format())


# --- the rules -------------------------------------------------------------------------

_REASSESS = Text(
    "与客户完成新的风险承受能力评估", "Complete a new risk assessment with the client."
)


def assessment_findings(case: Case) -> list[Finding]:
    """No level, no expiry on record, or expired: block. Expiring within warn_days: warn."""
    level, expires = case.client.level, case.client.assessment_expires_on
    if level is None:
        why = Text(
            "客户没有有效的风险承受能力评估：从未评估",
            "No valid risk assessment: the client has never been assessed.",
        )
        return [Finding("assessment_missing", BLOCK, why, _REASSESS)]
    if expires is None:
        why = Text(
            f"客户没有有效的风险承受能力评估：{_c(level)}评估没有记录有效期",
            f"No valid risk assessment: the {_c(level)} assessment has no expiry date on record.",
        )
        return [Finding("assessment_missing", BLOCK, why, _REASSESS, {"client_level": level})]
    days_left = (expires - case.today).days
    figures: dict[str, Figure] = {"client_level": level, "expires_on": expires}
    if days_left <= 0:
        why = Text(
            f"客户没有有效的风险承受能力评估：{_c(level)}评估已于{expires}到期",
            f"No valid risk assessment: the {_c(level)} assessment expired on {expires}.",
        )
        return [Finding("assessment_expired", BLOCK, why, _REASSESS, figures)]
    if days_left <= case.limits.warn_days:
        why = Text(
            f"客户的{_c(level)}评估将于{expires}到期（还有{days_left}天）",
            f"The {_c(level)} assessment expires on {expires} ({days_left} days left).",
        )
        remedy = Text("在到期前与客户完成重新评估", "Re-assess the client before it expires.")
        figures["days_left"] = days_left
        return [Finding("assessment_expiring", WARN, why, remedy, figures)]
    return []


def _lowest_class(rating: int, holding: bool) -> Finding:
    why = Text(
        f"客户属于最低风险承受能力类别，只能购买R1产品；该产品为{_r(rating)}",
        f"The client is in the lowest risk class (最低类别), R1 only; this is {_r(rating)}.",
    )
    if holding:
        remedy = Text("不宜加仓；与客户沟通调整为R1产品", "Do not add to it; discuss moving to R1.")
    else:
        remedy = Text(
            "只选择R1产品；即使客户自愿，也不得向最低类别客户销售更高等级的产品",
            "Choose an R1 product: nothing above R1 may be sold to this client, even on request.",
        )
    return Finding("lowest_class", BLOCK, why, remedy, {"product_rating": rating})


def rating_findings(case: Case) -> list[Finding]:
    """Rating above the level blocks (最低类别: above R1); the regime decides if the
    client's own request may lift it."""
    overridable = case.product.regime in case.limits.overridable_regimes
    return rating_rule(case.client, case.product, holding=case.holding, overridable=overridable)


def rating_rule(
    client: ClientRiskFacts, product: ProductFacts, *, holding: bool, overridable: bool
) -> list[Finding]:
    """``rating_findings`` without a ``Case``: for a portfolio's holdings."""
    rating, level = product.risk_rating, client.level
    if client.lowest_class:
        return [_lowest_class(rating, holding)] if rating > 1 else []
    if level is None or rating <= level:
        return []  # no level: assessment_findings already blocks
    why = Text(
        f"产品风险等级{_r(rating)}高于客户风险承受能力等级{_c(level)}",
        f"The product is rated {_r(rating)}, above the client's risk level {_c(level)}.",
    )
    if holding:
        remedy = Text(
            f"不宜加仓；与客户沟通调整为{_r(level)}及以下的产品，或在客户情况变化后重新评估",
            f"Do not add to it; discuss moving to {_r(level)} or lower, "
            "or re-assess the client if their circumstances have changed.",
        )
    else:
        remedy = Text(
            f"选择{_r(level)}及以下的产品，或在客户情况变化后重新评估",
            f"Choose a product rated {_r(level)} or lower, "
            "or re-assess the client if their circumstances have changed.",
        )
    if overridable:
        remedy = Text(
            remedy.zh + "；或应客户本人要求出具风险警示书并经客户确认（须双录；该流程尚未提供）",
            remedy.en + " Or, at the client's own request, give a written risk warning and "
            "record their confirmation (双录; that flow is not available yet).",
        )
    figures: dict[str, Figure] = {"product_rating": rating, "client_level": level}
    return [Finding("rating_above_level", BLOCK, why, remedy, figures, overridable)]


def elderly_findings(case: Case) -> list[Finding]:
    """Elderly or vulnerable client and a rating above elderly_max_rating: block."""
    return elderly_rule(case.client, case.product, case.limits, holding=case.holding)


def elderly_rule(
    client: ClientRiskFacts, product: ProductFacts, limits: Limits, *, holding: bool
) -> list[Finding]:
    """``elderly_findings`` without a ``Case``: for a portfolio's holdings."""
    rating = product.risk_rating
    elderly = client.age is not None and client.age >= limits.elderly_age
    if not (elderly or client.vulnerable) or rating <= limits.elderly_max_rating:
        return []
    top = limits.elderly_max_rating
    who_zh, who_en = [], []
    if elderly:
        who_zh.append(f"客户已{client.age}岁（{limits.elderly_age}岁及以上）")
        who_en.append(f"The client is {client.age} ({limits.elderly_age} or older)")
    if client.vulnerable:
        who_zh.append("且被标记为需特别保护的客户" if elderly else "客户被标记为需特别保护的客户")
        who_en.append("the client is vulnerable" if elderly else "The client is vulnerable")
    why = Text(
        f"{''.join(who_zh)}，产品风险等级{_r(rating)}高于{_r(top)}",
        f"{', and '.join(who_en)}; the product is rated {_r(rating)}, above {_r(top)}.",
    )
    if holding:
        remedy = Text(
            f"不宜加仓；与客户沟通调整为{_r(top)}及以下的产品",
            f"Do not add to it; discuss moving to {_r(top)} or lower with the client.",
        )
    else:
        remedy = Text(
            f"选择{_r(top)}及以下的产品。向此类客户销售{_r(top + 1)}及以上产品"
            "须额外确认并经主管审批，该流程尚未提供，目前一律拦截",
            f"Choose a product rated {_r(top)} or lower. Selling {_r(top + 1)} or above to "
            "such a client needs extra confirmation and a supervisor's approval; that flow is "
            "not available yet, so it is blocked for now.",
        )
    figures: dict[str, Figure] = {"product_rating": rating, "max_rating": top}
    if client.age is not None:
        figures["age"] = client.age
    return [Finding("elderly_or_vulnerable", BLOCK, why, remedy, figures)]


def minimum_findings(case: Case) -> list[Finding]:
    """A first purchase below the product's recorded minimum: block (top-ups pass)."""
    minimum = case.product.min_investment_cny
    if case.holding or minimum is None or case.existing_cny > 0:
        return []
    if not Decimal(0) < case.amount_cny < minimum:
        return []
    amount, least = _yuan(case.amount_cny), _yuan(minimum)
    why = Text(
        f"首次购买金额{amount.zh}低于产品起购金额{least.zh}",
        f"A first purchase of {amount.en} is below the product's minimum of {least.en}.",
    )
    remedy = Text(
        f"金额提高到至少{least.zh}，或选择起购金额更低的产品",
        f"Raise the amount to at least {least.en}, or choose a product with a lower minimum.",
    )
    figures: dict[str, Figure] = {"amount_cny": case.amount_cny, "min_investment_cny": minimum}
    return [Finding("below_minimum", BLOCK, why, remedy, figures)]


def concentration_findings(case: Case) -> list[Finding]:
    """One non-exempt product above the limit of the client's assets after the purchase."""
    limits, product = case.limits, case.product
    if product.type in limits.concentration_exempt_types:
        return []
    held = case.existing_cny + case.amount_cny
    whole = case.client.total_assets_cny + case.amount_cny
    if held <= 0 or whole <= 0:
        return []
    share, limit = held / whole, limits.concentration_limit
    if share <= limit:
        return []
    figures: dict[str, Figure] = {
        "share": quantize(share, 4),
        "limit": limit,
        "amount_cny": case.amount_cny,
        "existing_cny": case.existing_cny,
        "total_assets_cny": case.client.total_assets_cny,
    }
    if case.holding:
        why = Text(
            f"该产品占客户资产的{_pct(share)}，超过单一产品上限{_pct(limit)}",
            f"This product is {_pct(share)} of the client's assets, above the {_pct(limit)} "
            "limit for one product.",
        )
        cut = (held - limit * whole).quantize(CENT, ROUND_CEILING)
        figures["reduce_by_cny"] = cut
        remedy = Text(
            f"减持至少{_yuan(cut).zh}，回到{_pct(limit)}以内",
            f"Reduce the position by at least {_yuan(cut).en} to get back within {_pct(limit)}.",
        )
        return [Finding("concentration", BLOCK, why, remedy, figures)]
    why = Text(
        f"购买后该产品将占客户资产的{_pct(share)}，超过单一产品上限{_pct(limit)}",
        f"After this purchase the product would be {_pct(share)} of the client's assets, "
        f"above the {_pct(limit)} limit for one product.",
    )
    # (existing + x) / (total + x) <= limit  ⇔  x <= (limit·total − existing) / (1 − limit)
    room = limit * case.client.total_assets_cny - case.existing_cny
    most = (room / (1 - limit)).quantize(CENT, ROUND_FLOOR) if limit < 1 else Decimal(0)
    most = max(most, Decimal(0))
    figures["max_amount_cny"] = most
    if most > 0:
        remedy = Text(
            f"投入不超过{_yuan(most).zh}，可保持在{_pct(limit)}以内",
            f"Invest at most {_yuan(most).en} to stay within {_pct(limit)}.",
        )
    else:
        remedy = Text(
            f"客户已持有的该产品已达到{_pct(limit)}上限，不宜再投入",
            f"The client's position already reaches the {_pct(limit)} limit: do not add to it.",
        )
    return [Finding("concentration", BLOCK, why, remedy, figures)]


def liquidity_findings(case: Case) -> list[Finding]:
    """A lock-up longer than the days within which the client needs the money: block."""
    need, lock = case.client.liquidity_need_days, case.product.lockup_days
    if need is None or lock <= need:
        return []
    why = Text(
        f"产品锁定期{lock}天，长于客户要求的资金可用期限{need}天",
        f"The product is locked up for {lock} days, longer than the {need} days within "
        "which the client needs the money.",
    )
    if case.holding:
        remedy = Text(
            f"该持仓锁定期长于客户的用款期限，请用其他可用资产安排客户{need}天内的用款",
            f"This holding is locked longer than the client's need: plan the money needed "
            f"within {need} days from other assets.",
        )
    else:
        remedy = Text(
            f"选择锁定期不超过{need}天的产品",
            f"Choose a product locked up for at most {need} days.",
        )
    figures: dict[str, Figure] = {"lockup_days": lock, "liquidity_need_days": need}
    return [Finding("liquidity_lockup", BLOCK, why, remedy, figures)]


RULES: tuple[Callable[[Case], list[Finding]], ...] = (
    assessment_findings,
    rating_findings,
    elderly_findings,
    minimum_findings,
    concentration_findings,
    liquidity_findings,
)


def check(case: Case) -> SuitabilityResult:
    """Every rule's findings, blocks first (then in rule order)."""
    found = [f for rule in RULES for f in rule(case)]
    found.sort(key=lambda f: f.severity != BLOCK)  # stable: rule order within each
    return SuitabilityResult(tuple(found))


def check_product(
    client: ClientRiskFacts,
    product: ProductFacts,
    amount_cny: Decimal,
    existing_position_cny: Decimal,
    today: date,
    limits: Limits,
) -> SuitabilityResult:
    """May ``amount_cny`` of ``product`` be sold to ``client`` (who already holds
    ``existing_position_cny`` of it) on ``today``?"""
    if amount_cny < 0 or existing_position_cny < 0:
        raise ValidationError("amounts cannot be negative")
    return check(Case(client, product, amount_cny, existing_position_cny, today, limits))


def check_holding(
    client: ClientRiskFacts,
    product: ProductFacts,
    position_cny: Decimal,
    today: date,
    limits: Limits,
) -> SuitabilityResult:
    """Does a position already held still suit the client? The same rules, nothing added;
    remedies speak of the holding (do not add, reduce) rather than of a purchase."""
    if position_cny < 0:
        raise ValidationError("a position cannot be negative")
    zero = Decimal(0)
    return check(Case(client, product, zero, position_cny, today, limits, holding=True))


# --- the limits as data ----------------------------------------------------------------


def _get(doc: Mapping[str, Any], key: str) -> Any:
    try:
        return doc[key]
    except KeyError:
        raise RuleDataError(f"the suitability limits have no {key!r}") from None


def _int(doc: Mapping[str, Any], key: str) -> int:
    value = _get(doc, key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise RuleDataError(f"{key} must be a whole number, not {value!r}")
    return value


def _names(
    doc: Mapping[str, Any], key: str, default: Collection[str] | None = None
) -> frozenset[str]:
    value = _get(doc, key) if default is None else doc.get(key, list(default))
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleDataError(f"{key} must be a list of names")
    return frozenset(value)


def parse_limits(doc: Mapping[str, Any]) -> Limits:
    """The ``Limits`` in a parsed ``suitability.json``; ``RuleDataError`` says what is wrong.

    The limit is written as a string (``"0.30"``): a JSON float would be inexact.
    """
    try:
        limit = to_decimal(_get(doc, "concentration_limit"))
    except (TypeError, ValueError) as exc:
        raise RuleDataError(f"concentration_limit must be a decimal string: {exc}") from None
    return Limits(
        concentration_limit=limit,
        concentration_exempt_types=_names(doc, "concentration_exempt_types"),
        elderly_age=_int(doc, "elderly_age"),
        elderly_max_rating=_int(doc, "elderly_max_rating"),
        warn_days=_int(doc, "warn_days"),
        overridable_regimes=_names(doc, "overridable_regimes", ()),
        version=str(doc.get("version", "")),
    )
