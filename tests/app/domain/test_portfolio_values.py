"""Portfolio arithmetic: valuation with FX, totals, allocation and weights."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.portfolio import allocation, fx_rate, total, value_position, weights

RATES = {"USD": Decimal("7.12345678"), "HKD": Decimal("0.91")}


def test_cny_position_is_valued_at_quantity_times_price() -> None:
    v = value_position("F1", "equity", "CNY", Decimal("1000.5"), Decimal("1.234567"), RATES)
    assert v.value == Decimal("1235.18")  # 1235.1842835
    assert v.value_reporting == v.value
    half = value_position("F1", "equity", "CNY", Decimal("1"), Decimal("2.675"), RATES)
    assert half.value == Decimal("2.68")


def test_foreign_position_is_converted_with_its_rate() -> None:
    v = value_position("B1", "fixed_income", "USD", Decimal("100"), Decimal("101.5"), RATES)
    assert v.value == Decimal("10150.00")
    assert v.value_reporting == Decimal("72303.09")  # 10150 × 7.12345678 = 72303.0863…


def test_missing_fx_rate_raises() -> None:
    with pytest.raises(ValueError, match="EUR"):
        value_position("E1", "equity", "EUR", Decimal("1"), Decimal("1"), RATES)
    with pytest.raises(ValueError):
        fx_rate("JPY", {})
    assert fx_rate("CNY", {}) == Decimal(1)


def test_allocation_sums_by_asset_class_and_matches_the_total() -> None:
    values = [
        value_position("F1", "equity", "CNY", Decimal("100"), Decimal("10"), RATES),
        value_position("F2", "equity", "HKD", Decimal("100"), Decimal("10"), RATES),
        value_position("B1", "fixed_income", "USD", Decimal("10"), Decimal("100"), RATES),
    ]
    by_class = allocation(values)
    assert by_class == {"fixed_income": Decimal("7123.46"), "equity": Decimal("1910.00")}
    assert list(by_class) == ["fixed_income", "equity"]  # largest first
    assert sum(by_class.values()) == total(values) == Decimal("9033.46")


def test_weights_sum_to_one() -> None:
    w = weights({"equity": Decimal("300"), "bonds": Decimal("100"), "cash": Decimal("100")})
    assert w == {"equity": Decimal("0.6"), "bonds": Decimal("0.2"), "cash": Decimal("0.2")}
    thirds = weights({"a": Decimal(1), "b": Decimal(1), "c": Decimal(1)})
    assert abs(sum(thirds.values()) - 1) < Decimal("1e-20")


def test_weights_of_nothing_are_zero() -> None:
    assert weights({"equity": Decimal(0), "cash": Decimal(0)}) == {
        "equity": Decimal(0),
        "cash": Decimal(0),
    }
