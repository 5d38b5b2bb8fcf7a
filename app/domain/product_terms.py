"""A product's terms as an advice pack discloses them: the minimum investment (起购金额),
how often it deals, its term, the performance benchmark (业绩比较基准), its fees, and
the sales process (cooling-off, follow-up call).

Units, as the vault stores them:

- ``min_investment_cny``: yuan (CNY, or the CNY equivalent for a product in another
  currency), two decimals.
- ``term_days``: the fixed term in days; ``None`` for an open-ended product.
- Fees are percentages (``Decimal("1.5")`` is 1.5 %), at most four decimals, 0–100:
  ``subscription`` (认购/申购费) and ``redemption`` (赎回费, the headline rate) are charged
  once on the amount; ``management`` (管理费), ``custody`` (托管费) and ``sales_service``
  (销售服务费) are charged per year on the assets; ``performance`` (业绩报酬) is the share
  of the return above the benchmark (or hurdle).
- ``cooling_off_hours``: hours after signing in which the client may withdraw and be
  refunded (冷静期: at least 24 for a bank's private 理财 and for private funds; 犹豫期 for
  insurance, 15 days is 360); 0: none. ``needs_callback``: a follow-up call (回访) by
  staff outside sales comes after it, and the sale completes only then.

``None`` means "not recorded here" (the product documents govern); zero means "none
charged". The values are checked when a ``ProductTerms`` is made, so whatever writes a
product through it cannot store a dealing code or a fee the pack cannot state.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from app.domain.bilingual import Text
from app.domain.errors import ValidationError

BENCHMARK_MAX = 60
FEE_DECIMALS = 4
MONEY_DECIMALS = 2
TERM_DAYS_MAX = 36_500  # a hundred years: anything longer is a typing mistake
COOLING_OFF_MAX_HOURS = 24 * 366  # a year: anything longer is a typing mistake

DEALING: dict[str, Text] = {
    "daily": Text("每个工作日均可交易", "dealt every business day"),
    "weekly": Text("每周开放一次申购赎回", "open for subscriptions and redemptions weekly"),
    "monthly": Text("每月开放一次申购赎回", "open for subscriptions and redemptions monthly"),
    "quarterly": Text("每季度开放一次申购赎回", "open for subscriptions and redemptions quarterly"),
    "closed": Text("封闭运作，到期兑付", "closed until maturity"),
    "none": Text(
        "不设开放日，提前退出以合同约定为准",
        "no open days; an early exit only as the contract allows",
    ),
}

# One-off fees are a percentage of the amount; yearly ones of the assets, per year.
ONE_OFF = ("subscription", "redemption")
YEARLY = ("management", "custody", "sales_service")


def _finite_decimal(value: Any, what: str) -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValidationError(f"{what} must be an exact decimal number, not {value!r}.")
    return value


def _check_fee(name: str, value: Any) -> None:
    if value is None:
        return
    what = f"The {name.replace('_', ' ')} fee"
    fee = _finite_decimal(value, what)
    if not Decimal(0) <= fee <= Decimal(100):
        raise ValidationError(f"{what} is a percentage from 0 to 100, not {fee}.")
    if fee != fee.quantize(Decimal(1).scaleb(-FEE_DECIMALS)):
        raise ValidationError(f"{what} has at most {FEE_DECIMALS} decimals ({fee}).")


def _check_min(value: Any) -> None:
    if value is None:
        return
    amount = _finite_decimal(value, "The minimum investment")
    if amount < 0 or amount != amount.quantize(Decimal(1).scaleb(-MONEY_DECIMALS)):
        raise ValidationError(
            f"The minimum investment is zero or more yuan, to the fen, not {amount}."
        )


def _check_sales_process(hours: Any, callback: Any) -> None:
    if hours is not None and (
        isinstance(hours, bool)
        or not isinstance(hours, int)
        or not 0 <= hours <= COOLING_OFF_MAX_HOURS
    ):
        raise ValidationError(
            f"A cooling-off period is a whole number of hours from 0 (none) to "
            f"{COOLING_OFF_MAX_HOURS}, not {hours!r}."
        )
    if callback is not None and not isinstance(callback, bool):
        raise ValidationError(f"Whether a follow-up call is needed is yes or no, not {callback!r}.")


@dataclass(frozen=True)
class Fees:
    """A product's fees in percent (see the module's units); ``None``: not recorded."""

    subscription: Decimal | None = None
    redemption: Decimal | None = None
    management: Decimal | None = None
    custody: Decimal | None = None
    sales_service: Decimal | None = None
    performance: Decimal | None = None

    def __post_init__(self) -> None:
        for f in fields(self):
            _check_fee(f.name, getattr(self, f.name))

    def items(self) -> tuple[tuple[str, Decimal | None], ...]:
        """``(name, percent)`` in the order a pack lists them."""
        return tuple((f.name, getattr(self, f.name)) for f in fields(self))

    @property
    def recorded(self) -> bool:
        """Whether any fee is recorded at all."""
        return any(value is not None for _, value in self.items())


@dataclass(frozen=True)
class ProductTerms:
    """What a product's documents say about buying, holding and leaving it."""

    min_investment_cny: Decimal | None = None
    dealing: str | None = None
    term_days: int | None = None
    benchmark: str | None = None
    fees: Fees = Fees()
    cooling_off_hours: int | None = None
    needs_callback: bool | None = None

    def __post_init__(self) -> None:
        _check_min(self.min_investment_cny)
        _check_sales_process(self.cooling_off_hours, self.needs_callback)
        if self.dealing is not None and self.dealing not in DEALING:
            raise ValidationError(
                f"Dealing {self.dealing!r} is not known; use one of {', '.join(DEALING)}."
            )
        if self.term_days is not None and (
            isinstance(self.term_days, bool)
            or not isinstance(self.term_days, int)
            or not 1 <= self.term_days <= TERM_DAYS_MAX
        ):
            raise ValidationError(
                "A product's term is a whole number of days from 1 up; leave it empty "
                "for an open-ended product."
            )
        if self.benchmark is not None and (
            not self.benchmark.strip() or len(self.benchmark) > BENCHMARK_MAX
        ):
            raise ValidationError(
                f"A performance benchmark is 1 to {BENCHMARK_MAX} characters; leave it "
                "empty when the product has none."
            )

    @property
    def recorded(self) -> bool:
        """Whether anything at all is recorded (else the documents say it all)."""
        return self.fees.recorded or any(
            v is not None
            for v in (
                self.min_investment_cny,
                self.dealing,
                self.term_days,
                self.benchmark,
                self.cooling_off_hours,
                self.needs_callback,
            )
        )


def percent(value: Decimal, places: int = 2) -> str:
    """``1.2`` → ``1.20%``, ``0.025`` → ``0.025%``; ``places`` is the fewest decimals."""
    exponent = value.normalize().as_tuple().exponent
    needed = -exponent if isinstance(exponent, int) else 0
    return f"{value:.{max(places, needed)}f}%"


__all__ = [
    "BENCHMARK_MAX",
    "COOLING_OFF_MAX_HOURS",
    "DEALING",
    "ONE_OFF",
    "YEARLY",
    "Fees",
    "ProductTerms",
    "percent",
]
