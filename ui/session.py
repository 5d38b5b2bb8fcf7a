"""The open-or-locked state of one vault, driven through the vault worker.

Unlocking (Argon2id, migrations) happens on the worker, so the window stays
responsive. Locking asks editors to save first (``vault_will_lock``), closes the
database on the worker after their saves, then tells every view to drop its data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.domain.errors import ConfidantError
from app.services.changes import Changes
from app.services.config import AppPaths
from ui.events import AppEvents
from ui.ops import VaultWorker

if TYPE_CHECKING:
    from app.services.workspace import KdfParams, Workspace


def _workspace() -> type[Workspace]:
    """The core's Workspace, imported on first use — on the vault worker, so the database
    stack (a second of imports) loads while the window is already painted."""
    from app.services.workspace import Workspace

    return Workspace


class VaultLocked(ConfidantError):
    """A job reached the worker after the vault was locked."""


@dataclass(frozen=True)
class VaultInfo:
    path: Path
    clients: int
    pending_changes: int


class VaultSession(QObject):
    sig_error = Signal(object)  # an exception meant for the user
    sig_pending = Signal(int)

    def __init__(
        self, events: AppEvents, state_dir: Path | None = None, kdf: KdfParams | None = None
    ) -> None:
        super().__init__()
        self.events = events
        self.worker = VaultWorker(self)
        self.state_dir = state_dir or AppPaths.resolve().state
        self.kdf = kdf
        self.path: Path | None = None
        self.unlocked = False
        events.operation_did_execute.connect(lambda *_: self.refresh_pending())

    def _kdf(self) -> tuple[()] | tuple[KdfParams]:
        """The key-derivation settings for new vaults: the app's defaults unless given."""
        return () if self.kdf is None else (self.kdf,)

    def warm_up(self) -> None:
        """Import the database stack on the worker while the unlock screen waits for the
        passphrase (about a second here), so unlocking does not pay for it."""
        self.worker.submit(lambda _: _workspace())

    # --- opening ---------------------------------------------------------------------

    def _opened(self, ws: Workspace) -> VaultInfo:
        self.worker.ws = ws  # runs on the worker thread
        return VaultInfo(ws.vault.paths.folder, ws.clients.count(), ws.pending_changes())

    def unlock(
        self, path: Path, passphrase: str, on_error: Callable[[BaseException], None]
    ) -> None:
        def job(_: Workspace | None) -> VaultInfo:
            return self._opened(_workspace().open(path, passphrase, self.state_dir))

        self.worker.submit(job, self._did_unlock, on_error)

    def create(
        self, path: Path, passphrase: str, on_error: Callable[[BaseException], None]
    ) -> None:
        def job(_: Workspace | None) -> VaultInfo:
            return self._opened(_workspace().create(path, passphrase, *self._kdf()))

        self.worker.submit(job, self._did_unlock, on_error)

    def create_demo(
        self,
        path: Path,
        passphrase: str,
        clients: int,
        progress: Callable[[float, str], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        def job(_: Workspace | None) -> VaultInfo:
            from app.services.demo import build_demo_book

            ws = _workspace().create(path, passphrase, *self._kdf())
            build_demo_book(ws, clients=clients, progress=progress)
            return self._opened(ws)

        self.worker.submit(job, self._did_unlock, on_error)

    def _did_unlock(self, info: VaultInfo) -> None:
        self.path = info.path
        self.unlocked = True
        self.events.vault_did_unlock.emit(info)
        self.sig_pending.emit(info.pending_changes)

    # --- working -----------------------------------------------------------------------

    def run(
        self,
        fn: Callable[[Workspace], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> bool:
        """Run ``fn(ws)`` on the worker; errors go to ``on_error`` or the app's error report.

        Returns False (and does nothing) while the vault is locked.

        Work asked for while locked is dropped, and work that a lock overtook in the
        queue ends quietly: its results would be thrown away anyway.
        """
        if not self.unlocked:
            return False

        def job(ws: Workspace | None) -> Any:
            if ws is None:
                raise VaultLocked("The vault is locked; unlock it first.")
            return fn(ws)

        def failed(error: BaseException) -> None:
            if not isinstance(error, VaultLocked):
                (on_error or self.sig_error.emit)(error)

        self.worker.submit(job, on_done, failed)
        return True

    def mutate(
        self,
        fn: Callable[[Workspace], Changes],
        initiator: object = None,
        on_done: Callable[[Changes], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> bool:
        """Like ``run`` for a change: broadcasts ``operation_did_execute`` when done."""

        def done(changes: Changes) -> None:
            self.events.operation_did_execute.emit(changes, initiator)
            if on_done is not None:
                on_done(changes)

        return self.run(fn, done, on_error)

    def refresh_pending(self) -> None:
        if self.unlocked:
            self.run(lambda ws: ws.pending_changes(), self.sig_pending.emit, lambda _: None)

    # --- locking -----------------------------------------------------------------------

    def lock(self) -> None:
        """Save open edits, close the database, and make every view drop its data."""
        if not self.unlocked:
            return
        self.events.vault_will_lock.emit()  # editors queue their saves now

        def close(ws: Workspace | None) -> None:
            if ws is not None:
                ws.close()
            self.worker.ws = None

        self.unlocked = False
        self.worker.submit(close, lambda _: None, self.sig_error.emit)
        self.worker.cancel_callbacks()
        self.events.vault_did_lock.emit()

    def shutdown(self) -> None:
        """Save, lock and stop the worker (safe to call more than once)."""
        if not self.worker.running:
            return
        if self.unlocked:
            self.events.vault_will_lock.emit()
            self.unlocked = False
        self.worker.run_sync(lambda ws: ws.close() if ws is not None else None)
        self.worker.stop()
