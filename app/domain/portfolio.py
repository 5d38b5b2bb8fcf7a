"""Portfolio arithmetic: valuation with FX into the reporting currency, allocation.

Pure functions over plain values; prices and rates are passed in, never looked up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from app.domain.money import AMOUNT_SCALE, REPORTING_CURRENCY, quantize


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
