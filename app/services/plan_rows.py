"""A plan's rows in the vault: finding a live plan, item or product, the rule that only a
draft changes, reading a plan's goals, flows and allocation (also as the inputs of
``plan_projections``), writing its allocation, and reading a plan into the views of
``plan_types``.

Why it is shaped so: the plan service and the review copy (``plan_review``) read and
write the same rows, so they share one way of doing it here. Nothing is ever removed:
rows are tombstoned (``deleted_at``) and every read skips tombstones. Each function works
inside the caller's transaction and neither commits nor audits; that is the caller's.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.bilingual import Text
from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.services import plan_projections as pp
from app.services.changes import Changes
from app.services.plan_gate import governing, read_snapshot
from app.services.plan_types import (
    FLOW_KINDS,
    GOAL_KINDS,
    AllocationLine,
    FlowView,
    GoalView,
    PlanSummary,
    PlanView,
    RecommendationView,
)
from app.services.product_terms import terms_of
from app.vault.models import (
    Client,
    Instrument,
    Plan,
    PlanAllocation,
    PlanCashFlow,
    PlanGoal,
    PlanRecommendation,
)
from app.vault.types import utc_now

# --- finding rows --------------------------------------------------------------------


def live_plan(s: Session, plan_id: uuid.UUID) -> Plan:
    """The plan, or NotFound if it is not in the vault or was deleted."""
    plan = s.get(Plan, plan_id)
    if plan is None or plan.deleted_at is not None:
        raise NotFound("That plan is not in this vault (deleted, perhaps on another device).")
    return plan


def live(row: Any, what: str) -> Any:
    """``row`` (a goal, flow or recommendation), or NotFound if it is gone."""
    if row is None or row.deleted_at is not None:
        raise NotFound(f"That {what} is not in this vault any more; open the plan again.")
    return row


def editable(plan: Plan) -> None:
    """ValidationError unless the plan is a draft, saying how to change it."""
    if plan.status == "presented":
        raise ValidationError(
            "This plan has been presented to the client: set it back to draft to change it."
        )
    if plan.status != "draft":
        raise ValidationError(
            f"This plan was {plan.status} and is kept as it was: copy it for a new review "
            "to make changes."
        )


def changes(plan: Plan) -> Changes:
    """What to broadcast after a change to ``plan``."""
    return Changes(plans=True, client_ids=frozenset({ClientId(plan.client_id)}))


def live_instrument(s: Session, code: str) -> Instrument:
    """The live product of ``code``, or NotFound."""
    instrument = s.scalar(
        select(Instrument).where(Instrument.code == code.strip(), Instrument.deleted_at.is_(None))
    )
    if instrument is None:
        raise NotFound(f"No product has the code “{code}”; check the product list.")
    return instrument


def recommended(s: Session, plan_id: uuid.UUID, instrument_id: uuid.UUID) -> bool:
    """Whether the product is already recommended in the plan."""
    return (
        s.scalar(
            select(PlanRecommendation.id).where(
                PlanRecommendation.plan_id == plan_id,
                PlanRecommendation.instrument_id == instrument_id,
                PlanRecommendation.deleted_at.is_(None),
            )
        )
        is not None
    )


# --- a plan's goals, flows and allocation --------------------------------------------


def items(s: Session, model: type[PlanGoal] | type[PlanCashFlow], plan_id: uuid.UUID) -> list[Any]:
    """The plan's live goals or cash flows, in id order."""
    return list(
        s.scalars(
            select(model)
            .where(model.plan_id == plan_id, model.deleted_at.is_(None))
            .order_by(model.id)
        )
    )


def weights_of(s: Session, plan: Plan) -> dict[str, Decimal]:
    """The plan's proposed weights by asset class."""
    return {
        a.asset_class: a.weight
        for a in s.scalars(
            select(PlanAllocation).where(
                PlanAllocation.plan_id == plan.id, PlanAllocation.deleted_at.is_(None)
            )
        )
    }


def write_allocation(s: Session, plan: Plan, weights: dict[str, Decimal]) -> None:
    """Rows updated in place (a tombstoned class is revived: one row per class)."""
    rows = {
        a.asset_class: a
        for a in s.scalars(select(PlanAllocation).where(PlanAllocation.plan_id == plan.id))
    }
    for cls, weight in weights.items():
        row = rows.pop(cls, None)
        if row is None:
            s.add(PlanAllocation(plan_id=plan.id, asset_class=cls, weight=weight))
            continue
        if row.weight != weight:
            row.weight = weight
        if row.deleted_at is not None:
            row.deleted_at = None
    now = utc_now()
    for row in rows.values():
        if row.deleted_at is None:
            row.deleted_at = now


