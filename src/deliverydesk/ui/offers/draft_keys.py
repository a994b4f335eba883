"""Ctrl+Z and Ctrl+Shift+Z inside the offer editor: the draft's own undo history."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit

# Fields that keep their own undo of what was typed in them.
TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


class DraftKeys(QObject):
    """Ctrl+Z / Ctrl+Shift+Z undo and redo the draft while the focus is in the editor but
    not in a text field (a text field keeps its own undo of what was typed). The window's
    Undo shortcut is taken over while the draft has edits to undo, so it never undoes
    something else mid-design."""

    def __init__(self, stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self.stack = stack

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if isinstance(watched, TEXT_INPUTS) or not isinstance(event, QKeyEvent):
            return False
        undo = event.matches(QKeySequence.StandardKey.Undo)
        redo = event.matches(QKeySequence.StandardKey.Redo) or (
            event.key() == Qt.Key.Key_Z
            and event.modifiers()
            == Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        # With nothing left to undo in the draft, the window's Undo takes the key (after a
        # save, Ctrl+Z undoes the save).
        if not ((undo and self.stack.canUndo()) or (redo and self.stack.canRedo())):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # deliver it as a key press to us, not to the window's Undo
            return True
        (self.stack.redo if redo else self.stack.undo)()
        return True
