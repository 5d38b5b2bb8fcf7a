"""Model portfolios: the bundled file, the bands, adjustments, drift and trades."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.errors import RuleDataError, ValidationError
from app.domain.model_portfolios import (
    TOTAL,
    ModelPortfolios,
    check_adjustment,
    drift,
    parse_models,
    trades,
)
from app.domain.portfolio_fit import parse_assumptions

RESOURCES = Path(__file__).resolve().parents[3] / "resources"
D = Decimal


def bundled_doc() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(
        (RESOURCES / "model_portfolios" / "2026.1.json").read_text("utf-8")
    )
    return doc


MODELS: ModelPortfolios = parse_models(bundled_doc())


# --- the bundled file ----------------------------------------------------------------------


def test_the_bundled_models_parse() -> None:
    assert MODELS.version == "2026.1"
    assert [m.level for m in MODELS.models] == [1, 2, 3, 4, 5]
    assert MODELS.source
    for model in MODELS.models:
        assert sum(model.weights.values(), D(0)) == 1
        assert model.name.zh and model.name.en and model.description.zh
        for cls, (low, high) in model.bands.items():
            assert 0 <= low <= model.weights[cls] <= high <= 1
    assert MODELS.for_level(3).code == "C3"
    assert MODELS.class_names["fixed_income"].zh == "固定收益"


def test_the_models_use_the_classes_of_the_market_assumptions() -> None:
    doc = json.loads((RESOURCES / "market_assumptions" / "2026.1.json").read_text("utf-8"))
    assert set(MODELS.classes) == set(parse_assumptions(doc).classes)


def test_c1_holds_no_equity_and_risk_grows_with_the_level() -> None:
    c1 = MODELS.for_level(1)
    assert c1.weights["equity"] == 0
    assert c1.bands["equity"] == (D(0), D(0))
    assert c1.bands["alternative"] == (D(0), D(0))
    equity = [MODELS.for_level(n).weights["equity"] for n in range(1, 6)]
    assert equity == sorted(equity)


def test_bands_are_deviation_clipped_by_floor_and_cap() -> None:
    c3 = MODELS.for_level(3)
    assert c3.max_deviation == D("0.10")
    assert c3.bands["fixed_income"] == (D("0.35"), D("0.55"))  # 0.45 ± 0.10
    assert c3.bands["equity"] == (D("0.15"), D("0.35"))  # cap 0.35 = 0.25 + 0.10
    assert c3.bands["cash"] == (D("0.03"), D("0.20"))  # floor 0.03 above 0.10 - 0.10
    assert MODELS.for_level(5).max_deviation == D("0.15")  # the model's own allowance


def test_for_level_refuses_a_sixth_level() -> None:
    with pytest.raises(ValueError, match="1 to 5"):
        MODELS.for_level(6)


def _set(path: tuple[str | int, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        *parents, last = path
        node: Any = doc
        for key in parents:
            node = node[key]
        if value is DELETE:
            del node[last]
        else:
            node[last] = value

    return change


DELETE = object()
C3 = ("models", 2)
CHANGES = {
    "sum": _set((*C3, "weights", "cash"), "0.09"),
    "float": _set((*C3, "weights", "cash"), 0.10),
    "missing_level": _set(("models", 4), DELETE),
    "repeated_level": _set(("models", 4, "level"), 4),
    "outside_limits": _set((*C3, "limits", "equity"), {"max": "0.20"}),
    "unknown_class": _set((*C3, "weights", "gold"), "0"),
    "missing_class": _set((*C3, "weights", "insurance"), DELETE),
    "format": _set(("format",), 2),
    "name": _set((*C3, "name"), {"zh": "平衡型"}),
    "limit_key": _set((*C3, "limits", "cash"), {"floor": "0.1"}),
    "deviation": _set((*C3, "max_deviation"), "0"),
}


def broken(change: str) -> dict[str, Any]:
    doc = copy.deepcopy(bundled_doc())
    CHANGES[change](doc)
    return doc


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("sum", "C3: the weights sum to 0.99, not exactly 1"),
        ("float", "decimal string"),
        ("missing_level", "one model for each level"),
        ("repeated_level", "one model for each level"),
        ("outside_limits", r"equity \(0.25\) is outside its limits"),
        ("unknown_class", "gold"),
        ("missing_class", "insurance"),
        ("format", "format 2"),
        ("name", '"en"'),
        ("limit_key", '"min" and "max"'),
        ("deviation", "max_deviation"),
    ],
)
def test_bad_model_files_say_why(change: str, message: str) -> None:
    with pytest.raises(RuleDataError, match=message):
        parse_models(broken(change))


# --- adjustments ---------------------------------------------------------------------------


def test_the_model_itself_and_changes_inside_the_bands_pass() -> None:
    c3 = MODELS.for_level(3)
    assert check_adjustment(c3, c3.weights) == []
    adjusted = {**c3.weights, "equity": D("0.30"), "fixed_income": D("0.40")}
    assert check_adjustment(c3, adjusted) == []
    at_the_edge = {**c3.weights, "equity": D("0.35"), "fixed_income": D("0.35")}
    assert check_adjustment(c3, at_the_edge) == []


def test_changes_outside_the_bands_are_named() -> None:
    c3 = MODELS.for_level(3)
    too_far = {**c3.weights, "equity": D("0.40"), "fixed_income": D("0.30")}
    problems = check_adjustment(c3, too_far)
    assert [(p.asset_class, p.proposed, p.min, p.max) for p in problems] == [
        ("fixed_income", D("0.30"), D("0.35"), D("0.55")),
        ("equity", D("0.40"), D("0.15"), D("0.35")),
    ]
    assert "40.00%" in problems[1].message.zh and "15.00%–35.00%" in problems[1].message.zh
    assert "outside" in problems[1].message.en


def test_c1_may_not_take_any_equity() -> None:
    c1 = MODELS.for_level(1)
    problems = check_adjustment(c1, {**c1.weights, "equity": D("0.01"), "cash": D("0.29")})
    assert [p.asset_class for p in problems] == ["equity"]
    assert problems[0].message.en == "The C1 model holds no equity (1.00% proposed)."


def test_weights_must_sum_to_one_be_positive_and_known() -> None:
    c3 = MODELS.for_level(3)
    short = check_adjustment(c3, {**c3.weights, "cash": D("0.05")})
    assert [(p.asset_class, p.proposed) for p in short] == [(TOTAL, D("0.95"))]
    assert "95.00%" in short[0].message.zh
    nearly = {**c3.weights, "cash": D("0.10005")}  # within 0.0001
    assert check_adjustment(c3, nearly) == []
    negative = check_adjustment(c3, {**c3.weights, "commodity": D("-0.01"), "cash": D("0.16")})
    assert [p.asset_class for p in negative] == ["commodity"]
    assert "negative" in negative[0].message.en
    odd = check_adjustment(c3, {**c3.weights, "crypto": D("0")})
    assert [(p.asset_class, p.min, p.max) for p in odd] == [("crypto", D(0), D(0))]
    left_out = {c: w for c, w in c3.weights.items() if c != "cash"}
    assert TOTAL in {p.asset_class for p in check_adjustment(c3, left_out)}


# --- drift and trades ------------------------------------------------------------------------

CURRENT = {"cash": D("2000000"), "equity": D("5000000"), "fixed_income": D("3000000")}


def test_drift_by_hand() -> None:
    rows = drift(CURRENT, MODELS.for_level(3).weights)
    table = {r.asset_class: (r.current_weight, r.proposed_weight, r.difference) for r in rows}
    assert table["equity"] == (D("0.5"), D("0.25"), D("-0.25"))
    assert table["cash"] == (D("0.2"), D("0.10"), D("-0.10"))
    assert table["alternative"] == (D(0), D("0.10"), D("0.10"))
    assert [r.asset_class for r in rows][:2] == ["cash", "fixed_income"]  # the model's order
    assert sum((r.difference for r in rows), D(0)) == 0


def test_current_weights_add_up_to_one_even_in_thirds() -> None:
    thirds = {"cash": D(1), "equity": D(1), "fixed_income": D(1)}
    rows = drift(thirds, {"cash": D("0.5"), "equity": D("0.5")})
    assert sum((r.current_weight for r in rows), D(0)) == 1
    assert sum((r.difference for r in rows), D(0)) == 0
    assert rows[-1].asset_class == "fixed_income" and rows[-1].proposed_weight == 0


def test_an_empty_portfolio_has_no_weight() -> None:
    rows = drift({}, {"cash": D(1)})
    assert [(r.current_weight, r.difference) for r in rows] == [(D(0), D(1))]


def test_trades_close_the_drift_exactly() -> None:
    proposed = MODELS.for_level(3).weights
    made = trades(CURRENT, proposed)
    assert sum((t.amount_cny for t in made), D(0)) == 0
    assert made.skipped == () and made.note is None and made.remaining == {}
    after = dict(CURRENT)
    for t in made:
        after[t.asset_class] = after.get(t.asset_class, D(0)) + t.amount_cny
    assert {c: v / D(10_000_000) for c, v in after.items()} == dict(proposed)
    assert {t.asset_class: t.amount_cny for t in made}["equity"] == D("-2500000")


def test_new_money_is_invested_too() -> None:
    made = trades(CURRENT, MODELS.for_level(3).weights, total=D("12000000"))
    assert sum((t.amount_cny for t in made), D(0)) == D("2000000")
    assert {t.asset_class: t.amount_cny for t in made}["equity"] == D("-2000000")


def test_small_adjustments_are_skipped_and_settled_in_cash() -> None:
    current = {"cash": D("100000"), "equity": D("503000"), "fixed_income": D("397000")}
    proposed = {"cash": D("0.10"), "equity": D("0.50"), "fixed_income": D("0.40")}
    made = trades(current, proposed, names=MODELS.class_names)
    assert list(made) == []  # equity -3,000 and fixed income +3,000 are both too small
    assert made.remaining == {"equity": D("-3000.00"), "fixed_income": D("3000.00")}
    assert made.note is not None
    assert "权益 -¥3,000.00" in made.note.zh and "¥10,000.00" in made.note.zh
    assert "Equity -¥3,000.00" in made.note.en
    lopsided = trades({"cash": D("0"), "equity": D("1000000")}, {"cash": D("0.005"),
                      "equity": D("0.995")})  # fmt: skip
    assert [(t.asset_class, t.amount_cny) for t in lopsided] == []
    assert lopsided.remaining == {"equity": D("-5000.00")}
    partial = trades({"equity": D("1000000")}, {"equity": D("0.5"), "commodity": D("0.495"),
                     "alternative": D("0.005")})  # fmt: skip
    assert sum((t.amount_cny for t in partial), D(0)) == 0
    assert {t.asset_class: t.amount_cny for t in partial} == {
        "equity": D("-500000.00"), "commodity": D("495000.00"), "cash": D("5000.00"),
    }  # fmt: skip


def test_trades_refuse_bad_input() -> None:
    with pytest.raises(ValidationError, match="negative"):
        trades({"cash": D(-1)}, {"cash": D(1)})
    with pytest.raises(ValidationError, match="add up to 1"):
        trades({"cash": D(1)}, {"cash": D("0.9")})
    with pytest.raises(ValidationError, match="total"):
        trades({"cash": D(1)}, {"cash": D(1)}, total=D(-5))


amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.sampled_from(MODELS.classes), amounts, min_size=1),
    st.integers(min_value=1, max_value=5),
)
def test_trades_always_sum_to_zero_and_reach_the_model(
    current: dict[str, Decimal], level: int
) -> None:
    proposed = MODELS.for_level(level).weights
    total = sum(current.values(), D(0))
    made = trades(current, proposed, min_trade=D(0))
    assert sum((t.amount_cny for t in made), D(0)) == 0
    after = dict(current)
    for t in made:
        after[t.asset_class] = after.get(t.asset_class, D(0)) + t.amount_cny
    for cls, weight in proposed.items():  # to the cent; cash takes the others' rounding
        allowed = D("0.005") * (len(proposed) if cls == "cash" else 1)
        assert abs(after.get(cls, D(0)) - total * weight) <= allowed
