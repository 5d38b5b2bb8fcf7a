"""Translated names for complaint channels, categories and statuses, and the status
colours: open red, in progress amber, resolved green."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.services.complaints import CATEGORIES, CHANNELS, STATUSES
from ui.risk.common import EXPIRED_STYLE, EXPIRING_STYLE, VALID_STYLE

# Text, and a pale fill behind it, for a status in a table cell or a list.
STATUS_COLOURS = {"open": "#b42318", "in_progress": "#8a5a00", "resolved": "#1e6b3a"}
STATUS_FILLS = {"open": "#fde2e0", "in_progress": "#fdf0c2", "resolved": "#e3f4e8"}
# A pill on its own (the detail pane): the same pale fill, dark text, a border.
STATUS_STYLES = {"open": EXPIRED_STYLE, "in_progress": EXPIRING_STYLE, "resolved": VALID_STYLE}


class ComplaintWords(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        channels = {
            "phone": self.tr("Phone"),
            "hotline": self.tr("Hotline"),
            "email": self.tr("Email"),
            "wechat": self.tr("WeChat"),
            "letter": self.tr("Letter"),
            "branch": self.tr("At the branch"),
            "online": self.tr("Online banking"),
            "regulator": self.tr("Via the regulator"),
        }
        categories = {
            "service": self.tr("Service"),
            "product": self.tr("Product"),
            "fees": self.tr("Fees and charges"),
            "transaction": self.tr("Transaction"),
            "privacy": self.tr("Privacy"),
            "system": self.tr("Systems"),
            "other": self.tr("Other"),
        }
        statuses = {
            "open": self.tr("Open"),
            "in_progress": self.tr("In progress"),
            "resolved": self.tr("Resolved"),
        }
        self.channels = {k: channels.get(k, k) for k in CHANNELS}
        self.categories = {k: categories.get(k, k) for k in CATEGORIES}
        self.statuses = {k: statuses.get(k, k) for k in STATUSES}
