"""What just happened, said for a few seconds in the window's status area, with Undo.

"Moved Anna Lindqvist to Discovery  [Undo]" after a move, a tick or a new due date; a
refusal ("stays in Onboarding: the checkpoint is not done") in the same place, so the
person looks in one spot for what the app did.

Its parts are placed by hand, not by a layout: a layout tells the status bar of each change
of words, and the status bar then lays out and repaints its whole width again, a second
repaint of the window after every edit (issue 21). The bar's own size never changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QStyle, QWidget

from deliverydesk.ui.core.text import literal_rich_text
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.typography import make_heading

SHOWN_MS = 8000  # long enough to read and reach for Undo, short enough to get out of the way


class MessageBar(QWidget):
    def __init__(self, parent: QWidget | None = None, *, shown_ms: int = SHOWN_MS) -> None:
        super().__init__(parent)
        self.icon = QLabel(self)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # names a client or a step
        make_heading(self.label)
        self.button = QPushButton(self)  # beside the words it undoes, not across the window
        self.button.hide()
        self.button.clicked.connect(self._act)
        self._action: Callable[[], None] | None = None
        self.timer = QTimer(self, singleShot=True, interval=shown_ms)
        self.timer.timeout.connect(self.clear)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        """The same whatever it says: its words never resize the status bar."""
        em = self.fontMetrics().height()
        # As tall as its words and a little room: the button fits itself to that height
        # (a push button's own is taller), so the bar never makes the window scroll.
        return QSize(em, max(em, self.label.sizeHint().height()) + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a part's size changed (a font)
            self._place()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        """Icon, words, then the button right after them; never wider than the bar (a long
        name is cut at the edge, the tooltip has it). Mirrored right to left."""
        height, gap, x = self.height(), self.fontMetrics().height() // 2, 0
        parts: list[tuple[QWidget, QRect]] = []
        if not self.icon.isHidden():
            size = self.icon.sizeHint()
            parts.append(
                (self.icon, QRect(0, (height - size.height()) // 2, size.width(), size.height()))
            )
            x = size.width() + gap
        button = self.button.sizeHint() if not self.button.isHidden() else QSize(0, 0)
        room = self.width() - x - (button.width() + gap if button.width() else 0)
        words = max(min(self.label.sizeHint().width(), room), 1)
        parts.append((self.label, QRect(x, 0, words, height)))
        if button.width():
            tall = min(button.height(), height)
            top = (height - tall) // 2
            parts.append((self.button, QRect(x + words + gap, top, button.width(), tall)))
        for widget, rect in parts:
            widget.setGeometry(QStyle.visualRect(self.layoutDirection(), self.rect(), rect))

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
        self._place()  # now, so that the paint to come shows it
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
