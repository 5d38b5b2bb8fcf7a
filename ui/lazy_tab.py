"""A client-view tab that reloads after a change only when it is seen.

The client view holds several tabs; a change (a note autosaved every few seconds, a
document made) concerns some of them, and only the one shown should query the vault
at once. The others are marked stale and reload at their next showing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class LazyTab(QWidget):
    _stale = False

    def reload(self) -> None:
        """Load the tab's data; implementations clear ``_stale`` when they start."""
        raise NotImplementedError

    def reload_when_seen(self, now: Callable[[], object] | None = None) -> None:
        """Reload now (``now``, e.g. a debounce timer's start, else ``reload``) if the tab
        is shown, else at its next showing."""
        if self.isVisible():
            (now or self.reload)()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()
