"""Translated names for event kinds and replies."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.services.client_events import KINDS, REPLIES


class EventWords(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        kinds = {
            "seminar": self.tr("Seminar"),
            "salon": self.tr("Salon"),
            "other": self.tr("Other"),
        }
        replies = {"yes": self.tr("Yes"), "no": self.tr("No"), "maybe": self.tr("Maybe")}
        self.kinds = {k: kinds.get(k, k) for k in KINDS}
        self.replies = {k: replies.get(k, k) for k in REPLIES}
        self.no_reply = self.tr("No reply yet")

    def reply(self, key: str) -> str:
        return self.replies.get(key, self.no_reply)
