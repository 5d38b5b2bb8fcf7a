"""The portfolio tab's Suitability box: the portfolio as a whole against the client's
level and bearable loss, and what the rules found (blocks first), with the remedies."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from app.domain.portfolio_fit import PortfolioFit
from app.services.risk import CurrentRisk
from ui.formatting import format_money
from ui.risk.common import RiskWords, data_lang, level_text

BLOCK_STYLE = "color: #b42318; font-weight: 600"
WARN_STYLE = "color: #9a3412; font-weight: 600"
OK_STYLE = "color: #2f7d5b; font-weight: 600"


class SuitabilityBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Suitability"))
        self.words = RiskWords(self)
        self.figures = QGridLayout()
        self.figures.setColumnStretch(1, 1)
        self.findings = QVBoxLayout()
        self.note = QLabel(objectName="muted", wordWrap=True)
        column = QVBoxLayout(self)
        column.addLayout(self.figures)
        column.addLayout(self.findings)
        column.addWidget(self.note)
        self.finding_labels: list[QLabel] = []

    def show_fit(self, fit: PortfolioFit | None, risk: CurrentRisk | None, error: str = "") -> None:
        self.clear()
        if fit is None:
            self._finding(self.tr("Suitability could not be checked: {0}").format(error), "")
            return
        level = level_text(risk.level, risk.lowest_class) if risk is not None else self.tr("none")
        above = "—" if fit.share_above_level is None else f"{float(fit.share_above_level):.1%}"
        bearable = self.words.loss(risk.max_loss_pct if risk is not None else None)
        rows = (
            (
                self.tr("Weighted risk rating"),
                self.tr("R{0} against the client's level {1}").format(fit.weighted_rating, level),
            ),
            (self.tr("Share rated above the level"), above),
            (
                self.tr("Estimated volatility"),
                self.tr("{0} a year").format(f"{fit.volatility:.1%}"),
            ),
            (
                self.tr("Estimated 6-month loss (95%)"),
                self.tr("{0} ({1}); the client can bear {2}").format(
                    f"{fit.loss_6m:.1%}", format_money(fit.loss_6m_cny), bearable
                ),
            ),
        )
        for row, (label, value) in enumerate(rows):
            self.figures.addWidget(QLabel(label, objectName="muted"), row, 0)
            self.figures.addWidget(QLabel(value, wordWrap=True), row, 1)
        lang = data_lang()
        for finding in fit.findings:
            block = finding.severity == "block"
            mark = "⛔ " + self.tr("Must not stay:") if block else "⚠ " + self.tr("Warning:")
            self._finding(
                f"{mark} {finding.why.get(lang)}",
                finding.remedy.get(lang),
                BLOCK_STYLE if block else WARN_STYLE,
            )
        if risk is None or not risk.validity.usable:
            self._finding(
                "⚠ " + self.tr("No valid assessment: nothing but deposits may be sold or advised."),
                self.tr("Assess the client's risk tolerance (Risk tab) before advising."),
                WARN_STYLE,
            )
        elif fit.total_cny == 0:
            self._finding(self.tr("No holdings to check."), "", OK_STYLE)
        elif not fit.findings:
            self._finding("✓ " + self.tr("The portfolio suits the client's level."), "", OK_STYLE)
        if fit.assumptions_version:
            self.note.setText(
                self.tr(
                    "Risk figures are estimates from market assumptions {0}, not promises."
                ).format(fit.assumptions_version)
            )

    def _finding(self, why: str, remedy: str, style: str = BLOCK_STYLE) -> None:
        label = QLabel(why, wordWrap=True)
        label.setStyleSheet(style)
        self.findings.addWidget(label)
        self.finding_labels.append(label)
        if remedy:
            fix = QLabel("→ " + remedy, objectName="muted", wordWrap=True)
            fix.setContentsMargins(18, 0, 0, 4)
            self.findings.addWidget(fix)
            self.finding_labels.append(fix)

    def clear(self) -> None:
        for layout in (self.figures, self.findings):
            while layout.count():
                item = layout.takeAt(0)
                assert item is not None  # the layout is not empty
                if (widget := item.widget()) is not None:
                    widget.deleteLater()
        self.finding_labels = []
        self.note.clear()
