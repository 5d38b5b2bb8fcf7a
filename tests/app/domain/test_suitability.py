"""Suitability rules at their boundaries, the portfolio fit by hand, and the rule data."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import ConfidantError, RuleDataError, ValidationError
from app.domain.portfolio_fit import (
    MarketAssumptions,
    estimated_volatility,
    parse_assumptions,
    portfolio_fit,
    six_month_loss,
)
from app.domain.suitability import (
    ClientRiskFacts,
    Finding,
    Limits,
    ProductFacts,
    SuitabilityResult,
    Text,
    check_holding,
    check_product,
    parse_limits,
)

RESOURCES = Path(__file__).resolve().parents[3] / "resources"
TODAY = date(2026, 3, 1)
D = Decimal

LIMITS = Limits(
    concentration_limit=D("0.30"),
    concentration_exempt_types=frozenset({"deposit"}),
    elderly_age=65,
    elderly_max_rating=3,
    warn_days=30,
    overridable_regimes=frozenset({"CSRC"}),
)


def client(**changes: Any) -> ClientRiskFacts:
    base = ClientRiskFacts(
        level=3,
        lowest_class=False,
        assessment_expires_on=TODAY + timedelta(days=200),
        age=45,
        vulnerable=False,
        max_loss_pct=None,
        liquidity_need_days=None,
        total_assets_cny=D("10000000"),
    )
    return replace(base, **changes)


def product(**changes: Any) -> ProductFacts:
    base = ProductFacts(
        code="WM001",
        name="稳健理财1号",
        type="wmp",
        asset_class="fixed_income",
        risk_rating=2,
        lockup_days=90,
    )
    return replace(base, **changes)


def run(
    c: ClientRiskFacts, p: ProductFacts, amount: str = "100000", held: str = "0"
) -> SuitabilityResult:
    return check_product(c, p, D(amount), D(held), TODAY, LIMITS)


def rules(result: SuitabilityResult) -> list[str]:
    return [f.rule for f in result.findings]


def only(result: SuitabilityResult, rule: str) -> Finding:
    [found] = [f for f in result.findings if f.rule == rule]
    return found


def test_a_plain_sale_passes() -> None:
    result = run(client(), product())
    assert result.suitable
    assert result.findings == ()


# --- rating against level --------------------------------------------------------------


def test_rating_equal_to_level_passes() -> None:
    assert run(client(level=3), product(risk_rating=3)).suitable


def test_rating_one_above_level_blocks_with_figures_and_texts() -> None:
    result = run(client(level=3), product(risk_rating=4))
    found = only(result, "rating_above_level")
    assert not result.suitable
    assert found.severity == "block"
    assert found.figures["product_rating"] == 4
    assert found.figures["client_level"] == 3
    assert found.why.zh == "产品风险等级R4高于客户风险承受能力等级C3"
    assert found.remedy.zh.startswith("选择R3及以下的产品，或在客户情况变化后重新评估")
    assert "R4" in found.why.get("en") and "C3" in found.why.get("en")
    assert found.why.get("zh_CN") == found.why.zh
    assert not found.overridable  # BANK_WM: nothing unlocks more


def test_csrc_rating_block_is_overridable_but_still_blocks() -> None:
    result = run(client(level=3), product(risk_rating=4, regime="CSRC"))
    found = only(result, "rating_above_level")
    assert found.overridable
    assert found.severity == "block"
    assert not result.suitable
    assert "风险警示书" in found.remedy.zh


def test_lowest_class_takes_r1_only() -> None:
    lowest = client(level=1, lowest_class=True)
    assert run(lowest, product(risk_rating=1)).suitable
    result = run(lowest, product(risk_rating=2, regime="CSRC"))
    assert rules(result) == ["lowest_class"]
    assert not only(result, "lowest_class").overridable  # never, whatever the regime


def test_lowest_class_without_a_level_still_caps_at_r1() -> None:
    result = run(client(level=None, lowest_class=True), product(risk_rating=2))
    assert set(rules(result)) == {"assessment_missing", "lowest_class"}


# --- the assessment --------------------------------------------------------------------


def test_missing_assessment_blocks() -> None:
    result = run(client(level=None, assessment_expires_on=None), product(risk_rating=1))
    assert rules(result) == ["assessment_missing"]
    assert not result.suitable
    assert "complete a new" in only(result, "assessment_missing").remedy.en.lower()


def test_level_without_expiry_blocks() -> None:
    result = run(client(assessment_expires_on=None), product())
    assert rules(result) == ["assessment_missing"]


def test_assessment_expiring_today_is_expired() -> None:
    result = run(client(assessment_expires_on=TODAY), product())
    found = only(result, "assessment_expired")
    assert found.severity == "block"
    assert found.figures["expires_on"] == TODAY
    assert str(TODAY) in found.why.en


def test_assessment_expiring_tomorrow_is_valid_but_warns() -> None:
    result = run(client(assessment_expires_on=TODAY + timedelta(days=1)), product())
    assert result.suitable
    [warning] = result.warnings
    assert warning.rule == "assessment_expiring"
    assert warning.figures["days_left"] == 1


def test_expiry_warning_starts_at_warn_days() -> None:
    assert rules(run(client(assessment_expires_on=TODAY + timedelta(days=30)), product())) == [
        "assessment_expiring"
    ]
    assert run(client(assessment_expires_on=TODAY + timedelta(days=31)), product()).findings == ()


# --- elderly and vulnerable ------------------------------------------------------------


def test_age_64_may_buy_r4_at_c4() -> None:
    assert run(client(level=4, age=64), product(risk_rating=4)).suitable


def test_age_65_blocks_above_r3() -> None:
    result = run(client(level=4, age=65), product(risk_rating=4))
    found = only(result, "elderly_or_vulnerable")
    assert found.severity == "block"
    assert found.figures["age"] == 65
    assert "supervisor" in found.remedy.en and "blocked for now" in found.remedy.en


def test_age_65_may_buy_r3() -> None:
    assert run(client(level=4, age=65), product(risk_rating=3)).suitable


def test_vulnerable_at_40_blocks_above_r3() -> None:
    assert run(client(level=5, age=40), product(risk_rating=5)).suitable
    result = run(client(level=5, age=40, vulnerable=True), product(risk_rating=4))
    assert rules(result) == ["elderly_or_vulnerable"]
    assert "vulnerable" in result.findings[0].why.en


def test_unknown_age_is_not_elderly() -> None:
    assert run(client(level=5, age=None), product(risk_rating=5)).suitable


# --- concentration ---------------------------------------------------------------------


def test_exactly_the_limit_passes_and_a_cent_more_blocks() -> None:
    rich = client(total_assets_cny=D("700000"))
    assert run(rich, product(), amount="300000").suitable  # 300k / 1m = 30%
    result = run(rich, product(), amount="300000.01")
    found = only(result, "concentration")
    assert found.severity == "block"
    assert found.figures["max_amount_cny"] == D("300000.00")
    assert "300,000.00" in found.remedy.en
    assert "300,000.00元" in found.remedy.zh


def test_concentration_counts_the_existing_position() -> None:
    # (200k + 100k) / (900k + 100k) = 30% passes; 100k more on 200k of 800k does not
    assert run(client(total_assets_cny=D("900000")), product(), "100000", "200000").suitable
    result = run(client(total_assets_cny=D("800000")), product(), "100000", "200000")
    found = only(result, "concentration")
    assert found.figures["share"] == D("0.3333")
    # (0.3 × 800k − 200k) / 0.7 = 57,142.857… → 57,142.85
    assert found.figures["max_amount_cny"] == D("57142.85")


def test_concentration_when_already_at_the_limit() -> None:
    result = run(client(total_assets_cny=D("1000000")), product(), "1", "400000")
    found = only(result, "concentration")
    assert found.figures["max_amount_cny"] == D(0)
    assert "do not add" in found.remedy.en


def test_deposits_are_exempt_from_concentration() -> None:
    assert run(client(total_assets_cny=D("0")), product(type="deposit"), "5000000").suitable


# --- liquidity -------------------------------------------------------------------------


def test_lockup_equal_to_need_passes() -> None:
    assert run(client(liquidity_need_days=90), product(lockup_days=90)).suitable


def test_lockup_longer_than_need_blocks() -> None:
    result = run(client(liquidity_need_days=90), product(lockup_days=91))
    found = only(result, "liquidity_lockup")
    assert found.figures == {"lockup_days": 91, "liquidity_need_days": 90}
    assert "at most 90 days" in found.remedy.en


def test_no_stated_need_means_no_liquidity_finding() -> None:
    assert run(client(liquidity_need_days=None), product(lockup_days=3650)).suitable


# --- minimum investment ----------------------------------------------------------------


def test_first_purchase_at_the_minimum_passes_and_a_cent_less_blocks() -> None:
    private = product(type="private_fund", min_investment_cny=D("1000000"))
    assert run(client(), private, amount="1000000").suitable
    result = run(client(), private, amount="999999.99")
    found = only(result, "below_minimum")
    assert found.severity == "block" and not result.suitable
    assert found.figures == {"amount_cny": D("999999.99"), "min_investment_cny": D("1000000")}
    assert "1,000,000.00元" in found.why.zh and "at least" in found.remedy.en


def test_a_top_up_below_the_minimum_passes() -> None:
    private = product(type="private_fund", min_investment_cny=D("1000000"))
    assert "below_minimum" not in rules(run(client(), private, amount="200000", held="1500000"))


def test_no_recorded_minimum_means_no_minimum_finding() -> None:
    assert run(client(), product(min_investment_cny=None), amount="1").suitable


def test_a_holding_is_not_judged_by_the_minimum() -> None:
    private = product(min_investment_cny=D("1000000"))
    assert check_holding(client(), private, D("500000"), TODAY, LIMITS).suitable


# --- the result ------------------------------------------------------------------------


def test_blocks_come_before_warnings() -> None:
    c = client(assessment_expires_on=TODAY + timedelta(days=5), liquidity_need_days=30)
    result = run(c, product(risk_rating=4, lockup_days=365))
    assert rules(result) == ["rating_above_level", "liquidity_lockup", "assessment_expiring"]
    assert [f.rule for f in result.blocking] == ["rating_above_level", "liquidity_lockup"]
    assert [f.rule for f in result.warnings] == ["assessment_expiring"]


def test_findings_are_read_only() -> None:
    found = only(run(client(level=3), product(risk_rating=4)), "rating_above_level")
    with pytest.raises(TypeError):
        found.figures["client_level"] = 5  # type: ignore[index]
    hash(found)


def test_text_get() -> None:
    text = Text("中", "en")
    assert (text.get("zh"), text.get("zh-Hans"), text.get("en_US"), text.get("fr")) == (
        "中",
        "中",
        "en",
        "en",
    )


def test_negative_amounts_are_refused() -> None:
    with pytest.raises(ValidationError):
        run(client(), product(), amount="-1")


@pytest.mark.parametrize(
    "changes", [{"level": 6}, {"level": 0}, {"age": -1}, {"max_loss_pct": 101}]
)
def test_bad_client_facts(changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        client(**changes)


@pytest.mark.parametrize(
    "changes",
    [{"risk_rating": 0}, {"lockup_days": -1}, {"regime": "X"}, {"min_investment_cny": D(-1)}],
)
def test_bad_product_facts(changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        product(**changes)


# --- holdings --------------------------------------------------------------------------


def test_holding_uses_the_same_rules_with_holding_remedies() -> None:
    c = client(level=3, total_assets_cny=D("1000000"))
    result = check_holding(c, product(risk_rating=4), D("400000"), TODAY, LIMITS)
    assert rules(result) == ["rating_above_level", "concentration"]
    found = only(result, "concentration")
    assert found.figures["share"] == D("0.4000")
    assert found.figures["reduce_by_cny"] == D("100000.00")
    assert "Reduce the position" in found.remedy.en
    assert only(result, "rating_above_level").remedy.en.startswith("Do not add")


def test_holding_at_the_limit_passes() -> None:
    c = client(total_assets_cny=D("1000000"))
    assert check_holding(c, product(), D("300000"), TODAY, LIMITS).suitable


# --- portfolio fit ---------------------------------------------------------------------


def two_class_assumptions(rho: float = 0.5) -> MarketAssumptions:
    return MarketAssumptions(
        version="test",
        classes=("equity", "alternative"),
        volatility=(0.2, 0.1),
        expected_return=(0.07, 0.05),
        correlation=((1.0, rho), (rho, 1.0)),
    )


def test_volatility_with_correlation_by_hand() -> None:
    vol = estimated_volatility({"equity": 0.5, "alternative": 0.5}, two_class_assumptions())
    # 0.25·0.04 + 0.25·0.01 + 2·0.25·0.5·0.2·0.1 = 0.0175
    assert vol == pytest.approx(math.sqrt(0.0175))


def test_six_month_loss_formula() -> None:
    assert six_month_loss(0.2) == pytest.approx(1.645 * 0.2 * math.sqrt(0.5))


def test_portfolio_fit_by_hand() -> None:
    equity = product(code="EQ", type="mutual_fund", asset_class="equity", risk_rating=4)
    alt = product(code="ALT", type="private_fund", asset_class="alternative", risk_rating=2)
    fit = portfolio_fit(
        client(level=3), [(equity, D("500000")), (alt, D("500000"))], two_class_assumptions()
    )
    assert fit.total_cny == D("1000000")
    assert fit.weighted_rating == D("3.00")  # (4 + 2) / 2
    assert fit.share_above_level == D("0.5000")
    assert fit.volatility == pytest.approx(math.sqrt(0.0175))
    assert fit.loss_6m == pytest.approx(1.645 * math.sqrt(0.0175) * math.sqrt(0.5))
    assert fit.loss_6m_cny == (D("1000000") * D(fit.loss_6m)).quantize(D("0.01"))
    [held] = fit.findings  # the R4 holding; the weighted rating 3.00 is not above C3
    assert held.rule == "rating_above_level"
    assert held.figures["product_code"] == "EQ"
    assert held.why.en.startswith("稳健理财1号 (EQ): ")


def test_weighted_rating_rounds_to_two_places_and_warns_above_level() -> None:
    r5 = product(code="A", asset_class="equity", risk_rating=5)
    r2 = product(code="B", asset_class="alternative", risk_rating=2)
    # (5·200 + 2·100) / 300 = 4.00, above C3
    fit = portfolio_fit(client(level=3), [(r5, D(200)), (r2, D(100))], two_class_assumptions())
    assert fit.weighted_rating == D("4.00")
    assert "portfolio_rating_above_level" in [f.rule for f in fit.warnings]
    r3 = product(code="C", asset_class="equity", risk_rating=3)
    fit = portfolio_fit(client(level=5), [(r3, D(2)), (r2, D(1))], two_class_assumptions())
    assert fit.weighted_rating == D("2.67")  # (3·2 + 2·1) / 3 = 2.666…
    assert fit.findings == ()


def test_same_product_in_two_accounts_is_one_holding() -> None:
    r4 = product(code="A", asset_class="equity", risk_rating=4)
    fit = portfolio_fit(client(level=3), [(r4, D(100)), (r4, D(50))], two_class_assumptions())
    [held] = fit.blocking
    assert held.figures["value_cny"] == D(150)


def test_loss_above_tolerance_warns() -> None:
    equity = product(code="EQ", asset_class="equity", risk_rating=3)
    positions = [(equity, D("1000000"))]
    # all equity: 1.645 × 0.2 × √0.5 ≈ 23.3%
    fit = portfolio_fit(client(max_loss_pct=20), positions, two_class_assumptions())
    found = only(SuitabilityResult(fit.findings), "loss_above_tolerance")
    assert found.severity == "warn"
    assert found.figures["loss_6m_pct"] == D("23.3")
    assert "not a promise" in found.why.en
    assert portfolio_fit(client(max_loss_pct=25), positions, two_class_assumptions()).findings == ()


def test_portfolio_fit_with_limits_adds_the_elderly_rule() -> None:
    r4 = product(code="A", asset_class="equity", risk_rating=4, regime="CSRC")
    old = client(level=5, age=70)
    assert portfolio_fit(old, [(r4, D(1))], two_class_assumptions()).findings == ()
    fit = portfolio_fit(old, [(r4, D(1))], two_class_assumptions(), limits=LIMITS)
    assert [f.rule for f in fit.findings] == ["elderly_or_vulnerable"]


def test_empty_portfolio_is_all_zeros() -> None:
    fit = portfolio_fit(client(max_loss_pct=0), [], two_class_assumptions())
    assert fit.findings == ()
    assert fit.suitable
    assert (fit.total_cny, fit.weighted_rating, fit.share_above_level) == (D(0), D(0), D(0))
    assert (fit.volatility, fit.loss_6m, fit.loss_6m_cny) == (0.0, 0.0, D(0))
    zero_valued = portfolio_fit(client(), [(product(), D(0))], two_class_assumptions())
    assert zero_valued.findings == ()


def test_portfolio_of_an_unassessed_client_has_no_share_above_level() -> None:
    fit = portfolio_fit(
        client(level=None), [(product(asset_class="equity"), D(1))], two_class_assumptions()
    )
    assert fit.share_above_level is None
    assert fit.findings == ()


def test_unknown_asset_class_is_a_rule_data_error() -> None:
    with pytest.raises(RuleDataError, match="gold"):
        portfolio_fit(client(), [(product(asset_class="gold"), D(1))], two_class_assumptions())


def test_negative_holding_is_refused() -> None:
    with pytest.raises(ValidationError):
        portfolio_fit(client(), [(product(asset_class="equity"), D(-1))], two_class_assumptions())


# --- the rule data ---------------------------------------------------------------------


def test_the_bundled_limits_parse() -> None:
    limits = parse_limits(json.loads((RESOURCES / "suitability.json").read_text("utf-8")))
    assert limits.concentration_limit == D("0.30")
    assert limits.concentration_exempt_types == {"deposit"}
    assert (limits.elderly_age, limits.elderly_max_rating, limits.warn_days) == (65, 3, 30)
    assert limits.overridable_regimes == {"CSRC"}


def test_the_bundled_market_assumptions_parse() -> None:
    path = RESOURCES / "market_assumptions" / "2026.1.json"
    assumptions = parse_assumptions(json.loads(path.read_text("utf-8")))
    assert assumptions.version == "2026.1"
    assert set(assumptions.classes) == {
        "cash", "fixed_income", "equity", "alternative", "commodity", "insurance",
    }  # fmt: skip
    assert assumptions.vol("equity") == 0.22
    assert assumptions.rho("equity", "fixed_income") == assumptions.rho("fixed_income", "equity")
    assert assumptions.source


def limits_doc(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "concentration_limit": "0.30",
        "concentration_exempt_types": ["deposit"],
        "elderly_age": 65,
        "elderly_max_rating": 3,
        "warn_days": 30,
    }
    doc.update(changes)
    return {k: v for k, v in doc.items() if v is not None}


def test_overridable_regimes_default_to_none() -> None:
    assert parse_limits(limits_doc()).overridable_regimes == frozenset()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"concentration_limit": 0.3}, "decimal string"),
        ({"concentration_limit": "1.5"}, "concentration_limit"),
        ({"concentration_limit": None}, "concentration_limit"),
        ({"elderly_age": "65"}, "elderly_age"),
        ({"elderly_max_rating": 6}, "elderly_max_rating"),
        ({"warn_days": -1}, "warn_days"),
        ({"concentration_exempt_types": "deposit"}, "concentration_exempt_types"),
        ({"overridable_regimes": ["SEC"]}, "SEC"),
    ],
)
def test_bad_limits(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(RuleDataError, match=message):
        parse_limits(limits_doc(**changes))


def assumptions_doc(matrix: list[list[Any]], **vols: Any) -> dict[str, Any]:
    classes = {"equity": {"volatility": 0.2, "expected_return": 0.07},
               "cash": {"volatility": 0.005, "expected_return": 0.015}}  # fmt: skip
    for name, vol in vols.items():
        classes[name] = {"volatility": vol, "expected_return": 0.0}
    order = ["equity", "cash", *vols]
    return {"version": "t", "asset_classes": classes,
            "correlation": {"order": order, "matrix": matrix}}  # fmt: skip


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (assumptions_doc([[1, 0.2], [0.3, 1]]), "symmetric"),
        (assumptions_doc([[1, 0.2], [0.2, 0.9]]), "diagonal"),
        (assumptions_doc([[1, 1.5], [1.5, 1]]), r"outside \[-1, 1\]"),
        (assumptions_doc([[1, 0], [0, 1], [0, 0]]), "2×2"),
        (assumptions_doc([[1, 0.2], [0.2, 1]], gold="x"), "number"),
        (
            assumptions_doc([[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]], gold=0.15),
            "semi-definite",
        ),
        ({"version": "t", "asset_classes": {}}, "lack"),
    ],
)
def test_bad_assumptions(doc: dict[str, Any], message: str) -> None:
    with pytest.raises(RuleDataError, match=message):
        parse_assumptions(doc)


def test_class_without_vol_is_refused() -> None:
    doc = assumptions_doc([[1, 0], [0, 1]])
    doc["correlation"]["order"].append("gold")
    with pytest.raises(RuleDataError, match="gold"):
        parse_assumptions(doc)
    doc = assumptions_doc([[1, 0], [0, 1]])
    del doc["asset_classes"]["cash"]["volatility"]
    with pytest.raises(RuleDataError, match="volatility"):
        parse_assumptions(doc)


def test_rule_data_error_is_a_confidant_error() -> None:
    assert issubclass(RuleDataError, ConfidantError)