def projection_inputs(
    s: Session, plan: Plan
) -> tuple[dict[str, Decimal], list[pp.GoalInput], list[pp.FlowSpan]]:
    """What ``plan_projections.project`` needs of the plan: the proposed weights (classes
    at 0 left out), the goals and the cash flows."""
    proposed = {c: w for c, w in weights_of(s, plan).items() if w}
    goals = [
        pp.GoalInput(
            g.id,
            g.kind,
            g.name,
            g.target_amount,
            g.target_year,
            g.priority,
            g.earmarked,
            g.real,
        )
        for g in items(s, PlanGoal, plan.id)
    ]
    spans = [
        pp.FlowSpan(f.amount, f.start_year, f.end_year, f.real)
        for f in items(s, PlanCashFlow, plan.id)
    ]
    return proposed, goals, spans


# --- views ---------------------------------------------------------------------------


def view(s: Session, plan: Plan, today: date) -> PlanView:
    """The whole plan: goals, flows, allocation against its model, recommendations."""
    client = s.get(Client, plan.client_id)
    assert client is not None  # a foreign key
    gov = governing(s, client, today)
    model = pp.model_portfolios(plan.models_version).for_level(plan.model_level)
    weights = weights_of(s, plan)
    classes = [*model.weights, *(c for c in weights if c not in model.weights)]
    allocation = tuple(
        AllocationLine(
            c,
            model.class_name(c),
            weights.get(c, Decimal(0)),
            model.weights.get(c, Decimal(0)),
            *model.bands.get(c, (Decimal(0), Decimal(0))),
        )
        for c in classes
    )
    goals = sorted(items(s, PlanGoal, plan.id), key=lambda g: (g.priority, g.target_year))
    flows = sorted(items(s, PlanCashFlow, plan.id), key=lambda f: (f.start_year, f.kind))
    recs = s.execute(
        select(PlanRecommendation, Instrument)
        .join(Instrument, Instrument.id == PlanRecommendation.instrument_id)
        .where(PlanRecommendation.plan_id == plan.id, PlanRecommendation.deleted_at.is_(None))
        .order_by(PlanRecommendation.id)
    ).all()
    return PlanView(
        id=plan.id,
        client_id=ClientId(plan.client_id),
        client_name=client.name,
        client_kind=client.kind,
        gate_client_id=gov.client_id if gov else None,
        title=plan.title,
        year=plan.year,
        version=plan.version,
        previous_id=plan.previous_id,
        status=plan.status,
        presented_on=plan.presented_on,
        decided_on=plan.decided_on,
        model_level=plan.model_level,
        model_name=model.name,
        assumptions_version=plan.assumptions_version,
        models_version=plan.models_version,
        notes=plan.notes,
        created_at=plan.created_at,
        updated_at=plan.updated_at,
        goals=tuple(
            GoalView(
                g.id,
                g.kind,
                GOAL_KINDS.get(g.kind, Text(g.kind, g.kind)),
                g.name,
                g.target_amount,
                g.target_year,
                g.priority,
                g.earmarked,
                g.real,
            )
            for g in goals
        ),
        flows=tuple(
            FlowView(
                f.id,
                f.kind,
                FLOW_KINDS.get(f.kind, Text(f.kind, f.kind)),
                f.label,
                f.amount,
                f.start_year,
                f.end_year,
                f.real,
            )
            for f in flows
        ),
        allocation=allocation,
        recommendations=tuple(recommendation_view(r, i) for r, i in recs),
    )


def recommendation_view(r: PlanRecommendation, i: Instrument) -> RecommendationView:
    """A recommendation with the check kept in its snapshot."""
    suitable, checked_on, findings = read_snapshot(r.suitability)
    return RecommendationView(
        id=r.id,
        instrument_id=i.id,
        code=i.code,
        name=i.name,
        type=i.type,
        asset_class=i.asset_class,
        risk_rating=i.risk_rating,
        lockup_days=i.lockup_days,
        amount_cny=r.amount_cny,
        rationale=r.rationale,
        suitable=suitable,
        checked_on=checked_on,
        findings=findings,
        currency=i.currency,
        terms=terms_of(i),
    )


def plan_summary(p: Plan) -> PlanSummary:
    """A plan as listed: what it is and where it stands, without its items."""
    return PlanSummary(
        p.id,
        ClientId(p.client_id),
        p.title,
        p.year,
        p.version,
        p.status,
        p.presented_on,
        p.decided_on,
        p.model_level,
        p.created_at,
        p.updated_at,
    )


__all__ = [
    "changes",
    "editable",
    "items",
    "live",
    "live_instrument",
    "live_plan",
    "plan_summary",
    "projection_inputs",
    "recommendation_view",
    "recommended",
    "view",
    "weights_of",
    "write_allocation",
]
