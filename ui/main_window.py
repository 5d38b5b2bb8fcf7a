"""The main window: welcome, unlock and the workbench (navigation, pages, status bar).

Menus and shortcuts live here; each page is its own module and only loads data while
the vault is unlocked. On lock every page drops its data and the unlock page shows.
Meeting mode is a window of its own (full screen when presenting to the client), opened
from the calendar or a client's header; one at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.domain.ids import ClientId
from app.services.config import DEMO_PASSPHRASE, default_demo_vault, vault_exists
from ui.events import AppEvents
from ui.idle import IdleWatcher
from ui.language import LANGUAGES, apply_language
from ui.pages.unlock import UnlockPage
from ui.pages.welcome import WelcomePage
from ui.session import VaultInfo, VaultSession

if TYPE_CHECKING:
    import uuid

    from ui.banker_dialog import BankerDialog
    from ui.calendar.page import CalendarPage
    from ui.client_events.page import EventsPage
    from ui.clients.list_page import ClientsPage
    from ui.clients.view import ClientView
    from ui.home import HomePage
    from ui.meeting.autosave import NoteRef
    from ui.meeting.mode import MeetingMode
    from ui.palette import QuickOpen
    from ui.tasks.page import TasksPage

DEFAULT_IDLE_MINUTES = 5


def note_ref(note_id: uuid.UUID) -> NoteRef:
    """A reference to an existing note, for meeting mode to go on with."""
    from ui.meeting.autosave import NoteRef

    return NoteRef(note_id)


class MainWindow(QMainWindow):
    def __init__(self, session: VaultSession, vault: Path, settings: QSettings) -> None:
        super().__init__()
        self.session = session
        self.events: AppEvents = session.events
        self.vault = vault
        self.settings = settings
        self.setWindowTitle("Confidant 私行知己")
        self.last_error: BaseException | None = None
        self._info: VaultInfo | None = None
        self._warmed = False
        # QSettings gives back an object: a str when read from the file, else the default.
        minutes = float(str(settings.value("idle_minutes", DEFAULT_IDLE_MINUTES)))
        self.idle = IdleWatcher(minutes * 60, parent=self)
        self._build_ui()
        self._build_menus()
        self._connect()
        self.show_start()

    # --- building ------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.stack = QStackedWidget()
        self.welcome = WelcomePage(self.vault)
        self.unlock = UnlockPage()
        self.workbench = QWidget()
        self.nav = QListWidget(objectName="nav")
        self.nav.addItems(self._page_names())
        self.nav.setFixedWidth(150)
        self.pages = QStackedWidget()
        # The pages (and the database stack they import) are built at the first unlock,
        # so the unlock screen paints without loading them.
        self.home: HomePage | None = None
        self.clients: ClientsPage | None = None
        self.calendar: CalendarPage | None = None
        self.tasks: TasksPage | None = None
        self.events_page: EventsPage | None = None
        self.client_view: ClientView | None = None
        self.meeting: MeetingMode | None = None
        self._task_count: int | None = None
        self.quick_open: QuickOpen | None = None
        self.banker_dialog: BankerDialog | None = None
        row = QHBoxLayout(self.workbench)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        for page in (self.welcome, self.unlock, self.workbench):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        self._build_status_bar()

    def _page_names(self) -> list[str]:
        return [
            self.tr("Home"),
            self.tr("Clients"),
            self.tr("Calendar"),
            self.tr("Tasks"),
            self.tr("Events"),
        ]

    def _nav_pages(
        self,
    ) -> tuple[
        HomePage | None,
        ClientsPage | None,
        CalendarPage | None,
        TasksPage | None,
        EventsPage | None,
    ]:
        """The pages in navigation order (None before the first unlock)."""
        return (self.home, self.clients, self.calendar, self.tasks, self.events_page)

    def _nav_names(self) -> list[str]:
        """The page names, the Tasks one with what is due today or overdue."""
        names = self._page_names()
        if self._task_count:
            names[3] = self.tr("Tasks ({0})").format(self._task_count)
        return names

    def _show_task_counts(self, counts: dict[str, int]) -> None:
        self._task_count = counts.get("today", 0) + counts.get("overdue", 0)
        self.nav.item(3).setText(self._nav_names()[3])

    def _build_pages(self) -> None:
        """Home at unlock: it imports no database stack, so it can paint the vault's
        cached figures while that loads. Tasks (its count shows in the navigation) and the
        quick-open palette once the database is open; the other pages on their first
        showing (``_page``), so unlocking builds only what it shows."""
        if self.home is not None:
            return
        from ui.home import HomePage

        self.home = HomePage(self.session)
        self.home.sig_painted.connect(self.session.painted)
        # Input counts against the idle lock from Home's first paint (see ui.idle).
        self.home.sig_painted.connect(self.idle.watch_input)
        self.pages.addWidget(self.home)

    def _build_tasks(self) -> None:
        if self.tasks is not None:
            return
        from ui.palette import QuickOpen
        from ui.tasks.page import TasksPage

        self.tasks = TasksPage(self.session)
        self.tasks.sig_counts.connect(self._show_task_counts)
        self.pages.addWidget(self.tasks)
        self.quick_open = QuickOpen(self.session, self)

    def _page(self, index: int) -> QWidget:
        """The navigation page ``index``, built now if this is its first showing."""
        if index == 1 and self.clients is None:
            from ui.clients.list_page import ClientsPage

            self.clients = ClientsPage(self.session)
            self.pages.addWidget(self.clients)
        elif index == 2 and self.calendar is None:
            from ui.calendar.page import CalendarPage

            self.calendar = CalendarPage(self.session)
            self.calendar.sig_open_meeting.connect(lambda m: self.open_meeting(meeting_id=m))
            self.pages.addWidget(self.calendar)
        elif index == 3:
            self._build_tasks()
        elif index == 4 and self.events_page is None:
            from ui.client_events.page import EventsPage

            self.events_page = EventsPage(self.session)
            self.pages.addWidget(self.events_page)
        page = self._nav_pages()[index]
        assert page is not None  # Home at unlock, the rest just above
        return page

    def _client_view(self) -> ClientView:
        """The client view, built when the first client is opened."""
        if self.client_view is None:
            from ui.clients.view import ClientView

            self.client_view = ClientView(self.session)
            self.client_view.sig_back.connect(lambda: self.show_page(1))
            self.client_view.sig_meeting.connect(lambda c: self.open_meeting(client_id=c))
            self.client_view.sig_note.connect(
                lambda c, n: self.open_meeting(client_id=c, note=note_ref(n))
            )
            self.pages.addWidget(self.client_view)
        return self.client_view

    def _build_status_bar(self) -> None:
        self.vault_state = QLabel()
        self.pending = QLabel()
        self.last_sync = QLabel()
        self.offline = QLabel()
        self._pending_count: int | None = None
        self._status_texts()
        bar = self.statusBar()
        bar.addWidget(self.vault_state, 1)
        for label in (self.pending, self.last_sync, self.offline):
            bar.addPermanentWidget(label)

    def _status_texts(self) -> None:
        self.last_sync.setText(self.tr("Last sync: never"))
        self.offline.setText(self.tr("● Offline — sync only on request"))
        if self._pending_count is not None:
            self._show_pending(self._pending_count)

    def _show_pending(self, count: int) -> None:
        self._pending_count = count
        self.pending.setText(self.tr("Pending changes: {0}").format(count))

    def _connect_start_pages(self) -> None:
        self.unlock.sig_unlock.connect(self._unlock)
        # The database stack loads while the banker types (a second of imports); not
        # before, so that an unlock without typing (the demo) is not queued behind it.
        self.unlock.passphrase.textEdited.connect(self._warm_up)
        self.welcome.sig_create.connect(self._create)
        self.welcome.sig_demo.connect(self._open_demo)

    def _warm_up(self) -> None:
        if not self._warmed:
            self._warmed = True
            self.session.warm_up()

    def _build_menus(self) -> None:
        self.menuBar().clear()
        vault = self.menuBar().addMenu(self.tr("&Vault"))
        self.lock_action = QAction(self.tr("&Lock"), self, shortcut=QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.banker_action = QAction(self.tr("&Banker details…"), self)
        self.banker_action.triggered.connect(self.banker_details)
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        vault.addActions([self.banker_action, self.lock_action, quit_action])
        go = self.menuBar().addMenu(self.tr("&Go"))
        self.quick_action = QAction(self.tr("Quick open…"), self, shortcut=QKeySequence("Ctrl+K"))
        self.quick_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        go.addAction(self.quick_action)
        for index, name in enumerate(self._page_names()):
            action = QAction(name, self, shortcut=QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.show_page(i))
            go.addAction(action)
        view = self.menuBar().addMenu(self.tr("V&iew"))
        for code, name in LANGUAGES:
            action = QAction(name, self)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            view.addAction(action)
        self.lock_action.triggered.connect(self.lock)
        self.quick_action.triggered.connect(self._quick_open)
        self._enable_unlocked_actions(self.session.unlocked)

    def _enable_unlocked_actions(self, unlocked: bool) -> None:
        for action in (self.lock_action, self.quick_action, self.banker_action):
            action.setEnabled(unlocked)

    def _connect(self) -> None:
        self.idle.sig_idle.connect(self.lock)
        self.nav.currentRowChanged.connect(self.show_page)
        self._connect_start_pages()
        self.events.vault_did_unlock.connect(self._did_unlock)
        self.events.vault_did_open.connect(self._did_open)
        self.events.vault_did_lock.connect(self._did_lock)
        self.events.client_open_requested.connect(self.open_client)
        self.session.sig_pending.connect(self._show_pending)
        self.session.sig_book.connect(self._show_book)
        self.session.sig_error.connect(self.show_error)

    # --- start, unlock, lock --------------------------------------------------------

    def show_start(self) -> None:
        if vault_exists(self.vault):
            self.unlock.show_vault(self.vault)
            self.stack.setCurrentWidget(self.unlock)
        else:
            self.stack.setCurrentWidget(self.welcome)
        self._info = None
        self._vault_state_text()
        self._enable_unlocked_actions(False)

    def _vault_state_text(self) -> None:
        info = self._info if self.session.unlocked else None
        if info is None:
            self.vault_state.setText(self.tr("Locked — {0}").format(self.vault))
        elif info.clients is None:
            self.vault_state.setText(self.tr("Unlocked — {0} — opening…").format(info.path))
        elif not info.households:
            text = self.tr("Unlocked — {0} — {1} clients").format(info.path, info.clients)
            self.vault_state.setText(text)
        else:
            text = self.tr("Unlocked — {0} — {1} clients, {2} households")
            self.vault_state.setText(text.format(info.path, info.clients, info.households))

    def _show_book(self, persons: int, households: int) -> None:
        if self._info is not None:
            self._info = replace(self._info, clients=persons, households=households)
            self._vault_state_text()

    def unlock_with(self, passphrase: str) -> None:
        """Unlock without typing (the demo command hands over the demo passphrase)."""
        self.unlock.set_busy(True)
        self._unlock(self.vault, passphrase)

    def _unlock(self, path: Path, passphrase: str) -> None:
        self.session.unlock(path, passphrase, self.unlock.show_error)

    def _create(self, path: Path, passphrase: str) -> None:
        self.vault = path
        self.session.create(path, passphrase, self.welcome.show_error)

    def _open_demo(self) -> None:
        path = default_demo_vault()
        self.vault = path
        if vault_exists(path):
            self.welcome.set_busy(True)
            self.session.unlock(path, DEMO_PASSPHRASE, self.welcome.show_error)
            return
        progress = self.welcome.show_progress
        self.welcome.set_busy(True, self.tr("Building the demo book"))
        self.session.create_demo(
            path, DEMO_PASSPHRASE, 200, _queued(progress, self), self.welcome.show_error
        )

    def _did_unlock(self, info: VaultInfo) -> None:
        self.vault = info.path
        self.settings.setValue("last_vault", str(info.path))
        self._info = info
        self._vault_state_text()
        self._build_pages()
        assert self.home is not None
        if self.session.first_look is not None:
            self.home.show_cached(self.session.first_look)
        self.stack.setCurrentWidget(self.workbench)
        self._enable_unlocked_actions(True)
        self.show_page(0)
        self.idle.start()

    def _did_open(self, info: VaultInfo) -> None:
        self._info = info
        self._vault_state_text()
        self._build_tasks()
        # Usually on since Home's first paint; this covers a Home that never paints (its
        # figures failed to load), so the banker's input still keeps the vault open.
        self.idle.watch_input()

    def lock(self) -> None:
        self.idle.stop()
        if self.quick_open is not None:
            self.quick_open.hide()
        self.session.lock()

    def banker_details(self) -> BankerDialog | None:
        """Vault → Banker details…: what packs and briefs print about the banker."""
        if not self.session.unlocked:
            return None
        if self.banker_dialog is None:
            from ui.banker_dialog import BankerDialog

            dialog = BankerDialog(self.session, self)
            dialog.finished.connect(lambda _: self._banker_closed(dialog))
            self.banker_dialog = dialog
        self.banker_dialog.open()
        return self.banker_dialog

    def _banker_closed(self, dialog: BankerDialog) -> None:
        if self.banker_dialog is dialog:
            self.banker_dialog = None
        dialog.deleteLater()

    def _did_lock(self) -> None:
        if self.banker_dialog is not None:
            self.banker_dialog.reject()  # its fields held vault data
        self._task_count = None
        for row, name in enumerate(self._page_names()):
            self.nav.item(row).setText(name)
        self.show_start()

    # --- navigation -----------------------------------------------------------------

    def show_page(self, index: int) -> None:
        if not self.session.unlocked:
            return
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(index)
        self.nav.blockSignals(False)
        page = self._page(index)
        self.pages.setCurrentWidget(page)
        page.activate()  # type: ignore[attr-defined]  # every navigation page has one

    def open_client(self, client_id: ClientId) -> None:
        if not self.session.unlocked:
            return
        view = self._client_view()
        self.pages.setCurrentWidget(view)
        view.open(client_id)

    def open_meeting(
        self,
        meeting_id: uuid.UUID | None = None,
        client_id: ClientId | None = None,
        note: NoteRef | None = None,
    ) -> MeetingMode | None:
        """Open meeting mode on a meeting or a client (closing, and saving, any other)."""
        if not self.session.unlocked:
            return None
        from ui.meeting.mode import MeetingMode

        if self.meeting is not None:
            self.meeting.close()
        mode = MeetingMode(self.session, client_id, meeting_id, note, self)
        mode.sig_closed.connect(lambda: self._meeting_closed(mode))
        # Presenting: no quick-open palette (other clients) over the client's screen.
        mode.sig_presenting.connect(
            lambda on: self.quick_action.setEnabled(not on and self.session.unlocked)
        )
        self.meeting = mode
        mode.show()
        mode.raise_()
        mode.activateWindow()
        return mode

    def _meeting_closed(self, mode: MeetingMode) -> None:
        if self.meeting is mode:
            self.meeting = None
        mode.deleteLater()

    def _quick_open(self) -> None:
        if not self.session.unlocked:
            return
        if self.quick_open is None:  # asked for before the database finished opening
            self._build_tasks()
        assert self.quick_open is not None
        self.quick_open.popup()

    def set_language(self, code: str) -> None:
        """Switch the interface language now: save open edits, then rebuild every view in
        the new language, back on the same page (and the same client)."""
        self.settings.setValue("language", code)
        apply_language(code)
        self.menuBar().clear()
        self._build_menus()
        for row, name in enumerate(self._nav_names()):
            self.nav.item(row).setText(name)
        self._status_texts()
        self._vault_state_text()
        self._rebuild_start_pages()
        if self.home is not None:
            self._rebuild_pages()

    def _rebuild_start_pages(self) -> None:
        showing = self.stack.currentWidget()
        old = (self.welcome, self.unlock)
        self.welcome, self.unlock = WelcomePage(self.vault), UnlockPage()
        for index, (before, page) in enumerate(zip(old, (self.welcome, self.unlock), strict=True)):
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(before)
            before.deleteLater()
        self._connect_start_pages()
        if showing in old:
            self.show_start()

    def _rebuild_pages(self) -> None:
        page, client = self.nav.currentRow(), None
        view = self.client_view
        if view is not None:
            if self.pages.currentWidget() is view:
                client = view.client_id
            view.profile_tab.save_before_lock()  # queue unsaved edits before it goes
        meeting = None
        if self.meeting is not None:  # saved on the worker; reopened on the same note
            meeting, self.meeting = self.meeting.close_for_rebuild(), None
        # Replies still due to the old views would land on deleted widgets.
        self.session.worker.cancel_callbacks()
        pages = (*self._nav_pages(), view)
        for widget in (*pages, self.quick_open):
            if widget is not None:
                if widget is not self.quick_open:
                    self.pages.removeWidget(widget)
                widget.deleteLater()
        self.home = self.clients = self.client_view = self.quick_open = None
        self.calendar = self.tasks = self.events_page = None
        if not self.session.unlocked:
            return
        self._build_pages()
        self._build_tasks()
        if client is not None:
            self.open_client(client)
        else:
            self.show_page(max(page, 0))
        if meeting is not None:
            self.open_meeting(*meeting)
        self.session.refresh_pending()

    def show_error(self, error: BaseException) -> None:
        """Say what went wrong without blocking the event loop (a window-modal box)."""
        self.last_error = error
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Confidant", str(error), QMessageBox.StandardButton.Ok, self
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle.stop()
        self.session.shutdown()
        super().closeEvent(event)


class _ProgressRelay(QObject):
    """Carries progress reports from the vault worker's thread to the GUI thread."""

    sig = Signal(float, str)


def _queued(fn: Callable[[float, str], None], parent: QObject) -> Callable[[float, str], None]:
    """A progress callback safe to call from the worker thread: it posts to the GUI."""
    relay = _ProgressRelay(parent)
    relay.sig.connect(fn)
    return relay.sig.emit
