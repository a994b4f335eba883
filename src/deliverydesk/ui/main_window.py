"""The main window: a sidebar of screens beside the screen itself."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from deliverydesk import __version__
from deliverydesk.model.clock import Clock
from deliverydesk.services.startup import FirstBoard
from deliverydesk.ui.board.board_page import BoardPage
from deliverydesk.ui.day_watcher import DayWatcher
from deliverydesk.ui.empty_state import EmptyState
from deliverydesk.ui.events import AppEvents
from deliverydesk.ui.icons import app_icon, icon
from deliverydesk.ui.text import literal_rich_text, tr

if TYPE_CHECKING:
    from deliverydesk.services.workspace import Workspace
    from deliverydesk.ui.clients.clients_page import ClientsPage


def _placeholders() -> dict[str, tuple[str, str, str]]:
    """Screens built by later releases, with an honest word on what they will hold."""
    return {
        "timeline": (
            tr("Timeline"),
            tr("The timeline is on its way"),
            tr(
                "Each client's phases planned against actual, milestones as marks and a "
                "today line, with your capacity week by week beneath it."
            ),
        ),
        "today": (
            tr("Today"),
            tr("Today is on its way"),
            tr(
                "What is due or overdue across all clients, split into your work and what "
                "you are waiting on clients for, with a nudge drafted from each step's template."
            ),
        ),
        "offers": (
            tr("Offers"),
            tr("The offer designer is on its way"),
            tr(
                "Design each offer's journey: phases, steps, milestones, checkpoints, "
                "reassurance touchpoints, failure points and recovery protocols."
            ),
        ),
        "dashboard": (
            tr("Dashboard"),
            tr("The dashboard is on its way"),
            tr(
                "Capacity by week, your delivery integrity score and its parts, the phase "
                "where clients wait longest, on-time rate, feedback and referrals."
            ),
        ),
        "settings": (
            tr("Settings"),
            tr("Settings are on their way"),
            tr(
                "Your practice's name, working days and weekly hours, brand colours, logo "
                "and fonts for reports, and where your data and backups live."
            ),
        ),
    }


SCREENS = ("board", "timeline", "today", "clients", "offers", "dashboard", "settings")


class MainWindow(QMainWindow):
    def __init__(
        self,
        workspace: Workspace | None,
        events: AppEvents,
        parent: QWidget | None = None,
        *,
        first: FirstBoard | None = None,
        clock: Clock | None = None,
    ) -> None:
        """With `workspace`, complete at once. Without it, the board paints from `first` and
        the rest arrives with `attach(workspace)` (a start shows the board before SQLAlchemy)."""
        super().__init__(parent)
        self._ws: Workspace | None = None
        self.clients: ClientsPage
        self.events = events
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
        placeholders = _placeholders()
        for position, key in enumerate(SCREENS):
            if key == "clients":
                label, page = tr("Clients"), QWidget()  # the real page comes with attach()
            elif key == "board":
                label = tr("Board")
                page = BoardPage(workspace, events, self.undo_stack, first=first, clock=clock)
                self.board = page
            else:
                label, title, body = placeholders[key]
                page = EmptyState(key, title, body)
            item = QListWidgetItem(icon(key), label)
            item.setSizeHint(QSize(em * 10, int(em * 2.2)))
            item.setToolTip(f"{label} ({QKeySequence(f'Ctrl+{position + 1}').toString()})")
            self.sidebar.addItem(item)
            self.stack.addWidget(page)
        self.sidebar.setFixedWidth(em * 11)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)

        divider = QFrame()
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setForegroundRole(QPalette.ColorRole.Mid)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(divider)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.board.open_journey.connect(self.open_client)
        watched = workspace.clock if workspace is not None else clock
        assert watched is not None, "a window without a workspace needs the clock"
        self.day_watcher = DayWatcher(watched, events, self)
        events.refused.connect(self._refused)
        self._client_opened_from: str | None = None
        self.show_screen("board")
        self.resize(em * 75, em * 45)
        if workspace is not None:
            self.attach(workspace)
        elif first is not None:
            self._set_title(first.practice_name)

    def attach(self, workspace: Workspace) -> None:
        """The workspace is open: build what reads it and hand it to the board."""
        from deliverydesk.ui.clients.clients_page import ClientsPage

        self._ws = workspace
        self.clients = ClientsPage(workspace, self.events, self.undo_stack)
        position = SCREENS.index("clients")
        stand_in = self.stack.widget(position)
        self.stack.insertWidget(position, self.clients)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        self.clients.client_page.back_requested.connect(self._back_from_client)
        self.board.attach(workspace)
        self.refresh_title()
        from deliverydesk.ui.data_menu import DataActions  # import, export, backups

        self.data = DataActions(self, workspace, self.events, self.undo_stack)

    @property
    def ready(self) -> bool:
        return self._ws is not None

    def _build_menus(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu(tr("&File"))
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
        about = QAction(tr("&About DeliveryDesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def show_screen(self, key: str) -> None:
        self.sidebar.setCurrentRow(SCREENS.index(key))

    def current_screen(self) -> str:
        return SCREENS[self.stack.currentIndex()]

    def _find(self) -> None:
        if self.current_screen() == "board":
            self.board.focus_search()
        elif self.ready:
            self.show_screen("clients")
            self.clients.focus_search()

    def open_client(self, journey_id: int) -> None:
        """Open a client's page; going back returns to the screen it was opened from."""
        if not self.ready:
            return
        self._client_opened_from = self.current_screen()
        self.show_screen("clients")
        self.clients.open_journey(journey_id)

    def _back_from_client(self) -> None:
        origin, self._client_opened_from = self._client_opened_from, None
        if origin and origin != "clients":
            self.show_screen(origin)
            if origin == "board" and self.clients.client_page.journey_id is not None:
                self.board.select_journey(self.clients.client_page.journey_id)

    def _refused(self, reason: str) -> None:
        QMessageBox.warning(
            self, tr("That could not be undone or redone"), literal_rich_text([reason])
        )

    def refresh_title(self) -> None:
        practice = self._ws.practice() if self._ws else None
        self._set_title(practice.name if practice else "")

    def _set_title(self, name: str) -> None:
        self.setWindowTitle(f"{name} — DeliveryDesk" if name else "DeliveryDesk")

    def _about(self) -> None:
        QMessageBox.about(
            self,
            tr("About DeliveryDesk"),
            tr(
                "<b>DeliveryDesk {version}</b><p>Deliver what you promised, when you said, "
                "the way you said.</p><p>Your data: {path}</p>"
            ).format(version=__version__, path=html.escape(str(self._ws.path if self._ws else ""))),
        )
