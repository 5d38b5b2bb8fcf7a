"""The words the plan screens share: status names and the buttons that move a plan on,
weights and probabilities as percentages, amounts typed the way a banker types them, and
the half of a bilingual text that matches the interface.

Why it is shaped so: the plan bar, the tables and the dialogs all name the same four
statuses and read the same amounts; one QObject holds the translated words (``tr`` needs
a context) and plain functions do the formatting, so every screen says it the same way.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QObject

from app.domain.bilingual import Text
from ui.risk.common import data_lang

WAN = Decimal(10_000)
HUNDRED = Decimal(100)
STATUS_STYLES = {
    "draft": "background: #486581",
    "presented": "background: #c28a00",
    "accepted": "background: #2f7d5b",
    "declined": "background: #b42318",
}
CURRENT_COLOUR = "#7b8794"
PROPOSED_COLOUR = "#1d4e89"


def said(text: Text) -> str:
    """The half of ``text`` in the interface's language."""
    return text.get(data_lang())


def percent(weight: Decimal | float | None, digits: int = 2) -> str:
    """``0.325`` as ``32.50%``; None as a dash."""
    if weight is None:
        return "—"
    return f"{float(weight) * 100:.{digits}f}%"


def signed_percent(weight: Decimal | float) -> str:
    """A difference of weights: ``+2.50%``, ``−1.00%``; zero without a sign."""
    value = float(weight) * 100
    if abs(value) < 0.005:
        return "0.00%"
    return f"{value:+.2f}%".replace("-", "−")


def chance(probability: float | None) -> str:
    """A goal's chance of being met: ``87%`` (and below 1% or above 99% said so)."""
    if probability is None:
        return "—"
    if 0 < probability < 0.01:
        return "<1%"
    if 0.99 < probability < 1:
        return ">99%"
    return f"{probability:.0%}"


def parse_amount(typed: str) -> Decimal | None:
    """Yuan as typed: ``2,000,000``, ``2000000.50``, ``200万`` or ``1.5亿``; None if it
    is not an amount (the service then checks the cents and the sign)."""
    clean = re.sub(r"[\s,，¥￥元]", "", typed)
    scale = Decimal(1)
    if clean.endswith("万"):
        clean, scale = clean[:-1], WAN
    elif clean.endswith("亿"):
        clean, scale = clean[:-1], WAN * WAN
    if not re.fullmatch(r"[+-]?\d+(\.\d+)?", clean):
        return None
    try:
        return Decimal(clean) * scale
    except InvalidOperation:
        return None


def typed_amount(amount: Decimal) -> str:
    """An amount as it goes back into a field: ``2,000,000`` or ``2,000,000.50``."""
    return f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"


class PlanWords(QObject):
    """Translated names of statuses and the moves between them."""

    def status(self, status: str) -> str:
        names = {
            "draft": self.tr("Draft"),
            "presented": self.tr("Presented"),
            "accepted": self.tr("Accepted"),
            "declined": self.tr("Declined"),
        }
        return names.get(status, status)

    def move(self, status: str) -> str:
        """The button that moves a plan to ``status``."""
        names = {
            "presented": self.tr("Present to client…"),
            "accepted": self.tr("Client accepted…"),
            "declined": self.tr("Client declined…"),
            "draft": self.tr("Back to draft"),
        }
        return names.get(status, status)

    def read_only(self, status: str, on: str) -> str:
        """Why a plan cannot be changed, and what to do instead."""
        if status == "presented":
            return self.tr(
                "Presented to the client on {0}: read-only. Set it back to draft to change "
                "it, or record the client's decision."
            ).format(on)
        if status == "accepted":
            return self.tr(
                "Accepted by the client on {0}: kept as evidence of the advice given. Copy "
                "it for the next review to make changes."
            ).format(on)
        return self.tr(
            "Declined by the client on {0}: kept as evidence of the advice given. Copy it "
            "for the next review to start again."
        ).format(on)


__all__ = [
    "CURRENT_COLOUR",
    "PROPOSED_COLOUR",
    "STATUS_STYLES",
    "PlanWords",
    "chance",
    "parse_amount",
    "percent",
    "said",
    "signed_percent",
    "typed_amount",
]
