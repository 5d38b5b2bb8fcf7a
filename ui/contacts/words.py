"""Translated names for contact channels, directions and care-date kinds."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.services.contacts import CARE_KINDS, CHANNELS, DIRECTIONS, REMINDER_KINDS


class ContactWords(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        channels = {
            "phone": self.tr("Phone"),
            "email": self.tr("Email"),
            "wechat": self.tr("WeChat"),
            "sms": self.tr("SMS"),
            "visit": self.tr("Visit"),
            "event": self.tr("Event"),
        }
        directions = {"inbound": self.tr("From the client"), "outbound": self.tr("To the client")}
        kinds = {
            "birthday": self.tr("Birthday"),
            "lunar_birthday": self.tr("Lunar birthday"),
            "anniversary": self.tr("Anniversary"),
            "milestone": self.tr("Milestone"),
            "other": self.tr("Other"),
        }
        self.channels = {k: channels.get(k, k) for k in CHANNELS}
        self.directions = {k: directions.get(k, k) for k in DIRECTIONS}
        self.kinds = {k: kinds.get(k, k) for k in REMINDER_KINDS}
        self.care_kinds = {k: self.kinds[k] for k in CARE_KINDS}

    def years(self, kind: str, years: int | None) -> str:
        """``turns 55`` for a birthday, ``17 years`` for an anniversary; "" if unknown."""
        if not years:
            return ""
        if kind in ("birthday", "lunar_birthday"):
            return self.tr("turns {0}").format(years)
        return self.tr("{0} years").format(years)
