"""What a plan needs from data files and the projection maths: the versioned model
portfolios and market assumptions, and a plan's projections under the current and the
proposed allocation.

Why it is shaped so: a plan records the versions of the model portfolio and assumption
files it was built on, so it is read again with the same files while they are installed
(the newest otherwise). Projections run the deterministic line and a seeded Monte Carlo
(``app.domain.projection``) for both allocations with one seed, so both see the same
simulated markets and the difference between them is the allocation, not noise; the seed
comes from the plan's id when none is given, so the same plan shows the same numbers
every time it is opened. An empty portfolio is taken as all cash.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from app.domain import model_portfolios as mp
from app.domain import portfolio_fit as pf
from app.domain import projection as pj
from app.domain.bilingual import Text
from app.domain.errors import RuleDataError, ValidationError
from app.services import config

HORIZON_YEARS = 10  # at least this far, further if a goal or flow lies beyond
PERCENTILES = (5, 25, 50, 75, 95)
ZERO = Decimal(0)
ESTIMATE_NOTE = Text(
    "预测基于市场假设的估算，不代表未来收益，也不构成收益承诺。",
    "Projections are estimates from market assumptions: not a forecast of future returns "
    "and never a promise.",
)


# --- the data files ------------------------------------------------------------------


def _version_key(version: str) -> tuple[int | str, ...]:
    return tuple(int(p) if p.isdigit() else p for p in version.split("."))


def _documents(folder_name: str) -> list[dict[str, Any]]:
    folder = config.resources_dir() / folder_name
    docs = []
    for path in sorted(folder.glob("*.json")):
        try:
            docs.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise RuleDataError(
                f"Cannot read {path}: {exc}. Reinstall Confidant or ask the bank for the file."
            ) from exc
    if not docs:
        raise RuleDataError(f"No data files in {folder}; reinstall Confidant.")
    return docs


@lru_cache(maxsize=8)
def model_portfolios(version: str | None = None) -> mp.ModelPortfolios:
    """The model portfolios of ``version`` if installed, else the newest file's."""
    parsed = [mp.parse_models(doc) for doc in _documents("model_portfolios")]
    chosen = [m for m in parsed if m.version == version] or parsed
    return max(chosen, key=lambda m: _version_key(m.version))


@lru_cache(maxsize=8)
def market_assumptions(version: str | None = None) -> pf.MarketAssumptions:
    """The market assumptions of ``version`` if installed, else the newest file's."""
    parsed = [pf.parse_assumptions(doc) for doc in _documents("market_assumptions")]
    chosen = [a for a in parsed if a.version == version] or parsed
    return max(chosen, key=lambda a: _version_key(a.version))


# --- what projections return ---------------------------------------------------------


@dataclass(frozen=True)
class FlowSpan:
    """A plan's cash flow as stored: ``amount`` each year from ``start_year`` to
    ``end_year`` (None: that one year)."""

    amount: Decimal
    start_year: int
    end_year: int | None
    real: bool


@dataclass(frozen=True)
class GoalInput:
    """A plan goal as the projection needs it."""

    id: uuid.UUID
    kind: str
    name: str
    target_amount: Decimal
    target_year: int
    priority: int
    earmarked: Decimal
    real: bool


@dataclass(frozen=True)
class AllocationProjection:
    """One allocation's projection. ``bands[p]`` is the wealth at percentile ``p`` for each
    of ``PlanProjections.years`` (nominal yuan; ``real_bands`` in the first year's money)."""

    weights: Mapping[str, Decimal] = field(hash=False)
    mean_return: float
    volatility: float
    deterministic: tuple[pj.YearValue, ...]
    bands: Mapping[float, tuple[float, ...]] = field(hash=False)
    real_bands: Mapping[float, tuple[float, ...]] = field(hash=False)
    ruin_probability: float

    def __post_init__(self) -> None:
        for name in ("weights", "bands", "real_bands"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))


@dataclass(frozen=True)
class GoalOutlook:
    """A goal's chance of being met (0–1) under the current and the proposed allocation."""

    goal_id: uuid.UUID
    kind: str
    name: str
    target_amount: Decimal
    target_year: int
    priority: int
    earmarked: Decimal
    real: bool
    probability_current: float
    probability_proposed: float


@dataclass(frozen=True)
class PlanProjections:
    """A plan's projections from ``start_year`` (now) to ``end_year``: the same simulated
    markets (``seed``, ``paths``) under the current and the proposed allocation."""

    plan_id: uuid.UUID
    start_year: int
    end_year: int
    years: tuple[int, ...]
    start_wealth: Decimal
    assumptions_version: str
    inflation: float
    seed: int
    paths: int
    percentiles: tuple[float, ...]
    current: AllocationProjection
    proposed: AllocationProjection
    goals: tuple[GoalOutlook, ...]
    note: Text = ESTIMATE_NOTE


