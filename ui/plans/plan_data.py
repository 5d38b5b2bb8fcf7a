"""What the Plan tab shows of one client, read in one job on the vault worker: the
client's plans, the chosen plan whole, its drift from the portfolio and the trades that
would close it.

Why it is shaped so: the tab lays out whatever this returns and never asks the vault for
pieces one by one, so a reload is one round trip and every panel shows the same moment.
The projections are not here: they take longer, so they run as their own job
(``projection_runner``) and arrive when ready.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.domain import model_portfolios as mp
from app.domain.bilingual import Text
from app.domain.ids import ClientId
from app.services.plans import PlanSummary, PlanView
from app.services.workspace import Workspace


@dataclass(frozen=True)
class PlanData:
    client_id: ClientId
    client_name: str
    client_kind: str
    plans: tuple[PlanSummary, ...]
    plan: PlanView | None
    drift: tuple[mp.Drift, ...] = ()
    trades: tuple[mp.Trade, ...] = ()
    trades_note: Text | None = None  # the adjustments too small to trade, if any
    skipped: tuple[mp.Trade, ...] = ()
    gate_name: str = ""  # whom the gate checks, when it is not the client


def chosen(plans: tuple[PlanSummary, ...], wanted: uuid.UUID | None) -> uuid.UUID | None:
    """The plan to show: ``wanted`` if it is still there, else the newest plan that was
    not declined, else the newest."""
    ids = [p.id for p in plans]
    if wanted in ids:
        return wanted
    live = [p.id for p in plans if p.status != "declined"]
    first = live or ids
    return first[0] if first else None


def load_plan(ws: Workspace, client_id: ClientId, wanted: uuid.UUID | None) -> PlanData:
    """The client's plans and the one to show (see ``chosen``), with drift and trades."""
    row = ws.book.rows([client_id])[0]
    plans = tuple(ws.plans.list_for(client_id))
    plan_id = chosen(plans, wanted)
    if plan_id is None:
        return PlanData(client_id, row.name, row.kind, plans, None)
    plan = ws.plans.get(plan_id)
    trades = ws.plans.trades(plan_id)
    gate_name = ""
    if plan.gate_client_id is not None and plan.gate_client_id != client_id:
        gate_name = ws.book.rows([plan.gate_client_id])[0].name
    return PlanData(
        client_id,
        row.name,
        row.kind,
        plans,
        plan,
        tuple(ws.plans.drift(plan_id)),
        tuple(trades),
        trades.note,
        trades.skipped,
        gate_name,
    )


__all__ = ["PlanData", "chosen", "load_plan"]
