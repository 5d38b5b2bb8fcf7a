"""Plans: a client's or household's goals, cash flows, proposed allocation and recommended
products, with status, version and projections.

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

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import model_portfolios as mp
from app.domain import risk_profile as rp
from app.domain.bilingual import Text
from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.domain.suitability import Finding, SuitabilityResult
from app.services import plan_projections as pp
from app.services.changes import Changes
from app.services.tasks import client_and_members, clip, live_client
from app.vault.models import (
    Client,
    Instrument,
    Plan,
    PlanAllocation,
    PlanCashFlow,
    PlanGoal,
    PlanRecommendation,
    RiskAssessment,
)
from app.vault.types import utc_now

if TYPE_CHECKING:
    from app.services.workspace import Workspace

GOAL_KINDS: dict[str, Text] = {
    "retirement_income": Text("退休收入", "Retirement income"),
    "education": Text("子女教育", "Children's education"),
    "property": Text("置业", "Property"),
    "succession": Text("企业传承", "Business succession"),
    "wealth_transfer": Text("财富传承", "Wealth transfer"),
    "philanthropy": Text("慈善", "Philanthropy"),
    "liquidity_reserve": Text("流动性储备", "Liquidity reserve"),
}
FLOW_KINDS: dict[str, Text] = {
    "income": Text("收入", "Income"),
    "spending": Text("支出", "Spending"),
    "lump_sum": Text("一次性收支", "Lump sum"),
}
STATUSES: dict[str, Text] = {
    "draft": Text("草稿", "Draft"),
    "presented": Text("已提交客户", "Presented"),
    "accepted": Text("客户已接受", "Accepted"),
    "declined": Text("客户已拒绝", "Declined"),
}
TRANSITIONS = {
    "draft": ("presented",),
    "presented": ("accepted", "declined", "draft"),
    "accepted": (),
    "declined": (),
}
CHILDREN: tuple[
    type[PlanGoal] | type[PlanCashFlow] | type[PlanAllocation] | type[PlanRecommendation], ...
] = (PlanGoal, PlanCashFlow, PlanAllocation, PlanRecommendation)
WITHDRAWN = Finding(
    "product_withdrawn",
    "block",
    Text("该产品已下架，不在产品清单中", "The product is no longer on the product list."),
    Text("移除该产品，另选产品", "Remove it and choose another product."),
)
TEXT_MAX = 200
RATIONALE_MAX = 2000
MAX_YEARS_AHEAD = 100
CENT = Decimal("0.01")
WEIGHT_STEP = Decimal("0.0001")


class PlanRejected(ValidationError):
    """A proposed allocation outside the model's bands; ``problems`` says where."""

    def __init__(self, message: str, problems: tuple[mp.AdjustmentProblem, ...]) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True)
class BlockedProduct:
    """A product the gate refused, with its blocking findings (why and remedy in zh/en)."""

    code: str
    name: str
    findings: tuple[Finding, ...]


class NotSuitable(ValidationError):
    """The suitability gate refused one or more products; nothing was saved."""

    def __init__(self, message: str, blocked: tuple[BlockedProduct, ...]) -> None:
        super().__init__(message)
        self.blocked = blocked

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for b in self.blocked for f in b.findings)

    def message(self, lang: str) -> str:
        """The refusal in ``lang`` ("zh" or "en")."""
        return _refusal(self.blocked, lang)


def _refusal(blocked: tuple[BlockedProduct, ...], lang: str) -> str:
    zh = lang.lower().startswith("zh")
    parts = []
    for b in blocked:
        reasons = " ".join(f"{f.why.get(lang)} {f.remedy.get(lang)}" for f in b.findings)
        parts.append(
            f"{b.code}（{b.name}）未通过适当性检查：{reasons}"
            if zh
            else f"{b.code} ({b.name}) does not pass the suitability check: {reasons}"
        )
    tail = "未作任何保存。" if zh else "Nothing was saved."
    return " ".join([*parts, tail])


# --- what the service takes and returns ----------------------------------------------


