"""The vault worker's two lanes: what the banker waits for overtakes book-wide reads."""

from __future__ import annotations

import threading

from ui.ops import VaultWorker


def test_foreground_jobs_overtake_queued_background_jobs(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = VaultWorker()
    gate, ran = threading.Event(), list[str]()
    worker.submit(lambda _: gate.wait(5))  # holds the thread while the queue fills
    worker.submit(lambda _: ran.append("alerts"), background=True)
    worker.submit(lambda _: ran.append("reminders"), background=True)
    worker.submit(lambda _: ran.append("list"))
    worker.submit(lambda _: ran.append("client"))
    gate.set()
    assert worker.run_sync(lambda _: list(ran)) == ["list", "client"]  # run_sync is foreground
    worker.stop()  # stop waits for the background lane too
    assert ran == ["list", "client", "alerts", "reminders"]
    assert not worker.running


def test_results_of_both_lanes_reach_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = VaultWorker()
    got: list[object] = []
    main = threading.get_ident()
    worker.submit(lambda _: 1, lambda r: got.append((r, threading.get_ident() == main)))
    worker.submit(
        lambda _: 2, lambda r: got.append((r, threading.get_ident() == main)), background=True
    )
    qtbot.waitUntil(lambda: len(got) == 2, timeout=5000)
    assert got == [(1, True), (2, True)]
    worker.stop()


def test_cancelled_jobs_deliver_neither_result_nor_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = VaultWorker()
    gate, got = threading.Event(), list[object]()
    worker.submit(lambda _: gate.wait(5))

    def fails(_: object) -> None:
        raise RuntimeError("the vault is locked")

    worker.submit(fails, got.append, got.append)
    worker.submit(lambda _: 1, got.append, got.append, background=True)
    worker.cancel_callbacks()  # as a lock does
    gate.set()
    worker.submit(lambda _: 2, got.append)
    qtbot.waitUntil(lambda: got == [2], timeout=5000)  # raised nothing into the event loop
    worker.stop()
