"""Help → About tells what a problem report needs: version, commit and data folder."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from deliverydesk import __version__
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow


def test_help_about_gives_version_commit_and_data_folder(
    demo_ws: Workspace, qtbot: QtBot, events: AppEvents
) -> None:
    window = MainWindow(demo_ws, events)
    qtbot.addWidget(window)
    window.show()
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    [about] = [a for a in menus["Help"].actions() if a.text().replace("&", "").startswith("About")]

    about.trigger()

    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    [box] = [b for b in boxes if b.isVisible()]
    text = re.sub(r"<[^>]+>", "\n", box.text())
    assert f"DeliveryDesk {__version__}" in text
    # The tests run in a git checkout: the commit is git's abbreviated hash.
    assert re.search(r"^Commit: [0-9a-f]{12}$", text, re.MULTILINE), text
    assert f"Data folder: {demo_ws.path.parent}" in text
    assert window.isEnabled()  # the window is not blocked behind it
    box.close()
