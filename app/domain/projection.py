"""Projections of wealth: a deterministic line and a seeded Monte Carlo with percentile bands.

The timeline is in calendar years. ``start_year`` is now: the point labelled
``start_year`` holds the start wealth, and the point labelled ``y`` is ``t = y −
start_year`` years later, up to ``end_year``. Each year the wealth grows, then that
year's cash flows are added (year end); flows dated ``start_year`` are applied at once, at
t = 0. Flows outside ``start_year..end_year`` do not enter the projection.

Money in today's terms: inflation ``π`` comes from the market assumptions. A real
(inflation-indexed) flow or goal is written in ``start_year`` money and is worth
``amount × (1 + π)^t`` nominal in year ``start_year + t``; real wealth is nominal wealth
divided by the same factor.

The return model: the portfolio's arithmetic mean μ = Σ wᵢ μᵢ and volatility
σ = √(wᵀ Σ w) (Σᵢⱼ = ρᵢⱼ σᵢ σⱼ, as in ``app.domain.portfolio_fit``). The deterministic line
grows at μ every year. The Monte Carlo draws independent annual growth factors
1 + R = exp(m + s Z), Z standard normal, with

    s² = ln(1 + σ² / (1 + μ)²),   m = ln(1 + μ) − s² / 2,

so that E[1 + R] = 1 + μ and Var[R] = σ²: with no flows the deterministic line is the
mean of the simulation, and its median, W₀ e^{m t}, is lower. Draws come from
``numpy.random.default_rng(seed)`` in the order year by year, path by path, so the same
seed and inputs give the same numbers, and the current and proposed allocations run with
the same seed see the same market (common random numbers), so the difference between
them is not noise.

Ruin: when the year's outflows take a path's wealth below zero, the path is ruined: its
wealth is 0 from then on, whatever comes in later, and every goal from that year on fails
on it. The deterministic line follows the same rule.

A goal is met on a path when the path's wealth at the goal's ``target_year`` (after that
year's flows; divided by the inflation factor when the goal is real) is at least the
goal's ``target_amount``. ``earmarked`` is informational for the plan: money already set
aside for the goal, which is part of the start wealth and is not added again. Do not
also enter a goal as an outflow in its own year, or it would be counted twice.

Money in and out is Decimal; the deterministic line is computed in Decimal and rounded
to the cent; the simulation is float64, as befits an estimate (never a promise).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

import numpy as np
import numpy.typing as npt

from app.domain.bilingual import Text
from app.domain.errors import ValidationError
from app.domain.money import AMOUNT_SCALE, quantize, to_decimal
from app.domain.portfolio_fit import MarketAssumptions, estimated_volatility

DEFAULT_PATHS = 5000
MIN_PATHS = 5000  # fewer paths leave goal probabilities too noisy to show a client
MAX_PATHS = 1_000_000
MAX_YEARS = 100
DEFAULT_SEED = 20260101  # a plan records the seed it was run with
DEFAULT_PERCENTILES = (5, 25, 50, 75, 95)
WEIGHT_TOLERANCE = 1e-4  # weights must sum to 1 within this
ZERO = Decimal(0)

Weights = Mapping[str, float | Decimal]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class CashFlow:
    """Money in (+: income, a bonus, an inheritance) or out (−: spending, a purchase) in
    calendar ``year``, at that year's end. A ``real`` flow is in ``start_year`` money and
    grows with inflation; a nominal one (``real=False``) is a fixed sum of yuan."""

    year: int
    amount: Decimal
    real: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", to_decimal(self.amount))


@dataclass(frozen=True)
class Goal:
    """A client's goal: ``target_amount`` (in ``start_year`` money when ``real``) wanted in
    ``target_year``. ``priority`` orders goals (1 first); ``earmarked`` is money already set
    aside for it (informational: it is already in the start wealth)."""

    key: str
    name: Text
    target_amount: Decimal
    target_year: int
    priority: int = 1
    earmarked: Decimal = ZERO
    real: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "target_amount", to_decimal(self.target_amount))
        object.__setattr__(self, "earmarked", to_decimal(self.earmarked))
        if self.target_amount <= 0:
            raise ValidationError(f"goal {self.key}: the target amount must be above 0")
        if self.earmarked < 0:
            raise ValidationError(f"goal {self.key}: the earmarked amount cannot be negative")


@dataclass(frozen=True)
class YearValue:
    """Projected wealth at the point labelled ``year``: ``nominal`` yuan, and ``real``
    (in ``start_year`` money), both to the cent."""

    year: int
    nominal: Decimal
    real: Decimal


def _weights(weights: Weights) -> dict[str, float]:
    floats = {c: float(w) for c, w in weights.items()}
    if any(not math.isfinite(w) or w < 0 for w in floats.values()):
        raise ValidationError("portfolio weights must be numbers of at least 0")
    if abs(sum(floats.values()) - 1) > WEIGHT_TOLERANCE:
        raise ValidationError(
            f"portfolio weights add up to {sum(floats.values()):.6f}; make them add up to 1"
        )
    return floats


def portfolio_return_moments(
    weights: Weights, assumptions: MarketAssumptions
) -> tuple[float, float]:
    """The portfolio's arithmetic mean annual return Σ wᵢ μᵢ and volatility √(wᵀ Σ w)."""
    floats = _weights(weights)
    mean = sum(w * assumptions.expected_return[assumptions.index(c)] for c, w in floats.items())
    return mean, estimated_volatility(floats, assumptions)


