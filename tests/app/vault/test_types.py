"""Column types: exact scaled decimals and time-zone-aware UTC times."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import Column, Engine, Integer, MetaData, Table, create_engine, func, select
from sqlalchemy.dialects import sqlite

from app.vault.types import ScaledDecimal, UtcDateTime

DIALECT = sqlite.dialect()
metadata = MetaData()
ledger = Table(
    "ledger",
    metadata,
    Column("n", Integer, primary_key=True),
    Column("amount", ScaledDecimal(2)),
    Column("at", UtcDateTime),
)


@pytest.fixture
def engine() -> Iterator[Engine]:
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    yield engine
    engine.dispose()


def round_trip(engine: Engine, **values: object) -> dict[str, object]:
    with engine.begin() as c:
        c.execute(ledger.delete())
        c.execute(ledger.insert(), values)
        return dict(c.execute(select(ledger)).one()._mapping)


# --- ScaledDecimal --------------------------------------------------------------


def test_scaled_decimal_refuses_floats() -> None:
    with pytest.raises(TypeError):
        ScaledDecimal(2).process_bind_param(0.1, DIALECT)


def test_scaled_decimal_refuses_more_decimals_than_its_scale() -> None:
    with pytest.raises(ValueError, match="decimals"):
        ScaledDecimal(2).process_bind_param(Decimal("1.005"), DIALECT)


def test_scaled_decimal_accepts_trailing_zeros_beyond_its_scale() -> None:
    assert ScaledDecimal(2).process_bind_param(Decimal("1.500"), DIALECT) == 150


@pytest.mark.parametrize(
    "value",
    [
        "0",
        "0.01",
        "-0.01",
        "-1234.56",
        "9999999999.99",
        "-9999999999.99",
        "12345678901234567.89",
    ],
)
def test_scaled_decimal_round_trips_exactly(engine: Engine, value: str) -> None:
    stored = round_trip(engine, amount=Decimal(value))["amount"]
    assert isinstance(stored, Decimal)
    assert stored == Decimal(value)


def test_scaled_decimal_is_stored_as_an_integer(engine: Engine) -> None:
    round_trip(engine, amount=Decimal("12.34"))
    with engine.connect() as c:
        assert c.exec_driver_sql("SELECT typeof(amount), amount FROM ledger").one() == (
            "integer",
            1234,
        )


def test_sql_sum_is_exact(engine: Engine) -> None:
    with engine.begin() as c:
        c.execute(ledger.insert(), [{"amount": Decimal("0.01")} for _ in range(1000)])
        c.execute(ledger.insert(), [{"amount": Decimal("0.10")} for _ in range(10)])
        total = c.execute(select(func.sum(ledger.c.amount))).scalar_one()
    assert total == Decimal("11.00")
    assert isinstance(total, Decimal)


def test_null_stays_null(engine: Engine) -> None:
    assert round_trip(engine, amount=None, at=None) == {"n": 1, "amount": None, "at": None}


# --- UtcDateTime ----------------------------------------------------------------


def test_utc_datetime_refuses_naive_times() -> None:
    with pytest.raises(ValueError, match="time zone"):
        UtcDateTime().process_bind_param(datetime(2025, 6, 1, 9, 30), DIALECT)


def test_utc_datetime_round_trips_aware_times_as_utc(engine: Engine) -> None:
    beijing = timezone(timedelta(hours=8))
    written = datetime(2025, 6, 1, 9, 30, 15, 123456, tzinfo=beijing)
    stored = round_trip(engine, at=written)["at"]
    assert stored == written
    assert stored.utcoffset() == timedelta(0)
    assert (stored.hour, stored.microsecond) == (1, 123456)


def test_utc_datetime_text_order_is_time_order(engine: Engine) -> None:
    new_york = timezone(timedelta(hours=-5))
    beijing = timezone(timedelta(hours=8))
    times = [
        datetime(2025, 6, 1, 20, 0, tzinfo=new_york),  # 01:00 UTC on 2 June
        datetime(2025, 6, 2, 8, 0, tzinfo=beijing),  # 00:00 UTC on 2 June
        datetime(2025, 6, 1, 23, 59, 59, 999999, tzinfo=UTC),
    ]
    with engine.begin() as c:
        c.execute(ledger.insert(), [{"at": t} for t in times])
        ordered = list(c.execute(select(ledger.c.at).order_by(ledger.c.at)).scalars())
    assert ordered == sorted(times)
