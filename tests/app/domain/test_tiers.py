"""Client tiers from financial assets: thresholds are inclusive, the lowest starts at 0."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from app.domain.tiers import TierTable
from app.services.config import tier_table


def tier_doc(*thresholds: tuple[str, str]) -> dict[str, Any]:
    return {
        "tiers": [
            {
                "code": code,
                "name_zh": code,
                "name_en": code,
                "min_assets_cny": low,
                "contact_every_days": 30,
                "review_every_days": 90,
                "birthday_care": True,
                "event_invitations": False,
            }
            for code, low in thresholds
        ]
    }


@pytest.mark.parametrize(
    ("assets", "code"),
    [
        ("0", "mass"),
        ("49999.99", "mass"),
        ("50000", "vip"),
        ("499999.99", "vip"),
        ("500000.00", "wealth"),
        ("5999999.99", "wealth"),
        ("6000000", "private"),
        ("120000000", "private"),
    ],
)
def test_bank_tiers_go_up_at_each_threshold(assets: str, code: str) -> None:
    assert tier_table().for_assets(Decimal(assets)).code == code


def test_bank_lowest_tier_is_mass() -> None:
    table = tier_table()
    assert table.codes() == ["private", "wealth", "vip", "mass"]
    assert table.by_code("mass").name_zh == "大众"
    assert table.by_code("private").min_assets_cny == Decimal("6000000")


def test_hand_written_table_in_any_order() -> None:
    table = TierTable.from_config(tier_doc(("gold", "1000"), ("basic", "0"), ("black", "10000")))
    assert table.codes() == ["black", "gold", "basic"]
    assert table.for_assets(Decimal("999.99")).code == "basic"
    assert table.for_assets(Decimal("1000")).code == "gold"
    assert table.for_assets(Decimal("10000")).code == "black"


def test_negative_assets_fall_in_the_lowest_tier() -> None:
    table = TierTable.from_config(tier_doc(("gold", "1000"), ("basic", "0")))
    assert table.for_assets(Decimal("-5")).code == "basic"


@pytest.mark.parametrize(
    "doc",
    [
        tier_doc(("gold", "1000"), ("silver", "10")),
        tier_doc(),
    ],
)
def test_table_without_a_tier_at_zero_is_refused(doc: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="0"):
        TierTable.from_config(doc)


def test_unknown_code_raises() -> None:
    with pytest.raises(KeyError):
        tier_table().by_code("diamond")
