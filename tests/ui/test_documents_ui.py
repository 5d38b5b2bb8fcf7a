"""The client's Documents tab: a new advice pack from the dialog (rendered off the vault
worker, kept, listed, previewed), export, Cancel, refusals, a password-locked pack, a
household's list, delete, and what a lock leaves behind (nothing)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from sqlalchemy import select

from app.domain.bilingual import Text
from app.domain.suitability import BLOCK, Finding
from app.reports.brief import page_count
from app.services.book import BookFilter
from app.services.packs import PackService
from app.services.plan_types import BlockedProduct, NotSuitable
from app.services.tasks import client_and_members
from app.vault.models import AuditEvent
from ui.documents import pack_dialog
from ui.documents.model import COLUMNS
from ui.documents.preview import PreviewDialog

sys.path.insert(0, str(Path(__file__).parent))
from helpers import unlock, visible_texts

PASSWORD = "s3cret-Pa55"


@pytest.fixture
def window(make_window, qtbot, book: Path):  # type: ignore[no-untyped-def]
    window = make_window(book)
    unlock(window, qtbot)
    return window


def run(window, fn):  # type: ignore[no-untyped-def]
    return window.session.worker.run_sync(fn)


def assessed_person(window):  # type: ignore[no-untyped-def]
    """A person whose pack can be made (a valid assessment, nothing unsuitable)."""

    def find(ws):  # type: ignore[no-untyped-def]
        for row in ws.book.rows(ws.book.ids(BookFilter(kinds=frozenset({"person"})))):
            if row.risk_level is None:
                continue
            try:
                ws.packs.prepare(row.id, "zh")
            except Exception:
                continue
            return row.id
        raise AssertionError("the demo book has no person whose pack can be made")

    return run(window, find)


def documents_tab(window, qtbot, client_id):  # type: ignore[no-untyped-def]
    window.open_client(client_id)
    view = window.client_view
    qtbot.waitUntil(lambda: view.profile_tab.profile is not None, timeout=15000)
    tab = view.documents_tab
    view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loaded and tab.client_id == client_id, timeout=10000)
    return tab


def stored(window, client_id):  # type: ignore[no-untyped-def]
    return run(window, lambda ws: ws.documents.list_for(client_id))


def build(window, qtbot, tab, client_id, password=None):  # type: ignore[no-untyped-def]
    """A pack made straight through the service, then listed in the tab."""
    pack = run(window, lambda ws: ws.packs.build(client_id, "zh", password=password))
    tab.reload()
    qtbot.waitUntil(lambda: tab.model.row_of(pack.document_id) >= 0, timeout=10000)
    return pack


def test_a_new_pack_is_rendered_kept_listed_and_previewed(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    client = assessed_person(window)
    tab = documents_tab(window, qtbot, client)
    before = len(stored(window, client))
    assert tab.model.rowCount() == before
    dialog = tab.new_advice_pack()
    dialog.lang.setCurrentIndex(dialog.lang.findData("both"))
    dialog.password.setText(PASSWORD)
    dialog.again.setText(PASSWORD)
    fractions: list[int] = []
    made = []
    dialog.bar.valueChanged.connect(fractions.append)
    dialog.sig_generated.connect(lambda pack, password: made.append((pack, password)))
    dialog.generate_button.click()
    qtbot.waitUntil(lambda: tab.preview is not None and tab.preview.page_count > 0, timeout=30000)
    ((pack, password),) = made
    assert password == PASSWORD
    qtbot.waitUntil(lambda: tab.pack_dialog is None, timeout=5000)  # closed once kept

    # Kept in the vault, exactly these bytes.
    rows = stored(window, client)
    assert len(rows) == before + 1
    newest = rows[0]
    assert (newest.id, newest.kind, newest.lang) == (pack.document_id, "advice_pack", "both")
    data = run(window, lambda ws: ws.documents.content(pack.document_id))
    assert data.startswith(b"%PDF") and data == pack.bytes
    assert hashlib.sha256(data).hexdigest() == newest.sha256 == pack.sha256
    assert b"/Encrypt" in data  # locked with the password typed
    # Listed first, selected.
    qtbot.waitUntil(lambda: tab.model.rowCount() == before + 1, timeout=10000)
    assert tab.selected() is not None and tab.selected().id == pack.document_id
    number = tab.model.data(tab.model.index(0, COLUMNS.index("number")))
    assert number == pack.document_number
    assert tab.model.data(tab.model.index(0, COLUMNS.index("lang"))) == "中文 + English"
    # The preview opened with the password just typed: every page, page 1 of them.
    preview = tab.preview
    assert preview.page_count == page_count(data) == pack.pages >= 5
    assert not preview.locked.isVisible()
    assert preview.page.text() == f"Page 1 of {pack.pages}"
    assert fractions and max(fractions) == 100  # the bar followed the rendering
    preview.close()
    qtbot.waitUntil(lambda: tab.preview is None, timeout=5000)


def test_export_writes_the_file_and_is_audited(window, qtbot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    client = assessed_person(window)
    tab = documents_tab(window, qtbot, client)
    pack = build(window, qtbot, tab, client)
    tab.table.selectRow(tab.model.row_of(pack.document_id))
    chosen = tmp_path / "王先生建议书"  # no .pdf: it is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    tab.export_button.click()
    target = tmp_path / "王先生建议书.pdf"
    qtbot.waitUntil(lambda: str(target) in tab.notice.text(), timeout=10000)
    assert target.read_bytes() == pack.bytes
    assert hashlib.sha256(target.read_bytes()).hexdigest() == pack.sha256

    def exports(ws):  # type: ignore[no-untyped-def]
        with ws.begin() as s:
            return list(
                s.scalars(
                    select(AuditEvent.details).where(AuditEvent.action == "document.exported")
                )
            )

    details = run(window, exports)
    assert any(pack.document_number in str(d) and target.name in str(d) for d in details)

    # A folder that is not there: nothing written, and the tab says what to do.
    missing = tmp_path / "gone" / "pack.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing), ""))
    tab.export_button.click()
    qtbot.waitUntil(lambda: "Not exported" in tab.error.text(), timeout=10000)
    assert "Choose another folder" in tab.error.text() and not missing.exists()
    assert len(run(window, exports)) == len(details)  # a failed export is not recorded


def test_cancel_leaves_nothing_stored(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    client = assessed_person(window)
    tab = documents_tab(window, qtbot, client)
    before = len(stored(window, client))
    dialog = tab.new_advice_pack()
    dialog.lang.setCurrentIndex(dialog.lang.findData("en"))

    # Cancel while the PDF renders: at its first progress.
    def cancel_once(value: int) -> None:
        if value > 0 and dialog.stage == pack_dialog.RENDERING:
            dialog.cancel_button.click()

    dialog.bar.valueChanged.connect(cancel_once)
    dialog.generate_button.click()
    qtbot.waitUntil(lambda: "Cancelled" in dialog.step.text(), timeout=30000)
    dialog.bar.valueChanged.disconnect(cancel_once)
    assert dialog.isVisible() and dialog.stage == pack_dialog.IDLE
    assert dialog.lang.currentData() == "en" and dialog.generate_button.isEnabled()
    assert not tab.runner.busy

    # Cancel while the vault still gathers the content.
    dialog.generate_button.click()
    assert dialog.stage == pack_dialog.PREPARING
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.stage == pack_dialog.IDLE, timeout=15000)
    assert "Cancelled" in dialog.step.text()
    qtbot.wait(300)
    assert len(stored(window, client)) == before
    assert tab.model.rowCount() == before and tab.preview is None
    dialog.cancel_button.click()  # now it closes the dialog
    qtbot.waitUntil(lambda: tab.pack_dialog is None, timeout=5000)


def test_refusals_keep_the_dialog_open_with_its_choices(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    unassessed = run(window, lambda ws: ws.book.quick_find("张伟")[0].id)
    tab = documents_tab(window, qtbot, unassessed)
    dialog = tab.new_advice_pack()
    dialog.lang.setCurrentIndex(dialog.lang.findData("en"))
    dialog.password.setText("first-pw1")
    dialog.again.setText("other-pw1")
    dialog.generate_button.click()
    assert "differ" in dialog.error.text() and dialog.stage == pack_dialog.IDLE
    dialog.again.setText("first-pw1")
    dialog.generate_button.click()
    qtbot.waitUntil(lambda: "No advice pack was made" in dialog.error.text(), timeout=15000)
    assert "not been assessed" in dialog.error.text()
    assert "Assess the client first" in dialog.error.text()
    assert dialog.isVisible() and dialog.lang.currentData() == "en"
    assert dialog.password.text() == "first-pw1" and dialog.generate_button.isEnabled()
    assert stored(window, unassessed) == []

    # A product that no longer suits: the gate's own words, in the screen's language.
    finding = Finding(
        "rating",
        BLOCK,
        Text("产品风险等级高于客户", "FUND9 is rated above the client's level."),
        Text("换一只产品", "Choose a product rated within the level."),
    )
    blocked = NotSuitable("refused", (BlockedProduct("FUND9", "成长基金", (finding,)),))

    def refuse(self, client_id, lang="zh", today=None):  # type: ignore[no-untyped-def]
        raise blocked

    monkeypatch.setattr(PackService, "prepare", refuse)
    dialog.generate_button.click()
    qtbot.waitUntil(lambda: "FUND9 (成长基金)" in dialog.error.text(), timeout=15000)
    assert blocked.message("en") in dialog.error.text()
    assert "Choose a product rated within the level." in dialog.error.text()
    assert dialog.isVisible() and stored(window, unassessed) == []
    dialog.reject()


def test_a_locked_pack_previews_with_its_password(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    client = assessed_person(window)
    tab = documents_tab(window, qtbot, client)
    pack = build(window, qtbot, tab, client, password=PASSWORD)
    tab.preview_row(tab.model.row_of(pack.document_id))
    qtbot.waitUntil(lambda: tab.preview is not None, timeout=10000)
    preview = tab.preview
    assert preview.locked.isVisible() and preview.page_count == 0
    assert "locked with a password" in preview.locked_text.text()
    preview.password.setText("not-the-one")
    preview.unlock.click()
    assert "does not open" in preview.locked_text.text() and preview.page_count == 0
    preview.password.setText(PASSWORD)
    preview.unlock.click()
    assert preview.page_count == pack.pages and not preview.locked.isVisible()
    assert preview.password.text() == ""  # not kept once used
    assert preview.page.text() == f"Page 1 of {pack.pages}"
    preview.close()


def test_a_household_lists_its_members_documents_and_delete_asks(
    window, qtbot, qtmodeltester, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    def household_with_assessed_member(ws):  # type: ignore[no-untyped-def]
        rows = ws.book.rows(ws.book.ids(BookFilter(kinds=frozenset({"household"}))))
        for row in rows:
            with ws.begin() as s:
                members = client_and_members(s, row.id)[1:]
            for member in members:
                try:
                    ws.packs.prepare(member, "zh")
                except Exception:
                    continue
                return row.id, member, ws.book.rows([member])[0].name
        raise AssertionError("no household with an assessed member")

    household, member, name = run(window, household_with_assessed_member)
    pack = run(window, lambda ws: ws.packs.build(member, "en"))
    tab = documents_tab(window, qtbot, household)
    row = tab.model.row_of(pack.document_id)
    assert row >= 0
    client_column = COLUMNS.index("client")
    assert tab.model.data(tab.model.index(row, client_column)) == name
    assert not tab.table.isColumnHidden(client_column)
    qtmodeltester.check(tab.model)

    tab.table.selectRow(row)
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No
    )
    tab.delete_button.click()
    assert asked and tab.model.row_of(pack.document_id) >= 0  # "No" keeps it
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.delete_button.click()
    qtbot.waitUntil(lambda: tab.model.row_of(pack.document_id) < 0, timeout=10000)
    assert pack.document_number in tab.notice.text()
    assert all(d.id != pack.document_id for d in stored(window, member))


def test_a_lock_drops_the_list_stops_the_pack_and_closes_the_preview(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    client = assessed_person(window)
    tab = documents_tab(window, qtbot, client)
    pack = build(window, qtbot, tab, client)
    tab.preview_row(tab.model.row_of(pack.document_id))
    qtbot.waitUntil(lambda: tab.preview is not None and tab.preview.page_count > 0, timeout=10000)
    count = len(stored(window, client))
    name = window.client_view.name.text()
    dialog = tab.new_advice_pack()
    dialog.password.setText(PASSWORD)
    dialog.again.setText(PASSWORD)
    dialog.generate_button.click()
    qtbot.waitUntil(lambda: dialog.stage == pack_dialog.RENDERING, timeout=15000)

    window.lock()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock, timeout=5000)
    assert tab.preview is None and tab.pack_dialog is None and tab.client_id is None
    assert tab.model.rowCount() == 0
    qtbot.waitUntil(lambda: not tab.runner.busy, timeout=15000)
    qtbot.waitUntil(
        lambda: not [w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewDialog)],
        timeout=5000,
    )
    texts = visible_texts(window)
    assert not [t for t in texts if pack.document_number in t or (name and name in t)]
    assert PASSWORD not in texts

    unlock(window, qtbot)
    assert len(stored(window, client)) == count  # the pack under way was not kept
