"""Long work that needs no vault (rendering a PDF, parsing an import) on Qt's thread pool,
with progress, Cancel, and the outcome delivered on the GUI thread.

Why it is shaped so:

- The vault worker (``ui.ops``) runs one job at a time; a PDF that takes seconds there
  would hold up every read behind it. Work that touches no database goes to
  ``QThreadPool.globalInstance()`` instead, and only its inputs and outputs cross over.
- Qt objects must not be touched from a pool thread. The job gets a plain
  ``progress(fraction)`` function; the pool thread only *emits* signals of the runner, a
  ``QObject`` that lives on the GUI thread, and queued connections carry progress, result
  and error over. Callbacks therefore run on the GUI thread, where widgets may be used.
- Cancel cannot interrupt Python code from outside, so it is cooperative: ``cancel()``
  sets a flag and the job's next ``progress()`` call raises ``Cancelled`` inside the
  worker, which unwinds the job (a ReportLab build stops between pages). Once
  ``cancel()`` has been called no result is ever delivered, even one that was already
  on its way: the caller gets ``on_cancelled`` instead, so "Cancel" always means that
  nothing is used.
- The runner keeps every running job's handle until its outcome is delivered, so the
  handle and its callbacks live and die on the GUI thread. Give the runner a parent
  that outlives its jobs (a page or the main window); a job that ends after its runner
  is gone ends quietly.

Usage::

    runner = BackgroundRunner(self)
    job = runner.start(lambda progress: render(doc, progress), on_done, on_error,
                       on_progress=bar_value, on_cancelled=reset)
    job.cancel()  # later, e.g. from a Cancel button
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

Progress = Callable[[float], None]
Work = Callable[[Progress], Any]


class Cancelled(Exception):
    """Raised inside a job by its ``progress`` callback once it was cancelled."""


class BackgroundJob:
    """The GUI thread's handle on one job: cancel it, ask whether it still runs."""

    def __init__(
        self,
        ident: int,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[float], None] | None,
        on_cancelled: Callable[[], None] | None,
    ) -> None:
        self.ident = ident
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress
        self.on_cancelled = on_cancelled
        self.finished = False
        self.forgotten = False
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the job to stop; ``on_cancelled`` follows (never ``on_done``)."""
        self._cancel.set()

    def forget(self) -> None:
        """Cancel and drop every callback: nothing at all is delivered (e.g. the vault
        locked and the window that asked is gone)."""
        self.cancel()
        self.forgotten = True
        self.on_done = self.on_error = self.on_progress = self.on_cancelled = None

    def check(self) -> None:
        """Raise ``Cancelled`` if cancel was asked (called on the worker)."""
        if self._cancel.is_set():
            raise Cancelled()


class BackgroundRunner(QObject):
    """Starts jobs on the global thread pool; outcomes come back on the GUI thread."""

    _progressed = Signal(int, float)  # job, fraction
    _ended = Signal(int, object, object)  # job, result, error

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.jobs: dict[int, BackgroundJob] = {}
        self._ids = itertools.count(1)
        queued = Qt.ConnectionType.QueuedConnection
        self._progressed.connect(self._deliver_progress, queued)
        self._ended.connect(self._deliver_end, queued)

    def start(
        self,
        work: Work,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        on_progress: Callable[[float], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> BackgroundJob:
        """Run ``work(progress)`` on the pool; call from the GUI thread.

        ``work`` must not touch Qt objects or the vault. It should call ``progress``
        with fractions from 0 to 1 now and then: that is where a cancel takes effect.
        Exactly one of ``on_done(result)``, ``on_error(exc)`` or ``on_cancelled()``
        follows, on the GUI thread (an error with no ``on_error`` is raised there).
        """
        job = BackgroundJob(next(self._ids), on_done, on_error, on_progress, on_cancelled)
        self.jobs[job.ident] = job
        progressed, ended = self._progressed, self._ended

        def progress(fraction: float) -> None:
            job.check()
            _emit(progressed, job.ident, min(1.0, max(0.0, float(fraction))))

        def run() -> None:
            result: Any = None
            error: BaseException | None = None
            try:
                job.check()
                result = work(progress)
                job.check()  # cancelled at the last moment: the result is not wanted
            except BaseException as exc:
                result, error = None, exc
            _emit(ended, job.ident, result, error)

        self.pool.start(run)
        return job

    @property
    def busy(self) -> bool:
        return bool(self.jobs)

    def cancel_all(self) -> None:
        for job in list(self.jobs.values()):
            job.cancel()

    @Slot(int, float)
    def _deliver_progress(self, ident: int, fraction: float) -> None:
        job = self.jobs.get(ident)
        if job is not None and not job.cancelled and job.on_progress is not None:
            job.on_progress(fraction)

    @Slot(int, object, object)
    def _deliver_end(self, ident: int, result: Any, error: BaseException | None) -> None:
        job = self.jobs.pop(ident, None)
        if job is None:
            return
        job.finished = True
        if job.cancelled or isinstance(error, Cancelled):
            if job.on_cancelled is not None:
                job.on_cancelled()
        elif error is not None:
            if job.on_error is not None:
                job.on_error(error)
            elif not job.forgotten:
                raise error  # nobody asked for errors: let the app's error report see it
        elif job.on_done is not None:
            job.on_done(result)


def _emit(signal: Any, *args: Any) -> None:
    """Emit from the pool thread; a runner deleted meanwhile has nobody left to tell."""
    with contextlib.suppress(RuntimeError):  # "Internal C++ object already deleted"
        signal.emit(*args)


__all__ = ["BackgroundJob", "BackgroundRunner", "Cancelled", "Progress", "Work"]
