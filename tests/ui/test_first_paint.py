"""Unlocking paints Home from the vault's cached figures, marked as such, while the
database opens; the fresh figures replace them. If opening then fails, the vault locks
again and says why, and nothing is held."""

from __future__ import annotations

import sys
from pathlib import Path

from app.domain.errors import VaultError
from app.services.clients import NewClient
from app.services.workspace import Workspace

sys.path.insert(0, str(Path(__file__).parent))
from conftest import CHEAP
from helpers import PASS, unlock


def test_home_paints_cached_figures_then_fresh_ones(
    make_window, qtbot, book: Path, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    with Workspace.open(book, PASS, tmp_path / "cache-state") as ws:
        cached = ws.home.summary()  # what the next unlock shows first
        ws.clients.add(NewClient(name="后加客户"))  # changes the figures behind the cache
        ws.clients.add(NewClient(name="再加客户"))
    window = make_window(book)
    seen: list[tuple[int | None, bool, str]] = []

    def at_unlock(_info: object) -> None:  # connected after the window's own handler
        home = window.home
        seen.append((home.summary and home.summary.clients, home.fresh, home.freshness.text()))

    window.events.vault_did_unlock.connect(at_unlock)
    unlock(window, qtbot)
    qtbot.waitUntil(lambda: window.home.fresh, timeout=15000)
    clients, fresh, note = seen[0]
    assert clients == cached.clients and not fresh  # painted before the database opened
    assert "updating" in note
    assert window.home.summary is not None
    assert window.home.summary.clients == cached.clients + 2  # the fresh figures
    assert window.home.freshness.text() == ""
    assert f"{cached.clients + 2:,}" in window.home.total.text()


def test_a_vault_never_summarised_unlocks_straight_to_fresh_figures(
    make_window, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "plain"
    with Workspace.create(folder, PASS, CHEAP) as ws:
        ws.clients.add(NewClient(name="孙丽"))
    window = make_window(folder)
    unlock(window, qtbot)
    qtbot.waitUntil(lambda: window.home.fresh, timeout=15000)
    assert window.home.summary is not None and window.home.summary.clients == 1
    qtbot.waitUntil(lambda: "1 clients" in window.vault_state.text(), timeout=5000)


def test_failing_to_open_the_database_locks_again_and_says_why(
    make_window, qtbot, book: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    def broken(*_: object, **__: object) -> Workspace:
        raise VaultError("The vault database cannot be read with its key: it is damaged.")

    monkeypatch.setattr(Workspace, "open_unlocked", broken)
    window = make_window(book)
    window.unlock.passphrase.setText(PASS)
    window.unlock.button.click()
    qtbot.waitUntil(lambda: "damaged" in window.unlock.message.text(), timeout=15000)
    assert window.stack.currentWidget() is window.unlock
    assert not window.session.unlocked
    assert window.home is None or window.home.summary is None
    window.last_error = None  # reported on the unlock page, as it should be
    monkeypatch.undo()  # the instance lock was given back: the vault opens now
    window.unlock.button.setEnabled(True)
    unlock(window, qtbot)
    qtbot.waitUntil(lambda: window.home.fresh, timeout=15000)
