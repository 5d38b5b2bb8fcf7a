"""What the risk screens share: the language of bilingual data, the words for a level
and its validity, the badge colours, and saving an assessment's PDF."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from app.domain import risk_profile as rp
from app.domain.risk_profile import Validity, ValidityStatus
from app.services.risk import CurrentRisk
from ui.session import VaultSession
from ui.style import RISK_COLOURS

# A warning pill (pale fill, dark text, border) reads differently from the solid level
# colours, some of which are themselves amber or red.
EXPIRING_STYLE = "background: #fdf0c2; color: #7a4b00; border: 1px solid #c28a00"
EXPIRED_STYLE = "background: #fde2e0; color: #b42318; border: 1px solid #b42318"
VALID_STYLE = "background: #e3f4e8; color: #1e6b3a; border: 1px solid #2f8f4e"
CARE_STYLE = "background: #6b4fa1"  # the header's extra-care badge
CARE_NOTE_STYLE = (
    "background: #efe9fa; color: #4a2f80; border: 1px solid #6b4fa1; border-radius: 6px;"
    " padding: 6px 10px"
)


def data_lang() -> str:
    """ "zh" or "en": which half of the bilingual texts (questions, reasons) to show."""
    return "zh" if QLocale().name().lower().startswith("zh") else "en"


def level_text(level: int, lowest_class: bool = False) -> str:
    """``C3 平衡型`` / ``C3 Balanced``."""
    return f"{rp.level_code(level)} {rp.level_name(level, data_lang(), lowest_class)}"


def ratings_text(level: int, lowest_class: bool = False) -> str:
    ratings = rp.suitable_ratings(level, lowest_class)
    return f"R{ratings[0]}–R{ratings[-1]}" if len(ratings) > 1 else "R1"


def validity_style(status: ValidityStatus) -> str:
    """A validity badge on its own: green while valid, amber near expiry, red after."""
    if status is ValidityStatus.VALID:
        return VALID_STYLE
    return EXPIRING_STYLE if status is ValidityStatus.EXPIRING else EXPIRED_STYLE


def level_style(level: int | None, status: ValidityStatus) -> str:
    if status is ValidityStatus.EXPIRING:
        return EXPIRING_STYLE
    if status in (ValidityStatus.EXPIRED, ValidityStatus.MISSING) or level is None:
        return EXPIRED_STYLE
    return f"background: {RISK_COLOURS.get(rp.level_code(level), '#486581')}"


class RiskWords(QObject):
    """Translated words about levels, validity and places (one instance per screen)."""

    def place(self, key: str) -> str:
        names = {
            "branch": self.tr("Branch"),
            "client_site": self.tr("Client's premises"),
            "remote": self.tr("Remote"),
        }
        return names.get(key, key)

    def validity(self, validity: Validity, expires_on: date | None) -> str:
        day = expires_on.isoformat() if expires_on else ""
        if validity.status is ValidityStatus.MISSING or expires_on is None:
            return self.tr("not assessed")
        if validity.status is ValidityStatus.EXPIRED:
            return self.tr("expired on {0}").format(day)
        if validity.status is ValidityStatus.EXPIRING:
            return self.tr("expires in {0} days ({1})").format(validity.days_left, day)
        return self.tr("valid to {0}").format(day)

    def badge(self, current: CurrentRisk | None) -> tuple[str, str]:
        """The header badge's text and style sheet."""
        if current is None:
            return self.tr("Risk: not assessed — assess before advising"), EXPIRED_STYLE
        text = f"{level_text(current.level, current.lowest_class)} · " + self.validity(
            current.validity, current.expires_on
        )
        return text, level_style(current.level, current.validity.status)

    def loss(self, max_loss_pct: int | None) -> str:
        if max_loss_pct is None:
            return "—"
        if max_loss_pct == 0:
            return self.tr("no loss of principal")
        return self.tr("up to {0}%").format(max_loss_pct)

    def save_pdf(
        self,
        parent: QWidget,
        session: VaultSession,
        assessment_id: uuid.UUID,
        suggested: str,
        on_done: Callable[[Path], None],
        on_error: Callable[[BaseException], None],
    ) -> bool:
        """Ask where, then write the assessment's PDF there on the worker (audited)."""
        path, _ = QFileDialog.getSaveFileName(
            parent, self.tr("Save the assessment as PDF"), suggested, self.tr("PDF (*.pdf)")
        )
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        lang = data_lang()
        return session.run(
            lambda ws: ws.risk.export_document(assessment_id, target, lang), on_done, on_error
        )
