"""Pinyin, initials and search keys for names; lunar birthdays."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import ValidationError
from app.domain.names import (
    lunar_birthday,
    name_initials,
    name_pinyin,
    name_search_keys,
    next_lunar_birthday,
)


@pytest.mark.parametrize(
    ("name", "pinyin", "initials"),
    [
        ("张伟", "zhang wei", "zw"),
        ("单伟", "shan wei", "sw"),
        ("曾国藩", "zeng guo fan", "zgf"),
        ("欧阳娜娜", "ou yang na na", "oynn"),
        ("尉迟恭", "yu chi gong", "ycg"),
        ("单于伟", "chan yu wei", "cyw"),
        ("吕布", "lv bu", "lb"),
        ("阿卜杜·热合曼", "a bo du re he man", "abdrhm"),
        ("John Smith", "john smith", "js"),
        ("José García", "jose garcia", "jg"),
        ("  张 伟 ", "zhang wei", "zw"),
        ("", "", ""),
    ],
)
def test_pinyin_and_initials(name: str, pinyin: str, initials: str) -> None:
    assert name_pinyin(name) == pinyin
    assert name_initials(name) == initials


@pytest.mark.parametrize(
    ("surname", "readings"),
    [
        ("单", ("shan", "dan")),
        ("曾", ("zeng", "ceng")),
        ("解", ("xie", "jie")),
        ("仇", ("qiu", "chou")),
        ("区", ("ou", "qu")),
        ("查", ("zha", "cha")),
        ("朴", ("piao", "pu")),
        ("覃", ("qin", "tan")),
        ("尉", ("yu", "wei")),
        ("召", ("shao", "zhao")),
    ],
)
def test_search_keys_cover_both_surname_readings(surname: str, readings: tuple[str, ...]) -> None:
    keys = name_search_keys(surname + "伟").split()
    for reading in readings:
        assert reading + "wei" in keys
        assert reading[0] + "w" in keys


def test_search_keys_for_shan_wei() -> None:
    keys = set(name_search_keys("单伟").split())
    assert {"shanwei", "danwei", "sw", "dw"} <= keys


def test_search_keys_for_ordinary_and_latin_names() -> None:
    assert name_search_keys("张伟") == "zhangwei zw"
    assert name_search_keys("John Smith") == "johnsmith js"
    assert name_search_keys("") == ""


def test_search_keys_use_heteronyms_of_other_first_characters() -> None:
    keys = name_search_keys("长江").split()
    assert "changjiang" in keys and "zhangjiang" in keys


def test_search_keys_stay_bounded() -> None:
    # Heteronyms of later characters are not expanded: 单单单单单单 gives few keys.
    keys = name_search_keys("单单单单单单").split()
    assert len(keys) <= 4
    assert len(keys) == len(set(keys))


def test_compound_surname_keeps_its_reading() -> None:
    assert name_search_keys("尉迟恭") == "yuchigong ycg"


# --- lunar birthdays --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("solar", "lunar"),
    [
        (date(2024, 2, 10), (1, 1, False)),  # 甲辰 new year
        (date(2023, 3, 23), (2, 2, True)),  # 癸卯 has a leap second month
        (date(2023, 2, 21), (2, 2, False)),
        (date(1980, 1, 1), (11, 14, False)),
    ],
)
def test_lunar_birthday(solar: date, lunar: tuple[int, int, bool]) -> None:
    assert lunar_birthday(solar) == lunar


def test_next_lunar_birthday_includes_the_day_itself() -> None:
    assert next_lunar_birthday(1, 1, False, date(2024, 2, 10)) == date(2024, 2, 10)
    assert next_lunar_birthday(1, 1, False, date(2024, 2, 11)) == date(2025, 1, 29)
    assert next_lunar_birthday(1, 1, False, date(2024, 1, 1)) == date(2024, 2, 10)


def test_thirtieth_day_falls_on_the_last_day_of_a_short_month() -> None:
    # The first month of 甲辰 (2024) has 29 days; that of 乙巳 (2025) has 30.
    assert next_lunar_birthday(1, 30, False, date(2024, 2, 10)) == date(2024, 3, 9)
    assert next_lunar_birthday(1, 30, False, date(2024, 3, 10)) == date(2025, 2, 27)


def test_leap_month_birthday_falls_back_to_the_ordinary_month() -> None:
    assert next_lunar_birthday(2, 2, True, date(2023, 1, 1)) == date(2023, 3, 23)
    assert next_lunar_birthday(2, 2, True, date(2023, 4, 1)) == date(2024, 3, 11)
    assert next_lunar_birthday(2, 2, False, date(2024, 3, 11)) == date(2024, 3, 11)


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2098, 12, 31)))
def test_lunar_birthday_round_trips(born: date) -> None:
    assert next_lunar_birthday(*lunar_birthday(born), after=born) == born


@given(
    st.integers(1, 12),
    st.integers(1, 30),
    st.booleans(),
    st.dates(min_value=date(1901, 1, 1), max_value=date(2098, 12, 31)),
)
def test_next_lunar_birthday_is_within_a_year_and_a_bit(
    month: int, day: int, leap: bool, after: date
) -> None:
    found = next_lunar_birthday(month, day, leap, after)
    assert after <= found
    assert (found - after).days <= 385
    found_month, found_day, _ = lunar_birthday(found)
    assert found_month == month
    assert found_day in (day, day - 1)


@pytest.mark.parametrize(
    ("month", "day", "after"),
    [(13, 1, date(2024, 1, 1)), (1, 31, date(2024, 1, 1)), (0, 1, date(2024, 1, 1))],
)
def test_impossible_lunar_birthdays_are_refused(month: int, day: int, after: date) -> None:
    with pytest.raises(ValidationError, match="month from 1 to 12"):
        next_lunar_birthday(month, day, False, after)


def test_dates_outside_the_lunar_table_are_refused() -> None:
    with pytest.raises(ValidationError, match="1900"):
        lunar_birthday(date(1899, 12, 31))
    with pytest.raises(ValidationError, match="1900"):
        next_lunar_birthday(1, 1, False, date(2100, 1, 1))
