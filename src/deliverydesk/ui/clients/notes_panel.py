"""The Notes tab: write a note, see every note newest first, each shown exactly as typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.journeys.detail import NoteDetail
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets.wrapping_delegate import wrap_items


class NoteEditor(QPlainTextEdit):
    """A plain-text editor that sends Ctrl+Return as `submitted`, and lets Ctrl+Z reach the
    window's undo when it has nothing of its own to undo (after a note was added)."""

    submitted = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            document = self.document()
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo)
            if (undo and not document.isUndoAvailable()) or (
                redo and not document.isRedoAvailable()
            ):
                event.ignore()
                return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class NotesPanel(QWidget):
    """Signals:
    add_requested(str): the person asked to add this note (already stripped, never empty).
    """

    add_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = NoteEditor()
        self.editor.setPlaceholderText(tr("Add a note…"))
        self.editor.setAccessibleName(tr("New note"))
        self.editor.setTabChangesFocus(True)
        lines = self.editor.fontMetrics().lineSpacing()
        self.editor.setFixedHeight(lines * 4 + 2 * self.editor.frameWidth() + 8)
        label = QLabel(tr("&New note"))
        label.setBuddy(self.editor)
        self.add_button = QPushButton(tr("Add note"))
        self.add_button.setToolTip(tr("Add note (Ctrl+Return)"))
        self.add_button.setEnabled(False)
        self.hint = QLabel(tr("Ctrl+Return adds the note."))
        self.hint.setEnabled(False)  # drawn in the muted colour
        self.list = QListWidget()
        wrap_items(self.list)  # a long URL wraps instead of widening every note
        self.list.setAccessibleName(tr("Notes"))
        self.list.setAlternatingRowColors(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)

        self.editor.textChanged.connect(self._update_button)
        self.editor.submitted.connect(self.submit)
        self.add_button.clicked.connect(self.submit)

    def _update_button(self) -> None:
        self.add_button.setEnabled(bool(self.editor.toPlainText().strip()))

    def submit(self) -> None:
        note = self.editor.toPlainText().strip()
        if note:
            self.add_requested.emit(note)

    def clear_editor(self) -> None:
        self.editor.clear()  # also forgets the editor's own undo history

    def set_notes(self, notes: tuple[NoteDetail, ...]) -> None:
        self.list.clear()
        for note in sorted(notes, key=lambda n: (n.written_at, n.id), reverse=True):
            written = note.written_at.astimezone().date()
            # A QListWidgetItem's text is plain: markup in a note shows as typed.
            self.list.addItem(QListWidgetItem(f"{text.long_date(written)}\n{note.text}"))
        if not notes:
            placeholder = QListWidgetItem(tr("No notes yet."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)
