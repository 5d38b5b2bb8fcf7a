"""Plans: a client's or household's goals, cash flows, proposed allocation and recommended
products, with status, version and projections. This module is the service that reads
and writes them (``PlanService``), the one door callers use; the names they need are
re-exported here. Its parts live beside it, one idea each: ``plan_types`` (what it takes
and returns, and the checks on input), ``plan_gate`` (the suitability gate), ``plan_rows``
(a plan's rows in the vault, read into views), ``plan_review`` (status moves and the copy
for the next review), ``plan_projections`` (model files and projection maths) and
``plan_products`` (the shelf through the plan's gate, for the product picker).

Why it is shaped so:

- The proposed allocation starts from the model portfolio of the client's level (for a
  household, the lowest level among its assessed members: advice must suit its most
  cautious investor), and the banker may move it only within the model's bands.
- Every recommended product passes the suitability gate (``ws.suitability.check_product``)
  or is not added, and the banker is told why. For a household the gate is run for that
  same most cautious member (a household is never assessed itself). The check is kept
  with the recommendation, run again when the plan is presented (a product that no longer
  passes blocks it) and when the plan is copied for the next review (it is dropped, with
  a note).
- Content changes only while a plan is a draft: a presented plan goes back to draft to be
  changed, an accepted or declined one is copied for the next review (version + 1).
- Every change is audited with the plan's id, never with names or amounts.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.domain import model_portfolios as mp
from app.domain import risk_profile as rp
from app.domain.bilingual import Text
from app.domain.errors import ValidationError
from app.domain.ids import ClientId
from app.services import plan_products, plan_review
from app.services import plan_projections as pp
from app.services.changes import Changes
from app.services.plan_gate import (
    Governing,
    check_new,
    gate_client,
    governing,
    snapshot,
    usable_level,
)
from app.services.plan_products import Candidate
from app.services.plan_rows import (
    changes,
    editable,
    live,
    live_instrument,
    live_plan,
    plan_summary,
    projection_inputs,
    recommended,
    view,
    weights_of,
    write_allocation,
)
from app.services.plan_types import (
    FLOW_KINDS,
    GOAL_KINDS,
    RATIONALE_MAX,
    STATUSES,
    TRANSITIONS,
    AllocationLine,
    BlockedProduct,
    CheckedFinding,
    FlowFields,
    FlowView,
    GoalFields,
    GoalView,
    NotSuitable,
    PlanRejected,
    PlanSaved,
    PlanSummary,
    PlanView,
    RecommendationView,
    cents,
    checked_weights,
    flow_values,
    goal_values,
    required_text,
)
from app.services.tasks import clip, live_client
from app.vault.models import Plan, PlanAllocation, PlanCashFlow, PlanGoal, PlanRecommendation
from app.vault.types import utc_now

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.services.workspace import Workspace

CHILDREN: tuple[
    type[PlanGoal] | type[PlanCashFlow] | type[PlanAllocation] | type[PlanRecommendation], ...
] = (PlanGoal, PlanCashFlow, PlanAllocation, PlanRecommendation)


class PlanService:
    """Plans of one vault; one worker thread calls it."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    # --- plans -----------------------------------------------------------------------

    def create(
        self, client_id: ClientId, title: str, year: int | None = None, today: date | None = None
    ) -> PlanSaved:
        """A new draft plan (version 1) whose allocation starts from the model of the
        client's level (a household's: its most cautious assessed member's)."""
        today = today or date.today()
        year = year or today.year
        models, assumptions = pp.model_portfolios(), pp.market_assumptions()
        with self._ws.begin() as s:
            client = live_client(s, client_id)
            if client.kind not in ("person", "household"):
                raise ValidationError(
                    "A plan is made for a person or a household; make it for the household "
                    "this company or trust belongs to."
                )
            gov = usable_level(s, client, today)
            model = models.for_level(gov.level)
            plan = Plan(
                client_id=client.id,
                title=required_text(title, "A plan's title"),
                year=year,
                version=1,
                status="draft",
                model_level=gov.level,
                assumptions_version=assumptions.version,
                models_version=models.version,
                notes="",
                created_at=utc_now(),
            )
            s.add(plan)
            s.flush()
            write_allocation(s, plan, dict(model.weights))
            self._ws.record(
                s, "plan.created", str(client.id), {"plan": str(plan.id), "model": model.code}
            )
            return PlanSaved(changes(plan), plan.id)

    def get(self, plan_id: uuid.UUID, today: date | None = None) -> PlanView:
        """The whole plan: goals, flows, allocation against the model, recommendations."""
        today = today or date.today()
        with self._ws.begin() as s:
            plan = live_plan(s, plan_id)
            return view(s, plan, today)

    def current_for(self, client_id: ClientId) -> PlanView | None:
        """The client's newest plan that was not declined (None: there is none)."""
        with self._ws.begin() as s:
            live_client(s, client_id)
            plan = s.scalars(
                select(Plan)
                .where(
                    Plan.client_id == client_id,
                    Plan.deleted_at.is_(None),
                    Plan.status != "declined",
                )
                .order_by(Plan.created_at.desc(), Plan.version.desc())
                .limit(1)
            ).first()
            return None if plan is None else view(s, plan, date.today())

    def list_for(self, client_id: ClientId) -> list[PlanSummary]:
        """Every plan of the client (not of its members), newest first."""
        with self._ws.begin() as s:
            live_client(s, client_id)
            plans = s.scalars(
                select(Plan)
                .where(Plan.client_id == client_id, Plan.deleted_at.is_(None))
                .order_by(Plan.created_at.desc(), Plan.version.desc())
            ).all()
            return [plan_summary(p) for p in plans]

    def update(
        self, plan_id: uuid.UUID, *, title: str | None = None, notes: str | None = None
    ) -> Changes:
        """Rename a draft plan; the notes may be changed in any status."""
        with self._ws.begin() as s:
            plan = live_plan(s, plan_id)
            if title is not None:
                editable(plan)
                plan.title = required_text(title, "A plan's title")
            if notes is not None:
                plan.notes = notes
            self._ws.record(s, "plan.updated", str(plan.client_id), {"plan": str(plan.id)})
            return changes(plan)

    def delete(self, plan_id: uuid.UUID) -> Changes:
        """Tombstone a draft plan and its items (a presented plan is evidence: kept)."""
        with self._ws.begin() as s:
            plan = live_plan(s, plan_id)
            if plan.status != "draft":
                raise ValidationError(
                    f"Only a draft can be deleted; this {plan.status} plan is kept as "
                    "evidence of the advice given."
                )
            now = utc_now()
            rows: list[Any] = []
            for model in CHILDREN:
                rows += s.scalars(
                    select(model).where(model.plan_id == plan.id, model.deleted_at.is_(None))
                )
            for row in rows:
                row.deleted_at = now
            plan.deleted_at = now
            self._ws.record(s, "plan.deleted", str(plan.client_id), {"plan": str(plan.id)})
            return changes(plan)

    # --- goals and cash flows --------------------------------------------------------

    def add_goal(self, plan_id: uuid.UUID, goal: GoalFields) -> PlanSaved:
        with self._ws.begin() as s:
            plan = live_plan(s, plan_id)
            editable(plan)
            row = PlanGoal(plan_id=plan.id, **goal_values(goal, plan.year))
            s.add(row)
            s.flush()
            self._audit(s, plan, "plan.goal_added", goal=str(row.id))
            return PlanSaved(changes(plan), plan.id, row.id)

    def update_goal(self, goal_id: uuid.UUID, goal: GoalFields) -> Changes:
        with self._ws.begin() as s:
            row: PlanGoal = live(s.get(PlanGoal, goal_id), "goal")
            plan = live_plan(s, row.plan_id)
            editable(plan)
            for key, value in goal_values(goal, plan.year).items():
                setattr(row, key, value)
            self._audit(s, plan, "plan.goal_updated", goal=str(row.id))
            return changes(plan)

    def remove_goal(self, goal_id: uuid.UUID) -> Changes:
        return self._remove(PlanGoal, goal_id, "goal")

    def add_flow(self, plan_id: uuid.UUID, flow: FlowFields) -> PlanSaved:
        with self._ws.begin() as s:
            plan = live_plan(s, plan_id)
            editable(plan)
            row = PlanCashFlow(plan_id=plan.id, **flow_values(flow, plan.year))
            s.add(row)
            s.flush()
            self._audit(s, plan, "plan.flow_added", flow=str(row.id))
            return PlanSaved(changes(plan), plan.id, row.id)

    def remove_flow(self, flow_id: uuid.UUID) -> Changes:
        return self._remove(PlanCashFlow, flow_id, "flow")

    # --- the allocation --------------------------------------------------------------

    def model(self, plan_id: uuid.UUID) -> mp.ModelPortfolio:
        """The model portfolio the plan's allocation started from (its bands apply)."""
        with self._ws.begin() as s:
            plan = live_plan(s, plan_id)
            return pp.model_portfolios(plan.models_version).for_level(plan.model_level)

    def set_allocation(self, plan_id: uuid.UUID, weights: Mapping[str, Decimal]) -> Changes:
        """Set the proposed weights (a class left out is 0). Raises PlanRejected with the
        problems when a weight leaves the model's band or the weights do not sum to 1."""
        with self._ws.begin() as s:
            plan = live_plan(s, plan_id)
            editable(plan)
            model = pp.model_portfolios(plan.models_version).for_level(plan.model_level)
            write_allocation(s, plan, checked_weights(model, weights))
            self._audit(s, plan, "plan.allocation_set")
            return changes(plan)

    def reset_allocation(self, plan_id: uuid.UUID, today: date | None = None) -> Changes:
        """Start the allocation again from the newest model of the client's level now
        (after a re-assessment, say)."""
        today = today or date.today()
        models = pp.model_portfolios()
        with self._ws.begin() as s:
            plan = live_plan(s, plan_id)
            editable(plan)
            gov = usable_level(s, live_client(s, plan.client_id), today)
            plan.model_level, plan.models_version = gov.level, models.version
            write_allocation(s, plan, dict(models.for_level(gov.level).weights))
            self._audit(s, plan, "plan.allocation_reset", model=rp.level_code(gov.level))
            return changes(plan)

    def drift(self, plan_id: uuid.UUID) -> list[mp.Drift]:
        """Current weights (from the portfolio's values, cash as "cash") against the plan."""
        current, proposed, _ = self._current_and_proposed(plan_id)
        return mp.drift(current, proposed)

    def trades(
        self, plan_id: uuid.UUID, total: Decimal | None = None, min_trade: Decimal = mp.MIN_TRADE
    ) -> mp.Trades:
        """The purchases (+) and sales (−) by asset class that would close the drift."""
        current, proposed, names = self._current_and_proposed(plan_id)
        return mp.trades(current, proposed, total, min_trade, names=names)

    # --- recommendations -------------------------------------------------------------

    def add_recommendation(
        self,
        plan_id: uuid.UUID,
        code: str,
        amount_cny: Decimal,
        rationale: str = "",
        today: date | None = None,
    ) -> PlanSaved:
        """Recommend ``amount_cny`` of product ``code``: only if it passes the suitability
        gate (else NotSuitable, with why and what to do, and nothing is saved). Warnings
        are kept in the recommendation's snapshot."""
        today = today or date.today()
        amount = cents(amount_cny, "The amount")
        if amount <= 0:
            raise ValidationError("A recommended amount must be above zero.")
        why = clip(rationale, RATIONALE_MAX)
        with self._ws.begin() as s:
            plan = live_plan(s, plan_id)
            editable(plan)
            instrument = live_instrument(s, code)
            if recommended(s, plan.id, instrument.id):
                raise ValidationError(
                    f"{instrument.code} is already recommended in this plan; remove it and "
                    "add it again with the new amount."
                )
            gate = gate_client(s, plan, today)
            info = (plan.client_id, instrument.code, instrument.name, instrument.id)
        client_id, code, name, instrument_id = info
        result = check_new(self._ws, plan_id, client_id, gate, code, name, amount, today)
        with self._ws.begin() as s:
            plan = live_plan(s, plan_id)
            editable(plan)
            row = PlanRecommendation(
                plan_id=plan.id,
                instrument_id=instrument_id,
                amount_cny=amount,
                rationale=why,
                suitability=snapshot(result, today),
            )
            s.add(row)
            s.flush()
            self._audit(
                s, plan, "plan.recommendation_added", recommendation=str(row.id), product=code
            )
            return PlanSaved(changes(plan), plan.id, row.id)

    def remove_recommendation(self, recommendation_id: uuid.UUID) -> Changes:
        return self._remove(PlanRecommendation, recommendation_id, "recommendation")

    def candidates(
        self,
        plan_id: uuid.UUID,
        query: str = "",
        amount_cny: Decimal = Decimal(0),
        today: date | None = None,
    ) -> list[Candidate]:
        """The products whose code or name holds ``query``, each with the gate's verdict
        for ``amount_cny`` in this plan (blocked ones say why): what a picker shows."""
        return plan_products.candidates(self._ws, plan_id, query, amount_cny, today)

    # --- status and review -----------------------------------------------------------

    def set_status(self, plan_id: uuid.UUID, status: str, on: date | None = None) -> Changes:
        """Move the plan on: draft → presented → accepted or declined (presented → draft to
        change it). Presenting checks the level and every recommendation again: a product
        that no longer passes the gate blocks it (NotSuitable says why)."""
        return plan_review.set_status(self._ws, plan_id, status, on)

    def copy_for_review(
        self, plan_id: uuid.UUID, year: int, title: str | None = None, today: date | None = None
    ) -> PlanSaved:
        """A new draft (version + 1) for the next review: goals, flows and allocation
        copied; recommendations checked again and dropped, with a note, if they no longer
        pass. The allocation starts again from the model when the client's level changed
        or the copied weights leave the newest model's bands."""
        return plan_review.copy_for_review(self._ws, plan_id, year, title, today)

    # --- projections -----------------------------------------------------------------

    def projections(
        self, plan_id: uuid.UUID, paths: int = 5000, seed: int | None = None
    ) -> pp.PlanProjections:
        """Deterministic and Monte Carlo projections under the current and the proposed
        allocation, with each goal's probability; the seed comes from the plan's id when
        not given, so the same plan shows the same numbers."""
        with self._ws.begin() as s:
            plan = live_plan(s, plan_id)
            proposed, goals, spans = projection_inputs(s, plan)
            client_id, year, version = ClientId(plan.client_id), plan.year, plan.assumptions_version
        summary = self._ws.portfolio.summary(client_id)
        return pp.project(
            plan_id,
            year,
            summary.total_cny,
            pp.current_weights(summary.by_asset_class),
            proposed,
            goals,
            spans,
            pp.market_assumptions(version),
            paths=paths,
            seed=seed,
        )

    # --- helpers ---------------------------------------------------------------------

    def _audit(self, s: Session, plan: Plan, action: str, **details: str) -> None:
        self._ws.record(s, action, str(plan.client_id), {"plan": str(plan.id), **details})

    def _remove(
        self,
        model: type[PlanGoal | PlanCashFlow | PlanRecommendation],
        item_id: uuid.UUID,
        what: str,
    ) -> Changes:
        with self._ws.begin() as s:
            row = live(s.get(model, item_id), what)
            plan = live_plan(s, row.plan_id)
            editable(plan)
            row.deleted_at = utc_now()
            self._audit(s, plan, f"plan.{what}_removed", **{what: str(row.id)})
            return changes(plan)

    def _current_and_proposed(
        self, plan_id: uuid.UUID
    ) -> tuple[dict[str, Decimal], dict[str, Decimal], dict[str, Text]]:
        with self._ws.begin() as s:
            plan = live_plan(s, plan_id)
            proposed = weights_of(s, plan)
            names = dict(pp.model_portfolios(plan.models_version).class_names)
            client_id = ClientId(plan.client_id)
        current = self._ws.portfolio.summary(client_id).by_asset_class
        return dict(current), proposed, names


__all__ = [
    "FLOW_KINDS",
    "GOAL_KINDS",
    "STATUSES",
    "TRANSITIONS",
    "AllocationLine",
    "BlockedProduct",
    "Candidate",
    "CheckedFinding",
    "FlowFields",
    "FlowView",
    "GoalFields",
    "GoalView",
    "Governing",
    "NotSuitable",
    "PlanRejected",
    "PlanSaved",
    "PlanService",
    "PlanSummary",
    "PlanView",
    "RecommendationView",
    "governing",
    "usable_level",
]
