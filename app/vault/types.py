"""Column types that keep the data rules: exact decimals and time-zone-aware times.

- ``ScaledDecimal(scale)`` stores a Decimal as an INTEGER count of 10**-scale units, so
  SQL ``SUM`` stays exact (SQLite's NUMERIC would silently become a float) and a value
  with more decimals than the column allows is refused instead of rounded.
- ``UtcDateTime`` refuses naive datetimes and stores UTC ISO-8601 text of fixed width,
  so string order is time order.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class ScaledDecimal(TypeDecorator[Decimal]):
    """A Decimal with a fixed number of decimals, stored as a scaled integer."""

    impl = BigInteger
    cache_ok = True

    def __init__(self, scale: int) -> None:
        super().__init__()
        self.scale = scale

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("money and quantities are never floats: pass a Decimal")
        scaled = Decimal(value).scaleb(self.scale)
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more than {self.scale} decimals")
        return int(scaled)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.scale)


class UtcDateTime(TypeDecorator[datetime]):
    """An aware datetime, stored as ``YYYY-MM-DDTHH:MM:SS.ffffff+00:00`` text."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("times carry a time zone: pass an aware datetime")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value)


def utc_now() -> datetime:
    return datetime.now(UTC)
