"""Starting the window: Qt set-up, the board painted at once, then the workspace.

SQLAlchemy, the services and the other screens are imported only after the first paint,
by ui/opening.py (the fast-start boundary, see docs/architecture.md).
"""

from __future__ import annotations

import ctypes
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from deliverydesk import APP_ID, APP_NAME, __version__
from deliverydesk.model.rules.clock import Clock, FixedClock, SystemClock
from deliverydesk.paths import data_dir
from deliverydesk.services.startup import first_board
from deliverydesk.staging import sweep
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.main_thread_gc import collect_on_main_thread
from deliverydesk.ui.core.single_instance import SingleInstance
from deliverydesk.ui.look.fonts import load_bundled_fonts
from deliverydesk.ui.look.icons import app_icon
from deliverydesk.ui.look.theme import apply_theme, follow_system_theme
from deliverydesk.ui.main_window import MainWindow


def create_application(argv: list[str]) -> QApplication:
    # Crisp at 125 % and 150 %: no rounding of the scale factor (set before the app exists).
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    _set_taskbar_id()
    app = QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    apply_theme(app)
    follow_system_theme(app)
    collect_on_main_thread(app)  # never a Qt object freed by a job's thread
    return app


def _set_taskbar_id() -> None:
    """Windows groups the taskbar button and notifications by this id, the one the
    installer's Start menu shortcut carries; elsewhere the desktop file name does it."""
    windll = getattr(ctypes, "windll", None)  # Windows only
    if windll is not None:
        windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_ID)


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
    if load_bundled_fonts():  # after the first paint; what it drew as boxes, drawn again
        window.update()
    return window


def run(data_dir_option: str | None, today: date | None) -> int:
    app = create_application(sys.argv[:1])
    clock: Clock = FixedClock(today) if today else SystemClock()
    try:
        folder = data_dir(data_dir_option)
    except OSError as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return 2
    instance = SingleInstance(folder)
    if not instance.claim():
        if instance.ask_first_to_come_forward():
            print(f"DeliveryDesk is already open on {folder}; its window was brought forward.")
            return 0
        QMessageBox.warning(
            None,
            APP_NAME,
            f"DeliveryDesk is already open on {folder}, but it does not answer. Close it "
            "(or wait for it to finish what it is doing), then try again.",
        )
        return 1
    sweep(folder)  # what killed runs left behind: staging folders, half-written files
    try:
        return _run_window(app, folder, clock, instance)
    finally:
        instance.release()


def _run_window(app: QApplication, folder: Path, clock: Clock, instance: SingleInstance) -> int:
    events = AppEvents()
    settings = QSettings()  # the person's own: window size and place, the board's view
    window = quick_window(folder, clock, events, settings)
    # The fast-start boundary (docs/architecture.md): SQLAlchemy, the services and the
    # screens behind them load only now, after the board is painted.
    from deliverydesk.ui import opening

    return opening.open_and_run(app, folder, clock, instance, events, settings, window)
