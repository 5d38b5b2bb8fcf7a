"""The proposed allocation as an editable table: one row per asset class with the current
weight (from the portfolio), the model's weight and band, the proposed weight and the
drift (proposed − current), and the spin box that edits a proposed weight.

Why it is shaped so:

- The band is the rule (the service refuses anything outside it), so the editor is a
  spin box whose range is the band: a weight outside it cannot be typed. ``setData``
  checks again and refuses with a sentence (``sig_refused``), for paste or code.
- An edit changes the table at once (drift and total included) and marks the model
  dirty with a revision number; the panel saves it a moment later. A reload that
  arrives meanwhile keeps what the banker typed (``keep_edits``), and a save clears
  the dirty mark only if nothing was typed since it was sent, so an edit is never lost
  to a reload racing it.
- The weights must add up to 100%; ``balance`` puts the difference on cash (the class
  that settles trades) when its band allows, which is how a banker thinks of it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDoubleSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.domain import model_portfolios as mp
from app.services.plans import AllocationLine
from ui.plans.words import percent, said, signed_percent
from ui.rows_model import Index, RowsModel

EDIT = Qt.ItemDataRole.EditRole
BAND_ROLE = Qt.ItemDataRole.UserRole + 1  # (min, max) of the proposed weight, in percent
COLUMNS = ("class", "current", "model", "band", "proposed", "drift")
PROPOSED = COLUMNS.index("proposed")
STEP = Decimal("0.0001")  # 0.01%: what the service stores
HUNDRED = Decimal(100)
ZERO = Decimal(0)
SETTLES = mp.SETTLEMENT_CLASS


def as_weight(value: Any) -> Decimal | None:
    """A typed percentage (``32.5``, ``"32.5"``, ``"32.5%"``) as a weight to 0.01%."""
    try:
        number = Decimal(str(value).strip().rstrip("%").strip())
    except ArithmeticError:
        return None
    if not number.is_finite():
        return None
    return (number / HUNDRED).quantize(STEP)


class AllocationModel(RowsModel[AllocationLine]):
    COLUMNS = COLUMNS
    NUMBERS = frozenset(COLUMNS) - {"class"}
    KEY = "asset_class"
    sig_edited = Signal()  # a proposed weight changed here (not by a reload)
    sig_refused = Signal(str)  # an edit outside the band, in words

    def __init__(self) -> None:
        super().__init__()
        self.current: dict[str, Decimal] = {}
        self.proposed: dict[str, Decimal] = {}
        self.editable = False
        self.dirty = False
        self.revision = 0
        self.heads = (
            self.tr("Asset class"),
            self.tr("Current"),
            self.tr("Model"),
            self.tr("Band"),
            self.tr("Proposed"),
            self.tr("Drift"),
        )

    # --- what it holds ---------------------------------------------------------------

    def set_allocation(
        self,
        lines: tuple[AllocationLine, ...],
        drift: tuple[mp.Drift, ...],
        editable: bool,
        keep_edits: bool = False,
    ) -> None:
        """The plan's allocation; ``keep_edits`` keeps unsaved weights for the same
        classes (a reload overtaking a save)."""
        classes = [line.asset_class for line in lines]
        keep = keep_edits and self.dirty and classes == [x.asset_class for x in self.rows]
        self.current = {d.asset_class: d.current_weight for d in drift}
        if not keep:
            self.proposed = {line.asset_class: line.weight for line in lines}
            self.dirty = False
        self.editable = editable
        self.set_rows(lines)

    def clear(self) -> None:
        self.current, self.proposed = {}, {}
        self.editable = self.dirty = False
        self.set_rows([])

    def weights(self) -> dict[str, Decimal]:
        """The proposed weights to save (every class, 0 included)."""
        return dict(self.proposed)

    def total(self) -> Decimal:
        return sum(self.proposed.values(), ZERO)

    def mark_saved(self, revision: int) -> None:
        """A save of ``revision`` went through: clean unless typed on since."""
        if revision == self.revision:
            self.dirty = False

    # --- editing ---------------------------------------------------------------------

    def set_weight(self, asset_class: str, weight: Decimal) -> bool:
        """Propose ``weight`` for ``asset_class`` if its band allows (else say why)."""
        row = self.row_of(asset_class)
        line = self.row_item(row)
        if line is None or not self.editable:
            return False
        if not line.band_min <= weight <= line.band_max:
            self.sig_refused.emit(
                self.tr("{0}: {1} is outside the band {2}–{3} the model allows.").format(
                    said(line.name),
                    percent(weight),
                    percent(line.band_min),
                    percent(line.band_max),
                )
            )
            return False
        if self.proposed.get(asset_class) == weight:
            return True
        self.proposed[asset_class] = weight
        self.dirty = True
        self.revision += 1
        self.dataChanged.emit(self.index(row, PROPOSED), self.index(row, len(COLUMNS) - 1))
        self.sig_edited.emit()
        return True

    def balance(self) -> str:
        """Put the difference from 100% on cash; "" when done, else why not."""
        line = self.row_item(self.row_of(SETTLES))
        if line is None:
            return self.tr("This model has no cash to balance with; adjust another class.")
        others = self.total() - self.proposed.get(SETTLES, ZERO)
        cash = Decimal(1) - others
        if not line.band_min <= cash <= line.band_max:
            return self.tr(
                "Cash would be {0}, outside its band {1}–{2}: adjust another class."
            ).format(percent(cash), percent(line.band_min), percent(line.band_max))
        self.set_weight(SETTLES, cash)
        return ""

    # --- the table -------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == PROPOSED and self.editable:
            line = self.row_item(index.row())
            if line is not None and line.band_max > line.band_min:
                return base | Qt.ItemFlag.ItemIsEditable
        return base

    def cell(self, item: AllocationLine, column: str, role: int) -> Any:
        if role == EDIT and column == "proposed":
            return float(self.proposed.get(item.asset_class, ZERO) * HUNDRED)
        if role == BAND_ROLE:
            return (float(item.band_min * HUNDRED), float(item.band_max * HUNDRED))
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(item, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == "proposed" and self.editable:
            return QColor("#fff8e1" if self.dirty else "#f0f6fc")
        if role == Qt.ItemDataRole.ToolTipRole and column == "proposed" and self.editable:
            return self.tr("Double-click to change, within {0}–{1}").format(
                percent(item.band_min), percent(item.band_max)
            )
        return None

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        line = self.row_item(index.row()) if index.isValid() else None
        if line is None or role != EDIT or index.column() != PROPOSED:
            return False
        weight = as_weight(value)
        if weight is None:
            self.sig_refused.emit(self.tr("Type the weight as a percentage, e.g. 32.5."))
            return False
        return self.set_weight(line.asset_class, weight)

    def text(self, line: AllocationLine, column: str) -> str:
        cls = line.asset_class
        if column == "class":
            return said(line.name)
        if column == "current":
            return percent(self.current.get(cls, ZERO))
        if column == "model":
            return percent(line.model_weight)
        if column == "band":
            return f"{percent(line.band_min, 0)}–{percent(line.band_max, 0)}"
        if column == "proposed":
            return percent(self.proposed.get(cls, ZERO))
        return signed_percent(self.proposed.get(cls, ZERO) - self.current.get(cls, ZERO))

    def _colour(self, line: AllocationLine, column: str) -> QColor | None:
        if column == "drift":
            diff = self.proposed.get(line.asset_class, ZERO) - self.current.get(
                line.asset_class, ZERO
            )
            return QColor("#2f7d5b" if diff > 0 else "#b42318" if diff < 0 else "#627d98")
        if column in ("model", "band"):
            return QColor("#627d98")
        return None


class BandDelegate(QStyledItemDelegate):
    """A spin box for the proposed weight whose range is the class's band; each step is
    written to the model at once (the panel debounces the save)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        low, high = index.data(BAND_ROLE) or (0.0, 100.0)
        box = QDoubleSpinBox(parent)
        box.setDecimals(2)
        box.setSuffix("%")
        box.setSingleStep(0.5)
        box.setRange(low, high)
        box.setKeyboardTracking(False)
        box.setAlignment(Qt.AlignmentFlag.AlignRight)
        box.valueChanged.connect(lambda _: self.commitData.emit(box))
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QDoubleSpinBox):
            editor.blockSignals(True)
            editor.setValue(float(index.data(EDIT) or 0.0))
            editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QDoubleSpinBox):
            model.setData(index, f"{editor.value():.2f}", EDIT)


__all__ = ["BAND_ROLE", "COLUMNS", "PROPOSED", "AllocationModel", "BandDelegate", "as_weight"]
