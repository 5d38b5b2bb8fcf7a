"""The Tasks page: the four views and their counts, the navigation's count, ticking a
task done (and undoing it), opening the client, and dropping everything on lock."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

sys.path.insert(0, str(Path(__file__).parent))
from helpers import unlock

from ui.tasks.model import OVERDUE
from ui.tasks.page import VIEWS

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(make_window, qtbot, book: Path):  # type: ignore[no-untyped-def]
    window = make_window(book)
    unlock(window, qtbot)
    return window


def run(window, fn):  # type: ignore[no-untyped-def]
    return window.session.worker.run_sync(fn)


def show_tasks(window, qtbot, view: str):  # type: ignore[no-untyped-def]
    window.show_page(3)
    page = window.tasks
    page.show_view(view)
    expected = run(window, lambda ws: [t.id for t in ws.tasks.view(view)])
    qtbot.waitUntil(
        lambda: page.view == view and [t.id for t in page.model.tasks] == expected, timeout=10000
    )
    return page


def click_box(table, row: int, qtbot) -> None:  # type: ignore[no-untyped-def]
    index = table.model().index(row, 0)
    table.scrollTo(index)
    rect = table.visualRect(index)
    point = rect.center()
    point.setX(rect.left() + 10)
    qtbot.mouseClick(table.viewport(), LEFT, pos=point)


def test_views_counts_and_the_navigation(window, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    counts = run(window, lambda ws: ws.tasks.counts())
    due = counts["today"] + counts["overdue"]
    qtbot.waitUntil(lambda: window.nav.item(3).text() == f"Tasks ({due})", timeout=10000)
    for view in VIEWS:
        page = show_tasks(window, qtbot, view)
        qtmodeltester.check(page.model)
        assert page.bar.tabText(VIEWS.index(view)).endswith(f"({counts[view]})")
    page = show_tasks(window, qtbot, "overdue")
    model = page.model
    assert model.rowCount() == counts["overdue"] > 0
    first = model.task(0)
    assert first is not None and first.overdue
    assert model.data(model.index(0, 4)) == f"{first.due_on.isoformat()} ⚠"
    assert model.data(model.index(0, 4), Qt.ItemDataRole.ForegroundRole) == QColor(OVERDUE)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable


def test_ticking_completes_and_unticking_reopens(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = show_tasks(window, qtbot, "overdue")
    before = run(window, lambda ws: ws.tasks.counts())
    task = page.model.task(0)
    click_box(page.table, 0, qtbot)
    qtbot.waitUntil(lambda: run(window, lambda ws: ws.tasks.get(task.id)).done, timeout=10000)
    assert page.model.task(0).id == task.id and page.model.task(0).done  # stays, ticked
    due = before["today"] + before["overdue"] - 1
    expected = f"Tasks ({due})" if due else "Tasks"
    qtbot.waitUntil(lambda: window.nav.item(3).text() == expected, timeout=10000)
    assert page.bar.tabText(1).endswith(f"({before['overdue'] - 1})")
    click_box(page.table, 0, qtbot)
    qtbot.waitUntil(lambda: not run(window, lambda ws: ws.tasks.get(task.id)).done, timeout=10000)
    assert page.model.task(0).overdue  # red again
    qtbot.waitUntil(lambda: window.nav.item(3).text() == f"Tasks ({due + 1})", timeout=10000)


def test_a_new_task_shows_and_double_click_opens_the_client(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = show_tasks(window, qtbot, "today")
    client = run(window, lambda ws: ws.book.quick_find("张伟")[0].id)
    rows = page.model.rowCount()
    window.session.mutate(
        lambda ws: ws.tasks.add("致电确认到账", "李经理", date.today(), "high", client).changes
    )
    qtbot.waitUntil(lambda: page.model.rowCount() == rows + 1, timeout=10000)
    row = next(r for r, t in enumerate(page.model.tasks) if t.title == "致电确认到账")
    assert page.model.data(page.model.index(row, 2)) == "张伟"
    assert page.model.data(page.model.index(row, 5)) == "High"
    rect = page.table.visualRect(page.model.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), LEFT, pos=rect.center())  # Qt 6 double-clicks
    qtbot.mouseDClick(page.table.viewport(), LEFT, pos=rect.center())  # after a click
    qtbot.waitUntil(
        lambda: window.client_view is not None and window.client_view.client_id == client,
        timeout=5000,
    )
    assert window.pages.currentWidget() is window.client_view


def test_locking_drops_the_tasks(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = show_tasks(window, qtbot, "open")
    assert page.model.rowCount() > 0
    window.lock()
    assert page.model.rowCount() == 0 and not page.loaded
    assert window.nav.item(3).text() == "Tasks"
    assert all("(" not in page.bar.tabText(i) for i in range(page.bar.count()))
    unlock(window, qtbot)
    qtbot.waitUntil(lambda: "(" in window.nav.item(3).text(), timeout=10000)
    page = show_tasks(window, qtbot, "open")
    assert page.model.rowCount() > 0
