"""The product picker's table: the shelf as the plan's suitability gate sees it for the
amount typed, with products that pass first and blocked ones greyed, each saying why.

Why it is shaped so: a blocked product stays in the list (the banker sees that it
exists and why it cannot be offered) but reads as unavailable: grey, the first reason
in the Gate column and every reason in the tooltip. The verdicts come whole from
``ws.plans.candidates``, the gate's own rules, so this only lays them out. The minimum
investment and the yearly management fee sit beside them ("—" where not recorded).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.domain.product_terms import percent
from app.services.plans import Candidate
from ui.formatting import format_money_short
from ui.plans.words import said
from ui.rows_model import RowsModel

COLUMNS = ("code", "name", "type", "class", "rating", "lockup", "minimum", "fee", "gate")
GATE = COLUMNS.index("gate")
GREY = QColor("#9aa5b1")


class CandidatesModel(RowsModel[Candidate]):
    COLUMNS = COLUMNS
    NUMBERS = frozenset({"rating", "lockup", "minimum", "fee"})
    KEY = "code"

    def __init__(self) -> None:
        super().__init__()
        self.classes: dict[str, str] = {}
        self.heads = (
            self.tr("Code"),
            self.tr("Product"),
            self.tr("Type"),
            self.tr("Asset class"),
            self.tr("Risk"),
            self.tr("Lock-up"),
            self.tr("Minimum"),
            self.tr("Mgmt fee/yr"),
            self.tr("Suitability"),
        )
        self.types = {
            "deposit": self.tr("Deposit"),
            "wmp": self.tr("Wealth management"),
            "mutual_fund": self.tr("Mutual fund"),
            "bond": self.tr("Bond"),
            "equity": self.tr("Equity"),
            "insurance": self.tr("Insurance"),
            "trust": self.tr("Trust"),
            "private_fund": self.tr("Private fund"),
            "structured": self.tr("Structured"),
            "gold": self.tr("Gold"),
        }

    def set_candidates(self, items: list[Candidate], classes: Mapping[str, str]) -> None:
        self.classes = dict(classes)
        self.set_rows(items)

    def reasons(self, c: Candidate) -> str:
        """Why it cannot be added (every blocking finding with its remedy), or ""."""
        if c.recommended:
            return self.tr("Already recommended in this plan.")
        return " ".join(f"{said(f.why)} {said(f.remedy)}" for f in c.blocking)

    def cell(self, item: Candidate, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if not item.can_add:
                return QColor("#b42318") if column == "gate" and item.blocking else GREY
            if column == "gate":
                return QColor("#9a6700" if item.warnings else "#2f7d5b")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.reasons(item) or " ".join(said(f.why) for f in item.warnings) or None
        return None

    def text(self, c: Candidate, column: str) -> str:
        if column == "gate":
            return self._verdict(c)
        if column == "name":
            return c.name if c.currency == "CNY" else f"{c.name} ({c.currency})"
        if column == "type":
            return self.types.get(c.type, c.type)
        if column == "class":
            return self.classes.get(c.asset_class, c.asset_class)
        return self._figure(c, column)

    def _figure(self, c: Candidate, column: str) -> str:
        if column == "rating":
            return f"R{c.risk_rating}"
        if column == "lockup":
            return self.tr("{0} days").format(c.lockup_days) if c.lockup_days else "—"
        if column == "minimum":
            minimum = c.min_investment_cny
            return format_money_short(minimum) if minimum is not None else "—"
        if column == "fee":
            fee = c.management_fee_pct
            return percent(fee) if fee is not None else "—"
        return c.code

    def _verdict(self, c: Candidate) -> str:
        if c.recommended:
            return self.tr("In the plan")
        if c.blocking:
            return self.tr("Blocked: {0}").format(said(c.blocking[0].why))
        if c.warnings:
            return self.tr("Passes, with a warning")
        return self.tr("Passes")


__all__ = ["COLUMNS", "GATE", "CandidatesModel"]
