"""Client events in the app: a new event, invitations, replies and attendance edited in
the table, and the attendees' new money afterwards."""

from __future__ import annotations

import sys
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from app.domain.posting import TransactionKind
from app.services.changes import Changes

sys.path.insert(0, str(Path(__file__).parent))
from helpers import unlock

LEFT = Qt.MouseButton.LeftButton
SAVE = QDialogButtonBox.StandardButton.Save
TITLE = "家族信托专题讲座"


@pytest.fixture
def window(make_window, qtbot, book: Path):  # type: ignore[no-untyped-def]
    window = make_window(book)
    unlock(window, qtbot)
    return window


def run(window, fn):  # type: ignore[no-untyped-def]
    return window.session.worker.run_sync(fn)


@pytest.fixture
def page(window, qtbot):  # type: ignore[no-untyped-def]
    from ui.client_events.page import EventsPage

    page = EventsPage(window.session)
    qtbot.addWidget(page)
    page.resize(1130, 760)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.events.rowCount() > 0, timeout=10000)
    return page


def invite(page, qtbot, names: list[str]) -> None:  # type: ignore[no-untyped-def]
    dialog = page.invite_clients()
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    assert "Add at least one client" in dialog.error.text()
    for name in names:
        dialog.search.setText(name)
        qtbot.waitUntil(lambda: dialog.results.count() > 0, timeout=5000)
        assert dialog.results.currentItem().text().startswith(name)
        assert dialog.add_current()
    assert list(dialog.chosen.values()) == names and dialog.count.text() == "2 to invite"
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: page.invitations.rowCount() == len(names), timeout=10000)


def transfer_in(ws, client_id, day: date, amount: str) -> None:  # type: ignore[no-untyped-def]
    from app.vault.models import Account  # the test may reach the vault; the UI may not

    with ws.begin() as s:
        account = Account(
            client_id=client_id, name="综合账户", institution="本行", at_this_bank=True
        )
        account.currency = "CNY"
        s.add(account)
        s.flush()
        ws.portfolio.book_transaction(
            s, account.id, TransactionKind.TRANSFER_IN, day, amount=Decimal(amount)
        )


def test_an_event_from_invitation_to_new_money(window, page, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from ui.client_events.models import InvitationModel
    from ui.formatting import format_money

    demo_events = page.events.rowCount()
    dialog = page.new_event()
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(lambda: "title" in dialog.error.text(), timeout=5000)
    day = date.today() - timedelta(days=10)
    dialog.title.setText(TITLE)
    dialog.kind.setCurrentIndex(dialog.kind.findData("salon"))
    dialog.starts.setDateTime(QDateTime(datetime.combine(day, time(14, 0))))
    dialog.location.setText("本行贵宾会所")
    qtbot.mouseClick(dialog.buttons.button(SAVE), LEFT)
    qtbot.waitUntil(
        lambda: page.selected() is not None and page.selected().title == TITLE, timeout=10000
    )
    assert page.events.rowCount() == demo_events + 1
    row = page.events.row_of(page.selected().id)
    texts = [page.events.data(page.events.index(row, c)) for c in range(9)]
    assert texts == [TITLE, "Salon", f"{day.isoformat()} 14:00", "本行贵宾会所", *"00000"]
    assert TITLE in page.heading.text() and page.invitations.rowCount() == 0

    invite(page, qtbot, ["张伟", "单伟"])
    qtbot.waitUntil(lambda: page.selected().invited == 2, timeout=10000)
    event_id = page.selected().id
    names = [page.invitations.invitation(r).name for r in range(2)]
    zhang = names.index("张伟")
    reply = page.invitations.index(zhang, InvitationModel.REPLY)
    assert page.invitations.data(reply) == "No reply yet"
    # The reply's combo is always open in the table: choosing saves.
    combo = page.guests.indexWidget(reply)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("yes"))
    qtbot.waitUntil(lambda: page.selected().replied_yes == 1, timeout=10000)
    saved = run(window, lambda ws: ws.events.invitations(event_id))
    assert {i.name: i.reply for i in saved} == {"张伟": "yes", "单伟": "none"}
    # Attendance: a checkbox.
    attended = page.invitations.index(zhang, InvitationModel.ATTENDED)
    assert page.invitations.flags(attended) & Qt.ItemFlag.ItemIsUserCheckable
    page.invitations.setData(attended, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: page.selected().attended == 1, timeout=10000)
    qtbot.waitUntil(lambda: page.money_list.count() == 1, timeout=10000)
    assert page.money_list.item(0).text().startswith("张伟")
    assert page.money_total.text() == format_money(Decimal(0))

    # Money brought in after the event counts as its new money.
    client = page.invitations.invitation(zhang).client_id
    run(window, lambda ws: transfer_in(ws, client, day + timedelta(days=3), "1000000"))
    window.session.events.operation_did_execute.emit(Changes(holdings=True), None)
    qtbot.waitUntil(
        lambda: page.money_total.text() == format_money(Decimal("1000000")), timeout=10000
    )
    assert page.money_list.item(0).text() == f"张伟   {format_money(Decimal('1000000'))}"
    end = day + timedelta(days=90)
    assert page.money_range.text().startswith(f"{day.isoformat()} to {end.isoformat()}")
    with qtbot.waitSignal(window.session.events.client_open_requested, timeout=5000) as opened:
        page.money_list.itemActivated.emit(page.money_list.item(0))
    assert opened.args == [client]
    qtmodeltester.check(page.events)
    qtmodeltester.check(page.invitations)


def test_attendance_waits_for_the_event(window, page, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.client_events.models import InvitationModel

    page.upcoming.setChecked(True)
    qtbot.waitUntil(
        lambda: page.selected() is not None and page.invitations.rowCount() > 0, timeout=10000
    )
    assert page.selected().starts_at > datetime.now().astimezone()
    index = page.invitations.index(0, InvitationModel.ATTENDED)
    page.invitations.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: "has not begun" in page.status.text(), timeout=10000)
    qtbot.waitUntil(
        lambda: (
            page.invitations.rowCount() > 0
            and page.invitations.data(
                page.invitations.index(0, InvitationModel.ATTENDED), Qt.ItemDataRole.CheckStateRole
            )
            == Qt.CheckState.Unchecked
        ),
        timeout=10000,
    )


def test_locking_empties_the_page(window, page, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.invitations.rowCount() > 0, timeout=10000)
    dialog = page.new_event()
    window.lock()
    assert page.events.rowCount() == 0 and page.invitations.rowCount() == 0
    assert page.money_list.count() == 0 and page.heading.text() == ""
    assert page.dialog is None and not dialog.isVisible()
