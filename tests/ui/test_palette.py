"""Ctrl+K from anywhere: clients by pinyin and tails, and words in notes, grouped."""

from __future__ import annotations

from pathlib import Path

from helpers import unlock
from PySide6.QtCore import Qt


def texts(palette) -> list[str]:  # type: ignore[no-untyped-def]
    return [palette.results.item(i).text() for i in range(palette.results.count())]


def test_ctrl_k_finds_clients_and_notes_and_opens_the_client(  # type: ignore[no-untyped-def]
    make_window, qtbot, book: Path
) -> None:
    window = make_window(book)
    unlock(window, qtbot)
    client = window.session.worker.run_sync(lambda ws: ws.book.quick_find("张伟")[0].id)
    window.session.worker.run_sync(
        lambda ws: ws.notes.create(client, "家族信托沟通", "客户关心离岸信托的税务安排")
    )
    window.quick_action.trigger()
    palette = window.quick_open
    assert palette.isVisible()
    qtbot.keyClicks(palette.text, "zw")
    qtbot.waitUntil(lambda: any("张伟" in t for t in texts(palette)), timeout=10000)
    assert texts(palette)[0].startswith("Clients")
    palette.text.setText("离岸")  # a two-character word inside a note
    qtbot.waitUntil(lambda: any("【离岸】" in t for t in texts(palette)), timeout=10000)
    assert any(t.startswith("Notes") for t in texts(palette))
    hit = next(i for i, t in enumerate(texts(palette)) if "【离岸】" in t)
    assert palette.results.item(hit).data(Qt.ItemDataRole.UserRole) == client
    palette.results.setCurrentRow(hit)
    with qtbot.waitSignal(window.session.events.client_open_requested, timeout=5000) as opened:
        qtbot.keyClick(palette.text, Qt.Key.Key_Return)
    assert opened.args == [client] and not palette.isVisible()
