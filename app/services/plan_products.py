"""The products a banker may pick for a plan's recommendation: the shelf, searched by code
or name, each with the verdict of the plan's suitability gate for a given amount.

Why it is shaped so: the picker shows blocked products too, greyed out with the reason,
because "why can't I offer this?" is the banker's first question, and a product that
silently does not appear invites a work-around. The verdict is the gate's own rules
(``app.domain.suitability.check_product``) with the facts ``ws.suitability`` reads for
the person the gate checks (the client, or a household's most cautious assessed member),
so a product shown as passing passes ``add_recommendation`` with the same amount on the
same day. The client's facts and holdings are read once for the whole list (the shelf
is a few hundred products), not once per product. Nothing here writes or audits: it is a
look at the shelf; the refusal that counts is the one ``add_recommendation`` records.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import or_, select

from app.domain import suitability as rules
from app.domain.errors import ValidationError
from app.domain.suitability import Finding
from app.services.plan_gate import gate_client
from app.services.plan_rows import live_plan
from app.services.product_terms import terms_of
from app.services.suitability import limits, product_facts
from app.vault.models import Instrument, PlanRecommendation

if TYPE_CHECKING:
    from app.services.workspace import Workspace

LIMIT = 500  # the whole shelf of a branch fits; a search narrows it
QUERY_MAX = 60


@dataclass(frozen=True)
class Candidate:
    """A product on the shelf and whether the plan's gate lets it in for ``amount_cny``:
    ``blocking`` says why not (why and remedy in zh/en), ``warnings`` what to mention."""

    code: str
    name: str
    type: str
    asset_class: str
    currency: str
    risk_rating: int
    lockup_days: int
    amount_cny: Decimal
    blocking: tuple[Finding, ...]
    warnings: tuple[Finding, ...]
    recommended: bool  # already in this plan
    min_investment_cny: Decimal | None = None  # 起购金额; None: not recorded
    management_fee_pct: Decimal | None = None  # percent a year; None: not recorded

    @property
    def suitable(self) -> bool:
        return not self.blocking

    @property
    def can_add(self) -> bool:
        return self.suitable and not self.recommended


def _like(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def candidates(
    ws: Workspace,
    plan_id: uuid.UUID,
    query: str = "",
    amount_cny: Decimal = Decimal(0),
    today: date | None = None,
    limit: int = LIMIT,
) -> list[Candidate]:
    """The live products whose code or name holds ``query`` (all when empty), each put
    through the plan's gate for ``amount_cny``; passing products first, then by code."""
    today = today or date.today()
    amount = Decimal(amount_cny)
    if not amount.is_finite() or amount < 0:
        raise ValidationError("The amount to check must be zero or more yuan.")
    words = " ".join(query.split())[:QUERY_MAX]
    with ws.begin() as s:
        plan = live_plan(s, plan_id)
        gate = gate_client(s, plan, today)
        statement = select(Instrument).where(Instrument.deleted_at.is_(None))
        if words:
            pattern = _like(words)
            statement = statement.where(
                or_(
                    Instrument.code.ilike(pattern, escape="\\"),
                    Instrument.name.ilike(pattern, escape="\\"),
                )
            )
        shelf = list(s.scalars(statement.order_by(Instrument.code).limit(limit)))
        facts = [(product_facts(i), i.currency, terms_of(i)) for i in shelf]
        taken = set(
            s.scalars(
                select(PlanRecommendation.instrument_id).where(
                    PlanRecommendation.plan_id == plan.id,
                    PlanRecommendation.deleted_at.is_(None),
                )
            )
        )
        recommended = {i.code for i in shelf if i.id in taken}
    if not facts:
        return []
    # As SuitabilityService.check_product reads them: the facts of the person the gate
    # checks, with the total and the position from one valuation.
    client = ws.suitability.facts(gate, today)
    summary = ws.portfolio.summary(gate)
    held: dict[str, Decimal] = {}
    for h in summary.holdings:
        held[h.code] = held.get(h.code, Decimal(0)) + h.market_value_cny
    client = replace(client, total_assets_cny=summary.total_cny)
    found = []
    for product, currency, terms in facts:
        result = rules.check_product(
            client, product, amount, held.get(product.code, Decimal(0)), today, limits()
        )
        found.append(
            Candidate(
                code=product.code,
                name=product.name,
                type=product.type,
                asset_class=product.asset_class,
                currency=currency,
                risk_rating=product.risk_rating,
                lockup_days=product.lockup_days,
                amount_cny=amount,
                blocking=result.blocking,
                warnings=result.warnings,
                recommended=product.code in recommended,
                min_investment_cny=terms.min_investment_cny,
                management_fee_pct=terms.fees.management,
            )
        )
    found.sort(key=lambda c: (not c.can_add, c.code))
    return found


__all__ = ["Candidate", "candidates"]
