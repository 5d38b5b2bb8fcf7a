"""First run, unlock, wrong passphrase countdown, and locking (shortcut and idle)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

sys.path.insert(0, str(Path(__file__).parent))
from helpers import PASS, unlock, visible_texts


def test_first_run_creates_a_vault(make_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "new-vault"
    window = make_window(target)
    assert window.stack.currentWidget() is window.welcome
    page = window.welcome
    page.path.setText(str(target))
    page.first.setText("short")
    assert not page.create_button.isEnabled() and "at least 12" in page.rules.text().lower()
    page.first.setText("a long passphrase 2026")
    page.second.setText("a long passphrase 2025")
    assert not page.create_button.isEnabled() and "differ" in page.rules.text()
    page.second.setText("a long passphrase 2026")
    assert page.create_button.isEnabled() and page.meter.value() >= 2
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workbench, timeout=15000)
    assert (target / "keys.json").exists() and (target / "vault.db").exists()
    assert "Unlocked" in window.vault_state.text()


def test_unlock_and_wrong_passphrase_countdown(make_window, qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(book)
    assert window.stack.currentWidget() is window.unlock
    assert str(book) in window.unlock.path_label.text()
    window.unlock.passphrase.setText("not the passphrase")
    qtbot.mouseClick(window.unlock.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "does not open" in window.unlock.message.text(), timeout=15000)
    assert not window.unlock.button.isEnabled()
    assert "Try again in" in window.unlock.button.text()
    assert window.unlock.seconds_left() >= 1
    qtbot.waitUntil(lambda: window.unlock.button.isEnabled(), timeout=5000)
    unlock(window, qtbot)
    assert window.pages.currentWidget() is window.home


def _open_client_list(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_page(1)
    qtbot.waitUntil(lambda: window.clients.model.rowCount() > 0, timeout=10000)


def test_lock_by_shortcut_drops_all_client_data(make_window, qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(book)
    unlock(window, qtbot)
    qtbot.waitUntil(lambda: window.home.fresh, timeout=10000)
    _open_client_list(window, qtbot)
    window.open_client(window.clients.model.client_id(0))
    qtbot.waitUntil(lambda: window.client_view.name.text() != "", timeout=10000)
    name = window.client_view.name.text()
    assert any(name in t for t in visible_texts(window))
    qtbot.keySequence(window, QKeySequence("Ctrl+L"))  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock, timeout=5000)
    assert not window.session.unlocked
    assert window.clients.model.rowCount() == 0
    assert window.client_view.profile_tab.client_id is None
    leftovers = [t for t in visible_texts(window) if name in t]
    assert leftovers == []
    window.session.worker.run_sync(lambda ws: None)
    assert window.session.worker.ws is None  # the database is closed


def test_idle_timeout_locks(make_window, qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(book)
    unlock(window, qtbot)
    _open_client_list(window, qtbot)
    first_name = window.clients.model.data(window.clients.model.index(0, 0))
    window.idle.timeout = 0.2  # seconds of wall-clock time without input
    window.idle.last_input -= 1
    window.idle.check()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock, timeout=5000)
    assert window.clients.model.rowCount() == 0
    assert not [t for t in visible_texts(window) if first_name in t]


def test_input_after_unlock_keeps_the_vault_open(make_window, qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(book)
    assert not window.idle.watching  # locked: no app-wide filter, nothing to lock
    unlock(window, qtbot)
    qtbot.waitUntil(lambda: window.idle.watching, timeout=10000)  # from Home's first paint
    window.idle.last_input -= 240  # four idle minutes of the five
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.idle.last_input > window.idle._clock() - 5
    window.idle.last_input -= 240
    qtbot.mouseMove(window.nav, window.nav.rect().center())
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton)
    assert window.idle.last_input > window.idle._clock() - 5
    window.lock()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock, timeout=5000)
    assert not window.idle.watching and not window.idle.active
    unlock(window, qtbot)  # the next unlock watches again, from its own first paint
    qtbot.waitUntil(lambda: window.idle.watching, timeout=10000)
    # Should Home never paint, the database being open starts the watching all the same.
    qtbot.waitUntil(lambda: window._info is not None and window._info.clients is not None)
    window.idle.stop()
    window.idle.start()
    assert not window.idle.watching
    window.events.vault_did_open.emit(window._info)
    assert window.idle.watching


def test_status_bar_counts_clients_as_home_does(make_window, qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    from app.services.changes import Changes
    from app.services.clients import NewClient

    window = make_window(book)
    unlock(window, qtbot)
    qtbot.waitUntil(lambda: window.home.fresh, timeout=10000)
    persons = window.home.summary.clients  # persons only: a household is its members
    households = window.session.worker.run_sync(lambda ws: ws.clients.counts().households)
    assert households > 0
    said = f"{persons} clients, {households} households"
    qtbot.waitUntil(lambda: said in window.vault_state.text(), timeout=5000)

    def add(ws):  # type: ignore[no-untyped-def]
        ws.clients.add(NewClient(name="状态栏新客户"))
        return Changes(clients=True)

    window.session.mutate(add)
    said = f"{persons + 1} clients, {households} households"
    qtbot.waitUntil(lambda: said in window.vault_state.text(), timeout=5000)


def test_idle_counts_wall_clock_time(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.idle import IdleWatcher

    now = [1000.0]
    watcher = IdleWatcher(300, clock=lambda: now[0])
    watcher.start()
    with qtbot.waitSignal(watcher.sig_idle, timeout=1000):
        now[0] += 301  # e.g. the laptop slept: no timer ran, the clock moved on
        watcher.check()
    assert not watcher.active


def test_second_window_on_the_same_vault_is_refused(make_window, qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    first = make_window(book)
    unlock(first, qtbot)
    second = make_window(book)
    second.unlock.passphrase.setText(PASS)
    qtbot.mouseClick(second.unlock.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already open" in second.unlock.message.text(), timeout=15000)


def test_suspend_locks_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt as QtNs

    from ui.idle import IdleWatcher

    watcher = IdleWatcher(300)
    watcher.start()
    with qtbot.waitSignal(watcher.sig_idle, timeout=1000):
        watcher._state_changed(QtNs.ApplicationState.ApplicationSuspended)


def test_lock_saves_unsaved_edits_first(make_window, qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(book)
    unlock(window, qtbot)
    _open_client_list(window, qtbot)
    client_id = window.clients.model.client_id(0)
    window.open_client(client_id)
    tab = window.client_view.profile_tab
    qtbot.waitUntil(lambda: tab.profile is not None, timeout=10000)
    tab.inputs["occupation"].setText("家族办公室主任")
    tab._edited("occupation")
    window.lock()  # no save clicked
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock, timeout=5000)
    unlock(window, qtbot)
    saved = window.session.worker.run_sync(lambda ws: ws.clients.show(str(client_id)).occupation)
    assert saved == "家族办公室主任"
