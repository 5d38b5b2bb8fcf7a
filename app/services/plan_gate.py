"""The suitability gate of plans: whose assessment governs a plan, the level a plan may be
built on, a product checked before it is recommended and again when the plan is
presented or copied for review, and the snapshot of each check kept with its
recommendation.

Why it is shaped so:

- A household is never assessed itself, so its plans are governed by its most cautious
  assessed member (lowest level; the lowest class first): advice must suit that person.
  The same person sets the plan's model level and runs the gate for every product.
- A plan is built only on a valid assessment (``usable_level``); an expired one is named
  with the person it belongs to, so the banker knows whom to re-assess.
- A check is kept as a JSON snapshot with the recommendation (day, verdict, findings in
  zh/en), so the plan shows the check it passed even after the rules change; it is run
  again when the plan is presented (a product that no longer passes blocks it, and the
  refusal is audited) and when the plan is copied (the product is dropped, with a note).
- A product taken off the shelf since it was recommended fails with ``WITHDRAWN`` rather
  than NotFound: it is a reason to refuse, not an error.
- Checks run outside the caller's transaction (the suitability service opens its own), so
  the functions here take what was read in one and hand back what to write in the next.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import risk_profile as rp
from app.domain.bilingual import Text
from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.domain.suitability import Finding, SuitabilityResult
from app.services.plan_types import BlockedProduct, CheckedFinding, NotSuitable, refusal
from app.services.tasks import client_and_members, live_client
from app.vault.models import Client, Instrument, Plan, PlanRecommendation, RiskAssessment

if TYPE_CHECKING:
    from app.services.workspace import Workspace

WITHDRAWN = Finding(
    "product_withdrawn",
    "block",
    Text("该产品已下架，不在产品清单中", "The product is no longer on the product list."),
    Text("移除该产品，另选产品", "Remove it and choose another product."),
)

# A recommendation to check again: its id, the product's code and name, and the amount.
ToCheck = tuple[uuid.UUID, str, str, Decimal]


# --- who governs a plan's level and gate ---------------------------------------------


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


# What a valid level is needed for: (what to do after assessing, what needs the level).
PURPOSES = {
    "plan": ("make the plan from the model portfolio of their level", "a plan"),
    "pack": ("make the advice pack", "an advice pack"),
}


def usable_level(s: Session, client: Client, today: date, purpose: str = "plan") -> Governing:
    """``governing`` with a valid assessment, or a ValidationError that says to assess
    (worded for ``purpose``: "plan" or "pack")."""
    then, needs = PURPOSES[purpose]
    gov = governing(s, client, today)
    if gov is None:
        who = "none of its members has" if client.kind == "household" else "the client has not"
        raise ValidationError(
            f"No risk assessment: {who} been assessed. Assess the client first, then {then}."
        )
    if not gov.validity.usable:
        raise ValidationError(
            f"The risk assessment of {gov.name} ({rp.level_code(gov.level)}) is no longer "
            f"valid. Re-assess first: {needs} needs a valid level."
        )
    return gov


def gate_client(s: Session, plan: Plan, today: date) -> ClientId:
    """Whom the gate checks: the governing person, else the client (whom the gate
    then refuses for want of an assessment)."""
    gov = governing(s, live_client(s, plan.client_id), today)
    return gov.client_id if gov is not None else ClientId(plan.client_id)


# --- checks and their snapshots ------------------------------------------------------


def check_again(
    ws: Workspace, gate: ClientId, code: str, amount: Decimal, on: date
) -> SuitabilityResult:
    """The gate for a product already in a plan; one taken off the shelf since fails."""
    try:
        return ws.suitability.check_product(gate, code, amount, on)
    except NotFound:
        return SuitabilityResult((WITHDRAWN,))


def check_new(
    ws: Workspace,
    plan_id: uuid.UUID,
    client_id: uuid.UUID,
    gate: ClientId,
    code: str,
    name: str,
    amount: Decimal,
    today: date,
) -> SuitabilityResult:
    """A product through the gate before it is added to a plan: the result (its warnings
    go into the snapshot), or NotSuitable with why and what to do, the refusal audited."""
    result = ws.suitability.check_product(gate, code, amount, today)
    if not result.suitable:
        blocked = (BlockedProduct(code, name, result.blocking),)
        with ws.begin() as s:
            ws.record(
                s,
                "plan.recommendation_refused",
                str(client_id),
                {
                    "plan": str(plan_id),
                    "product": code,
                    "rules": [f.rule for f in blocked[0].findings],
                },
            )
        raise NotSuitable(refusal(blocked, "en"), blocked)
    return result


def snapshot(result: SuitabilityResult, today: date) -> str:
    """The check as kept with a recommendation: the day, the verdict and the findings."""
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


def read_snapshot(raw: str) -> tuple[bool, date | None, tuple[CheckedFinding, ...]]:
    """A kept check read back; an empty one is not suitable and was never checked."""
    doc = json.loads(raw or "{}")
    findings = tuple(
        CheckedFinding(f["rule"], f["severity"], Text(**f["why"]), Text(**f["remedy"]))
        for f in doc.get("findings", [])
    )
    day = date.fromisoformat(doc["checked_on"]) if doc.get("checked_on") else None
    return bool(doc.get("suitable", False)), day, findings


# --- checking a plan again -----------------------------------------------------------


def presenting_checks(s: Session, plan: Plan, on: date) -> tuple[Governing, list[ToCheck]]:
    """Before presenting, in the caller's transaction: a valid level not below the plan's
    model, and the recommendations to put through the gate again."""
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
    return gov, recs


def recheck_for_presenting(
    ws: Workspace,
    plan_id: uuid.UUID,
    client_id: uuid.UUID,
    gate: ClientId,
    recs: list[ToCheck],
    on: date,
) -> dict[uuid.UUID, str]:
    """Every recommendation through the gate again: the new snapshots, by
    recommendation, or NotSuitable (audited) naming each product that no longer passes."""
    snapshots: dict[uuid.UUID, str] = {}
    blocked: list[BlockedProduct] = []
    for rec_id, code, name, amount in recs:
        result = check_again(ws, gate, code, amount, on)
        if result.suitable:
            snapshots[rec_id] = snapshot(result, on)
        else:
            blocked.append(BlockedProduct(code, name, result.blocking))
    if blocked:
        with ws.begin() as s:
            ws.record(
                s,
                "plan.presenting_refused",
                str(client_id),
                {"plan": str(plan_id), "products": [b.code for b in blocked]},
            )
        raise NotSuitable(
            "The plan cannot be presented. " + refusal(tuple(blocked), "en"), tuple(blocked)
        )
    return snapshots


def recheck_for_copy(
    ws: Workspace,
    gate: ClientId,
    recs: list[tuple[PlanRecommendation, str, str]],
    today: date,
) -> tuple[list[tuple[PlanRecommendation, str]], list[Text]]:
    """The recommendations that still pass, each with its new snapshot, and a note for
    each one dropped (a copy goes ahead without it; presenting would be refused)."""
    notes: list[Text] = []
    kept: list[tuple[PlanRecommendation, str]] = []
    for rec, code, name in recs:
        result = check_again(ws, gate, code, rec.amount_cny, today)
        if result.suitable:
            kept.append((rec, snapshot(result, today)))
        else:
            zh = "；".join(f.why.zh for f in result.blocking)
            en = " ".join(f.why.en for f in result.blocking)
            notes.append(
                Text(
                    f"已移除{code}（{name}），复核未通过适当性检查：{zh}",
                    f"Dropped {code} ({name}): it no longer passes the suitability check. {en}",
                )
            )
    return kept, notes


__all__ = [
    "WITHDRAWN",
    "Governing",
    "ToCheck",
    "check_again",
    "check_new",
    "gate_client",
    "governing",
    "presenting_checks",
    "read_snapshot",
    "recheck_for_copy",
    "recheck_for_presenting",
    "snapshot",
    "usable_level",
]
