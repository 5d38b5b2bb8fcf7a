"""App-wide events: one signal after each mutation, and the vault's lock state.

Views subscribe to ``operation_did_execute(changes, initiator)`` and refresh only on
the flags they show; ``initiator`` lets the editor that made a change skip reloading it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    operation_did_execute = Signal(object, object)  # Changes, initiator
    vault_will_lock = Signal()
    vault_did_lock = Signal()
    vault_did_unlock = Signal(object)  # VaultInfo: passphrase checked, Home can show
    vault_did_open = Signal(object)  # VaultInfo: the database is open, with counts
    client_open_requested = Signal(object)  # ClientId
