"""The thread-pool runner: the work runs off the GUI thread, its progress, result and
errors come back on the GUI thread, and Cancel stops the work and delivers a
cancellation, never a result."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from ui.background import BackgroundRunner, Cancelled, Progress


class Outcome:
    """What the GUI thread heard, and on which thread it heard it."""

    def __init__(self) -> None:
        self.progress: list[float] = []
        self.done: list[Any] = []
        self.errors: list[BaseException] = []
        self.cancelled = 0
        self.threads: set[int] = set()

    def _seen(self) -> None:
        self.threads.add(threading.get_ident())

    def on_progress(self, fraction: float) -> None:
        self._seen()
        self.progress.append(fraction)

    def on_done(self, result: Any) -> None:
        self._seen()
        self.done.append(result)

    def on_error(self, error: BaseException) -> None:
        self._seen()
        self.errors.append(error)

    def on_cancelled(self) -> None:
        self._seen()
        self.cancelled += 1

    @property
    def ended(self) -> int:
        return len(self.done) + len(self.errors) + self.cancelled


def start(runner: BackgroundRunner, work: Any, outcome: Outcome) -> Any:
    return runner.start(
        work,
        outcome.on_done,
        outcome.on_error,
        on_progress=outcome.on_progress,
        on_cancelled=outcome.on_cancelled,
    )


@pytest.fixture
def runner(qtbot) -> BackgroundRunner:  # type: ignore[no-untyped-def]
    return BackgroundRunner()


def test_progress_and_result_arrive_on_the_gui_thread(qtbot, runner: BackgroundRunner) -> None:  # type: ignore[no-untyped-def]
    outcome, worker_threads = Outcome(), set()

    def work(progress: Progress) -> str:
        worker_threads.add(threading.get_ident())
        for step in range(5):
            progress(step / 4)
        progress(7.0)  # clamped to 1
        return "rendered"

    job = start(runner, work, outcome)
    qtbot.waitUntil(lambda: outcome.ended == 1, timeout=5000)

    assert outcome.done == ["rendered"] and not outcome.errors and not outcome.cancelled
    assert outcome.progress == [0.0, 0.25, 0.5, 0.75, 1.0, 1.0]
    assert outcome.threads == {threading.get_ident()}  # this test runs on the GUI thread
    assert worker_threads and threading.get_ident() not in worker_threads
    assert job.finished and not runner.busy


def test_an_error_is_delivered_not_a_result(qtbot, runner: BackgroundRunner) -> None:  # type: ignore[no-untyped-def]
    outcome = Outcome()

    def work(progress: Progress) -> str:
        progress(0.5)
        raise ValueError("the disk is on fire")

    start(runner, work, outcome)
    qtbot.waitUntil(lambda: outcome.ended == 1, timeout=5000)

    assert [str(e) for e in outcome.errors] == ["the disk is on fire"]
    assert isinstance(outcome.errors[0], ValueError)
    assert outcome.done == [] and outcome.cancelled == 0
    assert outcome.threads == {threading.get_ident()}


def test_cancel_stops_the_work_and_delivers_a_cancellation(qtbot, runner: BackgroundRunner) -> None:  # type: ignore[no-untyped-def]
    outcome, steps, raised = Outcome(), [0], []

    def work(progress: Progress) -> str:
        try:
            for step in range(500):
                steps[0] = step
                progress(step / 500)
                time.sleep(0.01)
        except Cancelled:
            raised.append(steps[0])
            raise
        return "finished anyway"

    job = start(runner, work, outcome)
    qtbot.waitUntil(lambda: len(outcome.progress) >= 3, timeout=5000)
    job.cancel()
    qtbot.waitUntil(lambda: outcome.ended == 1, timeout=5000)

    assert outcome.cancelled == 1 and outcome.done == [] and outcome.errors == []
    assert raised and raised[0] < 450  # stopped inside the work, well before the end
    stopped_at = steps[0]
    qtbot.wait(100)
    assert steps[0] == stopped_at  # and it does not go on
    assert job.cancelled and job.finished and not runner.busy


def test_a_result_on_its_way_is_dropped_once_cancelled(qtbot, runner: BackgroundRunner) -> None:  # type: ignore[no-untyped-def]
    outcome, done = Outcome(), threading.Event()

    def work(progress: Progress) -> int:
        done.set()
        return 42

    job = start(runner, work, outcome)
    assert done.wait(5)
    time.sleep(0.05)  # the result is queued for the GUI thread, which has not run yet
    job.cancel()
    qtbot.waitUntil(lambda: outcome.ended == 1, timeout=5000)

    assert outcome.cancelled == 1 and outcome.done == []


def test_a_forgotten_job_delivers_nothing(qtbot, runner: BackgroundRunner) -> None:  # type: ignore[no-untyped-def]
    outcome = Outcome()

    def work(progress: Progress) -> int:
        for step in range(100):
            progress(step / 100)
            time.sleep(0.005)
        return 1

    job = start(runner, work, outcome)
    qtbot.waitUntil(lambda: bool(outcome.progress), timeout=5000)
    heard = len(outcome.progress)
    job.forget()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)

    assert outcome.ended == 0 and len(outcome.progress) == heard
