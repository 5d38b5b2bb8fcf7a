"""Client risk levels, suitable ratings, assessment expiry, age and extra care."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain.risk_profile import (
    LEVELS,
    ValidityStatus,
    add_months,
    age_on,
    birth_date_from_id,
    expires_on,
    extra_care_reason,
    level_code,
    level_meaning,
    level_name,
    needs_extra_care,
    suitable_ratings,
    validity_status,
)
from app.domain.validation import resident_id_check_char

# --- Levels ------------------------------------------------------------------------


def test_five_levels_with_bank_names() -> None:
    assert [level.code for level in LEVELS] == ["C1", "C2", "C3", "C4", "C5"]
    assert [level_name(n, "zh") for n in range(1, 6)] == [
        "保守型",
        "稳健型",
        "平衡型",
        "成长型",
        "进取型",
    ]
    assert [level_name(n, "en") for n in range(1, 6)] == [
        "Conservative",
        "Moderately conservative",
        "Balanced",
        "Growth",
        "Aggressive",
    ]
    assert level_code(3) == "C3"


def test_lowest_class_names_and_meaning() -> None:
    assert level_name(1, "zh", lowest_class=True) == "保守型（最低类别）"
    assert level_name(1, "en", lowest_class=True) == "Conservative (lowest class)"
    assert "R1" in level_meaning(1, "zh", lowest_class=True)
    assert "R1" in level_meaning(1, "en", lowest_class=True)


@pytest.mark.parametrize("number", range(1, 6))
def test_every_level_has_a_meaning_in_both_languages(number: int) -> None:
    assert f"R{number}" in level_meaning(number, "zh")
    assert f"R{number}" in level_meaning(number, "en")


@pytest.mark.parametrize("number", [0, 6, -1])
def test_out_of_range_levels_raise(number: int) -> None:
    with pytest.raises(ValueError):
        level_code(number)
    with pytest.raises(ValueError):
        suitable_ratings(number)


def test_suitable_ratings() -> None:
    assert list(suitable_ratings(1)) == [1]
    assert list(suitable_ratings(3)) == [1, 2, 3]
    assert list(suitable_ratings(5)) == [1, 2, 3, 4, 5]
    assert 4 not in suitable_ratings(3)
    assert list(suitable_ratings(1, lowest_class=True)) == [1]
    assert list(suitable_ratings(4, lowest_class=True)) == [1]


# --- Expiry --------------------------------------------------------------------------


def test_expiry_is_exactly_twelve_months_later() -> None:
    assessed = date(2026, 3, 15)
    expiry = expires_on(assessed)
    assert expiry == date(2027, 3, 15)
    assert validity_status(expiry, expiry - timedelta(days=1)).status is ValidityStatus.EXPIRING
    assert validity_status(expiry, expiry - timedelta(days=1)).days_left == 1
    assert validity_status(expiry, expiry).status is ValidityStatus.EXPIRED
    assert validity_status(expiry, expiry).days_left == 0
    assert not validity_status(expiry, expiry).usable
    assert validity_status(expiry, expiry - timedelta(days=1)).usable


@pytest.mark.parametrize(
    ("assessed", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 8, 31), 24, date(2028, 8, 31)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
    ],
)
def test_month_end_and_leap_day_clamps(assessed: date, months: int, expected: date) -> None:
    assert expires_on(assessed, months) == expected


def test_add_months_goes_backwards_too() -> None:
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2026, 1, 15), -1) == date(2025, 12, 15)


def test_validity_must_be_positive() -> None:
    with pytest.raises(ValueError):
        expires_on(date(2026, 1, 1), 0)


def test_validity_status_boundaries_at_thirty_days() -> None:
    expiry = date(2026, 12, 31)
    missing = validity_status(None, date(2026, 1, 1))
    assert (missing.status, missing.days_left) == (ValidityStatus.MISSING, None)
    assert not missing.usable
    day_31 = validity_status(expiry, expiry - timedelta(days=31))
    assert (day_31.status, day_31.days_left) == (ValidityStatus.VALID, 31)
    day_30 = validity_status(expiry, expiry - timedelta(days=30))
    assert (day_30.status, day_30.days_left) == (ValidityStatus.EXPIRING, 30)
    assert validity_status(expiry, expiry + timedelta(days=5)).days_left == -5
    assert validity_status(expiry, expiry - timedelta(days=8), warn_days=7).status is (
        ValidityStatus.VALID
    )
    assert validity_status(expiry, expiry - timedelta(days=7), warn_days=7).status is (
        ValidityStatus.EXPIRING
    )


# --- Age -----------------------------------------------------------------------------


def test_age_on_the_birthday_and_the_day_before() -> None:
    born = date(1961, 5, 20)
    assert age_on(born, date(2026, 5, 19)) == 64
    assert age_on(born, date(2026, 5, 20)) == 65
    assert age_on(born, born) == 0


def test_age_of_a_leap_day_birthday() -> None:
    born = date(1960, 2, 29)
    assert age_on(born, date(2025, 2, 28)) == 64
    assert age_on(born, date(2025, 3, 1)) == 65
    assert age_on(born, date(2024, 2, 28)) == 63
    assert age_on(born, date(2024, 2, 29)) == 64


def test_age_before_birth_raises() -> None:
    with pytest.raises(ValueError):
        age_on(date(2000, 1, 2), date(2000, 1, 1))


def _resident_id(birth: str) -> str:
    first17 = f"110101{birth}123"
    return first17 + resident_id_check_char(first17)


def test_birth_date_from_id() -> None:
    assert birth_date_from_id(_resident_id("19610520")) == date(1961, 5, 20)
    assert birth_date_from_id(_resident_id("19610520").lower()) == date(1961, 5, 20)
    assert birth_date_from_id("E12345678") is None
    assert birth_date_from_id("110101196102301234") is None  # 30 February


# --- Extra care ----------------------------------------------------------------------


def test_elderly_at_65_exactly_but_not_64() -> None:
    assert needs_extra_care(65, vulnerable=False)
    assert not needs_extra_care(64, vulnerable=False)
    assert needs_extra_care(60, vulnerable=False, threshold=60)
    assert extra_care_reason(64, vulnerable=False) is None
    zh = extra_care_reason(65, vulnerable=False, lang="zh")
    assert zh is not None and "65" in zh
    en = extra_care_reason(70, vulnerable=False, lang="en")
    assert en is not None and "70" in en and "65" in en


def test_vulnerable_flag_alone_needs_care() -> None:
    assert needs_extra_care(40, vulnerable=True)
    assert needs_extra_care(None, vulnerable=True)
    assert not needs_extra_care(None, vulnerable=False)
    en = extra_care_reason(None, vulnerable=True, lang="en")
    assert en is not None and "vulnerable" in en
    assert extra_care_reason(None, vulnerable=False, lang="en") is None


def test_both_reasons_are_given() -> None:
    zh = extra_care_reason(80, vulnerable=True, lang="zh")
    assert zh is not None and "80" in zh and "特别关注" in zh
