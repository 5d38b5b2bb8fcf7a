"""Driving the window the way a banker would, and looking for leftovers after a lock."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

PASS = "test passphrase 123"


def unlock(window, qtbot, passphrase: str = PASS) -> None:  # type: ignore[no-untyped-def]
    window.unlock.passphrase.setText(passphrase)
    qtbot.mouseClick(window.unlock.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workbench, timeout=15000)


def visible_texts(root: QWidget) -> list[str]:
    """Every text a widget tree holds: labels, inputs, list items, model cells."""
    texts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel | QLineEdit):
            texts.append(w.text())
        elif isinstance(w, QListWidget):
            texts += [w.item(i).text() for i in range(w.count())]
        elif isinstance(w, QComboBox) and w.isEditable():
            texts.append(w.currentText())
    models = [v.model() for v in root.findChildren(QAbstractItemView)]
    for model in [m for m in models if type(m).__module__.startswith("ui.")]:
        for r in range(model.rowCount(QModelIndex())):
            for c in range(model.columnCount(QModelIndex())):
                value = model.data(model.index(r, c))
                if value is not None:
                    texts.append(str(value))
    return texts
