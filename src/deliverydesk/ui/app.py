"""Starting the window: Qt set-up, the board painted at once, then the workspace.

SQLAlchemy and Alembic are imported only after the first paint (see quick_window).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from deliverydesk import APP_ID, APP_NAME, __version__
from deliverydesk.model.clock import Clock, FixedClock, SystemClock
from deliverydesk.paths import data_dir
from deliverydesk.services.startup import first_board
from deliverydesk.ui.events import AppEvents
from deliverydesk.ui.icons import app_icon
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.theme import apply_theme, follow_system_theme

if TYPE_CHECKING:
    from deliverydesk.services.workspace import Workspace


def create_application(argv: list[str]) -> QApplication:
    # Crisp at 125 % and 150 %: no rounding of the scale factor (set before the app exists).
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    apply_theme(app)
    follow_system_theme(app)
    return app


def open_main_window(
    workspace: Workspace, events: AppEvents, settings: QSettings | None = None
) -> MainWindow | None:
    """The main window, after the first-run welcome if the workspace holds no practice."""
    from deliverydesk.ui.welcome import WelcomeDialog

    if workspace.practice() is None:
        welcome = WelcomeDialog(workspace)
        if welcome.exec() != QDialog.DialogCode.Accepted:
            return None
    return MainWindow(workspace, events, settings=settings)


def quick_window(
    folder: Path, clock: Clock, events: AppEvents, settings: QSettings | None = None
) -> MainWindow | None:
    """The main window with its board painted from a plain-sqlite3 snapshot, shown before
    SQLAlchemy is even imported; None when the full open has to come first."""
    first = first_board(folder, clock.today())
    if first is None:
        return None
    window = MainWindow(None, events, first=first, clock=clock, settings=settings)
    window.show()
    QApplication.processEvents()  # paint now; opening the workspace blocks for a moment
    return window


def open_workspace(folder: Path, clock: Clock, parent: QWidget | None) -> Workspace | None:
    """The workspace, checked and migrated; a clear message and None when it cannot open."""
    from deliverydesk.services.errors import DatabaseError
    from deliverydesk.services.workspace import Workspace

    try:
        return Workspace.open(folder, clock)
    except DatabaseError as error:
        QMessageBox.critical(parent, APP_NAME, str(error))
        return None


def run(data_dir_option: str | None, today: date | None) -> int:
    app = create_application(sys.argv[:1])
    clock: Clock = FixedClock(today) if today else SystemClock()
    try:
        folder = data_dir(data_dir_option)
    except OSError as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return 2
    events = AppEvents()
    settings = QSettings()  # the person's own: window size and place, the board's view
    window = quick_window(folder, clock, events, settings)
    workspace = open_workspace(folder, clock, window)
    if workspace is None:
        return 2
    try:
        if window is None:
            window = open_main_window(workspace, events, settings)
            if window is None:
                return 0
            window.show()
        else:
            window.attach(workspace)
        return app.exec()
    finally:
        workspace.close()
