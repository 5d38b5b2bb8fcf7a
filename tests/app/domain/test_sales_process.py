"""What completing a sale involves, per product: 双录 by product type, rating and the
client's age; the cooling-off period and follow-up call as recorded."""

from __future__ import annotations

import pytest

from app.domain.product_terms import ProductTerms
from app.domain.sales_process import cooling_off, recording_reason, sales_process

ELDERLY = 65


@pytest.mark.parametrize(
    ("kind", "rating", "age", "reason"),
    [
        ("wmp", 2, 40, "本行理财产品"),
        ("structured", 1, 40, "结构性存款"),
        ("mutual_fund", 3, 40, "代销产品"),
        ("private_fund", 5, 40, "代销产品"),
        ("insurance", 1, 40, "代销保险产品"),
        ("bond", 4, 40, "高风险产品（R4）"),
        ("gold", 3, 65, "客户65岁"),
        ("equity", 5, 70, "高风险产品（R5）"),  # the product's reason comes first
    ],
)
def test_which_sales_are_recorded_and_why(kind: str, rating: int, age: int, reason: str) -> None:
    found = recording_reason(kind, rating, age, ELDERLY)
    assert found is not None and found.zh == reason and found.en


@pytest.mark.parametrize(
    ("kind", "rating", "age"),
    [("deposit", 1, 80), ("bond", 3, 64), ("gold", 3, None), ("deposit", 5, None)],
)
def test_which_sales_are_not_recorded(kind: str, rating: int, age: int | None) -> None:
    assert recording_reason(kind, rating, age, ELDERLY) is None


def test_a_private_funds_cooling_off_then_call() -> None:
    words = cooling_off("private_fund", ProductTerms(cooling_off_hours=24, needs_callback=True))
    assert words is not None
    assert words.zh == (
        "冷静期24小时：签约后24小时内可撤销并全额退款；"
        "期满后由非销售人员回访，回访确认后交易方才生效"
    )
    assert words.en.startswith("a cooling-off period of 24 hours: within 24 hours of signing")
    assert "after it, staff outside sales call the client" in words.en


def test_insurance_has_a_free_look_period_in_days() -> None:
    words = cooling_off("insurance", ProductTerms(cooling_off_hours=360))
    assert words is not None
    assert words.zh.startswith("犹豫期15天") and "free-look period of 15 days" in words.en
    assert "回访" not in words.zh


def test_none_recorded_says_nothing_and_zero_says_none() -> None:
    assert cooling_off("wmp", ProductTerms()) is None
    assert cooling_off("wmp", ProductTerms(needs_callback=False)) is None
    none = cooling_off("wmp", ProductTerms(cooling_off_hours=0, needs_callback=True))
    assert none is not None
    assert none.zh == "无冷静期；成交前由非销售人员回访，回访确认后交易方才生效"


def test_the_pack_sentence_joins_recording_and_cooling_off() -> None:
    terms = ProductTerms(cooling_off_hours=24, needs_callback=True)
    both = sales_process("private_fund", 5, terms, 40, ELDERLY)
    assert both is not None
    assert both.zh.startswith("须在本行网点销售专区同步录音录像（双录；代销产品）；冷静期24小时")
    assert both.zh.endswith("。") and both.en.endswith(".")
    assert both.en.startswith("The sale is recorded")
    assert sales_process("deposit", 1, ProductTerms(), 80, ELDERLY) is None
    only_call = sales_process("bond", 2, ProductTerms(needs_callback=True), 40, ELDERLY)
    assert only_call is not None and only_call.en.startswith("Before the sale, staff")
