"""The main window: a sidebar of screens beside the screen itself."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QPalette,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.build_info import build_lines
from deliverydesk.model.rules.clock import Clock
from deliverydesk.services.changes import Aspect
from deliverydesk.services.startup import FirstBoard
from deliverydesk.ui import window_memory
from deliverydesk.ui.board.board_page import BoardPage
from deliverydesk.ui.core import runner
from deliverydesk.ui.core.day_watcher import DayWatcher
from deliverydesk.ui.core.events import Announced, AppEvents, EnrolRequest
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.look.icons import app_icon, icon
from deliverydesk.ui.widgets.message_bar import MessageBar
from deliverydesk.ui.widgets.notice_banner import NoticeArea, show_workspace_notices

if TYPE_CHECKING:
    from deliverydesk.services.workspace import Workspace
    from deliverydesk.ui.clients.clients_page import ClientsPage
    from deliverydesk.ui.offers.offers_page import OffersPage


SCREENS = ("board", "timeline", "today", "clients", "offers", "dashboard", "settings")


def _screen_labels() -> tuple[str, ...]:
    return (
        tr("Board"), tr("Timeline"), tr("Today"), tr("Clients"), tr("Offers"), tr("Dashboard"),
        tr("Settings"),
    )  # fmt: skip


class MainWindow(QMainWindow):
    """Signals:
    screens_built(): every screen is built (after a start's `attach`, a moment later).
    """

    screens_built = Signal()

    def __init__(
        self,
        workspace: Workspace | None,
        events: AppEvents,
        parent: QWidget | None = None,
        *,
        first: FirstBoard | None = None,
        clock: Clock | None = None,
        settings: QSettings | None = None,
    ) -> None:
        """With `workspace`, complete at once. Without it, the board paints from `first` and
        the rest arrives with `attach(workspace)` (a start shows the board before SQLAlchemy).
        With `settings`, the window remembers its size, place and board view between runs
        (tests hand in a file of their own; None remembers nothing)."""
        super().__init__(parent)
        self.settings = settings
        self._ws: Workspace | None = None
        self.clients: ClientsPage
        self.offers: OffersPage
        self.events = events
        events.enrol_requested.connect(self.open_enrolment)
        # One stack for every undoable action, on the board and on client pages alike.
        self.undo_stack = QUndoStack(self)
        self.setWindowIcon(app_icon())
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(tr("Screens"))
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        em = self.fontMetrics().height()
        self.sidebar.setIconSize(QSize(int(em * 1.25), int(em * 1.25)))
        self.sidebar.setSpacing(2)
        self.sidebar.setContentsMargins(0, em // 2, 0, 0)
        self.stack = QStackedWidget()
        labels = dict(zip(SCREENS, _screen_labels(), strict=True))
        for position, key in enumerate(SCREENS):
            label = labels[key]
            page = QWidget()  # the real screen comes with attach()
            if key == "board":  # painted at once from the snapshot
                page = self.board = BoardPage(
                    workspace, events, self.undo_stack, first=first, clock=clock
                )
            item = QListWidgetItem(icon(key), label)
            item.setSizeHint(QSize(em * 10, int(em * 2.2)))
            item.setToolTip(f"{label} ({QKeySequence(f'Ctrl+{position + 1}').toString()})")
            self.sidebar.addItem(item)
            self.stack.addWidget(page)
        self.sidebar.setFixedWidth(em * 11)
        self.sidebar.currentRowChanged.connect(self._on_screen_changed)
        self.sidebar.itemClicked.connect(lambda _item: self._to_section_top())
        self._opening_client = False
        self._unbuilt: list[Callable[[], None]] = []
        self._titled = False  # named from the start's snapshot: the same file, just read

        divider = QFrame()
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setForegroundRole(QPalette.ColorRole.Mid)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(divider)
        self.notices = NoticeArea()  # why edits are off, a risky data folder
        screen = QVBoxLayout()
        screen.setSpacing(0)
        screen.addWidget(self.notices)
        screen.addWidget(self.stack, 1)
        row.addLayout(screen, 1)
        self.setCentralWidget(central)
        self.messages = MessageBar()
        self.messages.setAccessibleName(tr("What just happened"))
        self.statusBar().addWidget(self.messages, 1)
        self.statusBar().setSizeGripEnabled(False)
        self._build_menus()
        self.board.open_journey.connect(self.open_client)
        watched = workspace.clock if workspace is not None else clock
        assert watched is not None, "a window without a workspace needs the clock"
        self.day_watcher = DayWatcher(watched, events, self)
        self.board.said.connect(self.messages.show_message)
        self.board.view_changed.connect(self._save_board_view)
        events.refused.connect(self._refused)
        events.changed.connect(self._announce)
        self.show_screen("board")
        self.resize(em * 75, em * 45)
        if settings is not None:  # its size, place and board view from the last run
            window_memory.restore(self, self.board, settings)
        if workspace is not None:
            self.attach(workspace)
            self.build_screens()
        elif first is not None:
            self._set_title(first.practice_name)
            self._titled = True

    def attach(self, workspace: Workspace) -> None:
        """The workspace is open: the board reads and writes through it at once. The other
        screens, unseen until asked for, are built after that, one per turn of the event
        loop (a click on a card waits for one of them at most), or all at once as soon as
        anything needs one (`build_screens`)."""
        self._ws = workspace
        self.board.attach(workspace)
        if not self._titled:  # else the first read through the ORM would wait for it
            self.refresh_title()
        show_workspace_notices(self.notices, workspace)
        self._unbuilt = [
            self._attach_clients,
            self._attach_offers,
            self._attach_settings,
            self._attach_timeline_and_today,
            self._attach_dashboard,
            self._attach_data,
        ]
        QTimer.singleShot(0, self, self._build_next)

    def _build_next(self) -> None:
        if not self._unbuilt:
            return
        self._unbuilt.pop(0)()
        if self._unbuilt:
            QTimer.singleShot(0, self, self._build_next)
        else:
            self.screens_built.emit()

    def _build_clients(self) -> None:
        """The Clients screen, now, and the others still one per turn: a card opened in the
        first moments of a start shows its client without waiting for every screen."""
        if self._attach_clients in self._unbuilt:
            self._unbuilt.remove(self._attach_clients)
            self._attach_clients()
            if not self._unbuilt:
                self.screens_built.emit()

    def build_screens(self) -> None:
        """Every screen built, now (a screen, a client page or a menu is asked for)."""
        if not self._unbuilt:
            return
        while self._unbuilt:
            self._unbuilt.pop(0)()
        self.screens_built.emit()

    def _attach_clients(self) -> None:
        from deliverydesk.ui.clients.clients_page import ClientsPage

        assert self._ws is not None
        self.clients = ClientsPage(self._ws, self.events, self.undo_stack)
        self._install("clients", self.clients)
        self.clients.leave_requested.connect(self._leave_client)
        if self.settings is not None:  # the columns the person hid on the Clients screen
            self.clients.columns.remember_in(self.settings)

    def _attach_offers(self) -> None:
        from deliverydesk.ui.offers.offers_page import OffersPage

        assert self._ws is not None
        self.offers = OffersPage(self._ws, self.events, self.undo_stack)
        self._install("offers", self.offers)
        self.offers.enrol_requested.connect(lambda offer_id: self.enrol(offer_id=offer_id))

    def _attach_data(self) -> None:
        from deliverydesk.ui.data_menu import DataActions  # import, export, backups

        assert self._ws is not None
        self.data = DataActions(self, self._ws, self.events, self.undo_stack)
        self.settings_page.add_tab(self.data.make_backups_panel(), tr("Backups"))

    def _attach_settings(self) -> None:
        """Settings replaces its placeholder; the title follows the practice's name."""
        from deliverydesk.ui.settings.settings_page import SettingsPage

        workspace = self._ws
        assert workspace is not None
        self.settings_page = SettingsPage(workspace, self.events, self.undo_stack)
        self._install("settings", self.settings_page)
        self.events.changed.connect(
            lambda changes: (
                self.refresh_title() if changes.touches(Aspect.PRACTICE | Aspect.BRAND) else None
            )
        )

    def _attach_timeline_and_today(self) -> None:
        """Timeline and Today take their screens' places; the overdue banner, the start's
        notification and File → Export calendar… and Import calendar… come with them."""
        from deliverydesk.ui.timeline.timeline_page import TimelinePage
        from deliverydesk.ui.today.calendar_export import add_export_action
        from deliverydesk.ui.today.calendar_import import add_import_action
        from deliverydesk.ui.today.overdue_notice import OverdueNotice
        from deliverydesk.ui.today.today_page import TodayPage

        workspace = self._ws
        assert workspace is not None

        self.timeline = TimelinePage(workspace, self.events)
        self.today = TodayPage(workspace, self.events, self.undo_stack)
        for key, page in (("timeline", self.timeline), ("today", self.today)):
            self._install(key, page)
            page.open_journey.connect(self.open_client)
        self.calendar_export = add_export_action(self, workspace)
        self.calendar_import = add_import_action(self, workspace, self.events, self.undo_stack)
        self.overdue = OverdueNotice(self, workspace, self.events)
        self.overdue.banner.open_today.connect(lambda: self.show_screen("today"))
        QTimer.singleShot(0, self.overdue.start)  # after the first paint of the window

    def _attach_dashboard(self) -> None:
        """The Dashboard takes its screen's place; its tiles lead to other screens."""
        from deliverydesk.ui.dashboard.dashboard_page import DashboardPage

        workspace = self._ws
        assert workspace is not None

        def show_board(offer_id: object) -> None:
            self.show_screen("board")  # shown first: its offer list is read when shown
            found = self.board.offer_picker.findData(offer_id)
            if found >= 0:
                self.board.offer_picker.setCurrentIndex(found)

        self.dashboard = DashboardPage(workspace, self.events)
        self._install("dashboard", self.dashboard)
        self.dashboard.open_screen.connect(self.show_screen)
        self.dashboard.open_board.connect(show_board)
        self.dashboard.enrol_requested.connect(lambda: self.enrol())
        self.dashboard.open_journey.connect(self.open_client)

    def _install(self, key: str, page: QWidget) -> None:
        """Put a screen built on the workspace where its stand-in was."""
        position = SCREENS.index(key)
        stand_in = self.stack.widget(position)
        self.stack.insertWidget(position, page)
        if stand_in is not None:
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()

    @property
    def ready(self) -> bool:
        return self._ws is not None

    def _build_menus(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu(tr("&File"))
        self.new_client_action = QAction(icon("clients"), tr("&New client…"), self)
        self.new_client_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_client_action.triggered.connect(self.new_client)
        self.enrol_action = QAction(icon("offers"), tr("&Enrol a client…"), self)
        self.enrol_action.setShortcut(QKeySequence("Ctrl+Shift+J"))  # a journey begins
        self.enrol_action.triggered.connect(lambda: self.enrol())
        file_menu.addActions([self.new_client_action, self.enrol_action])
        file_menu.addSeparator()
        quit_action = QAction(tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, tr("&Undo"))
        undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        redo = self.undo_stack.createRedoAction(self, tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        # Through the runner: a long command's work runs on the pool before the stack moves.
        for action, move in ((undo, self.undo), (redo, self.redo)):
            action.triggered.disconnect()
            action.triggered.connect(move)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo

        go_menu = self.menuBar().addMenu(tr("&Go"))
        for position, key in enumerate(SCREENS):
            action = QAction(
                self.sidebar.item(position).icon(), self.sidebar.item(position).text(), self
            )
            action.setShortcut(QKeySequence(f"Ctrl+{position + 1}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_screen(k))
            go_menu.addAction(action)
        go_menu.addSeparator()
        find = QAction(tr("&Find"), self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(self._find)
        go_menu.addAction(find)

        help_menu = self.menuBar().addMenu(tr("&Help"))
        self.shortcuts_action = QAction(tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.shortcuts_action.triggered.connect(lambda: self.show_shortcuts())
        help_menu.addAction(self.shortcuts_action)
        about = QAction(tr("&About DeliveryDesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def new_client(self) -> object:
        """Add a client, then enrol them (the dialog and the wizard do not block)."""
        return self.open_enrolment(EnrolRequest(self, new_client=True))

    def open_enrolment(self, request: EnrolRequest) -> object:
        """The New client dialog or the wizard a screen asked for (features do not import
        the enrolment; they ask through the bus and the window opens it)."""
        if self._ws is None:
            return None
        from deliverydesk.ui.enrol.enrol_wizard import enrol
        from deliverydesk.ui.enrol.intake import new_client

        on_enrolled = request.on_enrolled or self.show_enrolled
        if request.new_client:
            return new_client(
                request.parent, self._ws, self.events, self.undo_stack,
                offer_id=request.offer_id, on_enrolled=on_enrolled,
            )  # fmt: skip
        return enrol(
            request.parent, self._ws, self.events, self.undo_stack,
            client_id=request.client_id, offer_id=request.offer_id, on_enrolled=on_enrolled,
        )  # fmt: skip

    def enrol(self, client_id: int | None = None, offer_id: int | None = None) -> object:
        """The enrolment wizard, with the client or the offer already picked if given."""
        return self.open_enrolment(EnrolRequest(self, client_id=client_id, offer_id=offer_id))

    def clients_on_board(self) -> list[int]:
        """The clients whose cards a narrowed board shows, when the board is on show (a
        batch asked from there may be meant for them); otherwise none."""
        return self.board.clients_shown() if self.current_screen() == "board" else []

    def show_enrolled(self, journey_id: int) -> None:
        """A journey just enrolled: its page when on the Clients screen, else its card."""
        if self.current_screen() == "clients":
            self.clients.open_journey(journey_id)
        else:
            self.show_screen("board")
            self.board.select_journey(journey_id)

    def show_screen(self, key: str) -> None:
        """Show a screen at its top (the Clients list, not a client page)."""
        self.sidebar.setCurrentRow(SCREENS.index(key))
        self._to_section_top()

    def _on_screen_changed(self, row: int) -> None:
        if not self._opening_client:  # a client's page needs only the Clients screen
            self.build_screens()
        self.stack.setCurrentIndex(row)
        self._to_section_top()

    def _to_section_top(self) -> None:
        """The sidebar always leads to a section's top; only opening a client does not."""
        on_clients = self.current_screen() == "clients" and self.ready
        if on_clients and not self._opening_client and self.clients.showing_client():
            self.clients.show_list()

    def current_screen(self) -> str:
        return SCREENS[self.stack.currentIndex()]

    def _find(self) -> None:
        if self.current_screen() == "board":
            self.board.focus_search()
        elif self.ready:
            self.show_screen("clients")
            self.clients.focus_search()

    def open_client(self, journey_id: int) -> None:
        """Open a client's page; its back button names the screen it was opened from and
        returns there."""
        if not self.ready:
            return
        self._build_clients()
        origin = self.current_screen()
        if origin == "clients":
            self.clients.open_journey(journey_id)
            return
        label = self.sidebar.item(SCREENS.index(origin)).text()
        self._opening_client = True
        try:
            self.clients.open_journey(journey_id, origin, label)
            self.sidebar.setCurrentRow(SCREENS.index("clients"))
        finally:
            self._opening_client = False

    def _leave_client(self, origin: str) -> None:
        journey_id = self.clients.client_page.journey_id
        self.show_screen(origin)
        if origin == "board" and journey_id is not None:
            self.board.select_journey(journey_id)

    def _announce(self, changes: object) -> None:
        """Say what an undoable action did, with Undo (or, once undone, Redo)."""
        source = getattr(changes, "source", None)
        if not isinstance(source, Announced) or not source.message:
            return
        if source.done:
            self.messages.show_message(source.message, tr("Undo"), self.undo, icon_name="step_done")
        else:
            self.messages.show_message(
                tr("Undone: {what}").format(what=source.message), tr("Redo"), self.redo
            )

    def undo(self) -> None:
        runner.undo(self.undo_stack, self)

    def redo(self) -> None:
        runner.redo(self.undo_stack, self)

    def _save_board_view(self) -> None:
        if self.settings is not None:
            window_memory.save_board_view(self.board, self.settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Unsaved edits (an offer design, practice or brand settings) are asked about first:
        # save, discard or stay.
        for page in (getattr(self, "offers", None), getattr(self, "settings_page", None)):
            if page is not None and not page.settle_unsaved():
                event.ignore()
                return
        if self.settings is not None:
            window_memory.save(self, self.board, self.settings)
        super().closeEvent(event)

    def _refused(self, reason: str) -> None:
        QMessageBox.warning(
            self, tr("That could not be undone or redone"), literal_rich_text([reason])
        )

    def refresh_title(self) -> None:
        practice = self._ws.practice.info() if self._ws else None
        self._set_title(practice.name if practice else "")

    def _set_title(self, name: str) -> None:
        self.setWindowTitle(f"{name} — DeliveryDesk" if name else "DeliveryDesk")

    def show_shortcuts(self) -> QDialog:
        """Help → Keyboard shortcuts, read from the window's actions as they are now."""
        from deliverydesk.ui.shortcut_sheet import ShortcutSheet

        sheet = ShortcutSheet(self, self.stack, list(_screen_labels()))
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.show()
        return sheet

    def _about(self) -> QMessageBox:
        """Help → About: the version, the commit and the data folder, selectable so that a
        problem report can quote them; it does not block the window."""
        folder = self._ws.path.parent if self._ws else None
        version, *details = build_lines(folder)
        box = QMessageBox(self)
        box.setWindowTitle(tr("About DeliveryDesk"))
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            f"<b>{html.escape(version)}</b><p>"
            + tr("Deliver what you promised, when you said, the way you said.")
            + "</p><p>"
            + "<br>".join(html.escape(line) for line in details)
            + "</p>"
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
