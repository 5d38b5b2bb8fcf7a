"""Projections on the vault worker, as often as the plan changes and no more often.

Why it is shaped so: a projection (two Monte Carlo runs of 5,000 paths) takes a tenth
of a second or so, and a banker stepping a weight up five times would otherwise queue
five of them ahead of every other vault job. So a request waits ``DELAY_MS`` for the
next one (the last wins); at most one projection is on the worker at a time, and a
request made while it runs is run once after it; a result that a newer request has
overtaken, or that belongs to another plan, is dropped rather than shown.
"""

from __future__ import annotations

import time
import uuid

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.plan_projections import PlanProjections
from app.services.workspace import Workspace
from ui.session import VaultSession

DELAY_MS = 250


class ProjectionRunner(QObject):
    sig_ready = Signal(object)  # PlanProjections for the plan asked for last
    sig_failed = Signal(object)  # the error, for the plan asked for last

    def __init__(self, session: VaultSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plan_id: uuid.UUID | None = None
        self.generation = 0  # bumped by every request: older results are stale
        self.running = False
        self.again = False  # a request came while one was running
        self.runs = 0  # how many projections were started (for tests and tuning)
        self.seconds = 0.0  # how long the last one took on the worker
        self._inflight = -1  # the generation of the projection on the worker
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self._start)

    def request(self, plan_id: uuid.UUID) -> None:
        """Project ``plan_id`` soon; a burst of requests runs once."""
        self.plan_id = plan_id
        self.generation += 1
        self._timer.start()

    @property
    def busy(self) -> bool:
        return self._timer.isActive() or self.running or self.again

    def _start(self) -> None:
        plan_id = self.plan_id
        if plan_id is None:
            return
        if self.running:
            self.again = True
            return
        generation = self.generation
        self._inflight = generation

        def job(ws: Workspace) -> tuple[PlanProjections, float]:
            started = time.perf_counter()
            result = ws.plans.projections(plan_id)
            return result, time.perf_counter() - started

        self.running = self.session.run(
            job,
            lambda done: self._done(generation, done),
            lambda error: self._failed(generation, error),
        )
        if self.running:
            self.runs += 1

    def _landed(self, generation: int) -> bool:
        """Whether this reply is the one running now (a stop forgets the one before)."""
        if generation != self._inflight:
            return False
        self.running = False
        return True

    def _done(self, generation: int, done: tuple[PlanProjections, float]) -> None:
        if not self._landed(generation):
            return
        result, self.seconds = done
        if self.again:
            self.again = False
            self._start()
            return
        if generation == self.generation and result.plan_id == self.plan_id:
            self.sig_ready.emit(result)

    def _failed(self, generation: int, error: BaseException) -> None:
        if not self._landed(generation):
            return
        if self.again:
            self.again = False
            self._start()
            return
        if generation == self.generation:
            self.sig_failed.emit(error)

    def stop(self) -> None:
        """Forget the plan: nothing pending runs, nothing running is shown."""
        self._timer.stop()
        self.plan_id = None
        self.generation += 1
        self.again = self.running = False
        self._inflight = -1


__all__ = ["DELAY_MS", "ProjectionRunner"]