# --- the maths -----------------------------------------------------------------------


def seed_for(plan_id: uuid.UUID) -> int:
    """A seed fixed by the plan's id: the same plan always shows the same numbers."""
    return int.from_bytes(hashlib.sha256(plan_id.bytes).digest()[:8], "big") >> 1


def current_weights(by_class: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """Weights from values by asset class; an empty portfolio is all cash."""
    values = {c: v for c, v in by_class.items() if v > 0}
    total = sum(values.values(), ZERO)
    if total <= 0:
        return {"cash": Decimal(1)}
    return {c: v / total for c, v in values.items()}


def cash_flows(spans: Iterable[FlowSpan]) -> list[pj.CashFlow]:
    """One projection flow per year of each span."""
    return [
        pj.CashFlow(year, span.amount, span.real)
        for span in spans
        for year in range(span.start_year, (span.end_year or span.start_year) + 1)
    ]


def horizon(start_year: int, goals: Sequence[GoalInput], spans: Sequence[FlowSpan]) -> int:
    """The last year to project: ten years on, or the last goal or flow if later (at
    most ``projection.MAX_YEARS`` on)."""
    last = [start_year + HORIZON_YEARS]
    last += [g.target_year for g in goals]
    last += [s.end_year or s.start_year for s in spans]
    return min(max(last), start_year + pj.MAX_YEARS)


def _one(
    weights: Mapping[str, Decimal],
    start_wealth: Decimal,
    assumptions: pf.MarketAssumptions,
    span: tuple[int, int],
    flows: Sequence[pj.CashFlow],
    runs: tuple[int, int],
) -> tuple[AllocationProjection, pj.Simulation]:
    start_year, end_year = span
    paths, seed = runs
    line = pj.deterministic(start_wealth, weights, assumptions, start_year, end_year, flows)
    sim = pj.monte_carlo(
        start_wealth, weights, assumptions, start_year, end_year, flows, paths=paths, seed=seed
    )
    nominal = sim.percentiles(PERCENTILES)
    real = sim.percentiles(PERCENTILES, real=True)
    result = AllocationProjection(
        weights=weights,
        mean_return=sim.mean,
        volatility=sim.vol,
        deterministic=tuple(line),
        bands={p: tuple(v) for p, v in nominal.items()},
        real_bands={p: tuple(v) for p, v in real.items()},
        ruin_probability=sim.ruin_probability(),
    )
    return result, sim


def project(
    plan_id: uuid.UUID,
    start_year: int,
    start_wealth: Decimal,
    current: Mapping[str, Decimal],
    proposed: Mapping[str, Decimal],
    goals: Sequence[GoalInput],
    spans: Sequence[FlowSpan],
    assumptions: pf.MarketAssumptions,
    *,
    paths: int = pj.DEFAULT_PATHS,
    seed: int | None = None,
) -> PlanProjections:
    """Both allocations projected with the same seed, and each goal's probability."""
    if not proposed:
        raise ValidationError("The plan has no proposed allocation; set one first.")
    seed = seed_for(plan_id) if seed is None else seed
    end_year = horizon(start_year, goals, spans)
    flows = cash_flows(spans)
    span, runs = (start_year, end_year), (paths, seed)
    now, now_sim = _one(current, start_wealth, assumptions, span, flows, runs)
    then, then_sim = _one(proposed, start_wealth, assumptions, span, flows, runs)
    outlooks = []
    for g in goals:
        if not start_year <= g.target_year <= end_year:
            continue  # a goal before the plan's year is past; after the horizon, too far
        goal = pj.Goal(
            str(g.id),
            Text(g.name, g.name),
            g.target_amount,
            g.target_year,
            g.priority,
            g.earmarked,
            g.real,
        )
        outlooks.append(
            GoalOutlook(
                goal_id=g.id,
                kind=g.kind,
                name=g.name,
                target_amount=g.target_amount,
                target_year=g.target_year,
                priority=g.priority,
                earmarked=g.earmarked,
                real=g.real,
                probability_current=now_sim.goal_probability(goal),
                probability_proposed=then_sim.goal_probability(goal),
            )
        )
    return PlanProjections(
        plan_id=plan_id,
        start_year=start_year,
        end_year=end_year,
        years=now_sim.years,
        start_wealth=start_wealth,
        assumptions_version=assumptions.version,
        inflation=assumptions.inflation,
        seed=seed,
        paths=paths,
        percentiles=tuple(float(p) for p in PERCENTILES),
        current=now,
        proposed=then,
        goals=tuple(outlooks),
    )


__all__ = [
    "AllocationProjection",
    "FlowSpan",
    "GoalInput",
    "GoalOutlook",
    "PlanProjections",
    "cash_flows",
    "current_weights",
    "horizon",
    "market_assumptions",
    "model_portfolios",
    "project",
    "seed_for",
]
