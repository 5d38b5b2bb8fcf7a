"""Client tiers (service levels) from financial assets at the bank.

The thresholds and what each tier is entitled to are bank configuration
(``resources/tiers.json``); this module only applies a table it is given. A tier is a
service level, not a legal status: qualified-investor status is a separate gate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.domain.money import to_decimal


@dataclass(frozen=True)
class Tier:
    code: str
    name_zh: str
    name_en: str
    min_assets_cny: Decimal
    contact_every_days: int
    review_every_days: int
    birthday_care: bool
    event_invitations: bool


@dataclass(frozen=True)
class TierTable:
    """Tiers ordered from the highest threshold down."""

    tiers: tuple[Tier, ...]

    @classmethod
    def from_config(cls, doc: Mapping[str, Any]) -> TierTable:
        tiers = [
            Tier(
                code=t["code"],
                name_zh=t["name_zh"],
                name_en=t["name_en"],
                min_assets_cny=to_decimal(t["min_assets_cny"]),
                contact_every_days=int(t["contact_every_days"]),
                review_every_days=int(t["review_every_days"]),
                birthday_care=bool(t["birthday_care"]),
                event_invitations=bool(t["event_invitations"]),
            )
            for t in doc["tiers"]
        ]
        tiers.sort(key=lambda t: t.min_assets_cny, reverse=True)
        if not tiers or tiers[-1].min_assets_cny != 0:
            raise ValueError("the tier table needs a lowest tier starting at 0")
        return cls(tuple(tiers))

    def for_assets(self, assets_cny: Decimal) -> Tier:
        for tier in self.tiers:
            if assets_cny >= tier.min_assets_cny:
                return tier
        return self.tiers[-1]

    def by_code(self, code: str) -> Tier:
        for tier in self.tiers:
            if tier.code == code:
                return tier
        raise KeyError(code)

    def codes(self) -> Sequence[str]:
        return [t.code for t in self.tiers]
