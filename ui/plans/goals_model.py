"""A plan's goals as a table: kind, name, target and year, priority, what is earmarked,
and the chance of meeting each under the current and under the proposed allocation.

Why it is shaped so: the goals come with the plan and the chances come later with the
projections (their own job), so the model takes them separately and shows "…" until
they arrive; a chance is matched to its goal by id, never by row, since a reload may
reorder the goals. The chance with the plan is coloured by how likely it is, so the
goals at risk stand out when the banker scans the table.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.services.plan_projections import GoalOutlook
from app.services.plans import GoalView
from ui.formatting import format_money_short
from ui.plans.words import chance, said
from ui.rows_model import RowsModel

DISPLAY = Qt.ItemDataRole.DisplayRole
COLUMNS = ("kind", "name", "target", "year", "priority", "earmarked", "now", "planned")
NUMBERS = frozenset({"target", "year", "priority", "earmarked", "now", "planned"})
PENDING = "…"


def chance_colour(probability: float) -> QColor:
    """Green when likely, amber when uncertain, red when unlikely."""
    if probability >= 0.8:
        return QColor("#2f7d5b")
    if probability >= 0.5:
        return QColor("#9a6700")
    return QColor("#b42318")


class GoalsModel(RowsModel[GoalView]):
    COLUMNS = COLUMNS
    NUMBERS = NUMBERS

    def __init__(self) -> None:
        super().__init__()
        self.outlooks: dict[uuid.UUID, GoalOutlook] = {}
        self.projected = False  # the projections for these goals have arrived
        self.heads = (
            self.tr("Kind"),
            self.tr("Goal"),
            self.tr("Target"),
            self.tr("Year"),
            self.tr("Priority"),
            self.tr("Set aside"),
            self.tr("Chance\nnow"),
            self.tr("Chance\nwith plan"),
        )
        self.tips = {
            "target": self.tr("In today's money unless marked “nominal”"),
            "now": self.tr("Chance of meeting the goal with the current portfolio's allocation"),
            "planned": self.tr("Chance of meeting the goal with the proposed allocation"),
            "earmarked": self.tr("Already set aside for this goal"),
            "priority": self.tr("1 is the highest priority"),
        }

    def set_outlooks(self, outlooks: tuple[GoalOutlook, ...] | None) -> None:
        """The chances from the projections (None: being worked out again)."""
        self.outlooks = {o.goal_id: o for o in outlooks or ()}
        self.projected = outlooks is not None
        if self.rows:
            first, last = COLUMNS.index("now"), COLUMNS.index("planned")
            self.dataChanged.emit(
                self.index(0, first), self.index(len(self.rows) - 1, last), [DISPLAY]
            )

    def awaiting(self) -> None:
        """New projections are on their way: keep the chances shown, new goals wait."""
        self.projected = False

    def clear(self) -> None:
        self.outlooks = {}
        self.projected = False
        super().clear()

    def cell(self, goal: GoalView, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column in ("now", "planned"):
            outlook = self.outlooks.get(goal.id)
            if outlook is not None:
                p = outlook.probability_current if column == "now" else outlook.probability_proposed
                return chance_colour(p)
        if role == Qt.ItemDataRole.ToolTipRole and column == "name":
            return goal.name
        return None

    def text(self, goal: GoalView, column: str) -> str:
        if column == "kind":
            return said(goal.kind_name)
        if column == "name":
            return goal.name
        if column == "target":
            money = format_money_short(goal.target_amount)
            return money if goal.real else self.tr("{0} nominal").format(money)
        if column == "year":
            return str(goal.target_year)
        if column == "priority":
            return str(goal.priority)
        if column == "earmarked":
            return format_money_short(goal.earmarked) if goal.earmarked else "—"
        outlook = self.outlooks.get(goal.id)
        if outlook is None:
            return PENDING if not self.projected else "—"
        return chance(
            outlook.probability_current if column == "now" else outlook.probability_proposed
        )


__all__ = ["COLUMNS", "GoalsModel", "chance_colour"]
