"""Projections: the deterministic line by hand, Monte Carlo against closed forms, ruin,
inflation, determinism and percentile bands; and inflation in the market assumptions."""

from __future__ import annotations

import itertools
import json
import math
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.bilingual import Text
from app.domain.errors import RuleDataError, ValidationError
from app.domain.portfolio_fit import MarketAssumptions, parse_assumptions
from app.domain.projection import (
    CashFlow,
    Goal,
    Simulation,
    deterministic,
    log_return_params,
    monte_carlo,
    portfolio_return_moments,
)

RESOURCES = Path(__file__).resolve().parents[3] / "resources"
D = Decimal
START, END = 2026, 2036


def bundled() -> MarketAssumptions:
    doc = json.loads((RESOURCES / "market_assumptions" / "2026.1.json").read_text("utf-8"))
    return parse_assumptions(doc)


def steady(rate: float = 0.05, vol: float = 0.0, inflation: float = 0.02) -> MarketAssumptions:
    """One asset class, ``bond``, with the given return and volatility."""
    return MarketAssumptions(
        version="test",
        classes=("bond",),
        volatility=(vol,),
        expected_return=(rate,),
        correlation=((1.0,),),
        inflation=inflation,
    )


BOND = {"bond": 1.0}


def goal(amount: str, year: int = END, real: bool = False) -> Goal:
    return Goal("g", Text("目标", "Goal"), D(amount), year, real=real)


def phi(x: float) -> float:
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


# --- inflation in the market assumptions ------------------------------------------------


def test_the_bundled_assumptions_carry_inflation() -> None:
    assert bundled().inflation == 0.02


def assumptions_doc(**extra: Any) -> dict[str, Any]:
    return {
        "version": "t",
        "asset_classes": {"cash": {"volatility": 0.005, "expected_return": 0.015}},
        "correlation": {"order": ["cash"], "matrix": [[1]]},
        **extra,
    }


def test_inflation_defaults_to_two_percent_and_is_checked() -> None:
    assert parse_assumptions(assumptions_doc()).inflation == 0.02
    assert parse_assumptions(assumptions_doc(inflation=0)).inflation == 0.0
    for bad in (-0.01, 0.2, 0.5, float("nan")):
        with pytest.raises(RuleDataError, match="inflation"):
            parse_assumptions(assumptions_doc(inflation=bad))
    with pytest.raises(RuleDataError, match="inflation must be a number"):
        parse_assumptions(assumptions_doc(inflation="two"))


# --- moments --------------------------------------------------------------------------------


def test_portfolio_moments_from_weights_and_correlation() -> None:
    a = bundled()
    mean, vol = portfolio_return_moments({"equity": 0.5, "fixed_income": 0.5}, a)
    assert mean == pytest.approx(0.5 * 0.07 + 0.5 * 0.028)
    variance = 0.25 * 0.22**2 + 0.25 * 0.03**2 + 2 * 0.25 * -0.1 * 0.22 * 0.03
    assert vol == pytest.approx(math.sqrt(variance))
    assert portfolio_return_moments({"equity": D("1")}, a) == (0.07, 0.22)
    with pytest.raises(ValidationError, match="add up to 1"):
        portfolio_return_moments({"equity": 0.5}, a)
    with pytest.raises(RuleDataError, match="gold"):
        portfolio_return_moments({"gold": 1.0}, a)


def test_log_normal_parameters_keep_the_arithmetic_mean() -> None:
    m, s = log_return_params(0.07, 0.22)
    assert math.exp(m + s**2 / 2) == pytest.approx(1.07)
    assert (math.exp(s**2) - 1) * math.exp(2 * m + s**2) == pytest.approx(0.22**2)
    m, s = log_return_params(0.05, 0.0)
    assert m == pytest.approx(math.log(1.05))
    assert s == 0.0


# --- deterministic --------------------------------------------------------------------------


def test_deterministic_growth_by_hand() -> None:
    line = deterministic(D(1_000_000), BOND, steady(), START, END)
    assert [v.year for v in line] == list(range(2026, 2037))
    assert line[0].nominal == D("1000000.00")
    assert line[-1].nominal == D("1628894.63")
    assert line[-1].real == D("1336260.94")  # 1,628,894.6268 / 1.02^10


