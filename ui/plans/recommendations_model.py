"""A plan's recommended products as a table: code, name, risk rating, amount, the
suitability check each passed (and when), and the banker's rationale.

Why it is shaped so: a recommendation carries the check it passed when added, re-run
when the plan is presented; the table shows that verdict and its day, and the findings
behind it (warnings to mention, or a block that stops presenting) are listed by the
panel for the selected row, since a finding is a sentence, not a cell.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.services.plans import RecommendationView
from ui.formatting import format_money, format_money_short
from ui.rows_model import RowsModel

COLUMNS = ("code", "name", "rating", "amount", "check", "rationale")
CHECK = COLUMNS.index("check")
RATIONALE = COLUMNS.index("rationale")


class RecommendationsModel(RowsModel[RecommendationView]):
    COLUMNS = COLUMNS
    NUMBERS = frozenset({"amount", "rating"})

    def __init__(self) -> None:
        super().__init__()
        self.heads = (
            self.tr("Code"),
            self.tr("Product"),
            self.tr("Risk"),
            self.tr("Amount"),
            self.tr("Suitability"),
            self.tr("Rationale"),
        )

    def check_text(self, r: RecommendationView) -> str:
        warnings = sum(f.severity != "block" for f in r.findings)
        day = r.checked_on.isoformat() if r.checked_on else "—"
        if not r.suitable:
            return self.tr("Not suitable ({0})").format(day)
        if warnings:
            return self.tr("Passed {0}, {1} warning(s)").format(day, warnings)
        return self.tr("Passed {0}").format(day)

    def cell(self, r: RecommendationView, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == "check":
            warned = any(f.severity != "block" for f in r.findings)
            return QColor("#b42318" if not r.suitable else "#9a6700" if warned else "#2f7d5b")
        if role == Qt.ItemDataRole.ToolTipRole and column in ("name", "rationale", "amount"):
            tips = {"name": r.name, "rationale": r.rationale, "amount": format_money(r.amount_cny)}
            return tips[column]
        return None

    def text(self, r: RecommendationView, column: str) -> str:
        if column == "code":
            return r.code
        if column == "name":
            return r.name
        if column == "rating":
            return f"R{r.risk_rating}"
        if column == "amount":
            return format_money_short(r.amount_cny)
        if column == "check":
            return self.check_text(r)
        return " ".join(r.rationale.split())


__all__ = ["CHECK", "COLUMNS", "RATIONALE", "RecommendationsModel"]
