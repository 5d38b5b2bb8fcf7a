"""Vault → Banker details…: load, save, a refusal that keeps what was typed, a lock that
closes it, and the advice-pack dialog saying when the cover would show a dash."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.services.banker import BankerDetails

sys.path.insert(0, str(Path(__file__).parent))
from helpers import unlock
from test_documents_ui import assessed_person, documents_tab


@pytest.fixture
def window(make_window, qtbot, book: Path):  # type: ignore[no-untyped-def]
    window = make_window(book)
    assert not window.banker_action.isEnabled()  # locked: nothing to show
    unlock(window, qtbot)
    assert window.banker_action.isEnabled()
    return window


def saved(window) -> BankerDetails:  # type: ignore[no-untyped-def]
    return window.session.worker.run_sync(lambda ws: ws.banker.get())


def opened(window, qtbot):  # type: ignore[no-untyped-def]
    dialog = window.banker_details()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10000)  # loaded
    return dialog


def test_details_are_loaded_and_saved(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(window, qtbot)
    assert (dialog.name.text(), dialog.licence.text(), dialog.branch.text()) == ("", "", "")
    dialog.name.setText("周雅琴")
    dialog.licence.setText("F3021456")
    dialog.branch.setText("某某银行深圳分行私人银行中心")
    dialog.save()
    qtbot.waitUntil(lambda: window.banker_dialog is None, timeout=10000)
    assert saved(window) == BankerDetails("周雅琴", "F3021456", "某某银行深圳分行私人银行中心")
    again = opened(window, qtbot)
    assert again.licence.text() == "F3021456"
    again.reject()


def test_a_refusal_says_why_and_keeps_the_text(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(window, qtbot)
    dialog.name.setText("周雅琴\x07")
    dialog.save()
    qtbot.waitUntil(lambda: "control characters" in dialog.error.text(), timeout=10000)
    assert window.banker_dialog is dialog and dialog.name.text() == "周雅琴\x07"
    assert dialog.buttons.isEnabled() and saved(window) == BankerDetails()


def test_a_lock_closes_it(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(window, qtbot)
    dialog.name.setText("周雅琴")
    window.lock()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock, timeout=5000)
    assert window.banker_dialog is None and not dialog.isVisible()
    assert not window.banker_action.isEnabled()


def test_the_pack_dialog_says_when_the_cover_shows_a_dash(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    tab = documents_tab(window, qtbot, assessed_person(window))
    dialog = tab.new_advice_pack()
    qtbot.waitUntil(lambda: dialog.cover.isVisibleTo(dialog), timeout=10000)
    assert "Banker details" in dialog.cover.text()
    dialog.reject()
    qtbot.waitUntil(lambda: tab.pack_dialog is None, timeout=5000)
    set_all = BankerDetails("周雅琴", "F3021456", "某某银行深圳分行私人银行中心")
    window.session.worker.run_sync(lambda ws: ws.banker.set(set_all))
    complete = tab.new_advice_pack()
    window.session.worker.run_sync(lambda ws: None)  # its question has been answered
    qtbot.wait(50)
    assert not complete.cover.isVisibleTo(complete)
    complete.reject()