@dataclass(frozen=True)
class GoalFields:
    """A goal as the banker enters it; amounts in yuan to the cent, ``real`` when the
    target is in today's money."""

    kind: str
    name: str
    target_amount: Decimal
    target_year: int
    priority: int = 3
    earmarked: Decimal = Decimal(0)
    real: bool = True


@dataclass(frozen=True)
class FlowFields:
    """A cash flow each year from ``start_year`` to ``end_year`` (None: one year). Income
    is stored positive and spending negative whatever sign is typed; a lump sum keeps its
    sign (+ in, − out) and lasts one year."""

    kind: str
    label: str
    amount: Decimal
    start_year: int
    end_year: int | None = None
    real: bool = True


@dataclass(frozen=True)
class PlanSaved:
    """What a change did: the Changes to broadcast, the plan, the item added (a goal, flow
    or recommendation) if any, and notes for the banker (e.g. products dropped on a copy)."""

    changes: Changes
    plan_id: uuid.UUID
    item_id: uuid.UUID | None = None
    notes: tuple[Text, ...] = ()


@dataclass(frozen=True)
class GoalView:
    id: uuid.UUID
    kind: str
    kind_name: Text
    name: str
    target_amount: Decimal
    target_year: int
    priority: int
    earmarked: Decimal
    real: bool


@dataclass(frozen=True)
class FlowView:
    id: uuid.UUID
    kind: str
    kind_name: Text
    label: str
    amount: Decimal
    start_year: int
    end_year: int | None
    real: bool


@dataclass(frozen=True)
class AllocationLine:
    """One asset class: the proposed weight, the model's, and the band allowed."""

    asset_class: str
    name: Text
    weight: Decimal
    model_weight: Decimal
    band_min: Decimal
    band_max: Decimal


@dataclass(frozen=True)
class CheckedFinding:
    """A finding as kept in a recommendation's snapshot."""

    rule: str
    severity: str
    why: Text
    remedy: Text


@dataclass(frozen=True)
class RecommendationView:
    """A recommended product with the suitability check it passed (``checked_on``)."""

    id: uuid.UUID
    instrument_id: uuid.UUID
    code: str
    name: str
    type: str
    asset_class: str
    risk_rating: int
    lockup_days: int
    amount_cny: Decimal
    rationale: str
    suitable: bool
    checked_on: date | None
    findings: tuple[CheckedFinding, ...]


@dataclass(frozen=True)
class PlanSummary:
    id: uuid.UUID
    client_id: ClientId
    title: str
    year: int
    version: int
    status: str
    presented_on: date | None
    decided_on: date | None
    model_level: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class PlanView:
    """A whole plan. ``gate_client_id`` is whom the suitability gate checks (the client,
    or a household's most cautious assessed member; None: nobody is assessed now)."""

    id: uuid.UUID
    client_id: ClientId
    client_name: str
    client_kind: str
    gate_client_id: ClientId | None
    title: str
    year: int
    version: int
    previous_id: uuid.UUID | None
    status: str
    presented_on: date | None
    decided_on: date | None
    model_level: int
    model_name: Text
    assumptions_version: str
    models_version: str
    notes: str
    created_at: datetime
    updated_at: datetime
    goals: tuple[GoalView, ...]
    flows: tuple[FlowView, ...]
    allocation: tuple[AllocationLine, ...]
    recommendations: tuple[RecommendationView, ...]

    @property
    def weights(self) -> dict[str, Decimal]:
        return {line.asset_class: line.weight for line in self.allocation if line.weight}

    @property
    def model_code(self) -> str:
        return rp.level_code(self.model_level)

    @property
    def editable(self) -> bool:
        return self.status == "draft"


# --- small pure helpers --------------------------------------------------------------


def _cents(value: Decimal, what: str) -> Decimal:
    amount = Decimal(value)
    if not amount.is_finite() or amount != amount.quantize(CENT):
        raise ValidationError(f"{what} must be an amount in yuan to the cent, not {value}.")
    return amount


def _text(value: str, what: str, limit: int = TEXT_MAX) -> str:
    clean = clip(value, limit)
    if not clean:
        raise ValidationError(f"{what} cannot be empty; type a few words.")
    return clean


