"""Asking through a dialog, then doing it undoably: the one way the friction and feedback
entry points (card menu, client page, Today) share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.text import literal_rich_text
from deliverydesk.ui.core.undo_commands import ServiceCommand


def answer[T](dialog: QDialog, read: Callable[[], T]) -> T | None:
    """What the person entered in `dialog` (read before it goes), None when cancelled."""
    try:
        return read() if dialog.exec() else None
    finally:
        dialog.deleteLater()


def push_or_say(parent: QWidget, stack: QUndoStack, command: ServiceCommand, title: str) -> bool:
    """Push `command`; when its service refuses, say why under `title`."""
    stack.push(command)
    if command.error is None:
        return True
    QMessageBox.warning(parent, title, literal_rich_text([in_words(command.error)]))
    return False
