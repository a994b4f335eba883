"""After the first paint: the workspace opened (SQLAlchemy, the services), handed to the
window, and the window run.

This is the fast-start boundary (docs/architecture.md): `ui/app.py` paints the board from a
plain-sqlite3 snapshot with none of this loaded, then imports this module, and with it
everything a window with a workspace needs. Nothing else on the start's path imports
inside a function.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from deliverydesk import APP_NAME
from deliverydesk.model.rules.clock import Clock
from deliverydesk.services.errors import DatabaseCorrupt, DatabaseError
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words, install_excepthook
from deliverydesk.ui.core.main_thread_gc import keep_for_good
from deliverydesk.ui.core.single_instance import SingleInstance
from deliverydesk.ui.look.fonts import load_bundled_fonts
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.recovery_dialog import recover


def open_main_window(
    workspace: Workspace, events: AppEvents, settings: QSettings | None = None
) -> MainWindow | None:
    """The main window, after the first-run welcome if the workspace holds no practice."""
    load_bundled_fonts()  # a first start has nothing painted yet to wait for
    if workspace.practice.info() is None:
        # Lazy on purpose: the welcome brings the demo's seeding (~35 ms to import), which
        # only a first run needs; every later start would pay it before the first edit.
        from deliverydesk.ui.welcome import WelcomeDialog

        welcome = WelcomeDialog(workspace)
        if welcome.exec() != QDialog.DialogCode.Accepted:
            return None
    return MainWindow(workspace, events, settings=settings)


def open_workspace(folder: Path, clock: Clock, parent: QWidget | None) -> Workspace | None:
    """The workspace, checked and migrated; a clear message and None when it cannot open."""
    return _open_or_recover(folder, clock, parent)[0]


def _open_or_recover(
    folder: Path, clock: Clock, parent: QWidget | None
) -> tuple[Workspace | None, bool]:
    """The workspace, and whether a damaged file was put right on the way (what a quick
    window painted is then out of date). A damaged file goes through the recovery ladder;
    a locked, unreadable or newer file only gets its message, and nothing is moved."""
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


def open_and_run(
    app: QApplication,
    folder: Path,
    clock: Clock,
    instance: SingleInstance,
    events: AppEvents,
    settings: QSettings,
    window: MainWindow | None,
) -> int:
    """Open the workspace, attach it to the `window` a start painted (or make the window
    when nothing could be painted first), and run until the window closes."""
    workspace, recovered = _open_or_recover(folder, clock, window)
    if workspace is None:
        return 2
    instance.listen()  # after the first paint (later starts keep asking till it listens)
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
