"""Demo plans: a few assessed clients of the demo book come with plans, so the Plan tab,
the advice pack and the review cycle have something to show on a new demo vault.

Why it is shaped so:

- Three of the wealthiest people with a valid, unexpiring assessment (not of the
  lowest class, under 65: no extra-care step; of different levels where the book
  allows) get plans, each in a different state:
  a draft, a plan presented to the client last week, and last year's accepted plan with
  this year's review copy (version 2) as a draft. That is the whole cycle in three
  clients, and it costs a few dozen rows.
- Everything a plan holds is what the service would have made: the allocation is the
  model of the client's level with a small tilt that stays within the bands
  (``check_adjustment``), goals and flows pass ``goal_values`` and ``flow_values``, and
  each recommendation is a product the client does not hold that passes the suitability
  rules for that client and amount on that day, its check kept as the snapshot
  ``plan_gate`` writes. A product that does not pass is simply not recommended.
- Like the rest of the demo book the plans stand for data pulled from the bank's server:
  they are written by the demo's bulk writer inside ``applying_remote`` (not queued for
  push, not audited one by one), and drawn from the demo's seeded ``random.Random``, so
  the same seed makes the same plans.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import model_portfolios as mp
from app.domain import risk_profile as rp
from app.domain import suitability as rules
from app.domain.ids import new_id
from app.services import plan_projections as pp
from app.services.demo_market import Product
from app.services.plan_gate import snapshot
from app.services.plan_types import FlowFields, GoalFields, flow_values, goal_values
from app.services.risk import client_age
from app.services.suitability import limits
from app.vault.models import (
    Account,
    Client,
    Holding,
    Plan,
    PlanAllocation,
    PlanCashFlow,
    PlanGoal,
    PlanRecommendation,
    RiskAssessment,
)

Write = Callable[[type[Any], Iterable[dict[str, Any]]], None]
Rows = dict[type[Any], list[dict[str, Any]]]
PLANNED = 3  # clients with plans
MIN_ASSETS = Decimal(3_000_000)
VALID_FOR = 45  # days an assessment must still run, so the plan is not at once stale
TILT = Decimal("0.02")  # moved from cash to fixed income when the bands allow
WAN = Decimal(10_000)
FOR_PURPOSE = {
    "fixed_income": "补充固定收益配置，稳定组合收益、降低波动。",
    "equity": "分散权益投资，贴近模型的权益比例，着眼长期增值。",
    "alternative": "少量另类资产，降低与股债的相关性。",
    "insurance": "以保障型产品锁定长期现金流，兼顾传承安排。",
    "commodity": "少量黄金对冲通胀与极端风险。",
}


@dataclass(frozen=True)
class Pick:
    """A product recommended in a demo plan, how much, and why."""

    product: Product
    amount: Decimal
    rationale: str


@dataclass(frozen=True)
class Content:
    """What a client's demo plans hold (a review copy holds the same)."""

    level: int
    weights: dict[str, Decimal]
    goals: list[GoalFields]
    flows: list[FlowFields]
    picks: list[Pick]


@dataclass(frozen=True)
class Planned:
    """A client chosen for a demo plan, with the facts the suitability rules need."""

    client: Client
    facts: rules.ClientRiskFacts
    held: frozenset[uuid.UUID]


