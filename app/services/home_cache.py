"""Home's last figures, kept inside the vault so the next unlock can show them at once.

Computing Home takes about a second at 10,000 clients, and loading the database stack
another second; a banker unlocking wants the book on screen before either. Each fresh
``HomeService.summary`` is therefore stored as JSON in ``vault_meta`` (encrypted with
the rest of the vault, never synced: it is derived data), and the app reads it back with
one raw SQLCipher query (``connection.read_meta``) right after the passphrase is checked,
shows it marked with its time, and replaces it when the fresh figures arrive.

The format is versioned; anything unexpected reads as "no cache", never as an error.
The cache names clients (overdue, birthdays, movers): whatever erases a client's data
must also delete ``META_KEY`` or compute a new summary, so the name leaves it too.
This module imports no SQLAlchemy, so the app can use it before the database stack loads.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from app.domain.ids import ClientId
from app.services.home_types import Birthday, HomeSummary, Mover, OverdueClient, TierTotal

META_KEY = "home_cache"
FORMAT = 1


@dataclass(frozen=True)
class CachedHome:
    summary: HomeSummary
    computed_at: datetime  # UTC


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _money(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _text(value: date | Decimal | None) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def dump(summary: HomeSummary, computed_at: datetime) -> str:
    """The summary as the JSON stored under ``META_KEY``."""
    data: dict[str, Any] = {
        "format": FORMAT,
        "computed_at": computed_at.isoformat(),
        "as_of": summary.as_of.isoformat(),
        "total": str(summary.total_assets_cny),
        "clients": summary.clients,
        "tiers": [[t.code, t.name, t.clients, str(t.assets_cny)] for t in summary.by_tier],
        "classes": [[k, str(v)] for k, v in summary.by_asset_class.items()],
        "overdue": [
            [str(o.id), o.name, o.tier_name, _text(o.last_contact), o.days_overdue]
            for o in summary.overdue
        ],
        "birthdays": [
            [str(b.id), b.name, b.on.isoformat(), b.lunar, b.age] for b in summary.birthdays
        ],
        "movers": [
            [str(m.id), m.name, str(m.change_cny), _text(m.change_pct)] for m in summary.movers
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def load(text: str | None) -> CachedHome | None:
    """The cached figures, or None for no cache, another format or anything malformed."""
    if not text:
        return None
    try:
        data = json.loads(text)
        if data.get("format") != FORMAT:
            return None
        summary = HomeSummary(
            total_assets_cny=Decimal(data["total"]),
            clients=int(data["clients"]),
            by_tier=tuple(
                TierTotal(str(code), str(name), int(n), Decimal(assets))
                for code, name, n, assets in data["tiers"]
            ),
            by_asset_class={str(k): Decimal(v) for k, v in data["classes"]},
            overdue=tuple(
                OverdueClient(ClientId(uuid.UUID(i)), str(name), str(tier), _day(last), int(days))
                for i, name, tier, last, days in data["overdue"]
            ),
            birthdays=tuple(
                Birthday(
                    ClientId(uuid.UUID(i)),
                    str(name),
                    date.fromisoformat(on),
                    bool(lunar),
                    None if age is None else int(age),
                )
                for i, name, on, lunar, age in data["birthdays"]
            ),
            movers=tuple(
                Mover(ClientId(uuid.UUID(i)), str(name), Decimal(change), _money(pct))
                for i, name, change, pct in data["movers"]
            ),
            as_of=date.fromisoformat(data["as_of"]),
        )
        return CachedHome(summary, datetime.fromisoformat(data["computed_at"]))
    except (ValueError, TypeError, KeyError, ArithmeticError):
        return None
