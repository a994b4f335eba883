"""Starting the window: Qt set-up, the board painted at once, then the workspace.

SQLAlchemy and Alembic are imported only after the first paint (see quick_window).
"""

from __future__ import annotations

import ctypes
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from deliverydesk import APP_ID, APP_NAME, __version__
from deliverydesk.model.rules.clock import Clock, FixedClock, SystemClock
from deliverydesk.paths import data_dir
from deliverydesk.services.startup import first_board
from deliverydesk.staging import sweep
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.main_thread_gc import collect_on_main_thread, keep_for_good
from deliverydesk.ui.look.fonts import load_bundled_fonts
from deliverydesk.ui.look.icons import app_icon
from deliverydesk.ui.look.theme import apply_theme, follow_system_theme
from deliverydesk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from deliverydesk.services.workspace import Workspace
    from deliverydesk.ui.core.single_instance import SingleInstance


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


def open_main_window(
    workspace: Workspace, events: AppEvents, settings: QSettings | None = None
) -> MainWindow | None:
    """The main window, after the first-run welcome if the workspace holds no practice."""
    from deliverydesk.ui.welcome import WelcomeDialog

    load_bundled_fonts()  # a first start has nothing painted yet to wait for
    if workspace.practice.info() is None:
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
    if load_bundled_fonts():  # after the first paint; what it drew as boxes, drawn again
        window.update()
    return window


def open_workspace(folder: Path, clock: Clock, parent: QWidget | None) -> Workspace | None:
    """The workspace, checked and migrated; a clear message and None when it cannot open."""
    return _open_or_recover(folder, clock, parent)[0]


def _open_or_recover(
    folder: Path, clock: Clock, parent: QWidget | None
) -> tuple[Workspace | None, bool]:
    """The workspace, and whether a damaged file was put right on the way (what a quick
    window painted is then out of date). A damaged file goes through the recovery ladder;
    a locked, unreadable or newer file only gets its message, and nothing is moved."""
    from deliverydesk.services.errors import DatabaseCorrupt, DatabaseError
    from deliverydesk.services.workspace import Workspace
    from deliverydesk.ui.recovery_dialog import recover

    recovered = False
    while True:
        try:
            return Workspace.open(folder, clock), recovered
        except DatabaseCorrupt as error:
            if recovered:  # put right once, and still damaged: say so, and stop there
                QMessageBox.critical(parent, APP_NAME, in_words(error))
                return None, recovered
            if not recover(folder, in_words(error), parent):
                return None, recovered
            recovered = True
        except DatabaseError as error:
            QMessageBox.critical(parent, APP_NAME, in_words(error))
            return None, recovered


def bring_forward(window: QWidget) -> None:
    """Another start on this folder asked for this window."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def run(data_dir_option: str | None, today: date | None) -> int:
    from deliverydesk.ui.core.single_instance import SingleInstance

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
    workspace, recovered = _open_or_recover(folder, clock, window)
    if workspace is None:
        return 2
    instance.listen()  # after the first paint (later starts keep asking till it listens)
    from deliverydesk.ui.core.failures import install_excepthook  # after the first paint

    install_excepthook(folder, lambda: window)
    if recovered and window is not None:  # painted from the damaged file: start over
        window.close()
        window.deleteLater()
        window = None
    try:
        if window is None:
            window = open_main_window(workspace, events, settings)
            if window is None:
                return 0
            window.show()
            keep_for_good()
        else:
            window.screens_built.connect(keep_for_good)
            window.attach(workspace)
        shown = window
        instance.activated.connect(lambda: bring_forward(shown))
        return app.exec()
    finally:
        workspace.close()  # folds the write-ahead log back in: one self-contained file
