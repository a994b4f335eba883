"""Room kept for a message that comes and goes under a field, so the form below it never
jumps: a colour's problem or its contrast advice appears and disappears as the person
types a code, and the rows under it used to move by two or three lines each time.

The slot is as tall as the longest of the words it may have to show, at its width, whether
or not anything is said now. While nothing is said it shows its resting words (the field's
hint), so the room kept is not left blank.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class MessageSlot(QWidget):
    def __init__(
        self,
        labels: Sequence[QLabel],
        longest: Callable[[], Sequence[str]],
        resting: QLabel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._labels = tuple(labels)
        self._resting = resting
        self._longest = longest  # the words that may be said (read when the width changes)
        self._probe = QLabel()  # never shown: measures words at a width
        self._probe.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if resting is not None:
            layout.addWidget(resting)
        for label in self._labels:
            layout.addWidget(label)
            label.installEventFilter(self)  # shown or hidden: the resting words give way
        layout.addStretch(1)
        self._width = -1

    def room_for(self, width: int) -> int:
        """The height the longest words take at `width` (one label shows at a time)."""
        need = 0
        for label in (*self._labels, *([self._resting] if self._resting else [])):
            self._probe.setFont(label.font())
            self._probe.setContentsMargins(label.contentsMargins())
            for words in self._longest() if label is not self._resting else [label.text()]:
                self._probe.setText(words)
                need = max(need, self._probe.heightForWidth(width))
        return need

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.room_for(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():  # a hidden Settings page is resized with the window: later
            self._fit(event.size().width())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit(self.width())

    def _fit(self, width: int) -> None:
        # Measuring the longest words loads the PDF fonts' names (reportlab, ~60 ms): only
        # for a slot a person can see, never inside another screen's first paint.
        if width != self._width:
            self._width = width
            self.setMinimumHeight(self.room_for(width))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide) and self._resting is not None:
            self._resting.setVisible(all(label.isHidden() for label in self._labels))
        return False
