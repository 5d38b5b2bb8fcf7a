"""The calendar and meeting mode: planning a meeting, the brief, the note editor's
autosave (timer, focus change, lock), finishing a note into tasks, presentation mode,
the brief PDF and the client's Timeline tab."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from app.services.book import BookFilter
from ui.clients import timeline_model
from ui.meeting import editor as editor_module

sys.path.insert(0, str(Path(__file__).parent))
from helpers import unlock

LEFT = Qt.MouseButton.LeftButton
TASK_LINE = "- [ ] 寄送基金说明书 @王经理 due:2026-12-05 !high"


@pytest.fixture
def window(make_window, qtbot, book: Path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(editor_module, "AUTOSAVE_MS", 200)
    window = make_window(book)
    unlock(window, qtbot)
    return window


def run(window, fn):  # type: ignore[no-untyped-def]
    return window.session.worker.run_sync(fn)


def assessed_client(window):  # type: ignore[no-untyped-def]
    """A person with a current risk level whose name finds them first."""

    def find(ws):  # type: ignore[no-untyped-def]
        for row in ws.book.rows(ws.book.ids(BookFilter())):
            if (
                row.kind == "person"
                and row.risk_level
                and ws.risk.current(row.id)
                and ws.book.quick_find(row.name)[0].id == row.id
            ):
                return row.id, row.name
        raise AssertionError("no assessed client")

    return run(window, find)


def schedule_in_dialog(window, qtbot, name: str, title: str):  # type: ignore[no-untyped-def]
    window.show_page(2)
    page = window.calendar
    qtbot.waitUntil(lambda: bool(page.range.text()), timeout=10000)
    dialog = page.new_meeting()
    dialog.title.setText(title)
    dialog.search.setText(name)
    qtbot.waitUntil(lambda: dialog.results.count() > 0, timeout=10000)
    assert dialog.client.text() == name
    start = QDateTime(QDate.currentDate(), QTime(10, 0))
    dialog.starts.setDateTime(start)
    dialog.ends.setDateTime(start.addSecs(5400))
    dialog.channel.setCurrentIndex(dialog.channel.findData("client_office"))
    dialog.location.setText("客户公司会议室")
    dialog.agenda.setPlainText("1. 回顾组合表现\n2. 讨论再投资")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10000)
    qtbot.waitUntil(
        lambda: any(m.title == title for m in page.week_model.all_meetings()), timeout=10000
    )
    return page, next(m for m in page.week_model.all_meetings() if m.title == title)


def open_mode(window, qtbot, opener):  # type: ignore[no-untyped-def]
    opener()
    qtbot.waitUntil(lambda: window.meeting is not None, timeout=5000)
    mode = window.meeting
    qtbot.waitExposed(mode)
    qtbot.waitUntil(
        lambda: mode.brief_panel.brief is not None and mode.editor.target is not None,
        timeout=10000,
    )
    return mode


def body_of(window, client_id) -> str:  # type: ignore[no-untyped-def]
    def read(ws):  # type: ignore[no-untyped-def]
        notes = ws.notes.list_for(client_id, include_members=False)
        return ws.notes.open(notes[0].id).body if notes else ""

    return run(window, read)


def test_plan_a_meeting_then_write_its_note(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    client, name = assessed_client(window)
    page, meeting = schedule_in_dialog(window, qtbot, name, "年度回顾会")
    assert meeting.client_id == client and meeting.channel == "client_office"
    assert page.selected() is not None and page.selected().id == meeting.id
    column = meeting.starts_at.astimezone().weekday()
    cell = page.week_model.data(page.week_model.index_of(meeting.id))
    assert name in cell and "10:00–11:30" in cell
    assert column == page.week_model.index_of(meeting.id).column()
    assert meeting.id in [m.id for m in page.agenda_model.meetings]  # today is in the 14 days
    notes_before = len(run(window, lambda ws: ws.notes.list_for(client, include_members=False)))

    # Opening it (a double-click) enters meeting mode: the brief and an empty note.
    rect = page.week.visualRect(page.week_model.index_of(meeting.id))

    def double_click() -> None:
        qtbot.mouseClick(page.week.viewport(), LEFT, pos=rect.center())  # Qt 6 double-clicks
        qtbot.mouseDClick(page.week.viewport(), LEFT, pos=rect.center())  # after a click

    mode = open_mode(window, qtbot, double_click)
    assert mode.meeting_id == meeting.id
    brief = run(window, lambda ws: ws.meetings.brief(meeting.id))
    panel = mode.brief_panel
    assert panel.name.text() == name
    assert panel.risk.text().startswith(brief.risk.code)
    assert "年度回顾会" in mode.heading.text() and panel.meeting_box.isVisible()
    assert mode.editor.body.toPlainText() == ""

    # The first keystroke creates the note; the timer saves the rest.
    editor = mode.editor
    editor.body.setFocus()
    qtbot.keyClicks(editor.body, "Client asks")
    qtbot.waitUntil(lambda: editor.ref.id is not None, timeout=5000)
    qtbot.keyClicks(editor.body, " about USD bonds")
    assert editor.status.text() in ("Unsaved changes", "Saving…")
    qtbot.waitUntil(lambda: editor.state == "saved", timeout=5000)
    assert editor.status.text().startswith("Saved ")
    notes = run(window, lambda ws: ws.notes.list_for(client, include_members=False))
    assert len(notes) == notes_before + 1 and notes[0].meeting_id == meeting.id
    assert body_of(window, client) == "Client asks about USD bonds"

    # A change of focus saves at once, whatever the timer.
    editor_module.AUTOSAVE_MS = 60_000
    editor.body.insertPlainText("，客户关注美元债")
    assert editor.state == "unsaved"
    editor.title.setFocus()
    qtbot.waitUntil(lambda: editor.state == "saved", timeout=5000)
    assert body_of(window, client) == "Client asks about USD bonds，客户关注美元债"

    # Locking saves what is unsaved and clears the editor (meeting mode closes).
    editor.title.setText("年度回顾")
    editor.body.insertPlainText("。下次面谈带产品说明书")
    assert editor.dirty
    window.lock()
    assert editor.body.toPlainText() == "" and editor.title.text() == ""
    qtbot.waitUntil(lambda: window.meeting is None, timeout=5000)
    unlock(window, qtbot)
    assert (
        body_of(window, client)
        == "Client asks about USD bonds，客户关注美元债。下次面谈带产品说明书"
    )
    assert (
        run(window, lambda ws: ws.notes.list_for(client, include_members=False))[0].title
        == "年度回顾"
    )


def test_finish_note_makes_a_task_that_the_tasks_page_completes(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    client = run(window, lambda ws: ws.book.quick_find("张伟")[0].id)
    window.open_client(client)
    view = window.client_view
    qtbot.waitUntil(view.meeting.isEnabled, timeout=10000)
    mode = open_mode(window, qtbot, lambda: qtbot.mouseClick(view.meeting, LEFT))
    assert mode.meeting_id is None and not mode.brief_panel.meeting_box.isVisible()
    assert "without a meeting" in mode.heading.text()
    editor = mode.editor
    editor.title.insert("电话回访")
    editor.body.setPlainText("## 跟进\n" + TASK_LINE + "\n")
    qtbot.mouseClick(editor.finish_button, LEFT)
    qtbot.waitUntil(lambda: "Tasks created: 1" in editor.report.text(), timeout=10000)
    assert "寄送基金说明书 · 王经理 · 2026-12-05 · !high" in editor.report.text()
    task = next(
        t for t in run(window, lambda ws: ws.tasks.open_for(client)) if t.title == "寄送基金说明书"
    )
    assert (task.owner, task.priority, task.due_on.isoformat()) == ("王经理", "high", "2026-12-05")
    # Finishing again makes nothing twice; the brief lists the new open task.
    qtbot.waitUntil(lambda: mode.brief_panel.task_item(task.id) is not None, timeout=10000)
    qtbot.mouseClick(editor.finish_button, LEFT)
    qtbot.waitUntil(lambda: "No new action items" in editor.report.text(), timeout=10000)

    # The Tasks page lists it (All open); ticking the box completes it in the vault.
    window.show_page(3)
    tasks = window.tasks
    tasks.show_view("open")
    qtbot.waitUntil(lambda: tasks.model.row_of(task.id) >= 0, timeout=10000)
    assert "Tasks (" in window.nav.item(3).text() or window._task_count == 0
    row = tasks.model.row_of(task.id)
    assert tasks.model.data(tasks.model.index(row, 2)) == "张伟"
    assert tasks.model.data(tasks.model.index(row, 5)) == "High"
    rect = tasks.table.visualRect(tasks.model.index(row, 0))
    tasks.table.scrollTo(tasks.model.index(row, 0))
    rect = tasks.table.visualRect(tasks.model.index(row, 0))
    check = rect.center()
    check.setX(rect.left() + 10)
    qtbot.mouseClick(tasks.table.viewport(), LEFT, pos=check)
    qtbot.waitUntil(lambda: run(window, lambda ws: ws.tasks.get(task.id)).done, timeout=10000)
    assert tasks.model.row_of(task.id) == row  # the row stays, ticked, until reloaded
    # Unticking reopens it.
    tasks.model.setData(
        tasks.model.index(row, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    qtbot.waitUntil(lambda: not run(window, lambda ws: ws.tasks.get(task.id)).done, timeout=10000)
    # The brief's box completes it too.
    item = mode.brief_panel.task_item(task.id)
    item.setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: run(window, lambda ws: ws.tasks.get(task.id)).done, timeout=10000)
    mode.close()
    qtbot.waitUntil(lambda: window.meeting is None, timeout=5000)


def test_presentation_mode_hides_notes_and_tasks(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    client, _ = assessed_client(window)
    mode = open_mode(window, qtbot, lambda: window.open_meeting(client_id=client))
    panel = mode.brief_panel
    assert mode.editor.isVisible() and panel.notes_box.isVisible() and panel.tasks_box.isVisible()
    mode.editor.body.insertPlainText("内部备注：客户可能转出资金")
    mode.present.click()
    assert mode.isFullScreen()
    assert not window.quick_action.isEnabled()  # no palette of other clients over it
    assert not mode.editor.isVisible() and not mode.pdf.isVisible()
    assert not panel.notes_box.isVisible() and not panel.tasks_box.isVisible()
    assert not panel.birthdays_box.isVisible()
    qtbot.waitUntil(lambda: panel.brief is not None and panel.brief.presentation, timeout=10000)
    assert not panel.notes_box.isVisible() and not panel.tasks_box.isVisible()
    assert panel.name.text() and panel.assets.text()
    # The text typed before presenting was saved on the way.
    qtbot.waitUntil(lambda: body_of(window, client) == "内部备注：客户可能转出资金", timeout=5000)
    mode.present.click()
    assert not mode.isFullScreen() and mode.editor.isVisible()
    assert window.quick_action.isEnabled()
    qtbot.waitUntil(lambda: not panel.brief.presentation, timeout=10000)
    assert panel.notes_box.isVisible() and panel.tasks_box.isVisible()


def test_brief_pdf_and_templates(window, qtbot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    client, _ = assessed_client(window)
    mode = open_mode(window, qtbot, lambda: window.open_meeting(client_id=client))
    editor = mode.editor
    qtbot.waitUntil(lambda: editor.template.count() > 1, timeout=5000)
    editor.template.activated.emit(1)
    template = editor.templates[0]
    assert editor.body.toPlainText() == template.body and editor.title.text() == template.title
    qtbot.waitUntil(lambda: editor.state == "saved", timeout=5000)
    editor.preview_toggle.click()
    assert editor.preview.isVisible() and editor.preview.toPlainText().strip()
    target = tmp_path / "brief"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    qtbot.mouseClick(mode.pdf, LEFT)
    assert not mode.pdf.isEnabled() and mode.pdf_status.text() == "Making the PDF…"
    qtbot.waitUntil(lambda: "Saved to" in mode.pdf_status.text(), timeout=30000)
    assert mode.pdf.isEnabled()
    assert target.with_name("brief.pdf").read_bytes().startswith(b"%PDF")


def test_calendar_edit_cancel_hold_and_ics(
    window, qtbot, monkeypatch, tmp_path, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    page, meeting = schedule_in_dialog(window, qtbot, "张伟", "产品推介")
    qtmodeltester.check(page.week_model)
    qtmodeltester.check(page.agenda_model)
    dialog = page.edit_selected()
    assert dialog.title.text() == "产品推介" and dialog.client.text() == "张伟"
    dialog.title.setText("产品推介（改）")
    dialog.save()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10000)
    qtbot.waitUntil(
        lambda: run(window, lambda ws: ws.meetings.get(meeting.id)).title == "产品推介（改）",
        timeout=5000,
    )
    qtbot.waitUntil(
        lambda: page.selected() is not None and page.selected().title == "产品推介（改）",
        timeout=5000,
    )
    target = tmp_path / "m"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.ics.click()
    qtbot.waitUntil(lambda: "Saved to" in page.status.text(), timeout=5000)
    text = target.with_name("m.ics").read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in text and "张伟" not in text  # the name leaves masked
    page.held.click()
    qtbot.waitUntil(
        lambda: run(window, lambda ws: ws.meetings.get(meeting.id)).status == "held", timeout=5000
    )
    qtbot.waitUntil(
        lambda: page.selected() is not None and page.selected().status == "held", timeout=5000
    )
    assert page.reopen.isVisible() and not page.cancel.isEnabled()
    page.reopen.click()
    qtbot.waitUntil(
        lambda: page.selected() is not None and page.selected().status == "planned", timeout=5000
    )
    box = page.cancel_selected()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(
        lambda: run(window, lambda ws: ws.meetings.get(meeting.id)).status == "cancelled",
        timeout=5000,
    )
    qtbot.waitUntil(
        lambda: all(m.id != meeting.id for m in page.week_model.all_meetings()), timeout=5000
    )
    page.cancelled.setChecked(True)
    qtbot.waitUntil(
        lambda: any(m.id == meeting.id for m in page.week_model.all_meetings()), timeout=5000
    )
    page.next.click()
    qtbot.waitUntil(
        lambda: all(m.id != meeting.id for m in page.week_model.all_meetings()), timeout=5000
    )
    page.today_button.click()
    qtbot.waitUntil(
        lambda: any(m.id == meeting.id for m in page.week_model.all_meetings()), timeout=5000
    )


def test_timeline_tab_lists_a_new_note_and_filters(
    window, qtbot, qtmodeltester, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(timeline_model, "BATCH", 5)
    client, _ = assessed_client(window)
    window.open_client(client)
    view = window.client_view
    view.tabs.setCurrentWidget(view.timeline_tab)
    tab = view.timeline_tab
    model = tab.model
    qtbot.waitUntil(lambda: model.rowCount() >= 5, timeout=10000)
    qtmodeltester.check(model)
    if model.canFetchMore():  # else the view is fetching the next page already
        assert tab.more.isEnabled()
        tab.more.click()
    qtbot.waitUntil(lambda: model.rowCount() > 5, timeout=10000)
    keys = [(i.kind, i.ref_id) for i in model.items]
    assert len(keys) == len(set(keys))
    assert [i.at for i in model.items] == sorted((i.at for i in model.items), reverse=True)
    # A note written in meeting mode shows (under what is planned for later).
    mode = open_mode(window, qtbot, lambda: qtbot.mouseClick(view.meeting, LEFT))
    mode.editor.title.insert("时间线笔记")
    qtbot.keyClicks(mode.editor.body, "hello")
    qtbot.waitUntil(lambda: mode.editor.state == "saved", timeout=5000)
    mode.close()
    qtbot.waitUntil(lambda: any(i.title == "时间线笔记" for i in model.items), timeout=10000)
    row = next(r for r, i in enumerate(model.items) if i.title == "时间线笔记")
    assert model.data(model.index(row, 0)) == "Note"
    assert model.data(model.index(row, 3)) == "hello"
    # Filters: notes only, then meetings only.
    for kind, box in tab.checks.items():
        box.setChecked(kind == "note")
    qtbot.waitUntil(
        lambda: model.rowCount() > 0 and model.kinds == frozenset({"note"}), timeout=10000
    )
    qtbot.waitUntil(lambda: all(i.kind == "note" for i in model.items), timeout=10000)
    tab.checks["note"].setChecked(False)
    assert model.rowCount() == 0
    tab.checks["meeting"].setChecked(True)
    qtbot.waitUntil(lambda: model.kinds == frozenset({"meeting"}), timeout=10000)
    qtbot.waitUntil(lambda: all(i.kind == "meeting" for i in model.items), timeout=10000)
    qtmodeltester.check(model)


def test_language_switch_reopens_meeting_mode_on_the_same_note(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.language import apply_language

    client, _ = assessed_client(window)
    mode = open_mode(window, qtbot, lambda: window.open_meeting(client_id=client))
    mode.editor.body.insertPlainText("切换语言前")
    try:
        window.set_language("zh_CN")
        qtbot.waitUntil(
            lambda: window.meeting is not None and window.meeting is not mode, timeout=5000
        )
        again = window.meeting
        qtbot.waitUntil(lambda: again.editor.body.toPlainText() == "切换语言前", timeout=10000)
        assert again.present.text() == "演示模式"
        again.editor.body.insertPlainText("，之后")
        qtbot.waitUntil(lambda: again.editor.state == "saved", timeout=5000)
        assert body_of(window, client) == "切换语言前，之后"
        notes = run(window, lambda ws: ws.notes.list_for(client, include_members=False))
        assert sum(1 for n in notes if n.snippet.startswith("切换语言前")) == 1
        assert window.nav.item(2).text() == "日程"
    finally:
        window.set_language("en")
        apply_language("en")
    assert QApplication.instance() is not None


def test_timeline_opens_a_note_and_completes_a_task(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    client, _ = assessed_client(window)
    note = run(window, lambda ws: ws.notes.create(client, "回访记录", "客户确认收到资料")).note_id
    task = run(window, lambda ws: ws.tasks.add("寄送季度报告", "王经理", client_id=client)).task_id
    window.open_client(client)
    view = window.client_view
    view.tabs.setCurrentWidget(view.timeline_tab)
    tab, model = view.timeline_tab, view.timeline_tab.model
    qtbot.waitUntil(lambda: any(i.ref_id == task for i in model.items), timeout=10000)
    row = next(r for r, i in enumerate(model.items) if i.ref_id == task)
    tab.table.selectRow(row)
    assert tab.action.text() == "Mark task done"
    tab.action.click()
    qtbot.waitUntil(lambda: run(window, lambda ws: ws.tasks.get(task)).done, timeout=10000)
    qtbot.waitUntil(
        lambda: any(i.ref_id == task and i.status == "done" for i in model.items), timeout=10000
    )
    row = next(r for r, i in enumerate(model.items) if i.ref_id == note)
    tab.act_on(row)
    qtbot.waitUntil(lambda: window.meeting is not None, timeout=10000)
    mode = window.meeting
    qtbot.waitUntil(lambda: mode.editor.title.text() == "回访记录", timeout=10000)
    assert mode.editor.ref.id == note
    mode.close()
