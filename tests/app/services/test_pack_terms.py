"""A recommended product's key terms, fees and liquidity as the advice pack words them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.bilingual import Text
from app.domain.product_terms import Fees, ProductTerms, percent
from app.services import pack_terms

D = Decimal
TRUST = Text("信托", "Trust")


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [
        (D("1.2"), 2, "1.20%"),
        (D("0.025"), 2, "0.025%"),
        (D("0.0250"), 2, "0.025%"),
        (D("20"), 0, "20%"),
        (D("17.5"), 0, "17.5%"),
        (D("0"), 2, "0.00%"),
    ],
)
def test_percent(value: Decimal, places: int, shown: str) -> None:
    assert percent(value, places) == shown


def test_a_product_with_every_fee_zero_says_it_charges_none() -> None:
    zero = Fees(D(0), D(0), D(0), D(0), D(0), D(0))
    assert pack_terms.fees(ProductTerms(fees=zero)) == pack_terms.NO_FEES


def test_a_product_without_fees_points_to_its_documents() -> None:
    terms = ProductTerms(min_investment_cny=D(1000), dealing="daily")
    assert pack_terms.fees(terms) == pack_terms.FEES_IN_DOCUMENTS
    assert pack_terms.fees(ProductTerms()) == pack_terms.FEES_IN_DOCUMENTS


def test_fees_not_recorded_are_not_mentioned() -> None:
    text = pack_terms.fees(ProductTerms(fees=Fees(management=D("1.5"), redemption=D(0))))
    assert text == Text(
        "管理费1.50%/年；不收取赎回费。", "Management fee 1.50% a year; no redemption fee."
    )


def test_a_closed_trust_in_full() -> None:
    terms = ProductTerms(
        min_investment_cny=D("3000000"),
        dealing="closed",
        term_days=730,
        benchmark="年化5.60%",
        fees=Fees(D(1), D(0), D("0.8"), D("0.03"), D("0.5")),
    )
    key = pack_terms.key_terms(TRUST, terms, 730, "CNY", D("3000000"))
    assert key.zh == (
        "信托；起购金额¥300.00万；期限2年；封闭运作，到期兑付；"
        "业绩比较基准：年化5.60%（不代表实际收益）；锁定期730天"
    )
    assert key.en == (
        "Trust; minimum ¥3,000,000.00; term of 2 years; closed until maturity; "
        "benchmark 年化5.60% (not a promised return); lock-up of 730 days"
    )
    assert pack_terms.fees(terms) == Text(
        "认购/申购费1.00%（一次性）；管理费0.80%/年；托管费0.03%/年；销售服务费0.50%/年；"
        "不收取赎回费。",
        "Subscription fee 1.00% (one-off); management fee 0.80% a year; custody fee 0.03% "
        "a year; sales-service fee 0.50% a year; no redemption fee.",
    )
    assert pack_terms.liquidity(terms, 730) == Text(
        "封闭期2年，到期兑付", "Closed for 2 years, repaid at maturity"
    )


def test_an_amount_below_the_minimum_is_called_a_top_up() -> None:
    # The gate refuses a first purchase below the minimum: only a top-up gets here.
    terms = ProductTerms(min_investment_cny=D("1000000"))
    below = pack_terms.key_terms(TRUST, terms, 0, "CNY", D("500000"))
    assert "起购金额¥100.00万（本次为追加购买，追加起点以产品合同为准）" in below.zh
    assert "(this is a top-up, whose minimum the product contract sets)" in below.en
    at_least = pack_terms.key_terms(TRUST, terms, 0, "CNY", D("1000000"))
    assert "追加" not in at_least.zh and "top-up" not in at_least.en


def test_a_foreign_currency_minimum_is_a_cny_equivalent() -> None:
    terms = ProductTerms(min_investment_cny=D("50000"))
    text = pack_terms.key_terms(Text("存款", "Deposit"), terms, 0, "USD")
    assert "起购金额¥5.00万（人民币等值）" in text.zh
    assert "minimum ¥50,000.00 (CNY equivalent)" in text.en


def test_liquidity_of_an_open_product_after_a_lock_up() -> None:
    terms = ProductTerms(dealing="monthly")
    assert pack_terms.liquidity(terms, 180) == Text(
        "每月开放一次申购赎回；买入后180天内不可赎回",
        "Open for subscriptions and redemptions monthly; cannot be redeemed for 180 days "
        "after purchase",
    )


def test_liquidity_without_terms_is_as_before() -> None:
    assert pack_terms.liquidity(ProductTerms(), 90).zh == "买入后90天内不可赎回"
    assert pack_terms.liquidity(ProductTerms(), 0).en == "Dealt as the product's terms allow"
