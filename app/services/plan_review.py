"""A plan's review cycle: moving it through its statuses (draft → presented → accepted or
declined) and copying it for the next review as a new draft (version + 1).

Why it is shaped so:

- Presenting is the moment the advice reaches the client, so the level and every
  recommendation go through the suitability gate again first (``plan_gate``); a product
  that no longer passes blocks it, and the new checks are kept with the recommendations.
  A presented plan goes back to draft to be changed; a decision cannot predate it.
- An accepted or declined plan is evidence of the advice given and is kept as it was, so
  the next review starts from a copy linked to it (``previous_id``). What has gone stale
  is not carried over silently: a goal whose year has passed is left out and a cash flow
  starts in the new year; a recommendation that no longer passes the gate is dropped; the
  allocation starts again from the newest model when the client's level changed or the
  copied weights leave that model's bands. Each of these is a note returned to the banker
  and appended to the new plan's notes, so the reason stays with the plan.
- The checks run between transactions (the suitability service opens its own), so each
  step reads what it needs, lets go, and reads the plan again before writing.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import model_portfolios as mp
from app.domain.bilingual import Text
from app.domain.errors import ValidationError
from app.services import plan_projections as pp
from app.services.changes import Changes
from app.services.plan_gate import (
    gate_client,
    presenting_checks,
    recheck_for_copy,
    recheck_for_presenting,
    usable_level,
)
from app.services.plan_rows import changes, items, live_plan, weights_of, write_allocation
from app.services.plan_types import STATUSES, TRANSITIONS, PlanSaved, required_text
from app.services.tasks import live_client
from app.vault.models import Instrument, Plan, PlanCashFlow, PlanGoal, PlanRecommendation
from app.vault.types import utc_now

if TYPE_CHECKING:
    from app.services.workspace import Workspace


def set_status(ws: Workspace, plan_id: uuid.UUID, status: str, on: date | None = None) -> Changes:
    """Move the plan on: draft → presented → accepted or declined (presented → draft to
    change it). Presenting checks the level and every recommendation again: a product
    that no longer passes the gate blocks it (NotSuitable says why)."""
    on = on or date.today()
    with ws.begin() as s:
        plan = live_plan(s, plan_id)
        before = plan.status
        if status not in STATUSES:
            raise ValidationError(f"Unknown status “{status}”; use one of {', '.join(STATUSES)}.")
        if status not in TRANSITIONS[before]:
            allowed = ", ".join(TRANSITIONS[before]) or "nothing (copy it for a new review)"
            raise ValidationError(f"A {before} plan can move to {allowed}, not to {status}.")
        if status in ("accepted", "declined") and plan.presented_on and on < plan.presented_on:
            raise ValidationError(
                f"The client cannot decide before the plan was presented ({plan.presented_on})."
            )
    snapshots = _recheck(ws, plan_id, on) if status == "presented" else {}
    with ws.begin() as s:
        plan = live_plan(s, plan_id)
        for rec_id, checked in snapshots.items():
            rec = s.get(PlanRecommendation, rec_id)
            if rec is not None:
                rec.suitability = checked
        plan.status = status
        if status == "presented":
            plan.presented_on, plan.decided_on = on, None
        elif status == "draft":
            plan.presented_on = None
        else:
            plan.decided_on = on
        ws.record(
            s,
            "plan.status_changed",
            str(plan.client_id),
            {"plan": str(plan.id), "from": before, "to": status, "on": on.isoformat()},
        )
        return changes(plan)


def _recheck(ws: Workspace, plan_id: uuid.UUID, on: date) -> dict[uuid.UUID, str]:
    """Before presenting: a valid level not below the plan's model, and every
    recommendation through the gate again. The new snapshots, by recommendation."""
    with ws.begin() as s:
        plan = live_plan(s, plan_id)
        gov, recs = presenting_checks(s, plan, on)
        client_id = plan.client_id
    return recheck_for_presenting(ws, plan_id, client_id, gov.client_id, recs, on)


def copy_for_review(
    ws: Workspace,
    plan_id: uuid.UUID,
    year: int,
    title: str | None = None,
    today: date | None = None,
) -> PlanSaved:
    """A new draft (version + 1) for the next review: goals, flows and allocation
    copied; recommendations checked again and dropped, with a note, if they no longer
    pass. The allocation starts again from the model when the client's level changed
    or the copied weights leave the newest model's bands."""
    today = today or date.today()
    models = pp.model_portfolios()
    with ws.begin() as s:
        source = live_plan(s, plan_id)
        if year < source.year:
            raise ValidationError(f"A review copy starts in {source.year} or later, not {year}.")
        client = live_client(s, source.client_id)
        gov = usable_level(s, client, today)
        gate = gate_client(s, source, today)
        recs = [
            (r, i.code, i.name)
            for r, i in s.execute(
                select(PlanRecommendation, Instrument)
                .join(Instrument, Instrument.id == PlanRecommendation.instrument_id)
                .where(
                    PlanRecommendation.plan_id == source.id,
                    PlanRecommendation.deleted_at.is_(None),
                )
                .order_by(PlanRecommendation.id)
            )
        ]
    kept, notes = recheck_for_copy(ws, gate, recs, today)
    with ws.begin() as s:
        source = live_plan(s, plan_id)
        model = models.for_level(gov.level)
        weights = weights_of(s, source)
        if gov.level != source.model_level or mp.check_adjustment(model, weights):
            weights = dict(model.weights)
            notes.append(
                Text(
                    f"配置已按{model.code}模型重新开始（客户等级或模型已变化）",
                    f"The allocation starts again from the {model.code} model (the client's "
                    "level or the model changed).",
                )
            )
        plan = Plan(
            client_id=source.client_id,
            title=required_text(title or source.title, "A plan's title"),
            year=year,
            version=source.version + 1,
            previous_id=source.id,
            status="draft",
            model_level=gov.level,
            assumptions_version=pp.market_assumptions().version,
            models_version=models.version,
            notes="",
            created_at=utc_now(),
        )
        s.add(plan)
        s.flush()
        write_allocation(s, plan, weights)
        notes += copy_items(s, source, plan)
        for rec, snapshot in kept:
            s.add(
                PlanRecommendation(
                    plan_id=plan.id,
                    instrument_id=rec.instrument_id,
                    amount_cny=rec.amount_cny,
                    rationale=rec.rationale,
                    suitability=snapshot,
                )
            )
        plan.notes = "\n".join([source.notes, *(f"{n.zh} / {n.en}" for n in notes)]).strip()
        ws.record(
            s,
            "plan.copied",
            str(plan.client_id),
            {
                "plan": str(plan.id),
                "from": str(source.id),
                "version": plan.version,
                "dropped": len(recs) - len(kept),
            },
        )
        return PlanSaved(changes(plan), plan.id, None, tuple(notes))


def copy_items(s: Session, source: Plan, plan: Plan) -> list[Text]:
    """Copy goals and flows into ``plan``; those wholly before its year are left out."""
    notes: list[Text] = []
    for g in items(s, PlanGoal, source.id):
        if g.target_year < plan.year:
            notes.append(
                Text(
                    f"目标“{g.name}”的年份已过，未复制",
                    f"Goal “{g.name}” is past its year: not copied.",
                )
            )
            continue
        s.add(
            PlanGoal(
                plan_id=plan.id,
                kind=g.kind,
                name=g.name,
                target_amount=g.target_amount,
                target_year=g.target_year,
                priority=g.priority,
                earmarked=g.earmarked,
                real=g.real,
            )
        )
    for f in items(s, PlanCashFlow, source.id):
        last = f.end_year or f.start_year
        if last < plan.year:
            continue  # wholly in the past
        start = max(f.start_year, plan.year)
        s.add(
            PlanCashFlow(
                plan_id=plan.id,
                kind=f.kind,
                label=f.label,
                amount=f.amount,
                start_year=start,
                end_year=None if last == start else last,
                real=f.real,
            )
        )
    return notes


__all__ = ["copy_for_review", "copy_items", "set_status"]