def _year(value: int, plan_year: int, what: str) -> int:
    if not plan_year <= value <= plan_year + MAX_YEARS_AHEAD:
        raise ValidationError(
            f"{what} must be from {plan_year} to {plan_year + MAX_YEARS_AHEAD}, not {value}."
        )
    return value


def _goal_values(g: GoalFields, plan_year: int) -> dict[str, Any]:
    if g.kind not in GOAL_KINDS:
        raise ValidationError(f"Unknown goal “{g.kind}”; use one of {', '.join(GOAL_KINDS)}.")
    if not 1 <= g.priority <= 5:
        raise ValidationError(f"A goal's priority is 1 (highest) to 5, not {g.priority}.")
    target = _cents(g.target_amount, "The target amount")
    earmarked = _cents(g.earmarked, "The earmarked amount")
    if target <= 0:
        raise ValidationError("A goal's target amount must be above zero.")
    if earmarked < 0:
        raise ValidationError("The amount earmarked for a goal cannot be negative.")
    return {
        "kind": g.kind,
        "name": _text(g.name, "A goal's name"),
        "target_amount": target,
        "target_year": _year(g.target_year, plan_year, "The target year"),
        "priority": g.priority,
        "earmarked": earmarked,
        "real": bool(g.real),
    }


def _flow_values(f: FlowFields, plan_year: int) -> dict[str, Any]:
    if f.kind not in FLOW_KINDS:
        raise ValidationError(f"Unknown cash flow “{f.kind}”; use one of {', '.join(FLOW_KINDS)}.")
    amount = _cents(f.amount, "A cash flow's amount")
    if amount == 0:
        raise ValidationError("A cash flow of zero changes nothing; type the amount.")
    if f.kind == "income":
        amount = abs(amount)
    elif f.kind == "spending":
        amount = -abs(amount)
    start = _year(f.start_year, plan_year, "The first year")
    end = f.end_year
    if f.kind == "lump_sum" and end not in (None, start):
        raise ValidationError("A lump sum happens in one year; leave the last year empty.")
    if end is not None:
        end = _year(end, plan_year, "The last year")
        if end < start:
            raise ValidationError("A cash flow's last year cannot be before its first year.")
    return {
        "kind": f.kind,
        "label": _text(f.label, "A cash flow's label"),
        "amount": amount,
        "start_year": start,
        "end_year": None if end == start else end,
        "real": bool(f.real),
    }