def test_flows_come_at_year_end_and_real_flows_grow_with_inflation() -> None:
    flows = [
        CashFlow(2027, D(100_000), real=False),
        CashFlow(2028, D(-100_000)),  # in 2026 money: 104,040 nominal in 2028
        CashFlow(2026, D(50_000), real=False),  # this year: at once
        CashFlow(2040, D(1_000_000)),  # after the horizon: left out
    ]
    line = deterministic(D(1_000_000), BOND, steady(), START, 2028, flows)
    assert [v.nominal for v in line] == [
        D("1050000.00"),
        D("1202500.00"),  # 1,050,000 × 1.05 + 100,000
        D("1158585.00"),  # 1,202,500 × 1.05 − 104,040
    ]


def test_spending_beyond_the_wealth_ruins_for_good() -> None:
    flows = [CashFlow(2028, D(-2_000_000), real=False), CashFlow(2030, D(5_000_000))]
    line = deterministic(D(1_000_000), BOND, steady(), START, END, flows)
    assert line[1].nominal > 0
    assert all(v.nominal == 0 and v.real == 0 for v in line[2:])


def test_the_horizon_and_wealth_are_checked() -> None:
    with pytest.raises(ValidationError, match="0 to 100 years"):
        deterministic(D(1), BOND, steady(), START, START - 1)
    with pytest.raises(ValidationError, match="negative"):
        deterministic(D(-1), BOND, steady(), START, END)
    with pytest.raises(ValidationError, match="paths"):
        monte_carlo(D(1), BOND, steady(), START, END, paths=100)
    with pytest.raises(ValidationError, match="above 0"):
        goal("0")


# --- Monte Carlo against closed forms ---------------------------------------------------------


def test_zero_volatility_gives_certainty_on_either_side_of_the_line() -> None:
    sim = monte_carlo(D(1_000_000), BOND, steady(), START, END)
    assert sim.paths == 5000 and sim.years == tuple(range(2026, 2037))
    assert sim.goal_probability(goal("1628893.63")) == 1.0
    assert sim.goal_probability(goal("1628895.63")) == 0.0
    assert sim.percentiles()[50][-1] == pytest.approx(1_628_894.63, abs=0.01)


def test_a_real_goal_needs_more_nominal_wealth() -> None:
    sim = monte_carlo(D(1_000_000), BOND, steady(), START, END)
    assert sim.goal_probability(goal("1500000", real=False)) == 1.0
    assert sim.goal_probability(goal("1500000", real=True)) == 0.0  # 1,336,261 in 2026 money
    assert sim.goal_probability(goal("1336260", real=True)) == 1.0
    assert sim.goal_probability(goal("1336262", real=True)) == 0.0
    risky = monte_carlo(D(1_000_000), {"equity": 1.0}, bundled(), START, END)
    nominal, real = goal("1500000"), goal("1500000", real=True)
    assert risky.goal_probability(real) < risky.goal_probability(nominal)
    assert risky.percentiles(real=True)[50][-1] < risky.percentiles()[50][-1]


@pytest.mark.parametrize("quantile", [0.1, 0.5, 0.8])
def test_probability_matches_the_log_normal_closed_form(quantile: float) -> None:
    a, years, start = bundled(), END - START, 1_000_000.0
    mean, vol = portfolio_return_moments({"equity": 1.0}, a)
    m, s = log_return_params(mean, vol)
    # the target that a share ``quantile`` of paths should reach
    target = start * math.exp(years * m - s * math.sqrt(years) * (phi_inverse(quantile)))
    expected = 1 - phi((math.log(target / start) - years * m) / (s * math.sqrt(years)))
    assert expected == pytest.approx(quantile)
    sim = monte_carlo(D(1_000_000), {"equity": 1.0}, a, START, END, paths=20_000, seed=7)
    got = sim.goal_probability(goal(str(round(target, 2))))
    assert got == pytest.approx(expected, abs=0.015)


def phi_inverse(p: float) -> float:
    low, high = -10.0, 10.0
    for _ in range(100):
        mid = (low + high) / 2
        low, high = (mid, high) if phi(mid) < p else (low, mid)
    return (low + high) / 2


