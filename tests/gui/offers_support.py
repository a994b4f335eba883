"""Helpers for the Offers screen tests: a window on a new own practice, answering the one
modal question the editor asks, and reading what the screen shows."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.offers.offers_page import OffersPage


def open_offers(qtbot: QtBot, workspace: Workspace, events: AppEvents) -> MainWindow:
    """The window, on the Offers screen reached as a person would (Ctrl+5)."""
    window = MainWindow(workspace, events)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen() == "offers"
    return window


def new_own_practice(workspace: Workspace) -> Workspace:
    workspace.practice.create_practice("My practice", 30, frozenset({1, 2, 3, 4}))
    return workspace


def listed(page: OffersPage) -> list[str]:
    model = page.model
    return [model.row_at(r).name for r in range(model.rowCount())]


def answer_next_question(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click `button` in the next message box that opens modally, noting its words."""

    tries = iter(range(200))  # about 2 s: a question that never comes fails the test

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if next(tries, None) is not None:
                QTimer.singleShot(10, click)
            return
        seen.append(f"{box.text()} {box.informativeText()}".strip())
        box.button(button).click()

    QTimer.singleShot(0, click)


def capture_warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Warnings the screen would show, captured instead of shown (the OS dialog)."""
    said: list[str] = []

    def warning(_parent: object, title: str, text: str, *_args: object) -> None:
        said.append(f"{title}: {text}")

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return said


def choose_files(monkeypatch: pytest.MonkeyPatch, *, save: str = "", open_: str = "") -> None:
    """The file dialogs answer with these paths (patching the OS dialog, not our code)."""
    saver: Callable[..., tuple[str, str]] = lambda *_a, **_k: (save, "")  # noqa: E731
    opener: Callable[..., tuple[str, str]] = lambda *_a, **_k: (open_, "")  # noqa: E731
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", saver)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", opener)