def log_return_params(mean: float, vol: float) -> tuple[float, float]:
    """(m, s) of ln(1 + R) for an arithmetic mean ``mean`` and volatility ``vol``:
    s² = ln(1 + vol² / (1 + mean)²), m = ln(1 + mean) − s² / 2."""
    if mean <= -1 or vol < 0:
        raise ValidationError("a mean return must be above −100% and a volatility at least 0")
    s2 = math.log1p(vol**2 / (1 + mean) ** 2)
    return math.log1p(mean) - s2 / 2, math.sqrt(s2)


def _check_span(start_year: int, end_year: int) -> int:
    years = end_year - start_year
    if not 0 <= years <= MAX_YEARS:
        raise ValidationError(
            f"a projection runs from {start_year} for 0 to {MAX_YEARS} years, not to {end_year}"
        )
    return years


def _start(start_wealth: Decimal) -> Decimal:
    wealth = to_decimal(start_wealth)
    if wealth < 0:
        raise ValidationError("the start wealth cannot be negative")
    return wealth


def _decimal_flows(
    flows: Sequence[CashFlow], start_year: int, years: int, inflation: Decimal
) -> list[Decimal]:
    """Nominal net flow at t = 0..years."""
    net = [ZERO] * (years + 1)
    for flow in flows:
        t = flow.year - start_year
        if 0 <= t <= years:
            net[t] += flow.amount * (1 + inflation) ** t if flow.real else flow.amount
    return net


def deterministic(
    start_wealth: Decimal,
    weights: Weights,
    assumptions: MarketAssumptions,
    start_year: int,
    end_year: int,
    flows: Sequence[CashFlow] = (),
) -> list[YearValue]:
    """Wealth from ``start_year`` to ``end_year`` growing at the portfolio's mean return,
    with the flows at each year end (see the module notes): one value per year."""
    years = _check_span(start_year, end_year)
    mean, _ = portfolio_return_moments(weights, assumptions)
    growth = 1 + Decimal(repr(mean))
    inflation = Decimal(repr(assumptions.inflation))
    net = _decimal_flows(flows, start_year, years, inflation)
    wealth = _start(start_wealth) + net[0]
    ruined = wealth < 0
    out: list[YearValue] = []
    for t in range(years + 1):
        if t:
            wealth = ZERO if ruined else wealth * growth + net[t]
            ruined = ruined or wealth < 0
        wealth = max(wealth, ZERO)
        real = wealth / (1 + inflation) ** t
        out.append(YearValue(start_year + t, _cents(wealth), _cents(real)))
    return out


def _cents(value: Decimal) -> Decimal:
    return quantize(value, AMOUNT_SCALE)


