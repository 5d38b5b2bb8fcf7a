"""The open-or-locked state of one vault, driven through the vault worker.

Unlocking (Argon2id, migrations) happens on the worker, so the window stays
responsive. Locking asks editors to save first (``vault_will_lock``), closes the
database on the worker after their saves, then tells every view to drop its data.
"""

from __future__ import annotations

import threading
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
    from app.services.clients import BookCounts
    from app.services.first_look import UnlockedKey
    from app.services.home_cache import CachedHome
    from app.services.workspace import KdfParams, Workspace


def _workspace() -> type[Workspace]:
    """The core's Workspace, imported on first use — on the vault worker, so the database
    stack (a second of imports) loads while the window is already painted."""
    from app.services.workspace import Workspace

    return Workspace


class VaultLocked(ConfidantError):
    """A job reached the worker after the vault was locked."""


PAINT_WAIT_S = 1.0  # at most this long does opening the database wait for Home's paint


@dataclass(frozen=True)
class VaultInfo:
    """What the status bar shows; the counts are None between the passphrase check and
    the database being open (``vault_did_unlock`` then ``vault_did_open``)."""

    path: Path
    clients: int | None  # persons, as Home counts them
    pending_changes: int | None
    households: int | None = None


@dataclass
class _Unlocking:
    """Hands the data key from the first unlock job to the second, on the worker."""

    key: UnlockedKey | None = None


class VaultSession(QObject):
    sig_error = Signal(object)  # an exception meant for the user
    sig_pending = Signal(int)
    sig_book = Signal(int, int)  # persons, households: after a change to clients

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
        # Home's figures from the vault's last session, between the passphrase check and
        # the window showing them; dropped right after (see ``unlock``).
        self.first_look: CachedHome | None = None
        self._paint_gate = threading.Event()
        events.operation_did_execute.connect(self._changed)

    def _kdf(self) -> tuple[()] | tuple[KdfParams]:
        """The key-derivation settings for new vaults: the app's defaults unless given."""
        return () if self.kdf is None else (self.kdf,)

    def warm_up(self) -> None:
        """Import the database stack on the worker while the banker types the passphrase
        (about a second here), so opening the vault does not wait for it. It runs in the
        background lane: an unlock asked for meanwhile goes first."""
        self.worker.submit(lambda _: _workspace(), background=True)

    # --- opening ---------------------------------------------------------------------

    def _opened(self, ws: Workspace) -> VaultInfo:
        self.worker.ws = ws  # runs on the worker thread
        book = ws.clients.counts()
        return VaultInfo(ws.vault.paths.folder, book.persons, ws.pending_changes(), book.households)

    def unlock(
        self, path: Path, passphrase: str, on_error: Callable[[BaseException], None]
    ) -> None:
        """Two jobs, queued together so nothing slips between them. The first checks the
        passphrase and reads Home's cached figures without the database stack (its import
        alone takes about a second), and the window shows the unlocked Home at once
        (``vault_did_unlock``). The second opens the database (``vault_did_open``); work
        the window asks for meanwhile queues behind it. If the second fails, the vault
        locks again and ``on_error`` says why."""
        unlocking = _Unlocking()
        # The second job's imports hold Python's GIL for a second, and the first paint
        # of Home (whose Python handlers need the GIL) goes first: see ``painted``.
        self._paint_gate = painted = threading.Event()

        def check(_: Workspace | None) -> tuple[VaultInfo, CachedHome | None]:
            from app.services.first_look import first_look

            look = first_look(path, passphrase, self.state_dir)
            unlocking.key = look.key
            return VaultInfo(look.key.paths.folder, None, None), look.home

        def checked(result: tuple[VaultInfo, CachedHome | None]) -> None:
            self.first_look = result[1]
            if self.first_look is None:  # nothing to paint before the database is open
                painted.set()
            try:
                self._did_unlock(result[0])
            finally:
                self.first_look = None

        def open_database(_: Workspace | None) -> VaultInfo | None:
            key, unlocking.key = unlocking.key, None
            if key is None:  # the passphrase was refused: the first job said so
                return None
            painted.wait(timeout=PAINT_WAIT_S)
            return self._opened(_workspace().open_unlocked(key, passphrase))

        def failed(error: BaseException) -> None:
            if self.unlocked:
                self.unlocked = False
                self.worker.cancel_callbacks()
                self.events.vault_did_lock.emit()
            on_error(error)

        self.worker.submit(check, checked, on_error)
        self.worker.submit(open_database, self._did_open, failed)

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

    def painted(self) -> None:
        """The unlocked window has painted: the database may load now (``unlock``)."""
        self._paint_gate.set()

    def _did_unlock(self, info: VaultInfo) -> None:
        self.path = info.path
        self.unlocked = True
        self.events.vault_did_unlock.emit(info)
        if info.pending_changes is not None:  # created: already open
            self._did_open(info)

    def _did_open(self, info: VaultInfo | None) -> None:
        if info is None or not self.unlocked:
            return
        self.events.vault_did_open.emit(info)
        assert info.pending_changes is not None
        self.sig_pending.emit(info.pending_changes)

    # --- working -----------------------------------------------------------------------

    def run(
        self,
        fn: Callable[[Workspace], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        background: bool = False,
    ) -> bool:
        """Run ``fn(ws)`` on the worker; errors go to ``on_error`` or the app's error report.
        ``background`` jobs (book-wide reads nobody clicked for) yield to every other job.

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

        self.worker.submit(job, on_done, failed, background=background)
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

    def _changed(self, changes: Changes, _initiator: object) -> None:
        self.refresh_pending()
        if changes.clients and self.unlocked:
            self.run(lambda ws: ws.clients.counts(), self._show_book, lambda _: None)

    def _show_book(self, book: BookCounts) -> None:
        self.sig_book.emit(book.persons, book.households)

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
