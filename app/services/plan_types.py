"""What the plan service takes and returns, and the checks on what it is given: the label
tables, the errors, the fields a banker types, the views a plan is read into, and the
validation that turns typed fields into values fit to store.

Why it is shaped so: these are plain values with no vault session behind them, so the
service, the suitability gate (``plan_gate``), the review copy and the screens all share
one definition. Validation raises ``ValidationError`` with a sentence the banker can act
on, before anything is written: amounts are yuan to the cent, years lie within the plan's
reach, income is stored positive and spending negative whatever sign was typed, and a
proposed allocation stays within the model's bands (``PlanRejected`` says where not).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from app.domain import model_portfolios as mp
from app.domain import risk_profile as rp
from app.domain.bilingual import Text
from app.domain.errors import ValidationError
from app.domain.ids import ClientId
from app.domain.product_terms import ProductTerms
from app.domain.suitability import Finding
from app.services.changes import Changes
from app.services.tasks import clip

# --- labels and limits ---------------------------------------------------------------

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
TEXT_MAX = 200
RATIONALE_MAX = 2000
MAX_YEARS_AHEAD = 100
CENT = Decimal("0.01")
WEIGHT_STEP = Decimal("0.0001")


# --- errors --------------------------------------------------------------------------


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
        return refusal(self.blocked, lang)


def refusal(blocked: tuple[BlockedProduct, ...], lang: str) -> str:
    """Why each product was refused, in ``lang``, and that nothing was saved."""
    zh = lang.lower().startswith("zh")
    stop, gap = ("。", "") if zh else (".", " ")

    def sentence(text: str) -> str:  # the finding texts may or may not end with a stop
        text = text.strip()
        return text if not text or text[-1] in "。.!?！？" else text + stop

    parts = []
    for b in blocked:
        reasons = gap.join(
            sentence(f.why.get(lang)) + gap + sentence(f.remedy.get(lang)) for f in b.findings
        )
        parts.append(
            f"{b.code}（{b.name}）未通过适当性检查：{reasons}"
            if zh
            else f"{b.code} ({b.name}) does not pass the suitability check: {reasons}"
        )
    tail = "未作任何保存。" if zh else "Nothing was saved."
    return gap.join([*parts, tail])


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
    currency: str
    terms: ProductTerms  # minimum, dealing, term, benchmark, fees (for the advice pack)


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


# --- validation ----------------------------------------------------------------------


def cents(value: Decimal, what: str) -> Decimal:
    """``value`` if it is yuan to the cent (ValidationError naming ``what`` if not)."""
    amount = Decimal(value)
    if not amount.is_finite() or amount != amount.quantize(CENT):
        raise ValidationError(f"{what} must be an amount in yuan to the cent, not {value}.")
    return amount


def required_text(value: str, what: str, limit: int = TEXT_MAX) -> str:
    """``value`` on one line, cut to ``limit``; empty is refused."""
    clean = clip(value, limit)
    if not clean:
        raise ValidationError(f"{what} cannot be empty; type a few words.")
    return clean


def year_in_reach(value: int, plan_year: int, what: str) -> int:
    """``value`` if it lies from the plan's year to ``MAX_YEARS_AHEAD`` after."""
    if not plan_year <= value <= plan_year + MAX_YEARS_AHEAD:
        raise ValidationError(
            f"{what} must be from {plan_year} to {plan_year + MAX_YEARS_AHEAD}, not {value}."
        )
    return value


def goal_values(g: GoalFields, plan_year: int) -> dict[str, Any]:
    """A goal's columns, checked."""
    if g.kind not in GOAL_KINDS:
        raise ValidationError(f"Unknown goal “{g.kind}”; use one of {', '.join(GOAL_KINDS)}.")
    if not 1 <= g.priority <= 5:
        raise ValidationError(f"A goal's priority is 1 (highest) to 5, not {g.priority}.")
    target = cents(g.target_amount, "The target amount")
    earmarked = cents(g.earmarked, "The earmarked amount")
    if target <= 0:
        raise ValidationError("A goal's target amount must be above zero.")
    if earmarked < 0:
        raise ValidationError("The amount earmarked for a goal cannot be negative.")
    return {
        "kind": g.kind,
        "name": required_text(g.name, "A goal's name"),
        "target_amount": target,
        "target_year": year_in_reach(g.target_year, plan_year, "The target year"),
        "priority": g.priority,
        "earmarked": earmarked,
        "real": bool(g.real),
    }


def flow_values(f: FlowFields, plan_year: int) -> dict[str, Any]:
    """A cash flow's columns, checked, with the sign its kind implies."""
    if f.kind not in FLOW_KINDS:
        raise ValidationError(f"Unknown cash flow “{f.kind}”; use one of {', '.join(FLOW_KINDS)}.")
    amount = cents(f.amount, "A cash flow's amount")
    if amount == 0:
        raise ValidationError("A cash flow of zero changes nothing; type the amount.")
    if f.kind == "income":
        amount = abs(amount)
    elif f.kind == "spending":
        amount = -abs(amount)
    start = year_in_reach(f.start_year, plan_year, "The first year")
    end = f.end_year
    if f.kind == "lump_sum" and end not in (None, start):
        raise ValidationError("A lump sum happens in one year; leave the last year empty.")
    if end is not None:
        end = year_in_reach(end, plan_year, "The last year")
        if end < start:
            raise ValidationError("A cash flow's last year cannot be before its first year.")
    return {
        "kind": f.kind,
        "label": required_text(f.label, "A cash flow's label"),
        "amount": amount,
        "start_year": start,
        "end_year": None if end == start else end,
        "real": bool(f.real),
    }


def checked_weights(
    model: mp.ModelPortfolio, proposed: Mapping[str, Decimal]
) -> dict[str, Decimal]:
    """The weight of every class of ``model`` (0 if left out), each to 0.01% and within
    the model's bands, or PlanRejected with the problems."""
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


__all__ = [
    "FLOW_KINDS",
    "GOAL_KINDS",
    "MAX_YEARS_AHEAD",
    "RATIONALE_MAX",
    "STATUSES",
    "TEXT_MAX",
    "TRANSITIONS",
    "AllocationLine",
    "BlockedProduct",
    "CheckedFinding",
    "FlowFields",
    "FlowView",
    "GoalFields",
    "GoalView",
    "NotSuitable",
    "PlanRejected",
    "PlanSaved",
    "PlanSummary",
    "PlanView",
    "RecommendationView",
    "cents",
    "checked_weights",
    "flow_values",
    "goal_values",
    "refusal",
    "required_text",
    "year_in_reach",
]