def test_the_simulated_mean_is_the_deterministic_line() -> None:
    a, weights = bundled(), {"equity": 0.6, "fixed_income": 0.4}
    sim = monte_carlo(D(1_000_000), weights, a, START, END, paths=20_000)
    line = deterministic(D(1_000_000), weights, a, START, END)
    assert float(sim.wealth(END).mean()) == pytest.approx(float(line[-1].nominal), rel=0.01)


# --- ruin, determinism, bands -------------------------------------------------------------------


def test_ruined_paths_stay_at_zero_and_fail() -> None:
    flows = [CashFlow(y, D(-150_000)) for y in range(2027, 2037)] + [CashFlow(2033, D(10**7))]
    sim = monte_carlo(D(1_000_000), {"equity": 1.0}, bundled(), START, END, flows)
    ruined = sim.ruined_at >= 0
    assert 0 < ruined.mean() < 1
    assert sim.ruin_probability() == pytest.approx(float(ruined.mean()))
    assert sim.ruin_probability(2027) <= sim.ruin_probability(2030) <= sim.ruin_probability()
    for path in np.flatnonzero(ruined)[:50]:
        assert (sim.nominal[path, sim.ruined_at[path] :] == 0).all()  # income does not revive
    late = goal("1", year=END)
    assert sim.goal_probability(late) == pytest.approx(1 - sim.ruin_probability(), abs=1e-12)
    certain = monte_carlo(D(1_000_000), BOND, steady(), START, END, [CashFlow(2028, D(-2e6))])
    assert certain.ruin_probability() == 1.0
    assert certain.goal_probability(goal("1", year=2027)) == 1.0
    assert certain.goal_probability(goal("1", year=2028)) == 0.0


def test_same_seed_same_numbers_and_common_random_numbers() -> None:
    a, flows = bundled(), [CashFlow(2030, D(-200_000))]
    first = monte_carlo(D(3_000_000), {"equity": 1.0}, a, START, END, flows, seed=11)
    again = monte_carlo(D(3_000_000), {"equity": 1.0}, a, START, END, flows, seed=11)
    other = monte_carlo(D(3_000_000), {"equity": 1.0}, a, START, END, flows, seed=12)
    assert np.array_equal(first.nominal, again.nominal)
    assert first.percentiles() == again.percentiles()
    assert not np.array_equal(first.nominal, other.nominal)
    longer = monte_carlo(D(3_000_000), {"equity": 1.0}, a, START, END + 5, flows, seed=11)
    assert np.array_equal(longer.nominal[:, : len(first.years)], first.nominal)
    assert not first.nominal.flags.writeable


def test_percentiles_are_ordered_every_year() -> None:
    sim = simulation()
    bands = sim.percentiles()
    assert list(bands) == [5, 25, 50, 75, 95]
    for year in range(len(sim.years)):
        column = [bands[p][year] for p in bands]
        assert column == sorted(column)
    assert all(len(row) == len(sim.years) for row in bands.values())
    for p, row in sim.percentiles((0, 2.5, 50, 100), real=True).items():
        expected = np.percentile(sim.nominal / sim.deflator, p, axis=0)
        assert row == pytest.approx(list(expected), rel=1e-12)
    with pytest.raises(ValidationError, match="percentile"):
        sim.percentiles((101,))
    with pytest.raises(ValidationError, match="outside the projection"):
        sim.goal_probability(goal("1", year=2099))


@cache
def simulation() -> Simulation:
    flows = [CashFlow(y, D(-80_000)) for y in range(2030, 2050)]
    return monte_carlo(D(2_000_000), {"equity": 0.7, "cash": 0.3}, bundled(), START, 2050, flows)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=100), min_size=2, max_size=8), st.booleans())
def test_percentile_bands_are_monotone_in_p(ps: list[float], real: bool) -> None:
    ps = sorted(set(ps))
    bands = simulation().percentiles(ps, real=real)
    for lower, upper in itertools.pairwise(ps):
        assert all(a <= b for a, b in zip(bands[lower], bands[upper], strict=True))
