"""The suitability gate as the banker meets it: a product against a client, a client's
whole portfolio against their level and bearable loss, and the book's mismatches.

The rules themselves are pure (``app.domain.suitability`` and ``portfolio_fit``); this
module gathers their facts from the vault: the newest assessment (level, lowest class,
bearable loss, liquidity need, expiry), the age from the birth date or ID number, the
vulnerable flag, and the assets. Limits and market assumptions are data files under
``resources/``, so a bank changes them without code. Later features (plans, the advice
pack) must call ``check_product`` before a product can enter them: that is the gate.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from app.domain import portfolio_fit as pf
from app.domain import risk_profile as rp
from app.domain import suitability as rules
from app.domain.errors import NotFound, RuleDataError
from app.domain.ids import ClientId
from app.services import config
from app.services.risk import client_age
from app.vault.models import Account, Client, Holding, Instrument, RiskAssessment

if TYPE_CHECKING:
    from app.services.portfolio import PortfolioSummary
    from app.services.workspace import Workspace

CASH_PRODUCT = rules.ProductFacts("CASH", "cash", "deposit", "cash", 1, 0)
EXEMPT_FROM_GATE = ("deposit",)  # deposits need no assessment: not investment products


def _read_json(relative: str) -> Any:
    path = config.resources_dir() / relative
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RuleDataError(
            f"Cannot read {path}: {exc}. Reinstall Confidant or ask the bank for the file."
        ) from exc


@lru_cache(maxsize=1)
def limits() -> rules.Limits:
    """The suitability limits of ``resources/suitability.json``."""
    return rules.parse_limits(_read_json("suitability.json"))


@lru_cache(maxsize=1)
def assumptions() -> pf.MarketAssumptions:
    """The newest market-assumptions file under ``resources/market_assumptions``."""
    folder = config.resources_dir() / "market_assumptions"
    files = sorted(folder.glob("*.json"))
    if not files:
        raise RuleDataError(f"No market assumptions in {folder}; reinstall Confidant.")
    return pf.parse_assumptions(_read_json(f"market_assumptions/{files[-1].name}"))


@dataclass(frozen=True)
class ExpiringAssessment:
    """A client whose assessment runs out within the warning window (or already has)."""

    client_id: ClientId
    name: str
    level: int
    expires_on: date
    validity: rp.Validity


@dataclass(frozen=True)
class Mismatch:
    """A client holding products above their current level, or any investment product
    without ever having been assessed (expired ones are listed as expiring instead)."""

    client_id: ClientId
    name: str
    level: int | None  # None: never assessed
    lowest_class: bool
    worst_rating: int
    products: int


@dataclass(frozen=True)
class BookRiskAlerts:
    expiring: tuple[ExpiringAssessment, ...]
    mismatches: tuple[Mismatch, ...]


def product_facts(instrument: Instrument) -> rules.ProductFacts:
    return rules.ProductFacts(
        code=instrument.code,
        name=instrument.name,
        type=instrument.type,
        asset_class=instrument.asset_class,
        risk_rating=instrument.risk_rating,
        lockup_days=instrument.lockup_days,
        min_investment_cny=instrument.min_investment_cny,
    )


class SuitabilityService:
    """Suitability checks over one vault; one worker thread calls it."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def facts(self, client_id: ClientId, today: date | None = None) -> rules.ClientRiskFacts:
        today = today or date.today()
        with self._ws.begin() as s:
            return self._facts(s, client_id, today)

    def check_product(
        self,
        client_id: ClientId,
        code: str,
        amount_cny: Decimal,
        today: date | None = None,
    ) -> rules.SuitabilityResult:
        """Whether ``amount_cny`` of the product ``code`` may be proposed to the client."""
        today = today or date.today()
        with self._ws.begin() as s:
            instrument = s.scalar(
                select(Instrument).where(Instrument.code == code, Instrument.deleted_at.is_(None))
            )
            if instrument is None:
                raise NotFound(f"No product has the code “{code}”; check the product list.")
            client = self._facts(s, client_id, today)
        # Position and total from one valuation (at this bank and elsewhere alike), so
        # the share compares like with like.
        summary = self._ws.portfolio.summary(client_id)
        held = sum(
            (h.market_value_cny for h in summary.holdings if h.code == instrument.code),
            Decimal(0),
        )
        client = replace(client, total_assets_cny=summary.total_cny)
        return rules.check_product(
            client, product_facts(instrument), amount_cny, held, today, limits()
        )

    def portfolio_fit(
        self,
        client_id: ClientId,
        today: date | None = None,
        summary: PortfolioSummary | None = None,
    ) -> pf.PortfolioFit:
        """The client's holdings (at the bank and elsewhere, with cash as a deposit)
        against their level and bearable loss; pass ``summary`` if already valued."""
        today = today or date.today()
        with self._ws.begin() as s:
            client = self._facts(s, client_id, today)
            codes = {
                i.code: product_facts(i)
                for i in s.scalars(select(Instrument).where(Instrument.deleted_at.is_(None)))
            }
        summary = summary or self._ws.portfolio.summary(client_id)
        positions = [(codes[h.code], h.market_value_cny) for h in summary.holdings]
        if summary.cash_cny > 0:
            positions.append((CASH_PRODUCT, summary.cash_cny))
        return pf.portfolio_fit(client, positions, assumptions(), limits=limits())

    def book_alerts(self, today: date | None = None, limit: int = 50) -> BookRiskAlerts:
        """Every expiring or expired assessment (soonest first) and every client holding
        a non-deposit product above their current level, or any without an assessment."""
        today = today or date.today()
        with self._ws.begin() as s:
            expiring = self._expiring(s, today, limit)
            return BookRiskAlerts(expiring, self._mismatches(s, today, limit))

    # --- helpers --------------------------------------------------------------------

    def _facts(self, s: Session, client_id: ClientId, today: date) -> rules.ClientRiskFacts:
        client = s.get(Client, client_id)
        if client is None or client.deleted_at is not None:
            raise NotFound("That client is not in this vault.")
        newest = s.scalars(
            select(RiskAssessment)
            .where(RiskAssessment.client_id == client_id, RiskAssessment.deleted_at.is_(None))
            .order_by(RiskAssessment.assessed_at.desc())
            .limit(1)
        ).first()
        return rules.ClientRiskFacts(
            level=newest.level if newest else None,
            lowest_class=newest.lowest_class if newest else False,
            assessment_expires_on=newest.expires_on if newest else None,
            age=client_age(s, client, today),
            vulnerable=client.vulnerable,
            max_loss_pct=newest.max_loss_pct if newest else None,
            liquidity_need_days=newest.liquidity_need_days if newest else None,
            total_assets_cny=client.financial_assets_cny,
        )

    def _expiring(self, s: Session, today: date, limit: int) -> tuple[ExpiringAssessment, ...]:
        warn = limits().warn_days
        rows = s.execute(
            select(Client.id, Client.name, Client.risk_level, Client.risk_expires_on)
            .where(
                Client.deleted_at.is_(None),
                Client.risk_expires_on.is_not(None),
                Client.risk_expires_on <= today + timedelta(days=warn),
            )
            .order_by(Client.risk_expires_on, Client.name_pinyin)
            .limit(limit)
        )
        return tuple(
            ExpiringAssessment(ClientId(i), n, lvl, exp, rp.validity_status(exp, today, warn))
            for i, n, lvl, exp in rows
            if lvl is not None and exp is not None  # the query's own condition, for typing
        )

    def _mismatches(self, s: Session, today: date, limit: int) -> tuple[Mismatch, ...]:
        # The level caps the ratings, the lowest class holds R1 only, and the never
        # assessed hold no investment product (cap 0). Expired assessments are listed
        # as expired (``_expiring``), not again here.
        cap = case(
            (Client.risk_level.is_(None), 0),
            (Client.risk_lowest_class.is_(True), 1),
            else_=Client.risk_level,
        )
        not_expired = or_(Client.risk_expires_on.is_(None), Client.risk_expires_on > today)
        worst = func.max(Instrument.risk_rating)
        rows = s.execute(
            select(
                Client.id,
                Client.name,
                Client.risk_level,
                Client.risk_lowest_class,
                worst,
                func.count(func.distinct(Instrument.id)),
            )
            .select_from(Holding)
            .join(Account, Account.id == Holding.account_id)
            .join(Client, Client.id == Account.client_id)
            .join(Instrument, Instrument.id == Holding.instrument_id)
            .where(
                Holding.deleted_at.is_(None),
                Holding.quantity > 0,
                Account.deleted_at.is_(None),
                Client.deleted_at.is_(None),
                Instrument.type.not_in(EXEMPT_FROM_GATE),
                Instrument.risk_rating > cap,
                not_expired,
            )
            .group_by(Client.id)
            .order_by(worst.desc(), Client.financial_assets_cny.desc())
            .limit(limit)
        )
        return tuple(
            Mismatch(ClientId(i), n, lvl, bool(low), w, count) for i, n, lvl, low, w, count in rows
        )
