"""Complaints in the app: the client's Complaints tab from receipt to resolution through
its dialogs, Home's open complaints, and the header badge."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialogButtonBox

sys.path.insert(0, str(Path(__file__).parent))
from helpers import unlock

LEFT = Qt.MouseButton.LeftButton
SAVE = QDialogButtonBox.StandardButton.Save


@pytest.fixture
def window(make_window, qtbot, book: Path):  # type: ignore[no-untyped-def]
    window = make_window(book)
    unlock(window, qtbot)
    return window


def run(window, fn):  # type: ignore[no-untyped-def]
    return window.session.worker.run_sync(fn)


@pytest.fixture
def tab(window, qtbot):  # type: ignore[no-untyped-def]
    from ui.complaints.tab import ComplaintsTab

    tab = ComplaintsTab(window.session)
    qtbot.addWidget(tab)
    tab.resize(1100, 600)
    tab.show()
    return tab


def home_texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    home = window.home
    return [home.complaints.item(i).text() for i in range(home.complaints.count())]


def cell(tab, row: int, column: str, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    from ui.complaints.model import COLUMNS

    return tab.model.data(tab.model.index(row, COLUMNS.index(column)), role)


def receive(tab, qtbot):  # type: ignore[no-untyped-def]
    """Receive a complaint about fees three days ago, through the dialog."""
    dialog = tab.receive_complaint()
    assert dialog.category.itemText(dialog.category.findData("fees")) == "Fees and charges"
    dialog.category.setCurrentIndex(dialog.category.findData("fees"))
    dialog.channel.setCurrentIndex(dialog.channel.findData("hotline"))
    dialog.received.setDate(QDate(date.today() - timedelta(days=3)))
    dialog.owner.setText("李经理")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: "Describe the complaint" in dialog.error.text(), timeout=5000)
    assert dialog.isVisible()
    dialog.description.setPlainText("管理费扣费与合同约定不符，要求说明并退还")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: tab.dialog is None, timeout=5000)
    return tab.selected()


def test_a_complaint_from_receipt_to_resolution(window, tab, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    client = run(window, lambda ws: ws.book.quick_find("张伟")[0].id)
    tab.open(client)
    qtbot.waitUntil(lambda: tab.loaded, timeout=10000)
    assert tab.model.rowCount() == 0
    assert "No complaints" in tab.empty.text()
    assert not tab.start.isEnabled() and not tab.resolve.isEnabled()
    # The service refuses a complaint without a description; the dialog says why.
    complaint = receive(tab, qtbot)
    assert complaint is not None and complaint.reference.startswith("CP-")
    assert cell(tab, 0, "status") == "Open"
    assert cell(tab, 0, "category") == "Fees and charges"
    assert cell(tab, 0, "channel") == "Hotline"
    assert cell(tab, 0, "owner") == "李经理"
    assert cell(tab, 0, "days") == "3"
    assert cell(tab, 0, "status", Qt.ItemDataRole.ForegroundRole) == QColor("#b42318")
    assert tab.reference.text() == complaint.reference and tab.badge.text() == "Open"
    assert tab.facts["days"].text() == "Open for 3 days"
    # Home lists it among the open complaints.
    qtbot.waitUntil(
        lambda: any(complaint.reference in t and "3 days open" in t for t in home_texts(window)),
        timeout=10000,
    )

    qtbot.mouseClick(tab.start, LEFT)
    qtbot.waitUntil(lambda: tab.selected().status == "in_progress", timeout=10000)
    assert cell(tab, 0, "status") == "In progress" and tab.badge.text() == "In progress"
    assert cell(tab, 0, "status", Qt.ItemDataRole.ForegroundRole) == QColor("#8a5a00")
    assert not tab.start.isEnabled() and tab.resolve.isEnabled()

    # Resolving needs a resolution: the service's message shows in the dialog.
    dialog = tab.resolve_selected()
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: "Say how the complaint was resolved" in dialog.error.text())
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    dialog.resolution.setPlainText("退还多收管理费并书面致歉，客户接受")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: tab.selected().status == "resolved", timeout=10000)
    assert cell(tab, 0, "status") == "Resolved" and cell(tab, 0, "days") == "3"
    assert cell(tab, 0, "status", Qt.ItemDataRole.ForegroundRole) == QColor("#1e6b3a")
    assert tab.facts["days"].text() == "Resolved in 3 days"
    assert "退还多收管理费" in tab.resolution.text() and tab.resolution.isVisible()
    assert tab.reopen.isEnabled() and not tab.resolve.isEnabled()
    assert run(window, lambda ws: ws.complaints.open_complaints(client)) == []
    qtbot.waitUntil(
        lambda: not any(complaint.reference in t for t in home_texts(window)), timeout=10000
    )

    dialog = tab.reopen_selected()
    dialog.reason.setPlainText("客户对退款金额仍有异议")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: tab.selected().status == "open", timeout=10000)
    assert not tab.resolution.isVisible()
    qtmodeltester.check(tab.model)


def test_home_lists_open_complaints_and_opens_the_client(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    home = window.home
    qtbot.waitUntil(lambda: home.reminders is not None, timeout=10000)
    open_ones = run(window, lambda ws: ws.complaints.open_complaints())
    assert open_ones, "the demo book has open complaints"
    assert home.complaints.count() == len(open_ones)
    first = open_ones[0]
    assert home.complaints.item(0).text().startswith(f"{first.reference}  {first.client_name}")
    with qtbot.waitSignal(window.session.events.client_open_requested, timeout=5000) as opened:
        home.complaints.itemActivated.emit(home.complaints.item(0))
    assert opened.args == [first.client_id]


def test_tab_is_emptied_by_locking(window, tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    client = run(window, lambda ws: ws.complaints.open_complaints()[0].client_id)
    tab.open(client)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=10000)
    dialog = tab.receive_complaint()
    window.lock()
    assert tab.model.rowCount() == 0 and tab.client_id is None and tab.reference.text() == ""
    assert tab.dialog is None and not dialog.isVisible()


def test_header_badge() -> None:
    from ui.complaints.badge import BADGE_STYLE, badge_for

    assert badge_for(0) == ("", "")
    assert badge_for(1) == ("⚠ 1 open complaint", BADGE_STYLE)
    assert badge_for(3)[0] == "⚠ 3 open complaints"
