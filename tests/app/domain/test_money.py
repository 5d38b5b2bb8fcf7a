"""Money: exact Decimal amounts with a currency, HALF_UP rounding, grouped formatting."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.money import Money, quantize, to_decimal


@pytest.mark.parametrize(
    ("raw", "rounded"),
    [
        ("1.005", "1.01"),
        ("1.015", "1.02"),
        ("2.675", "2.68"),
        ("1.004", "1.00"),
        ("-1.005", "-1.01"),
        ("0.125", "0.13"),
    ],
)
def test_amounts_round_half_up_to_cents(raw: str, rounded: str) -> None:
    assert Money(Decimal(raw)).amount == Decimal(rounded)


def test_quantize_rounds_half_up_at_any_scale() -> None:
    assert quantize(Decimal("0.0000005"), 6) == Decimal("0.000001")
    assert quantize(Decimal("2.5"), 0) == Decimal("3")


def test_money_refuses_float() -> None:
    with pytest.raises(TypeError):
        Money(0.1)  # type: ignore[arg-type]


def test_to_decimal_refuses_float_and_parses_grouped_text() -> None:
    with pytest.raises(TypeError):
        to_decimal(1.5)
    assert to_decimal(" 1,234,567.89 ") == Decimal("1234567.89")
    with pytest.raises(ValueError):
        to_decimal("一百")


def test_money_refuses_a_bad_currency_code() -> None:
    with pytest.raises(ValueError):
        Money(Decimal(1), "rmb")


def test_same_currency_adds_and_subtracts_exactly() -> None:
    total = Money(Decimal("0.10")) + Money(Decimal("0.20"))
    assert total == Money(Decimal("0.30"))
    assert total - Money(Decimal("0.30")) == Money.zero()


def test_mixing_currencies_raises() -> None:
    with pytest.raises(ValueError, match="USD"):
        Money(Decimal(1), "CNY") + Money(Decimal(1), "USD")
    with pytest.raises(ValueError):
        Money(Decimal(1), "CNY") - Money(Decimal(1), "USD")
    with pytest.raises(ValueError):
        assert Money(Decimal(1), "CNY") < Money(Decimal(2), "USD")


def test_multiply_and_convert_round_the_result() -> None:
    assert (Money(Decimal("10.00")) * Decimal("0.3333")).amount == Decimal("3.33")
    usd = Money(Decimal("100.00"), "USD")
    assert usd.convert(Decimal("7.12345678"), "CNY") == Money(Decimal("712.35"), "CNY")


@pytest.mark.parametrize(
    ("money", "text"),
    [
        (Money(Decimal("1234567.891")), "¥1,234,567.89"),
        (Money(Decimal("0")), "¥0.00"),
        (Money(Decimal("-1234.5"), "USD"), "-$1,234.50"),
        (Money(Decimal("999.999"), "HKD"), "HK$1,000.00"),
        (Money(Decimal("1"), "CHF"), "CHF 1.00"),
    ],
)
def test_format_groups_thousands_with_the_currency_symbol(money: Money, text: str) -> None:
    assert money.format() == text
    assert str(money) == text
