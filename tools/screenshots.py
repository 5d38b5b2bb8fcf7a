"""Screenshots of the main screens on a demo book, for the README and for review.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [--out docs/screenshots] [--lang zh_CN]

Builds a 200-client demo book in a temporary vault (cheap key derivation: it is thrown
away), drives the real window through unlock, Home, Clients, a client's Profile,
Portfolio, Risk, Timeline, Plan and Documents tabs, the assessment wizard and its
results, the calendar, tasks, events, search, meeting mode, and an advice pack's
preview, and saves each with ``QWidget.grab()``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.services.banker import BankerDetails
from app.services.book import BookFilter
from app.services.demo import build_demo_book
from app.services.workspace import KdfParams, Workspace

PASS = "screenshot passphrase"
CHEAP = KdfParams(memory_kib=8 * 1024, passes=1, lanes=1)


_window = []


def window_error() -> object:
    return _window[0].last_error if _window else None


def wait(app: QApplication, done: Callable[[], bool], seconds: float = 20) -> None:
    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            raise TimeoutError(f"the window did not get there in time ({window_error()})")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(20):  # let layouts and charts settle
        app.processEvents()
        time.sleep(0.01)


def assessed_person(window: Any) -> Any:
    """A person high in the list with a valid assessment (the screens show the most)."""

    def pick(ws: Any) -> Any:
        rows = ws.book.rows(ws.book.ids(BookFilter(kinds=frozenset({"person"}))))
        return next(r.id for r in rows if r.risk_level is not None)

    return window.session.worker.run_sync(pick)


def planned_person(window: Any) -> Any:
    """A person with a draft plan (the demo gives a few assessed clients one)."""

    def pick(ws: Any) -> Any:
        rows = ws.book.rows(ws.book.ids(BookFilter(kinds=frozenset({"person"}))))
        for r in rows:
            if r.risk_level is not None and any(
                p.status == "draft" for p in ws.plans.list_for(r.id)
            ):
                return r.id
        raise LookupError("the demo book has no draft plan")

    return window.session.worker.run_sync(pick)


def plan_screens(app: QApplication, window: Any, shot: Callable[..., None]) -> None:
    """A client's plan (goals and the live projection, then the allocation), the
    Documents tab, the advice-pack dialog after making a pack, and its preview."""
    window.open_client(planned_person(window))
    view = window.client_view
    wait(app, lambda: view.profile_tab.profile is not None)
    tab = view.plan_tab
    view.tabs.setCurrentWidget(tab)
    wait(app, lambda: tab.plan is not None and tab.editor.projection.projections is not None)
    wait(app, lambda: getattr(tab.editor.projection, "chart", None) is not None)
    shot("plan-goals")
    tab.editor.pages.setCurrentWidget(tab.editor.allocation)
    wait(app, lambda: True)
    shot("plan-allocation")
    docs = view.documents_tab
    view.tabs.setCurrentWidget(docs)
    wait(app, lambda: docs.loaded)
    dialog = docs.new_advice_pack()
    assert dialog is not None
    dialog.generate()
    wait(app, lambda: docs.preview is not None or bool(dialog.error.text()), seconds=60)
    if docs.preview is None:
        raise RuntimeError(f"no advice pack: {dialog.error.text()}")
    preview = docs.preview
    wait(app, lambda: True)
    shot("pack-preview", preview)
    preview.close()
    wait(app, lambda: docs.model.rowCount() > 0)
    shot("client-documents")


def risk_screens(app: QApplication, window: Any, shot: Callable[..., None]) -> None:
    """The open client's Risk tab, then the wizard: a question page and the results."""
    view = window.client_view
    view.tabs.setCurrentIndex(2)
    wait(app, lambda: getattr(view.risk_tab, "data", None) is not None)
    shot("client-risk")
    view.risk_tab.new_assessment()
    wait(app, lambda: view.risk_tab.wizard is not None)
    wizard = view.risk_tab.wizard
    wizard.go_next()  # past the setup page
    first = wizard.questions[0]
    first.radios[1].click()
    wait(app, lambda: True)
    shot("risk-wizard", wizard)
    for page in wizard.questions:  # a middle answer to each question, then confirm
        page.radios[len(page.radios) // 2].click()
    wizard.go(wizard.pages.index(wizard.summary))
    while wizard.page is not wizard.confirm:
        if wizard.care is not None and wizard.page is wizard.care:
            wizard.care.tick.setChecked(True)
        wizard.go_next()
    wizard.confirm.tick.setChecked(True)
    wizard.save()
    wait(app, lambda: wizard.page is wizard.results and wizard.record is not None)
    wait(app, lambda: True)
    shot("risk-results", wizard)
    wizard.accept()


def relationship_screens(app: QApplication, window: Any, shot: Callable[..., None]) -> None:
    """The client's Timeline and Complaints tabs, the Calendar, Tasks, Events, the Ctrl+K
    search and meeting mode on the client."""
    view = window.client_view
    view.tabs.setCurrentWidget(view.timeline_tab)
    wait(app, lambda: view.timeline_tab.model.rowCount() > 0)
    shot("client-timeline")
    for index, name in ((2, "calendar"), (3, "tasks"), (4, "events")):
        window.show_page(index)
        page = window.pages.currentWidget()
        wait(app, lambda page=page: getattr(page, "loaded", True), seconds=20)
        if name == "calendar":  # the demo plans its meetings in the coming two weeks
            page.next.click()
            wait(app, lambda page=page: page.week_model.rowCount() > 0)
        wait(app, lambda: True)
        shot(name)
    window.quick_action.trigger()
    window.quick_open.text.setText("基金")
    wait(app, lambda: window.quick_open.results.count() > 3)
    wait(app, lambda: True)
    shot("search", window.quick_open)
    window.quick_open.hide()
    mode = window.open_meeting(client_id=view.client_id)
    wait(app, lambda: mode is not None and getattr(mode.editor, "target", None) is not None)
    mode.editor.body.setPlainText(
        "# 年度回顾\n- 客户希望增加子女教育金储备\n- [ ] 寄送教育金方案 @王经理 due:12-05 !高"
    )
    mode.resize(1400, 900)
    wait(app, lambda: True)
    shot("meeting-mode", mode)
    mode.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp()) / "vault"
    with Workspace.create(folder, PASS, CHEAP) as ws:
        build_demo_book(ws, clients=200, seed=7)
        # The pack's cover names the banker (Vault → Banker details…); a made-up one here.
        ws.banker.set(BankerDetails("周雅琴", "F0000000（示例）", "示例银行深圳分行私人银行中心"))

    from ui.events import AppEvents
    from ui.main import build
    from ui.session import VaultSession

    settings = QSettings(str(folder.parent / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("language", args.lang)
    session = VaultSession(AppEvents(), state_dir=folder.parent / "state", kdf=CHEAP)
    window = build(folder, settings, session)
    window.resize(1400, 900)
    window.show()
    _window.append(window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def shot(name: str, widget: Any = None) -> None:
        path = args.out / f"{name}.png"
        (widget or window).grab().save(str(path))
        print(path)

    wait(app, lambda: True)
    shot("unlock")
    window.unlock.passphrase.setText(PASS)
    window.unlock.button.click()
    wait(app, lambda: window.home is not None and window.home.fresh)
    wait(app, lambda: window.home.chart is not None)  # drawn once pyqtgraph is imported
    wait(app, lambda: True)
    shot("home")
    window.show_page(1)
    wait(app, lambda: window.clients.model.rowCount() > 0)
    shot("clients")
    window.open_client(assessed_person(window))
    wait(app, lambda: window.client_view.profile_tab.profile is not None)
    shot("client-profile")
    window.client_view.tabs.setCurrentIndex(1)
    wait(app, lambda: window.client_view.portfolio_tab.data is not None)
    shot("client-portfolio")
    person = window.client_view.client_id
    plan_screens(app, window, shot)  # before the wizard re-assesses anyone
    window.open_client(person)
    wait(app, lambda: window.client_view.profile_tab.profile is not None)
    risk_screens(app, window, shot)
    relationship_screens(app, window, shot)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
