"""What Home shows, as plain values: the types of ``HomeService.summary``.

Apart from ``home.py`` because they must load without SQLAlchemy: the app shows the
vault's cached figures (``home_cache``) while the database stack is still importing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.ids import ClientId


@dataclass(frozen=True)
class TierTotal:
    code: str
    name: str
    clients: int
    assets_cny: Decimal


@dataclass(frozen=True)
class OverdueClient:
    """A person owed a contact; ``days_overdue`` counts from the day the contact was due
    (for the never contacted: from onboarding plus the cadence, 0 if unknown)."""

    id: ClientId
    name: str
    tier_name: str
    last_contact: date | None
    days_overdue: int


@dataclass(frozen=True)
class Birthday:
    """The next birthday in the window; ``age`` is the age turned (in lunar years for a
    lunar birthday), None without a birth date."""

    id: ClientId
    name: str
    on: date
    lunar: bool
    age: int | None


@dataclass(frozen=True)
class Mover:
    """A month's change in value from price and FX moves; ``change_pct`` in per cent."""

    id: ClientId
    name: str
    change_cny: Decimal
    change_pct: Decimal | None


@dataclass(frozen=True)
class HomeSummary:
    total_assets_cny: Decimal
    clients: int
    by_tier: tuple[TierTotal, ...]
    by_asset_class: dict[str, Decimal]
    overdue: tuple[OverdueClient, ...]
    birthdays: tuple[Birthday, ...]
    movers: tuple[Mover, ...]
    as_of: date
