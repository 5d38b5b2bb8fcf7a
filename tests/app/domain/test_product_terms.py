"""A product's terms are checked where they are made: a dealing code the pack cannot
state, a fee out of range or a float never reaches the vault."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from app.domain.errors import ValidationError
from app.domain.product_terms import (
    BENCHMARK_MAX,
    COOLING_OFF_MAX_HOURS,
    DEALING,
    Fees,
    ProductTerms,
)

D = Decimal


def test_known_terms_are_kept_as_given() -> None:
    terms = ProductTerms(
        min_investment_cny=D("1000000.00"),
        dealing="quarterly",
        term_days=None,
        benchmark="年化6.00%",
        fees=Fees(D("1"), D("0"), D("1.5"), D("0.025"), None, D("20")),
    )
    assert terms.recorded and terms.fees.recorded
    assert dict(terms.fees.items())["custody"] == D("0.025")
    assert dict(terms.fees.items())["sales_service"] is None


def test_nothing_recorded() -> None:
    assert not ProductTerms().recorded and not Fees().recorded
    assert ProductTerms(fees=Fees(redemption=D(0))).recorded  # a zero is a recorded fee
    assert ProductTerms(cooling_off_hours=0).recorded  # "none" is a recorded answer
    assert ProductTerms(needs_callback=False).recorded


def test_every_dealing_code_has_words() -> None:
    assert set(DEALING) == {"daily", "weekly", "monthly", "quarterly", "closed", "none"}
    for code in DEALING:
        assert ProductTerms(dealing=code).dealing == code


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"dealing": "fortnightly"}, "Dealing 'fortnightly' is not known"),
        ({"dealing": "Daily"}, "not known"),
        ({"term_days": 0}, "whole number of days"),
        ({"term_days": True}, "whole number of days"),
        ({"benchmark": "  "}, "1 to 60 characters"),
        ({"benchmark": "年" * (BENCHMARK_MAX + 1)}, "1 to 60 characters"),
        ({"min_investment_cny": D("-1")}, "zero or more yuan"),
        ({"min_investment_cny": D("10000.001")}, "to the fen"),
        ({"min_investment_cny": 10000.0}, "exact decimal"),
        ({"cooling_off_hours": -1}, "whole number of hours from 0"),
        ({"cooling_off_hours": 24.0}, "whole number of hours"),
        ({"cooling_off_hours": True}, "whole number of hours"),
        ({"cooling_off_hours": COOLING_OFF_MAX_HOURS + 1}, "whole number of hours"),
        ({"needs_callback": "yes"}, "yes or no"),
    ],
)
def test_bad_terms_are_refused(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ProductTerms(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"management": D("-0.1")}, "management fee is a percentage from 0 to 100"),
        ({"performance": D("100.5")}, "performance fee is a percentage"),
        ({"custody": D("0.00001")}, "at most 4 decimals"),
        ({"subscription": 1.5}, "exact decimal"),
        ({"sales_service": D("NaN")}, "exact decimal"),
    ],
)
def test_bad_fees_are_refused(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Fees(**kwargs)
