"""Masks for C2 data, the JR/T 0171 data classes and the C3 storage ban."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import ValidationError
from app.domain.masking import (
    C3_FIELDS,
    FIELD_CLASSES,
    DataClass,
    assert_storable,
    field_class,
    mask_account,
    mask_address,
    mask_amount,
    mask_email,
    mask_id_number,
    mask_mobile,
    mask_name,
)
from app.domain.money import Money

TEXT_MASKS: list[Callable[[str | None], str]] = [
    mask_id_number,
    mask_account,
    mask_mobile,
    mask_email,
    mask_name,
    mask_address,
]


@pytest.mark.parametrize(
    ("mask", "value", "expected"),
    [
        (mask_id_number, "11010519491231002X", "110105********002X"),
        (mask_id_number, "E12345678", "E******78"),
        (mask_id_number, "H1234", "H**34"),
        (mask_id_number, "abc", "***"),
        (mask_account, "6222021234567890", "622202******7890"),
        (mask_account, "6222 0212 3456 7890 128", "622202*********0128"),
        (mask_account, "1234567890", "12******90"),
        (mask_account, "6222021234567", "622*******567"),  # short: a third at least hidden
        (mask_mobile, "+8613812345678", "138****5678"),
        (mask_mobile, "13812345678", "138****5678"),
        (mask_mobile, "138 1234 5678", "138****5678"),
        (mask_mobile, "+85291234567", "+852****4567"),
        (mask_mobile, "+14155552671", "+1******2671"),
        (mask_mobile, "+442071234567", "+44******4567"),
        (mask_email, "zhang.san@example.com", "z***@example.com"),
        (mask_email, "a@example.com", "***@example.com"),
        (mask_name, "张伟", "张*"),
        (mask_name, "张伟明", "张**"),
        (mask_name, "欧阳娜娜", "欧***"),
        (mask_name, "Zhang Wei", "Z*****"),
        (mask_name, "张", "*"),
        (mask_address, "上海市浦东新区世纪大道100号", "上海市浦东新区****"),
        (mask_address, "北京市朝阳区建国路1号", "北京市朝阳区****"),
        (mask_address, "浙江省湖州市安吉县递铺街道", "浙江省湖州市安吉县****"),
        (mask_address, "广东省东莞市南城街道某小区3栋", "广东省东莞市****"),
        (
            mask_address,
            "新疆维吾尔自治区乌鲁木齐市天山区解放路",
            "新疆维吾尔自治区乌鲁木齐市天山区****",
        ),
        (mask_address, "1 Main Street, Springfield", "1 Main****"),
        (mask_address, "某路1号", "某路****"),
    ],
)
def test_masks(mask: Callable[[str], str], value: str, expected: str) -> None:
    assert mask(value) == expected


@pytest.mark.parametrize("mask", TEXT_MASKS)
@pytest.mark.parametrize("value", ["", None, "   "])
def test_empty_input_masks_to_empty(mask: Callable[[str | None], str], value: str | None) -> None:
    assert mask(value) == ""


@given(st.from_regex(r"[0-9]{17}[0-9X]", fullmatch=True))
def test_id_mask_never_shows_the_birth_date(number: str) -> None:
    masked = mask_id_number(number)
    assert masked == number[:6] + "*" * 8 + number[-4:]
    assert number[6:14] not in masked


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), st.sampled_from(["", "+86", "0086"]))
def test_mobile_mask_never_shows_the_middle_digits(number: str, prefix: str) -> None:
    masked = mask_mobile(prefix + number)
    assert masked[3:7] == "****"
    assert masked.replace("*", "") == number[:3] + number[-4:]


@given(st.from_regex(r"[0-9]{15,19}", fullmatch=True))
def test_account_mask_keeps_six_and_four(number: str) -> None:
    masked = mask_account(number)
    assert masked[6:-4] == "*" * (len(number) - 10)
    assert masked.replace("*", "") == number[:6] + number[-4:]


@pytest.mark.parametrize("mask", TEXT_MASKS)
@given(value=st.text(min_size=1, max_size=40).filter(lambda t: any(c.isalnum() for c in t)))
def test_masks_never_return_the_value(mask: Callable[[str | None], str], value: str) -> None:
    clean = value.replace("*", "")
    masked = mask(clean)
    assert "*" in masked
    assert masked != clean


def test_amount_mask_hides_magnitude() -> None:
    small, large = Money(Decimal("1.00")), Money(Decimal("123456789.99"))
    assert mask_amount(small) == mask_amount(large) == "¥******"
    assert mask_amount(-large) == "¥******"
    assert mask_amount(Money(Decimal(5), "HKD")) == "HK$******"
    assert mask_amount(Money(Decimal(5), "CHF")) == "CHF ******"
    assert mask_amount(None) == ""


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("id_number", DataClass.C2),
        ("account_number", DataClass.C2),
        ("mobile", DataClass.C2),
        ("email", DataClass.C2),
        ("address", DataClass.C2),
        ("balance", DataClass.C2),
        ("transactions", DataClass.C2),
        ("name", DataClass.C1),
        ("city", DataClass.C1),
        ("occupation", DataClass.C1),
        ("gender", DataClass.C1),
        ("tier", DataClass.C1),
        ("favourite_colour", DataClass.C1),
        ("name_pinyin", DataClass.C1),
        ("id_expiry", DataClass.C1),
        ("cvv2", DataClass.C3),
        ("cardPin", DataClass.C3),
        ("login-password", DataClass.C3),
        ("card_expiry", DataClass.C3),
        ("fingerprint", DataClass.C3),
    ],
)
def test_field_classes(field: str, expected: DataClass) -> None:
    assert field_class(field) is expected


def test_field_class_table() -> None:
    assert FIELD_CLASSES["id_number"] is DataClass.C2
    assert FIELD_CLASSES["name"] is DataClass.C1
    assert not C3_FIELDS & FIELD_CLASSES.keys()


@pytest.mark.parametrize("field", [*sorted(C3_FIELDS), "client_password", "TransactionPin"])
def test_c3_fields_are_never_storable(field: str) -> None:
    with pytest.raises(ValidationError, match="never be stored"):
        assert_storable(field)


@pytest.mark.parametrize("field", sorted(FIELD_CLASSES))
def test_c1_and_c2_fields_are_storable(field: str) -> None:
    assert_storable(field)
