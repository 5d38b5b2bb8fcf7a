"""Vault work off the GUI thread: one serial worker owns the open Workspace.

SQLAlchemy sessions must not be shared between threads and opening SQLCipher
connections is slow, so every vault call — unlock, reads, writes, lock — runs on one
dedicated thread. The GUI submits plain callables ``fn(ws) -> T`` and gets the result
(or the error) back on the GUI thread. Long non-vault work (PDF, import parsing) goes to
``QThreadPool`` instead.

Two lanes share the thread: what the banker is waiting for (the default) runs in order,
ahead of background jobs — book-wide reads such as Home's alerts and reminders, which
at 10,000 clients take longer than a click should wait. A background job that already
runs is not interrupted, so background jobs should be reads, and the latest state is
what they read whenever they run.
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

if TYPE_CHECKING:
    from app.services.workspace import Workspace

Job = Callable[["Workspace | None"], Any]


FOREGROUND, BACKGROUND, STOP = 0, 1, 2


@dataclass
class _Request:
    ident: int
    fn: Job
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    cancelled: bool = False


class VaultWorker(QObject):
    """Runs vault jobs one at a time on its own thread; results return on the GUI thread."""

    _finished = Signal(int, object, object)  # ident, result, error
    sig_busy = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws: Workspace | None = None
        # (lane, order, request): the lowest lane first, in submission order within it.
        self._queue: queue.PriorityQueue[tuple[int, int, _Request | None]] = queue.PriorityQueue()
        self._order = itertools.count()
        self._pending: dict[int, _Request] = {}
        self._ids = itertools.count(1)
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._loop, name="vault-worker", daemon=True)
        self._thread.start()

    def submit(
        self,
        fn: Job,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        background: bool = False,
    ) -> int:
        """Queue ``fn(ws)``; ``on_done(result)`` or ``on_error(exc)`` run on the GUI thread.
        A ``background`` job waits until no foreground job is queued."""
        request = _Request(next(self._ids), fn, on_done, on_error)
        self._pending[request.ident] = request
        self.sig_busy.emit(True)
        self._put(BACKGROUND if background else FOREGROUND, request)
        return request.ident

    def _put(self, lane: int, request: _Request | None) -> None:
        self._queue.put((lane, next(self._order), request))

    def cancel_callbacks(self) -> None:
        """Forget every callback not yet delivered (e.g. when the vault locks)."""
        for request in self._pending.values():
            request.on_done = request.on_error = None
            request.cancelled = True  # its result, or error, goes nowhere

    def run_sync(self, fn: Job) -> Any:
        """Run ``fn`` on the worker and wait for it (for shutdown and tests only)."""
        if not self.running:
            raise RuntimeError("the vault worker has stopped")
        done = threading.Event()
        box: dict[str, Any] = {}

        def wrapper(ws: Workspace | None) -> None:
            try:
                box["result"] = fn(ws)
            except BaseException as exc:
                box["error"] = exc
            finally:
                done.set()

        self._put(FOREGROUND, _Request(0, wrapper, None, None))
        done.wait()
        if "error" in box:
            raise box["error"]
        return box.get("result")

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def stop(self) -> None:
        """End the thread once every job queued so far, background ones too, has run."""
        self._put(STOP, None)
        self._thread.join(timeout=10)

    def _loop(self) -> None:
        while (request := self._queue.get()[2]) is not None:
            try:
                result, error = request.fn(self.ws), None
            except BaseException as exc:
                result, error = None, exc
            if request.ident:
                self._finished.emit(request.ident, result, error)

    @Slot(int, object, object)
    def _deliver(self, ident: int, result: Any, error: BaseException | None) -> None:
        request = self._pending.pop(ident, None)
        if not self._pending:
            self.sig_busy.emit(False)
        if request is None or request.cancelled:
            return
        if error is not None:
            if request.on_error is not None:
                request.on_error(error)
            else:
                raise error
        elif request.on_done is not None:
            request.on_done(result)
