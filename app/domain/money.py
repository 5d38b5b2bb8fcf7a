"""Exact money: a Decimal amount with its ISO 4217 currency, never a float.

Each kind of number has a fixed scale (amounts 2 decimals, prices 6, quantities 6,
FX rates 8) and rounds HALF_UP, as the bank's statements do. Adding different
currencies is an error, not a silent conversion.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

AMOUNT_SCALE = 2
PRICE_SCALE = 6
QUANTITY_SCALE = 6
RATE_SCALE = 8
REPORTING_CURRENCY = "CNY"

CURRENCY_SYMBOLS = {"CNY": "¥", "USD": "$", "HKD": "HK$", "EUR": "€", "GBP": "£", "JPY": "JP¥"}


def quantize(value: Decimal, scale: int) -> Decimal:
    """Round ``value`` to ``scale`` decimals, HALF_UP."""
    return value.quantize(Decimal(1).scaleb(-scale), rounding=ROUND_HALF_UP)


def to_decimal(value: object) -> Decimal:
    """Parse a user or file value as Decimal; floats are refused (they are inexact)."""
    if isinstance(value, float):
        raise TypeError("floats are inexact: pass money as Decimal, int or str")
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value).replace(",", "").strip())
    except InvalidOperation as exc:
        raise ValueError(f"{value!r} is not a number") from exc


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in one currency, kept at ``AMOUNT_SCALE`` decimals."""

    amount: Decimal
    currency: str = REPORTING_CURRENCY

    def __post_init__(self) -> None:
        if isinstance(self.amount, float):
            raise TypeError("Money never holds a float")
        if len(self.currency) != 3 or not self.currency.isupper():
            raise ValueError(f"{self.currency!r} is not an ISO 4217 currency code")
        object.__setattr__(self, "amount", quantize(to_decimal(self.amount), AMOUNT_SCALE))

    @classmethod
    def zero(cls, currency: str = REPORTING_CURRENCY) -> Money:
        return cls(Decimal(0), currency)

    def _same(self, other: Money) -> None:
        if self.currency != other.currency:
            raise ValueError(f"cannot combine {self.currency} with {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        return Money(self.amount * to_decimal(factor), self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.amount <= other.amount

    def convert(self, rate: Decimal, currency: str) -> Money:
        """This amount in ``currency`` at ``rate`` units of ``currency`` per unit."""
        return Money(self.amount * rate, currency)

    def format(self) -> str:
        """``¥1,234,567.89``: grouped, with the currency's symbol."""
        symbol = CURRENCY_SYMBOLS.get(self.currency, self.currency + " ")
        sign = "-" if self.amount < 0 else ""
        return f"{sign}{symbol}{abs(self.amount):,.2f}"

    def __str__(self) -> str:
        return self.format()


def chinese_units(amount: Decimal) -> str:
    """Large amounts the way Chinese bankers say them: ``1.23亿``, ``456.78万``.

    Below 10,000 the amount is returned grouped (``9,999.00``); the caller adds the currency.
    """
    sign = "-" if amount < 0 else ""
    value = abs(amount)
    if value >= Decimal(100_000_000):
        return f"{sign}{quantize(value / Decimal(100_000_000), 2):,}亿"
    if value >= Decimal(10_000):
        return f"{sign}{quantize(value / Decimal(10_000), 2):,}万"
    return f"{sign}{quantize(value, 2):,}"
