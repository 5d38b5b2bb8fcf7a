"""The advice pack (财富规划建议书) of a client: gathered from the vault, checked, rendered,
kept in the vault and exported where the banker chooses.

``PackService.document`` maps the client's current plan onto the plain data the renderer
takes (``app.reports.advice_pack``): the client (full name on their own pack, identifier
masked), the governing risk assessment, the portfolio today, current against proposed
allocation with the trades, the goals with their chances, the recommended products (each
with its recorded minimum, term, dealing, benchmark and fees, worded by ``pack_terms``,
and what completing its sale involves, from ``app.domain.sales_process``) and the
projections. A client with no plan gets the model portfolio of their level as the
proposal (no goals, no products), projected with a fixed seed. ``build`` renders it and
stores the exact bytes under the client's Documents (with the plan's id and version);
``export`` writes a stored pack to a file and records that in the audit trail.

``build`` is three steps the app runs on different threads: ``prepare`` gathers and
checks the content (on the vault worker: it reads the database), ``render_pack`` turns
it into PDF bytes (pure, no database: the app runs it on a thread pool, so the vault
stays responsive and a Cancel can stop it between pages), and ``store`` keeps the bytes
(on the vault worker again). The command line composes them in one go.

Why it is shaped so:

- The pack is the last line of the suitability gate: every recommendation is checked
  again at build time (``ws.suitability.check_product`` for the person the plan's gate
  runs for), and one that no longer passes stops the build with ``NotSuitable``; nothing
  is rendered or stored. Warnings go into the product's suitability notes.
- A pack needs a valid assessment (for a household, its most cautious assessed member's):
  without one it is refused with a ``ValidationError`` that says to assess first.
- The same vault gives the same pack: the projection's seed comes from the plan's id (or
  is fixed for a model-only pack), so two builds differ only in the document number.
"""

from __future__ import annotations

import builtins
import hashlib
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from app.domain import model_portfolios as mp
from app.domain import risk_profile as rp
from app.domain import sales_process
from app.domain.bilingual import Text
from app.domain.errors import ValidationError
from app.domain.ids import ClientId
from app.reports.advice_pack import (
    AdvicePackDocument,
    PackAllocationRow,
    PackGoal,
    PackHolding,
    PackLang,
    PackProjection,
    PackRecommendation,
    render_advice_pack,
)
from app.reports.brief import page_count
from app.services import pack_terms
from app.services import plan_projections as pp
from app.services.changes import Changes
from app.services.documents import document_number
from app.services.plan_gate import Governing, check_again, usable_level
from app.services.plan_types import BlockedProduct, NotSuitable, PlanView, refusal
from app.services.portfolio import PortfolioSummary
from app.services.risk import client_age
from app.services.suitability import limits
from app.services.tasks import live_client
from app.vault.models import Client

if TYPE_CHECKING:
    from app.services.workspace import Workspace

LANGS: tuple[PackLang, ...] = ("zh", "en", "both")
MODEL_SEED = 20260101  # a model-only pack projects the same markets every time
WEIGHT_STEP = Decimal("0.0001")
PERFORMANCE_PERIODS = ("YTD", "1Y")

PERIOD_NAMES = {
    "YTD": Text("今年以来收益", "Return YTD"),
    "1Y": Text("近一年收益", "Return, 1 year"),
}
ASSET_CLASSES = {
    "cash": Text("现金", "Cash"),
    "fixed_income": Text("固定收益", "Fixed income"),
    "equity": Text("权益", "Equity"),
    "alternative": Text("另类", "Alternatives"),
    "commodity": Text("商品", "Commodities"),
    "insurance": Text("保险", "Insurance"),
}
PRODUCT_TYPES = {
    "deposit": Text("存款", "Deposit"),
    "wmp": Text("银行理财", "Wealth management product"),
    "mutual_fund": Text("公募基金", "Mutual fund"),
    "equity": Text("股票", "Equity"),
    "bond": Text("债券", "Bond"),
    "private_fund": Text("私募基金", "Private fund"),
    "insurance": Text("保险", "Insurance"),
    "trust": Text("信托", "Trust"),
    "structured": Text("结构性产品", "Structured product"),
    "gold": Text("贵金属", "Precious metal"),
}
RATING_RISKS = {
    1: Text("风险很低，但收益可能低于通胀。", "Very low risk; returns may trail inflation."),
    2: Text(
        "主要受利率与信用风险影响，净值可能小幅波动，不保证收益。",
        "Interest-rate and credit risk; the value may move a little and no return is assured.",
    ),
    3: Text(
        "受股票与债券市场影响，净值可能明显波动，可能亏损本金。",
        "Moves with stock and bond markets; the value may swing and principal may be lost.",
    ),
    4: Text(
        "波动较大，可能出现较大幅度的本金亏损。",
        "Large swings; a large loss of principal is possible.",
    ),
    5: Text(
        "风险很高，可能损失大部分甚至全部本金。",
        "Very high risk; most or all of the principal may be lost.",
    ),
}
PRIORITIES = {
    1: Text("最高", "Highest"),
    2: Text("高", "High"),
    3: Text("中", "Medium"),
    4: Text("低", "Low"),
    5: Text("最低", "Lowest"),
}
DEFAULT_TITLE = Text("财富规划建议书", "Wealth plan proposal")
MODEL_VERSION = Text("模型组合", "Model portfolio")


