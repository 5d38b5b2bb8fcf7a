"""The text page of ``confidant clients show``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.cli_output import table
from app.domain import masking
from app.domain.money import Money
from app.domain.validation import DOCUMENT_TYPES

if TYPE_CHECKING:
    from app.services.clients import ClientProfile


def _line(label: str, value: object) -> str:
    return f"  {label:<20} {value if value not in (None, '') else '—'}"


def _money(value: Any, reveal: bool) -> str:
    from decimal import Decimal

    amount = Money(Decimal(value)) if value is not None else None
    if amount is None:
        return masking.mask_amount(Money(Decimal(0)))
    return amount.format() if reveal else masking.mask_amount(amount)


def _risk_line(risk: dict[str, Any] | None) -> str:
    if risk is None:
        return "not assessed: no recommendation until the client is assessed"
    state = {
        "valid": f"valid to {risk['expires_on']}",
        "expiring": f"expires {risk['expires_on']} (in {risk['days_left']} days): reassess",
        "expired": f"EXPIRED {risk['expires_on']}: reassess before any recommendation",
    }.get(risk["status"], risk["status"])
    names = f"{risk['level']} {risk['name_zh']} / {risk['name_en']}"
    return f"{names}, assessed {risk['assessed_on']}, {state}"


def render_profile(p: ClientProfile, data: dict[str, Any], reveal: bool) -> str:
    lines = [f"{p.row.name}  ({data['tier_name'] or 'no tier'}, {p.row.status})  {p.row.id}", ""]
    lines += [
        _line("Pinyin", p.name_pinyin),
        _line("Gender", p.gender),
        _line("Birth date", data["birth_date"]),
        _line("Mobile", data["mobile"]),
        _line("Email", data["email"]),
        _line("Address", data["address"]),
        _line("City", p.row.city),
        _line("Occupation", p.occupation),
        _line("Employer", p.employer),
        _line("Source of wealth", p.source_of_wealth),
        _line("Relationship mgr", p.row.relationship_manager),
        _line("Consents", ", ".join(p.consents)),
        _line("Risk level", _risk_line(data["risk"])),
    ]
    for doc in data["documents"]:
        label = DOCUMENT_TYPES.get(doc["type"], (doc["type"], doc["type"]))[1]
        lines.append(_line(label, doc["number"]))
    for m in data["members"]:
        lines.append(_line(f"Member ({m['role']})", m["name"]))
    for h in data["households"]:
        lines.append(_line(f"Household ({h['role']})", h["name"]))
    if p.portfolio is not None:
        pf = p.portfolio
        lines += [
            "",
            f"Portfolio: {_money(pf.total_cny, reveal)} in {len(pf.holdings)} holdings "
            f"(at this bank {_money(pf.at_bank_cny, reveal)})",
        ]
        rows = [
            [cls, _money(v, reveal), f"{(v / pf.total_cny * 100):.1f}%" if pf.total_cny else "—"]
            for cls, v in pf.by_asset_class.items()
        ]
        if rows:
            lines.append(table(["Asset class", "Value (CNY)", "Weight"], rows, right=[1, 2]))
    if not reveal:
        lines += ["", "C2 data masked; --reveal to show it (recorded in the audit trail)."]
    return "\n".join(lines)
