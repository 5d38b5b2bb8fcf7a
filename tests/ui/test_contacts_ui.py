"""Contacts in the app: logging a contact on the client's Contacts tab, care dates, and
Home's care reminders."""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt
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
    from ui.contacts.tab import ContactsTab

    tab = ContactsTab(window.session)
    qtbot.addWidget(tab)
    tab.resize(1100, 600)
    tab.show()
    client = run(window, lambda ws: ws.book.quick_find("张伟")[0].id)
    tab.open(client)
    qtbot.waitUntil(lambda: tab.data is not None, timeout=10000)
    return tab


def cells(model, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def log(tab, qtbot, when: datetime, channel: str, direction: str, summary: str):  # type: ignore[no-untyped-def]
    dialog = tab.log_contact()
    dialog.when.setDateTime(QDateTime(when))
    dialog.channel.setCurrentIndex(dialog.channel.findData(channel))
    dialog.direction.setCurrentIndex(dialog.direction.findData(direction))
    dialog.summary.setPlainText(summary)
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    return dialog


def test_logging_a_contact(window, tab, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    client = tab.client_id
    assert tab.interactions.rowCount() == 0 and tab.count.text() == "none logged yet"
    now = datetime.now().replace(second=0, microsecond=0)
    log(tab, qtbot, now - timedelta(days=2), "phone", "outbound", "约定下周来行面谈")
    qtbot.waitUntil(lambda: tab.interactions.rowCount() == 1, timeout=10000)
    log(tab, qtbot, now - timedelta(hours=1), "wechat", "inbound", "客户询问美元理财到期安排")
    qtbot.waitUntil(lambda: tab.interactions.rowCount() == 2, timeout=10000)
    # Newest first, in the machine's time zone.
    first = cells(tab.interactions, 0)
    assert first[0] == (now - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    assert first[1:3] == ["WeChat", "From the client"]
    assert first[4] == "客户询问美元理财到期安排"
    assert cells(tab.interactions, 1)[1:3] == ["Phone", "To the client"]
    assert tab.contacts.isColumnHidden(3)  # "who": only for a household's members
    assert tab.count.text() == "2 logged"
    saved = run(window, lambda ws: ws.contacts.for_client(client))
    assert [(s.channel, s.direction, s.summary) for s in saved] == [
        ("wechat", "inbound", "客户询问美元理财到期安排"),
        ("phone", "outbound", "约定下周来行面谈"),
    ]
    # A contact in the future is refused with the service's reason; the dialog stays.
    dialog = log(tab, qtbot, now + timedelta(days=1), "visit", "outbound", "拜访")
    qtbot.waitUntil(lambda: "plan a future one" in dialog.error.text(), timeout=5000)
    assert dialog.isVisible()
    dialog.reject()
    qtmodeltester.check(tab.interactions)


def ten_days_on_years_ago(years: int) -> date:
    day = date.today() + timedelta(days=10)
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return (day - timedelta(days=1)).replace(year=day.year - years)


def care_texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    care = window.home.care
    return [care.item(i).text() for i in range(care.count())]


def test_care_dates_show_on_home(window, tab, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    home = window.home
    qtbot.waitUntil(lambda: home.reminders is not None, timeout=10000)
    wedding = ten_days_on_years_ago(20)
    dialog = tab.add_care_date()
    dialog.kind.setCurrentIndex(dialog.kind.findData("anniversary"))
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: "Say what the date is" in dialog.error.text(), timeout=5000)
    dialog.label.setText("结婚纪念日")
    dialog.on.setDate(QDate(wedding))
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: tab.care_dates.rowCount() == 1, timeout=10000)
    assert cells(tab.care_dates, 0) == [wedding.isoformat(), "结婚纪念日", "Anniversary", "Yearly"]
    # Within 30 days: Home's care reminders list it, with the years.
    day = (date.today() + timedelta(days=10)).isoformat()
    expected = f"{day}  张伟 — 结婚纪念日, 20 years"
    qtbot.waitUntil(lambda: expected in care_texts(window), timeout=10000)
    row = care_texts(window).index(expected)
    assert home.care.item(row).toolTip() == "Anniversary"
    with qtbot.waitSignal(window.session.events.client_open_requested, timeout=5000) as opened:
        home.care.itemActivated.emit(home.care.item(row))
    assert opened.args == [tab.client_id]
    qtmodeltester.check(tab.care_dates)
    # Removing it takes it off Home (reloaded when shown again: the client is open now).
    tab.dates.selectRow(0)
    assert tab.remove_date.isEnabled()
    qtbot.mouseClick(tab.remove_date, LEFT)
    qtbot.waitUntil(lambda: tab.care_dates.rowCount() == 0, timeout=10000)
    window.show_page(0)
    qtbot.waitUntil(lambda: home.reminders is not None, timeout=10000)
    assert expected not in care_texts(window)
    assert run(window, lambda ws: ws.contacts.care_dates(tab.client_id)) == []


def test_home_care_reminders_include_birthdays(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    home = window.home
    qtbot.waitUntil(lambda: home.reminders is not None, timeout=10000)
    reminders = run(window, lambda ws: ws.home.reminders())
    assert home.care.count() == len(reminders.care)
    texts = care_texts(window)
    for r, text in zip(reminders.care, texts, strict=True):
        assert text.startswith(f"{r.on.isoformat()}  {r.name} — ")
        if r.kind == "birthday" and r.years:
            assert text.endswith(f"Birthday, turns {r.years}")
