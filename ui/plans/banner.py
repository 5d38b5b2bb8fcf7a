"""A line of text that takes no room while it has nothing to say.

Why it is shaped so: the plan editor has several one-line messages (an error, the notes
of a review copy, why a plan is read-only); an empty QLabel still takes a line's
height, which in a 1280×800 window is room the tables need. A Banner shows itself when
given text and hides when cleared, so callers only ever set or clear it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class Banner(QLabel):
    def __init__(self, style: str = "", object_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        if object_name:
            self.setObjectName(object_name)
        if style:
            self.setStyleSheet(style)
        self.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.hide()


__all__ = ["Banner"]