def _snapshot(result: SuitabilityResult, today: date) -> str:
    return json.dumps(
        {
            "checked_on": today.isoformat(),
            "suitable": result.suitable,
            "findings": [
                {
                    "rule": f.rule,
                    "severity": f.severity,
                    "why": {"zh": f.why.zh, "en": f.why.en},
                    "remedy": {"zh": f.remedy.zh, "en": f.remedy.en},
                }
                for f in result.findings
            ],
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def _read_snapshot(raw: str) -> tuple[bool, date | None, tuple[CheckedFinding, ...]]:
    doc = json.loads(raw or "{}")
    findings = tuple(
        CheckedFinding(f["rule"], f["severity"], Text(**f["why"]), Text(**f["remedy"]))
        for f in doc.get("findings", [])
    )
    day = date.fromisoformat(doc["checked_on"]) if doc.get("checked_on") else None
    return bool(doc.get("suitable", False)), day, findings


def _weights(model: mp.ModelPortfolio, proposed: Mapping[str, Decimal]) -> dict[str, Decimal]:
    weights = {c: Decimal(w) for c, w in proposed.items()}
    for cls, w in weights.items():
        if not w.is_finite() or w != w.quantize(WEIGHT_STEP):
            raise ValidationError(f"The weight of {cls} must be given to 0.01%, not {w}.")
    problems = tuple(mp.check_adjustment(model, weights))
    if problems:
        raise PlanRejected(
            "This allocation leaves the model's limits: "
            + " ".join(p.message.en for p in problems)
            + " Nothing was changed.",
            problems,
        )
    return {c: weights.get(c, Decimal(0)) for c in model.weights}


# --- who governs a plan's level and gate -------------------------------------------


@dataclass(frozen=True)
class Governing:
    """The person whose assessment sets a plan's level and runs its gate."""

    client_id: ClientId
    name: str
    level: int
    lowest_class: bool
    validity: rp.Validity


def governing(s: Session, client: Client, today: date) -> Governing | None:
    """The client's own newest assessment, or for a household its most cautious assessed
    member's (lowest level; the lowest class first). None: nobody is assessed."""
    ids = client_and_members(s, client.id) if client.kind == "household" else [client.id]
    found: list[Governing] = []
    for cid in ids:
        person = s.get(Client, cid)
        if person is None or person.deleted_at is not None or person.kind != "person":
            continue
        newest = s.scalars(
            select(RiskAssessment)
            .where(RiskAssessment.client_id == cid, RiskAssessment.deleted_at.is_(None))
            .order_by(RiskAssessment.assessed_at.desc())
            .limit(1)
        ).first()
        if newest is not None:
            validity = rp.validity_status(newest.expires_on, today)
            found.append(
                Governing(ClientId(cid), person.name, newest.level, newest.lowest_class, validity)
            )
    if not found:
        return None
    return min(found, key=lambda g: (g.level, not g.lowest_class, str(g.client_id)))


def usable_level(s: Session, client: Client, today: date) -> Governing:
    """``governing`` with a valid assessment, or a ValidationError that says to assess."""
    gov = governing(s, client, today)
    if gov is None:
        who = "none of its members has" if client.kind == "household" else "the client has"
        raise ValidationError(
            f"No risk assessment: {who} been assessed. Assess the client first, then make "
            "the plan from the model portfolio of their level."
        )
    if not gov.validity.usable:
        raise ValidationError(
            f"The risk assessment of {gov.name} ({rp.level_code(gov.level)}) is no longer "
            "valid. Re-assess first: a plan needs a valid level."
        )
    return gov


# --- the service ---------------------------------------------------------------------


def _editable(plan: Plan) -> None:
    if plan.status == "presented":
        raise ValidationError(
            "This plan has been presented to the client: set it back to draft to change it."
        )
    if plan.status != "draft":
        raise ValidationError(
            f"This plan was {plan.status} and is kept as it was: copy it for a new review "
            "to make changes."
        )


def _changes(plan: Plan) -> Changes:
    return Changes(plans=True, client_ids=frozenset({ClientId(plan.client_id)}))


def _live(row: Any, what: str) -> Any:
    if row is None or row.deleted_at is not None:
        raise NotFound(f"That {what} is not in this vault any more; open the plan again.")
    return row


class PlanService:
    """Plans of one vault; one worker thread calls it."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    # --- plans ----------------------------------------------------------------------

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
                title=_text(title, "A plan's title"),
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
            self._write_allocation(s, plan, dict(model.weights))
            self._ws.record(
                s, "plan.created", str(client.id), {"plan": str(plan.id), "model": model.code}
            )
            return PlanSaved(_changes(plan), plan.id)

    def get(self, plan_id: uuid.UUID, today: date | None = None) -> PlanView:
        """The whole plan: goals, flows, allocation against the model, recommendations."""
        today = today or date.today()
        with self._ws.begin() as s:
            plan = self._plan(s, plan_id)
            return self._view(s, plan, today)

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
            return None if plan is None else self._view(s, plan, date.today())

    def list_for(self, client_id: ClientId) -> list[PlanSummary]:
        """Every plan of the client (not of its members), newest first."""
        with self._ws.begin() as s:
            live_client(s, client_id)
            plans = s.scalars(
                select(Plan)
                .where(Plan.client_id == client_id, Plan.deleted_at.is_(None))
                .order_by(Plan.created_at.desc(), Plan.version.desc())
            ).all()
            return [
                PlanSummary(
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
                for p in plans
            ]

    def update(
        self, plan_id: uuid.UUID, *, title: str | None = None, notes: str | None = None
    ) -> Changes:
        """Rename a draft plan; the notes may be changed in any status."""
        with self._ws.begin() as s:
            plan = self._plan(s, plan_id)
            if title is not None:
                _editable(plan)
                plan.title = _text(title, "A plan's title")
            if notes is not None:
                plan.notes = notes
            self._ws.record(s, "plan.updated", str(plan.client_id), {"plan": str(plan.id)})
            return _changes(plan)

    def delete(self, plan_id: uuid.UUID) -> Changes:
        """Tombstone a draft plan and its items (a presented plan is evidence: kept)."""
        with self._ws.begin() as s:
            plan = self._plan(s, plan_id)
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
            return _changes(plan)

    # --- goals and cash flows -------------------------------------------------------

    def add_goal(self, plan_id: uuid.UUID, goal: GoalFields) -> PlanSaved:
        with self._ws.begin() as s:
            plan = self._plan(s, plan_id)
            _editable(plan)
            row = PlanGoal(plan_id=plan.id, **_goal_values(goal, plan.year))
            s.add(row)
            s.flush()
            self._audit(s, plan, "plan.goal_added", goal=str(row.id))
            return PlanSaved(_changes(plan), plan.id, row.id)

    def update_goal(self, goal_id: uuid.UUID, goal: GoalFields) -> Changes:
        with self._ws.begin() as s:
            row: PlanGoal = _live(s.get(PlanGoal, goal_id), "goal")
            plan = self._plan(s, row.plan_id)
            _editable(plan)
            for key, value in _goal_values(goal, plan.year).items():
                setattr(row, key, value)
            self._audit(s, plan, "plan.goal_updated", goal=str(row.id))
            return _changes(plan)

    def remove_goal(self, goal_id: uuid.UUID) -> Changes:
        return self._remove(PlanGoal, goal_id, "goal")

    def add_flow(self, plan_id: uuid.UUID, flow: FlowFields) -> PlanSaved:
        with self._ws.begin() as s:
            plan = self._plan(s, plan_id)
            _editable(plan)
            row = PlanCashFlow(plan_id=plan.id, **_flow_values(flow, plan.year))
            s.add(row)
            s.flush()
            self._audit(s, plan, "plan.flow_added", flow=str(row.id))
            return PlanSaved(_changes(plan), plan.id, row.id)

    def remove_flow(self, flow_id: uuid.UUID) -> Changes:
        return self._remove(PlanCashFlow, flow_id, "flow")

    # --- the allocation -------------------------------------------------------------

    def model(self, plan_id: uuid.UUID) -> mp.ModelPortfolio:
        """The model portfolio the plan's allocation started from (its bands apply)."""
        with self._ws.begin() as s:
            plan = self._plan(s, plan_id)
            return pp.model_portfolios(plan.models_version).for_level(plan.model_level)

    def set_allocation(self, plan_id: uuid.UUID, weights: Mapping[str, Decimal]) -> Changes:
        """Set the proposed weights (a class left out is 0). Raises PlanRejected with the
        problems when a weight leaves the model's band or the weights do not sum to 1."""
        with self._ws.begin() as s:
            plan = self._plan(s, plan_id)
            _editable(plan)
            model = pp.model_portfolios(plan.models_version).for_level(plan.model_level)
            self._write_allocation(s, plan, _weights(model, weights))
            self._audit(s, plan, "plan.allocation_set")
            return _changes(plan)

    def reset_allocation(self, plan_id: uuid.UUID, today: date | None = None) -> Changes:
        """Start the allocation again from the newest model of the client's level now
        (after a re-assessment, say)."""
        today = today or date.today()
        models = pp.model_portfolios()
        with self._ws.begin() as s:
            plan = self._plan(s, plan_id)
            _editable(plan)
            gov = usable_level(s, live_client(s, plan.client_id), today)
            plan.model_level, plan.models_version = gov.level, models.version
            self._write_allocation(s, plan, dict(models.for_level(gov.level).weights))
            self._audit(s, plan, "plan.allocation_reset", model=rp.level_code(gov.level))
            return _changes(plan)

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

    # --- recommendations ------------------------------------------------------------

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
        amount = _cents(amount_cny, "The amount")
        if amount <= 0:
            raise ValidationError("A recommended amount must be above zero.")
        why = clip(rationale, RATIONALE_MAX)
        with self._ws.begin() as s:
            plan = self._plan(s, plan_id)
            _editable(plan)
            instrument = self._instrument(s, code)
            if self._recommended(s, plan.id, instrument.id):
                raise ValidationError(
                    f"{instrument.code} is already recommended in this plan; remove it and "
                    "add it again with the new amount."
                )
            gate = self._gate_client(s, plan, today)
            info = (plan.client_id, instrument.code, instrument.name, instrument.id)
        client_id, code, name, instrument_id = info
        result = self._ws.suitability.check_product(gate, code, amount, today)
        if not result.suitable:
            blocked = (BlockedProduct(code, name, result.blocking),)
            with self._ws.begin() as s:
                self._ws.record(
                    s,
                    "plan.recommendation_refused",
                    str(client_id),
                    {
                        "plan": str(plan_id),
                        "product": code,
                        "rules": [f.rule for f in blocked[0].findings],
                    },
                )
            raise NotSuitable(_refusal(blocked, "en"), blocked)
        with self._ws.begin() as s:
            plan = self._plan(s, plan_id)
            _editable(plan)
            row = PlanRecommendation(
                plan_id=plan.id,
                instrument_id=instrument_id,
                amount_cny=amount,
                rationale=why,
                suitability=_snapshot(result, today),
            )
            s.add(row)
            s.flush()
            self._audit(
                s, plan, "plan.recommendation_added", recommendation=str(row.id), product=code
            )
            return PlanSaved(_changes(plan), plan.id, row.id)

    def remove_recommendation(self, recommendation_id: uuid.UUID) -> Changes:
        return self._remove(PlanRecommendation, recommendation_id, "recommendation")

    # --- status and review ----------------------------------------------------------

    def set_status(self, plan_id: uuid.UUID, status: str, on: date | None = None) -> Changes:
        """Move the plan on: draft → presented → accepted or declined (presented → draft to
        change it). Presenting checks the level and every recommendation again: a product
        that no longer passes the gate blocks it (NotSuitable says why)."""
        on = on or date.today()
        with self._ws.begin() as s:
            plan = self._plan(s, plan_id)
            before = plan.status
            if status not in STATUSES:
                raise ValidationError(
                    f"Unknown status “{status}”; use one of {', '.join(STATUSES)}."
                )
            if status not in TRANSITIONS[before]:
                allowed = ", ".join(TRANSITIONS[before]) or "nothing (copy it for a new review)"
                raise ValidationError(f"A {before} plan can move to {allowed}, not to {status}.")
            if status in ("accepted", "declined") and plan.presented_on and on < plan.presented_on:
                raise ValidationError(
                    f"The client cannot decide before the plan was presented ({plan.presented_on})."
                )
        snapshots = self._recheck(plan_id, on) if status == "presented" else {}
        with self._ws.begin() as s:
            plan = self._plan(s, plan_id)
            for rec_id, snapshot in snapshots.items():
                rec = s.get(PlanRecommendation, rec_id)
                if rec is not None:
                    rec.suitability = snapshot
            plan.status = status
            if status == "presented":
                plan.presented_on, plan.decided_on = on, None
            elif status == "draft":
                plan.presented_on = None
            else:
                plan.decided_on = on
            self._audit(
                s,
                plan,
                "plan.status_changed",
                **{"from": before, "to": status, "on": on.isoformat()},
            )
            return _changes(plan)

    def copy_for_review(
        self, plan_id: uuid.UUID, year: int, title: str | None = None, today: date | None = None
    ) -> PlanSaved:
        """A new draft (version + 1) for the next review: goals, flows and allocation
        copied; recommendations checked again and dropped, with a note, if they no longer
        pass. The allocation starts again from the model when the client's level changed
        or the copied weights leave the newest model's bands."""
        today = today or date.today()
        models = pp.model_portfolios()
        with self._ws.begin() as s:
            source = self._plan(s, plan_id)
            if year < source.year:
                raise ValidationError(
                    f"A review copy starts in {source.year} or later, not {year}."
                )
            client = live_client(s, source.client_id)
            gov = usable_level(s, client, today)
            gate = self._gate_client(s, source, today)
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
        notes: list[Text] = []
        kept: list[tuple[PlanRecommendation, str]] = []
        for rec, code, name in recs:
            result = self._check(gate, code, rec.amount_cny, today)
            if result.suitable:
                kept.append((rec, _snapshot(result, today)))
            else:
                zh = "；".join(f.why.zh for f in result.blocking)
                en = " ".join(f.why.en for f in result.blocking)
                notes.append(
                    Text(
                        f"已移除{code}（{name}），复核未通过适当性检查：{zh}",
                        f"Dropped {code} ({name}): it no longer passes the suitability check. {en}",
                    )
                )
        with self._ws.begin() as s:
            source = self._plan(s, plan_id)
            model = models.for_level(gov.level)
            weights = self._weights_of(s, source)
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
                title=_text(title or source.title, "A plan's title"),
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
            self._write_allocation(s, plan, weights)
            notes += self._copy_items(s, source, plan)
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
            self._ws.record(
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
            return PlanSaved(_changes(plan), plan.id, None, tuple(notes))

    # --- projections ----------------------------------------------------------------

    def projections(
        self, plan_id: uuid.UUID, paths: int = 5000, seed: int | None = None
    ) -> pp.PlanProjections:
        """Deterministic and Monte Carlo projections under the current and the proposed
        allocation, with each goal's probability; the seed comes from the plan's id when
        not given, so the same plan shows the same numbers."""
        with self._ws.begin() as s:
            plan = self._plan(s, plan_id)
            proposed = {c: w for c, w in self._weights_of(s, plan).items() if w}
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
                for g in self._items(s, PlanGoal, plan.id)
            ]
            spans = [
                pp.FlowSpan(f.amount, f.start_year, f.end_year, f.real)
                for f in self._items(s, PlanCashFlow, plan.id)
            ]
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

    # --- helpers --------------------------------------------------------------------

    @staticmethod
    def _plan(s: Session, plan_id: uuid.UUID) -> Plan:
        plan = s.get(Plan, plan_id)
        if plan is None or plan.deleted_at is not None:
            raise NotFound("That plan is not in this vault (deleted, perhaps on another device).")
        return plan

    def _audit(self, s: Session, plan: Plan, action: str, **details: str) -> None:
        self._ws.record(s, action, str(plan.client_id), {"plan": str(plan.id), **details})

    def _remove(
        self,
        model: type[PlanGoal | PlanCashFlow | PlanRecommendation],
        item_id: uuid.UUID,
        what: str,
    ) -> Changes:
        with self._ws.begin() as s:
            row = _live(s.get(model, item_id), what)
            plan = self._plan(s, row.plan_id)
            _editable(plan)
            row.deleted_at = utc_now()
            self._audit(s, plan, f"plan.{what}_removed", **{what: str(row.id)})
            return _changes(plan)

    @staticmethod
    def _items(
        s: Session, model: type[PlanGoal] | type[PlanCashFlow], plan_id: uuid.UUID
    ) -> list[Any]:
        return list(
            s.scalars(
                select(model)
                .where(model.plan_id == plan_id, model.deleted_at.is_(None))
                .order_by(model.id)
            )
        )

    @staticmethod
    def _weights_of(s: Session, plan: Plan) -> dict[str, Decimal]:
        return {
            a.asset_class: a.weight
            for a in s.scalars(
                select(PlanAllocation).where(
                    PlanAllocation.plan_id == plan.id, PlanAllocation.deleted_at.is_(None)
                )
            )
        }

    @staticmethod
    def _write_allocation(s: Session, plan: Plan, weights: dict[str, Decimal]) -> None:
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

    @staticmethod
    def _instrument(s: Session, code: str) -> Instrument:
        instrument = s.scalar(
            select(Instrument).where(
                Instrument.code == code.strip(), Instrument.deleted_at.is_(None)
            )
        )
        if instrument is None:
            raise NotFound(f"No product has the code “{code}”; check the product list.")
        return instrument

    @staticmethod
    def _recommended(s: Session, plan_id: uuid.UUID, instrument_id: uuid.UUID) -> bool:
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

    def _check(self, gate: ClientId, code: str, amount: Decimal, on: date) -> SuitabilityResult:
        """The gate for a product already in a plan; one taken off the shelf since fails."""
        try:
            return self._ws.suitability.check_product(gate, code, amount, on)
        except NotFound:
            return SuitabilityResult((WITHDRAWN,))

    @staticmethod
    def _gate_client(s: Session, plan: Plan, today: date) -> ClientId:
        """Whom the gate checks: the governing person, else the client (whom the gate
        then refuses for want of an assessment)."""
        gov = governing(s, live_client(s, plan.client_id), today)
        return gov.client_id if gov is not None else ClientId(plan.client_id)

    def _recheck(self, plan_id: uuid.UUID, on: date) -> dict[uuid.UUID, str]:
        """Before presenting: a valid level not below the plan's model, and every
        recommendation through the gate again. The new snapshots, by recommendation."""
        with self._ws.begin() as s:
            plan = self._plan(s, plan_id)
            gov = usable_level(s, live_client(s, plan.client_id), on)
            if gov.level < plan.model_level:
                raise ValidationError(
                    f"The client's level is now {rp.level_code(gov.level)}, below the "
                    f"{rp.level_code(plan.model_level)} model this plan was built on: set it "
                    "back to draft and reset the allocation before presenting it."
                )
            recs = [
                (r.id, i.code, i.name, r.amount_cny)
                for r, i in s.execute(
                    select(PlanRecommendation, Instrument)
                    .join(Instrument, Instrument.id == PlanRecommendation.instrument_id)
                    .where(
                        PlanRecommendation.plan_id == plan.id,
                        PlanRecommendation.deleted_at.is_(None),
                    )
                )
            ]
            client_id = plan.client_id
        snapshots: dict[uuid.UUID, str] = {}
        blocked: list[BlockedProduct] = []
        for rec_id, code, name, amount in recs:
            result = self._check(gov.client_id, code, amount, on)
            if result.suitable:
                snapshots[rec_id] = _snapshot(result, on)
            else:
                blocked.append(BlockedProduct(code, name, result.blocking))
        if blocked:
            with self._ws.begin() as s:
                self._ws.record(
                    s,
                    "plan.presenting_refused",
                    str(client_id),
                    {"plan": str(plan_id), "products": [b.code for b in blocked]},
                )
            raise NotSuitable(
                "The plan cannot be presented. " + _refusal(tuple(blocked), "en"), tuple(blocked)
            )
        return snapshots

    def _current_and_proposed(
        self, plan_id: uuid.UUID
    ) -> tuple[dict[str, Decimal], dict[str, Decimal], dict[str, Text]]:
        with self._ws.begin() as s:
            plan = self._plan(s, plan_id)
            proposed = self._weights_of(s, plan)
            names = dict(pp.model_portfolios(plan.models_version).class_names)
            client_id = ClientId(plan.client_id)
        current = self._ws.portfolio.summary(client_id).by_asset_class
        return dict(current), proposed, names

    def _copy_items(self, s: Session, source: Plan, plan: Plan) -> list[Text]:
        """Copy goals and flows into ``plan``; those wholly before its year are left out."""
        notes: list[Text] = []
        for g in self._items(s, PlanGoal, source.id):
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
        for f in self._items(s, PlanCashFlow, source.id):
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

    def _view(self, s: Session, plan: Plan, today: date) -> PlanView:
        client = s.get(Client, plan.client_id)
        assert client is not None  # a foreign key
        gov = governing(s, client, today)
        model = pp.model_portfolios(plan.models_version).for_level(plan.model_level)
        weights = self._weights_of(s, plan)
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
        goals = sorted(self._items(s, PlanGoal, plan.id), key=lambda g: (g.priority, g.target_year))
        flows = sorted(self._items(s, PlanCashFlow, plan.id), key=lambda f: (f.start_year, f.kind))
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
            recommendations=tuple(_recommendation(r, i) for r, i in recs),
        )


def _recommendation(r: PlanRecommendation, i: Instrument) -> RecommendationView:
    suitable, checked_on, findings = _read_snapshot(r.suitability)
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
    )


__all__ = [
    "FLOW_KINDS",
    "GOAL_KINDS",
    "STATUSES",
    "TRANSITIONS",
    "AllocationLine",
    "BlockedProduct",
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
