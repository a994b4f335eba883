"""What just happened, said for a few seconds in the window's status area, with Undo.

"Moved Anna Lindqvist to Discovery  [Undo]" after a move, a tick or a new due date; a
refusal ("stays in Onboarding: the checkpoint is not done") in the same place, so the
person looks in one spot for what the app did.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from deliverydesk.ui.core.text import literal_rich_text
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.typography import make_heading

SHOWN_MS = 8000  # long enough to read and reach for Undo, short enough to get out of the way


class MessageBar(QWidget):
    def __init__(self, parent: QWidget | None = None, *, shown_ms: int = SHOWN_MS) -> None:
        super().__init__(parent)
        self.icon = QLabel()
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # names a client or a step
        # Never wider than the window: a long name is cut at the edge (the tooltip has it).
        self.label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.label.setMinimumWidth(1)
        make_heading(self.label)
        self.button = QPushButton()
        self.button.hide()
        self.button.clicked.connect(self._act)
        self._action: Callable[[], None] | None = None
        self.timer = QTimer(self, singleShot=True, interval=shown_ms)
        self.timer.timeout.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.icon)
        row.addWidget(self.label)
        row.addWidget(self.button)  # beside the words it undoes, not across the window
        row.addStretch(1)

    def text(self) -> str:
        return self.label.text()

    def show_message(
        self,
        text: str,
        action_text: str = "",
        action: Callable[[], None] | None = None,
        *,
        icon_name: str = "",
    ) -> None:
        """Say `text`; with `action_text` and `action`, offer a button that runs it."""
        em = self.fontMetrics().height()
        if icon_name:
            self.icon.setPixmap(icon(icon_name).pixmap(QSize(em, em)))
        self.icon.setVisible(bool(icon_name))
        self.label.setText(text)
        self.label.setToolTip(literal_rich_text([text]))  # the whole of it, as text
        self.setAccessibleName(text)
        self._action = action
        self.button.setText(action_text)
        self.button.setVisible(bool(action_text and action))
        self.show()
        self.timer.start()

    def _act(self) -> None:
        action, self._action = self._action, None
        self.clear()
        if action is not None:
            action()

    def clear(self) -> None:
        self.timer.stop()
        self.label.clear()
        self.label.setToolTip("")
        self.icon.clear()
        self.button.hide()
        self._action = None
