"""Room kept for a message that comes and goes under a field, so the form below it never
jumps: a colour's problem or its contrast advice appears and disappears as the person
types a code, and the rows under it used to move by two or three lines each time.

The slot is as tall as the longest of the words it may have to show, at its width, whether
or not anything is said now.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class MessageSlot(QWidget):
    def __init__(
        self,
        labels: Sequence[QLabel],
        longest: Callable[[], Sequence[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._labels = tuple(labels)
        self._longest = longest  # the words that may be said (read when the width changes)
        self._probe = QLabel()  # never shown: measures words at a width
        self._probe.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for label in self._labels:
            layout.addWidget(label)
        layout.addStretch(1)
        self._width = -1

    def room_for(self, width: int) -> int:
        """The height the longest words take at `width` (one label shows at a time)."""
        need = 0
        for label in self._labels:
            self._probe.setFont(label.font())
            self._probe.setContentsMargins(label.contentsMargins())
            for words in self._longest():
                self._probe.setText(words)
                need = max(need, self._probe.heightForWidth(width))
        return need

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.room_for(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = event.size().width()
        if width != self._width:
            self._width = width
            self.setMinimumHeight(self.room_for(width))
