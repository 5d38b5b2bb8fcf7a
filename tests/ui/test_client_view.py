"""The client view's header and tabs follow changes without counting a new viewing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from helpers import unlock
from sqlalchemy import select

from app.services.complaints import CATEGORIES, CHANNELS
from app.vault.models import AuditEvent


def viewed(window, client) -> int:  # type: ignore[no-untyped-def]
    def count(ws):  # type: ignore[no-untyped-def]
        with ws.begin() as s:
            events = s.scalars(
                select(AuditEvent).where(
                    AuditEvent.action == "client.viewed", AuditEvent.subject == str(client)
                )
            ).all()
        return len([e for e in events if json.loads(e.details).get("reason") == "viewed"])

    return window.session.worker.run_sync(count)


def test_a_complaint_shows_in_the_header_and_tab_without_a_second_viewing(  # type: ignore[no-untyped-def]
    make_window, qtbot, book: Path
) -> None:
    window = make_window(book)
    unlock(window, qtbot)
    client = window.session.worker.run_sync(lambda ws: ws.book.quick_find("张伟")[0].id)
    window.open_client(client)
    view = window.client_view
    qtbot.waitUntil(lambda: view.profile_tab.profile is not None, timeout=10000)
    assert view.complaints.isHidden()
    before = viewed(window, client)
    window.session.mutate(
        lambda ws: (
            ws.complaints.receive(
                client, date.today(), CHANNELS[0], CATEGORIES[0], "理财到期未及时通知"
            ).changes
        )
    )
    qtbot.waitUntil(lambda: not view.complaints.isHidden(), timeout=10000)
    assert "1" in view.complaints.text()
    view.tabs.setCurrentWidget(view.complaints_tab)  # a hidden tab reloads when shown
    qtbot.waitUntil(lambda: view.complaints_tab.model.rowCount() == 1, timeout=10000)
    assert viewed(window, client) == before  # refreshed, not viewed again
    tabs = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert tabs[-3:] == ["Timeline", "Contacts", "Complaints"]
    window.show_page(4)
    assert window.pages.currentWidget() is window.events_page