def _wan(amount: Decimal) -> Decimal:
    """``amount`` rounded down to 10,000 yuan (a figure a banker would write)."""
    return (amount // WAN) * WAN


def _chosen(s: Session, today: date) -> list[Planned]:
    """The wealthiest eligible people, preferring different levels (a C3 plan looks
    different from a C5 one), then the next wealthiest."""
    people = s.scalars(
        select(Client)
        .where(
            Client.kind == "person",
            Client.deleted_at.is_(None),
            Client.status == "active",
            Client.risk_level.is_not(None),
            Client.risk_lowest_class.is_(False),
            Client.risk_expires_on > today + timedelta(days=VALID_FOR),
            Client.financial_assets_cny >= MIN_ASSETS,
            Client.vulnerable.is_(False),
        )
        .order_by(Client.financial_assets_cny.desc(), Client.name_pinyin)
    ).all()
    adults = [c for c in people if (age := client_age(s, c, today)) and age < rp.ELDERLY_AGE]
    levels: set[int | None] = set()
    first = []
    for client in adults:
        if client.risk_level not in levels:
            levels.add(client.risk_level)
            first.append(client)
    ordered = [*first, *(c for c in adults if c not in first)]
    return [_planned(s, c, today) for c in ordered[:PLANNED]]


def _planned(s: Session, client: Client, today: date) -> Planned:
    """The client with the facts of their newest assessment and what they hold."""
    assessed = s.scalars(
        select(RiskAssessment)
        .where(RiskAssessment.client_id == client.id)
        .order_by(RiskAssessment.assessed_at.desc())
        .limit(1)
    ).one()
    facts = rules.ClientRiskFacts(
        level=assessed.level,
        lowest_class=assessed.lowest_class,
        assessment_expires_on=assessed.expires_on,
        age=client_age(s, client, today),
        vulnerable=client.vulnerable,
        max_loss_pct=assessed.max_loss_pct,
        liquidity_need_days=assessed.liquidity_need_days,
        total_assets_cny=client.financial_assets_cny,
    )
    held = s.scalars(
        select(Holding.instrument_id)
        .join(Account, Account.id == Holding.account_id)
        .where(Account.client_id == client.id, Holding.quantity > 0)
    )
    return Planned(client, facts, frozenset(held))


def _weights(model: mp.ModelPortfolio) -> dict[str, Decimal]:
    """The model's weights, a little more fixed income and less cash if the bands allow."""
    tilted = dict(model.weights)
    tilted["cash"] = tilted.get("cash", Decimal(0)) - TILT
    tilted["fixed_income"] = tilted.get("fixed_income", Decimal(0)) + TILT
    return dict(model.weights) if mp.check_adjustment(model, tilted) else tilted


def _share(rng: random.Random, low: int, high: int) -> Decimal:
    """A multiple of the assets from ``low`` to ``high`` tenths."""
    return Decimal(rng.randint(low, high)) / 10


def _goals(rng: random.Random, p: Planned, year: int) -> list[GoalFields]:
    assets = p.client.financial_assets_cny
    age = p.facts.age or 45
    retire = year + max(5, 60 - age)
    goals = [
        GoalFields(
            "retirement_income", "退休生活保障", _wan(assets * _share(rng, 12, 16)), retire, 1
        ),
        GoalFields(
            "liquidity_reserve", "家庭应急储备金", Decimal(800_000), year + 1, 3, Decimal(300_000)
        ),
    ]
    if age < 50:
        target = Decimal(rng.choice((1_500_000, 2_000_000, 2_500_000)))
        goals.append(
            GoalFields(
                "education", "子女海外留学", target, year + rng.randint(4, 9), 2, Decimal(200_000)
            )
        )
    else:
        goals.append(
            GoalFields(
                "wealth_transfer", "家族财富传承", _wan(assets * Decimal("1.4")), year + 15, 2
            )
        )
    return goals


def _flows(rng: random.Random, p: Planned, year: int) -> list[FlowFields]:
    age = p.facts.age or 45
    earning = max(year + 1, year + 60 - age)
    assets = p.client.financial_assets_cny
    income = max(Decimal(300_000), _wan(assets * _share(rng, 2, 5) / 10))
    spending = max(Decimal(200_000), _wan(assets * Decimal("0.04")))
    return [
        FlowFields("income", "工资及经营收入", income, year, earning),
        FlowFields("spending", "家庭生活开支", spending, year, year + 30),
    ]


def _recommendations(
    rng: random.Random,
    p: Planned,
    products: Sequence[Product],
    weights: dict[str, Decimal],
    on: date,
) -> list[Pick]:
    """One or two CNY products the client does not hold, for fixed income and equity,
    each passing the suitability rules for its amount on ``on`` and not below its
    minimum investment."""
    amount = max(Decimal(100_000), _wan(p.client.financial_assets_cny * Decimal("0.05")))
    picks: list[Pick] = []
    for cls in ("fixed_income", "equity"):
        if not weights.get(cls):
            continue
        shelf = [
            x
            for x in products
            if x.asset_class == cls
            and x.currency == "CNY"
            and x.type != "deposit"
            and x.id not in p.held
        ]
        rng.shuffle(shelf)
        for product in shelf:
            if product.min_cny <= amount and _check(p, product, amount, on).suitable:
                picks.append(Pick(product, amount, FOR_PURPOSE[cls]))
                break
    return picks


def _check(p: Planned, product: Product, amount: Decimal, on: date) -> rules.SuitabilityResult:
    facts = rules.ProductFacts(
        product.code,
        product.name,
        product.type,
        product.asset_class,
        product.risk,
        product.lockup,
    )
    return rules.check_product(p.facts, facts, amount, Decimal(0), on, limits())


@dataclass(frozen=True)
class Stage:
    """Where a demo plan stands in the review cycle."""

    year: int
    status: str
    created: datetime
    presented_on: date | None = None
    decided_on: date | None = None
    version: int = 1
    previous_id: uuid.UUID | None = None
    notes: str = ""


def _plan_rows(p: Planned, content: Content, stage: Stage) -> Rows:
    """A plan's rows: the plan, its allocation, goals, flows and recommendations."""
    models, assumptions = pp.model_portfolios(), pp.market_assumptions()
    plan_id = new_id()
    checked_on = stage.presented_on or stage.created.date()
    plan = {
        "id": plan_id,
        "client_id": p.client.id,
        "title": f"{p.client.name} {stage.year}年度财富规划",
        "year": stage.year,
        "version": stage.version,
        "previous_id": stage.previous_id,
        "status": stage.status,
        "presented_on": stage.presented_on,
        "decided_on": stage.decided_on,
        "model_level": content.level,
        "assumptions_version": assumptions.version,
        "models_version": models.version,
        "notes": stage.notes,
        "created_at": stage.created,
    }
    flows = [replace(f, start_year=max(f.start_year, stage.year)) for f in content.flows]
    return {
        Plan: [plan],
        PlanAllocation: [
            {"id": new_id(), "plan_id": plan_id, "asset_class": c, "weight": w}
            for c, w in content.weights.items()
        ],
        PlanGoal: [
            {"id": new_id(), "plan_id": plan_id, **goal_values(g, stage.year)}
            for g in content.goals
        ],
        PlanCashFlow: [
            {"id": new_id(), "plan_id": plan_id, **flow_values(f, stage.year)} for f in flows
        ],
        PlanRecommendation: [
            {
                "id": new_id(),
                "plan_id": plan_id,
                "instrument_id": pick.product.id,
                "amount_cny": pick.amount,
                "rationale": pick.rationale,
                "suitability": snapshot(
                    _check(p, pick.product, pick.amount, checked_on), checked_on
                ),
            }
            for pick in content.picks
        ],
    }


def _content(
    rng: random.Random, p: Planned, products: Sequence[Product], year: int, on: date
) -> Content:
    level = p.facts.level or 1
    weights = _weights(pp.model_portfolios().for_level(level))
    return Content(
        level=level,
        weights=weights,
        goals=_goals(rng, p, year),
        flows=_flows(rng, p, year),
        picks=_recommendations(rng, p, products, weights, on),
    )


def _stages(index: int, today: date) -> list[Stage]:
    """The first client's plan is a draft, the second's was presented last week, the
    third's was accepted last year and copied for this year's review."""
    year = today.year
    now = datetime.combine(today, time(9), UTC)
    if index == 0:
        return [Stage(year, "draft", now)]
    if index == 1:
        return [Stage(year, "presented", now - timedelta(days=30), today - timedelta(days=9))]
    shown = date(year - 1, 11, 20)
    return [
        Stage(
            year - 1,
            "accepted",
            datetime.combine(shown - timedelta(days=20), time(9), UTC),
            shown,
            shown + timedelta(days=12),
        ),
        Stage(year, "draft", now, version=2, notes=f"由{year - 1}年度规划复制，用于年度复核。"),
    ]


def write_demo_plans(
    s: Session, write: Write, products: Sequence[Product], rng: random.Random, today: date
) -> int:
    """Plans for a few assessed clients (see the module's docstring); how many written."""
    batches: list[Rows] = []
    for index, p in enumerate(_chosen(s, today)):
        stages = _stages(index, today)
        first = stages[0]
        content = _content(rng, p, products, first.year, first.presented_on or today)
        previous: uuid.UUID | None = None
        for stage in stages:
            rows = _plan_rows(p, content, replace(stage, previous_id=previous))
            previous = rows[Plan][0]["id"]
            batches.append(rows)
    for model in (Plan, PlanAllocation, PlanGoal, PlanCashFlow, PlanRecommendation):
        write(model, [row for batch in batches for row in batch[model]])
    return len(batches)


__all__ = ["write_demo_plans"]