@dataclass(frozen=True, eq=False)
class Simulation:
    """Simulated wealth: ``nominal[path, t]`` for the points ``years`` (t = 0 is now).

    ``ruined_at[path]`` is the index t at which the path was ruined, or -1. ``deflator[t]``
    is (1 + π)^t. Arrays are read-only.
    """

    years: tuple[int, ...]
    nominal: FloatArray = field(repr=False)
    deflator: FloatArray = field(repr=False)
    ruined_at: npt.NDArray[np.int64] = field(repr=False)
    mean: float
    vol: float
    inflation: float
    seed: int

    @property
    def paths(self) -> int:
        return int(self.nominal.shape[0])

    @property
    def start_year(self) -> int:
        return self.years[0]

    def _t(self, year: int) -> int:
        t = year - self.years[0]
        if not 0 <= t < len(self.years):
            raise ValidationError(
                f"{year} is outside the projection ({self.years[0]}–{self.years[-1]})"
            )
        return t

    def wealth(self, year: int, *, real: bool = False) -> FloatArray:
        """Every path's wealth at ``year``, nominal or in ``start_year`` money."""
        t = self._t(year)
        column: FloatArray = self.nominal[:, t]
        return column / self.deflator[t] if real else column

    @cached_property
    def _ranked(self) -> FloatArray:
        """Each year's wealth sorted across paths, year by year (computed once)."""
        ranked = np.sort(self.nominal.T, axis=1)
        ranked.setflags(write=False)
        return ranked

    def percentiles(
        self, p: Sequence[float] = DEFAULT_PERCENTILES, *, real: bool = False
    ) -> dict[float, list[float]]:
        """For each percentile in ``p`` (0–100), the wealth at that percentile year by year
        (one value per entry of ``years``), nominal or in ``start_year`` money. Linear
        interpolation between ranked paths (numpy's default), so the bands are ordered
        as ``p`` is."""
        if any(not 0 <= q <= 100 for q in p):
            raise ValidationError("a percentile is between 0 and 100")
        ranked, last = self._ranked, self.paths - 1
        bands: dict[float, list[float]] = {}
        for q in p:
            position = q / 100 * last
            low = math.floor(position)
            high = min(low + 1, last)
            row = ranked[:, low] + (ranked[:, high] - ranked[:, low]) * (position - low)
            bands[q] = [float(x) for x in (row / self.deflator if real else row)]
        return bands

    def goal_probability(self, goal: Goal) -> float:
        """The share of paths on which ``goal`` is met: wealth at its ``target_year``
        (deflated when the goal is real) at least ``target_amount``, and not ruined by
        then."""
        t = self._t(goal.target_year)
        wealth = self.wealth(goal.target_year, real=goal.real)
        alive = (self.ruined_at < 0) | (self.ruined_at > t)
        met = alive & (wealth >= float(goal.target_amount))
        return float(np.count_nonzero(met)) / self.paths

    def ruin_probability(self, year: int | None = None) -> float:
        """The share of paths ruined by ``year`` (default: by the end)."""
        t = len(self.years) - 1 if year is None else self._t(year)
        ruined = (self.ruined_at >= 0) & (self.ruined_at <= t)
        return float(np.count_nonzero(ruined)) / self.paths


def _float_flows(
    flows: Sequence[CashFlow], start_year: int, years: int, deflator: FloatArray
) -> FloatArray:
    net = np.zeros(years + 1)
    for flow in flows:
        t = flow.year - start_year
        if 0 <= t <= years:
            net[t] += float(flow.amount) * (deflator[t] if flow.real else 1.0)
    return net


def monte_carlo(
    start_wealth: Decimal,
    weights: Weights,
    assumptions: MarketAssumptions,
    start_year: int,
    end_year: int,
    flows: Sequence[CashFlow] = (),
    paths: int = DEFAULT_PATHS,
    seed: int = DEFAULT_SEED,
) -> Simulation:
    """``paths`` simulated wealth paths from ``start_year`` to ``end_year`` (see the module
    notes for the model, the flows and ruin), vectorised over paths."""
    years = _check_span(start_year, end_year)
    if not MIN_PATHS <= paths <= MAX_PATHS:
        raise ValidationError(f"a simulation runs {MIN_PATHS:,} to {MAX_PATHS:,} paths")
    mean, vol = portfolio_return_moments(weights, assumptions)
    m, s = log_return_params(mean, vol)
    deflator = (1 + assumptions.inflation) ** np.arange(years + 1, dtype=np.float64)
    net = _float_flows(flows, start_year, years, deflator)
    rng = np.random.default_rng(seed)
    growth = np.exp(m + s * rng.standard_normal((years, paths)))  # year by year
    nominal = np.empty((years + 1, paths))
    ruined_at = np.full(paths, -1, dtype=np.int64)
    wealth = np.full(paths, float(_start(start_wealth)) + net[0])
    for t in range(years + 1):
        if t:
            wealth = wealth * growth[t - 1] + net[t]
        newly = (wealth < 0) & (ruined_at < 0)
        ruined_at[newly] = t
        wealth[ruined_at >= 0] = 0.0
        nominal[t] = wealth
    table = np.ascontiguousarray(nominal.T)
    for array in (table, deflator, ruined_at):
        array.setflags(write=False)
    return Simulation(
        years=tuple(range(start_year, end_year + 1)),
        nominal=table,
        deflator=deflator,
        ruined_at=ruined_at,
        mean=mean,
        vol=vol,
        inflation=assumptions.inflation,
        seed=seed,
    )
