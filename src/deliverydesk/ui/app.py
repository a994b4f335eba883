"""Starting the window: Qt set-up, the workspace, first run, then the main window."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from deliverydesk import APP_ID, APP_NAME, __version__
from deliverydesk.model.clock import Clock, FixedClock, SystemClock
from deliverydesk.paths import data_dir
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.errors import DatabaseError
from deliverydesk.services.practice import get_practice
from deliverydesk.ui.events import AppEvents
from deliverydesk.ui.icons import app_icon
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.theme import apply_theme, follow_system_theme
from deliverydesk.ui.welcome import WelcomeDialog


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


def open_main_window(ctx: Context, events: AppEvents) -> MainWindow | None:
    """The main window, after the first-run welcome if the workspace holds no practice."""
    if get_practice(ctx) is None:
        welcome = WelcomeDialog(ctx)
        if welcome.exec() != QDialog.DialogCode.Accepted:
            return None
    return MainWindow(ctx, events)


def run(data_dir_option: str | None, today: date | None) -> int:
    app = create_application(sys.argv[:1])
    clock: Clock = FixedClock(today) if today else SystemClock()
    try:
        folder: Path = data_dir(data_dir_option)
        ctx = open_workspace(folder, clock)
    except (DatabaseError, OSError) as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return 2
    try:
        window = open_main_window(ctx, AppEvents())
        if window is None:
            return 0
        window.show()
        return app.exec()
    finally:
        ctx.close()