@dataclass(frozen=True)
class PreparedPack:
    """A pack's content, gathered and checked on the vault worker, ready to render
    anywhere (it holds plain data only): the document, whose it is, and the plan (id and
    version) it came from, None for a model-only pack."""

    client_id: ClientId
    document: AdvicePackDocument
    plan_id: uuid.UUID | None
    plan_version: int | None

    @property
    def title(self) -> str:
        """The title the pack is listed under: ``王先生家庭规划 v3``."""
        return " ".join(self.document.plan_title.split()) + f" {self.document.plan_version}"


@dataclass(frozen=True)
class StoredPack:
    """A pack kept in the vault: the document's id and number, its bytes and SHA-256."""

    document_id: uuid.UUID
    document_number: str
    sha256: str
    bytes: builtins.bytes
    pages: int
    plan_id: uuid.UUID | None
    plan_version: int | None
    client_id: ClientId | None = None
    title: str = ""

    @property
    def changes(self) -> Changes:
        """What storing it changed: the client's Documents."""
        ids = frozenset({self.client_id}) if self.client_id is not None else frozenset()
        return Changes(documents=True, client_ids=ids)


def render_pack(
    prepared: PreparedPack,
    password: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> builtins.bytes:
    """The prepared pack as PDF bytes; touches no database, so any thread may call it.

    ``progress`` gets fractions from 0 to 1 on the calling thread; an exception it raises
    (e.g. the app's ``Cancelled``) stops the rendering and propagates. ``password``
    (empty counts as none) locks the PDF.

    Raises:
        ValueError: a recommendation is marked unsuitable (``prepare`` never lets one by).
    """
    return render_advice_pack(prepared.document, password=password or None, progress=progress)


def words(text: Text, lang: str) -> str:
    """``text`` in ``lang``; "both" gives the Chinese with the English beneath."""
    if lang == "both":
        return text.zh if text.zh == text.en else f"{text.zh}\n{text.en}"
    return text.get(lang)


def inline(text: Text, lang: str) -> str:
    """``text`` on one line: "both" gives ``中文 English``."""
    return f"{text.zh} {text.en}" if lang == "both" else text.get(lang)


def pack_lang(lang: str) -> PackLang:
    for known in LANGS:
        if lang == known:
            return known
    raise ValidationError(f"An advice pack is in zh, en or both, not {lang!r}; choose one.")


def _weight(value: Decimal, total: Decimal) -> Decimal:
    return (value / total).quantize(WEIGHT_STEP, ROUND_HALF_UP) if total else Decimal(0)


class PackService:
    """Advice packs of one vault; one worker thread calls it."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    # --- the document ---------------------------------------------------------------

    def document(
        self,
        client_id: ClientId,
        lang: str = "zh",
        today: date | None = None,
        *,
        number: str | None = None,
    ) -> AdvicePackDocument:
        """The pack's content for ``client_id`` from their current plan (or the model of
        their level when they have none).

        Raises:
            NotFound: no such client.
            ValidationError: an unknown language, or nobody (for a household: no member)
                has a valid risk assessment.
            NotSuitable: a recommended product no longer passes the suitability gate.
        """
        return self._document(client_id, lang, today, number)[0]

    def _document(
        self, client_id: ClientId, lang: str, today: date | None, number: str | None
    ) -> tuple[AdvicePackDocument, PlanView | None]:
        language = pack_lang(lang)
        today = today or date.today()
        with self._ws.begin() as s:
            client = live_client(s, client_id)
            gov = self._governing(s, client, today)
            name = client.name
            # 双录 follows the age of the person the plan must suit (a household's most
            # cautious member), as the gate does.
            age = client_age(s, live_client(s, gov.client_id), today)
        risk = self._ws.risk.current(gov.client_id, today)
        if risk is None:  # deleted since it was read: refuse as unassessed
            raise ValidationError("No risk assessment: assess the client first.")
        plan = self._ws.plans.current_for(client_id)
        banker = self._ws.banker.get()
        recommendations = self._recommendations(plan, gov.client_id, age, today, language)
        summary = self._ws.portfolio.summary(client_id)
        models = pp.model_portfolios(plan.models_version if plan else None)
        names = {**ASSET_CLASSES, **models.class_names}
        if plan is not None:
            proposed = plan.weights
            projections = self._ws.plans.projections(plan.id)
            level, assumptions = plan.model_level, plan.assumptions_version
        else:
            model = models.for_level(gov.level)
            proposed = {c: w for c, w in model.weights.items() if w}
            assumptions = pp.market_assumptions().version
            projections = pp.project(
                uuid.UUID(int=0),
                today.year,
                summary.total_cny,
                pp.current_weights(summary.by_asset_class),
                proposed,
                (),
                (),
                pp.market_assumptions(assumptions),
                seed=MODEL_SEED,
            )
            level = gov.level
        allocation = _allocation(summary.by_asset_class, proposed, names, language)
        ratings = rp.suitable_ratings(risk.level, risk.lowest_class)
        doc = AdvicePackDocument(
            lang=language,
            document_number=number or document_number("advice_pack"),
            date=today,
            client_name=name,
            client_masked_id=self._ws.risk.masked_id_number(client_id),
            banker=banker.name or self._ws.actor,
            banker_licence=banker.licence,
            branch=banker.branch,
            risk_level_code=risk.code,
            risk_level_name=_both(
                rp.level_name(risk.level, "zh", risk.lowest_class),
                rp.level_name(risk.level, "en", risk.lowest_class),
                language,
            ),
            risk_meaning=_both(
                rp.level_meaning(risk.level, "zh", risk.lowest_class),
                rp.level_meaning(risk.level, "en", risk.lowest_class),
                language,
            ),
            risk_assessed_on=risk.assessed_on,
            risk_expires_on=risk.expires_on,
            suitable_ratings=f"R{ratings[0]}–R{ratings[-1]}"
            if len(ratings) > 1
            else f"R{ratings[0]}",
            max_loss_pct=risk.max_loss_pct,
            total_assets_cny=summary.total_cny,
            holdings=_holdings(summary, names, language),
            performance=self._performance(client_id, today, language),
            allocation=allocation,
            goals=_goals(plan, projections, language),
            recommendations=recommendations,
            projection=_projection(projections),
            assumptions_version=assumptions,
            plan_title=plan.title if plan else words(DEFAULT_TITLE, language),
            plan_version=f"v{plan.version}"
            if plan
            else f"{inline(MODEL_VERSION, language)} {rp.level_code(level)}",
            reasons=_reasons(plan is None, rp.level_code(level), language),
        )
        return doc, plan

    # --- building, storing, exporting -------------------------------------------------

    def prepare(
        self, client_id: ClientId, lang: str = "zh", today: date | None = None
    ) -> PreparedPack:
        """Gather and check the pack's content (the first step of ``build``).

        Raises as ``document`` does (NotFound, ValidationError, NotSuitable).
        """
        doc, plan = self._document(client_id, lang, today, None)
        return PreparedPack(
            client_id=client_id,
            document=doc,
            plan_id=plan.id if plan else None,
            plan_version=plan.version if plan else None,
        )

    def store(self, prepared: PreparedPack, data: builtins.bytes) -> StoredPack:
        """Keep ``data`` (``render_pack`` of ``prepared``) under the client's Documents,
        with the plan's id and the version it was prepared from.

        Raises:
            ValidationError: ``data`` is not a PDF.
            NotFound: the client, or the plan, was deleted since the pack was prepared
                (nothing is kept).
        """
        if not data.startswith(b"%PDF"):
            raise ValidationError("That is not a PDF; generate the advice pack again.")
        doc = prepared.document
        document_id = self._ws.documents.store(
            prepared.client_id,
            kind="advice_pack",
            title=prepared.title,
            lang=doc.lang,
            document_number=doc.document_number,
            content=data,
            plan_id=prepared.plan_id,
            plan_version=prepared.plan_version,
        )
        return StoredPack(
            document_id=document_id,
            document_number=doc.document_number,
            sha256=hashlib.sha256(data).hexdigest(),
            bytes=data,
            pages=page_count(data),
            plan_id=prepared.plan_id,
            plan_version=prepared.plan_version,
            client_id=prepared.client_id,
            title=prepared.title,
        )

    def build(
        self,
        client_id: ClientId,
        lang: str = "zh",
        password: str | None = None,
        progress: Callable[[float], None] | None = None,
        *,
        today: date | None = None,
    ) -> StoredPack:
        """Prepare, render and store in one go (the command line's way): the pack is kept
        in the vault under the client's Documents (with the plan's id and version).
        Nothing is stored when a check refuses it."""
        prepared = self.prepare(client_id, lang, today)
        return self.store(prepared, render_pack(prepared, password, progress))

    def export(self, document_id: uuid.UUID, path: Path) -> Path:
        """Write a stored pack to ``path`` (whole or not at all), recorded in the audit."""
        return self._ws.documents.export(document_id, path)

    # --- helpers ----------------------------------------------------------------------

    @staticmethod
    def _governing(s: Session, client: Client, today: date) -> Governing:
        return usable_level(s, client, today, purpose="pack")

    def _recommendations(
        self, plan: PlanView | None, gate: ClientId, age: int | None, today: date, lang: PackLang
    ) -> tuple[PackRecommendation, ...]:
        """Every recommendation checked again now; NotSuitable if any fails."""
        if plan is None:
            return ()
        elderly_age = limits().elderly_age
        out: list[PackRecommendation] = []
        blocked: list[BlockedProduct] = []
        for rec in plan.recommendations:
            result = check_again(self._ws, gate, rec.code, rec.amount_cny, today)
            if not result.suitable:
                blocked.append(BlockedProduct(rec.code, rec.name, result.blocking))
                continue
            ratings = Text(f"产品风险等级R{rec.risk_rating}", f"Product rated R{rec.risk_rating}")
            notes = [
                words(
                    Text(
                        f"已于{today:%Y-%m-%d}重新通过适当性检查",
                        f"Passed the suitability check again on {today:%Y-%m-%d}",
                    ),
                    lang,
                ),
                words(ratings, lang),
            ]
            notes += [words(f.why, lang) for f in result.warnings]
            kind = PRODUCT_TYPES.get(rec.type, Text(rec.type, rec.type))
            process = sales_process.sales_process(
                rec.type, rec.risk_rating, rec.terms, age, elderly_age
            )
            out.append(
                PackRecommendation(
                    name=rec.name,
                    code=rec.code,
                    rating=f"R{rec.risk_rating}",
                    amount_cny=rec.amount_cny,
                    rationale=rec.rationale,
                    suitable=True,
                    suitability_notes=tuple(notes),
                    key_terms=words(
                        pack_terms.key_terms(
                            kind, rec.terms, rec.lockup_days, rec.currency, rec.amount_cny
                        ),
                        lang,
                    ),
                    fees=words(pack_terms.fees(rec.terms), lang),
                    liquidity=words(pack_terms.liquidity(rec.terms, rec.lockup_days), lang),
                    risks=words(RATING_RISKS.get(rec.risk_rating, RATING_RISKS[5]), lang),
                    sales_process=words(process, lang) if process else "",
                )
            )
        if blocked:
            found = tuple(blocked)
            raise NotSuitable("The advice pack was not made: " + refusal(found, "en"), found)
        return tuple(out)

    def _performance(
        self, client_id: ClientId, today: date, lang: PackLang
    ) -> tuple[tuple[str, str], ...]:
        """Time-weighted returns this year and over a year, where the history has them."""
        table = {f.period: f for f in self._ws.portfolio.performance_table(client_id, today)}
        lines = []
        for period in PERFORMANCE_PERIODS:
            found = table.get(period)
            if found is None or found.twr is None:
                continue
            value = f"{found.twr * 100:+.2f}%"
            if found.reconstructed:
                value += "*"
            lines.append((inline(PERIOD_NAMES[period], lang), value))
        return tuple(lines)


# --- mapping onto the pack --------------------------------------------------------------


def _both(zh: str, en: str, lang: PackLang) -> str:
    return words(Text(zh, en), lang)


def _holdings(
    summary: PortfolioSummary, names: Mapping[str, Text], lang: PackLang
) -> tuple[PackHolding, ...]:
    total = summary.total_cny
    out = [
        PackHolding(
            name=line.name,
            code=line.code,
            asset_class=words(
                names.get(line.asset_class, Text(line.asset_class, line.asset_class)), lang
            ),
            rating=f"R{line.risk_rating}" if line.risk_rating else "",
            value_cny=line.market_value_cny,
            weight=_weight(line.market_value_cny, total),
        )
        for line in summary.holdings
    ]
    if summary.cash_cny:
        cash = names.get("cash", ASSET_CLASSES["cash"])
        out.append(
            PackHolding(
                name=words(Text("账户现金", "Cash in accounts"), lang),
                code="",
                asset_class=words(cash, lang),
                rating="",
                value_cny=summary.cash_cny,
                weight=_weight(summary.cash_cny, total),
            )
        )
    out.sort(key=lambda h: h.value_cny, reverse=True)
    return tuple(out)


def _allocation(
    values: Mapping[str, Decimal],
    proposed: Mapping[str, Decimal],
    names: Mapping[str, Text],
    lang: PackLang,
) -> tuple[PackAllocationRow, ...]:
    drift = mp.drift(values, proposed)
    trades = {t.asset_class: t.amount_cny for t in mp.trades(values, proposed, names=names)}
    return tuple(
        PackAllocationRow(
            asset_class_label=words(
                names.get(d.asset_class, Text(d.asset_class, d.asset_class)), lang
            ),
            current_weight=d.current_weight.quantize(WEIGHT_STEP, ROUND_HALF_UP),
            proposed_weight=d.proposed_weight.quantize(WEIGHT_STEP, ROUND_HALF_UP),
            difference=d.difference.quantize(WEIGHT_STEP, ROUND_HALF_UP),
            trade_cny=trades.get(d.asset_class, Decimal(0)),
        )
        for d in drift
        if d.current_weight or d.proposed_weight
    )


def _goals(
    plan: PlanView | None, projections: pp.PlanProjections, lang: PackLang
) -> tuple[PackGoal, ...]:
    if plan is None:
        return ()
    chances = {g.goal_id: g for g in projections.goals}
    out = []
    for goal in sorted(plan.goals, key=lambda g: (g.priority, g.target_year, g.name)):
        outlook = chances.get(goal.id)
        out.append(
            PackGoal(
                name=goal.name,
                target_amount=goal.target_amount,
                target_year=goal.target_year,
                priority=words(PRIORITIES.get(goal.priority, PRIORITIES[3]), lang),
                earmarked=goal.earmarked,
                probability_current=outlook.probability_current if outlook else None,
                probability_proposed=outlook.probability_proposed if outlook else None,
            )
        )
    return tuple(out)


def _projection(p: pp.PlanProjections) -> PackProjection:
    def band(side: pp.AllocationProjection, percentile: int) -> tuple[float, ...]:
        return tuple(float(v) for v in side.bands[percentile])

    def line(side: pp.AllocationProjection) -> tuple[float, ...]:
        by_year = {y.year: float(y.nominal) for y in side.deterministic}
        return tuple(by_year.get(year, 0.0) for year in p.years)

    return PackProjection(
        years=tuple(p.years),
        current_p5=band(p.current, 5),
        current_p50=band(p.current, 50),
        current_p95=band(p.current, 95),
        proposed_p5=band(p.proposed, 5),
        proposed_p50=band(p.proposed, 50),
        proposed_p95=band(p.proposed, 95),
        deterministic_current=line(p.current),
        deterministic_proposed=line(p.proposed),
    )


def _reasons(model_only: bool, level_code: str, lang: PackLang) -> tuple[str, ...]:
    """Why the proposal, for the letter (which already names each class it moves)."""
    if not model_only:
        return ()
    return (
        words(
            Text(
                f"您尚无个性化规划，建议参照{level_code}风险等级的模型组合配置。",
                f"With no tailored plan yet, we propose the model portfolio for level "
                f"{level_code}.",
            ),
            lang,
        ),
    )


__all__ = ["LANGS", "PackService", "PreparedPack", "StoredPack", "pack_lang", "render_pack"]
