"""The client header's badge for open complaints: ``badge_for(count)`` gives its text and
style sheet (a solid red pill like the other header badges); no badge without any."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

BADGE_STYLE = "background: #b42318"


def badge_for(open_complaints: int) -> tuple[str, str]:
    """``("⚠ 2 open complaints", style)``, or ``("", "")`` for none: hide the badge then."""
    if open_complaints <= 0:
        return "", ""
    if open_complaints == 1:
        text = QCoreApplication.translate("ComplaintBadge", "⚠ 1 open complaint")
    else:
        text = QCoreApplication.translate("ComplaintBadge", "⚠ {0} open complaints").format(
            open_complaints
        )
    return text, BADGE_STYLE


def badge_tip(open_complaints: int) -> str:
    """The badge's tooltip: where to look."""
    if open_complaints <= 0:
        return ""
    return QCoreApplication.translate(
        "ComplaintBadge", "Unresolved complaints: see the Complaints tab."
    )
