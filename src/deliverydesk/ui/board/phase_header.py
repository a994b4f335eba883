"""A board column's phase name, on two lines when one is too short for it.

Columns share the lane's width, and at the default size "Integration & Offboarding" or
"Findings & Recommendations" no longer fit one line: cut to "Integration & Offboar…",
they hid which phase a column was. The name now wraps at a word onto a second line, and
only a name too long even for two is cut, with "…" at the end of the second.

A lane keeps its headers the same height (lines_changed tells it), so every column's
counts and cards start level, and gives them the second line only while its cards have
the height to spare (the board must still fit its window without an outer scroll bar).
The cut is made when the text or the width changes, not on every paint: a board repaints
its headers on each filter keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MAX_LINES = 2


def wrapped(words: str, metrics: QFontMetrics, width: int, most: int = MAX_LINES) -> list[str]:
    """`words` in lines no wider than `width`, broken between words (a word wider than a
    line is cut), at most `most` lines; the last one ends with "…" when words were left."""
    lines: list[str] = []
    rest = words.split()
    while rest and len(lines) < most:
        line = rest.pop(0)
        while rest and metrics.horizontalAdvance(f"{line} {rest[0]}") <= width:
            line = f"{line} {rest.pop(0)}"
        lines.append(line)
    if rest or (lines and metrics.horizontalAdvance(lines[-1]) > width):
        last = " ".join([lines[-1], *rest]) if lines else ""
        lines[-1:] = [metrics.elidedText(last, Qt.TextElideMode.ElideRight, width)]
    return lines


class PhaseHeader(QLabel):
    """Signals: lines_changed(): the lines it needs at its width changed."""

    lines_changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # the person's own words
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._full = name
        self.lines_needed = 1  # at its width, up to MAX_LINES
        self.lines = 1  # what the lane gives it
        self.setAccessibleName(name)  # a screen reader says it whole
        QLabel.setText(self, name)

    def text(self) -> str:
        return self._full

    def set_lines(self, lines: int) -> None:
        """Show the name on up to `lines` lines, as tall as the lane's tallest header."""
        margins = self.contentsMargins()
        height = self.fontMetrics().lineSpacing() * lines + margins.top() + margins.bottom()
        if self.minimumHeight() != height:
            self.setMinimumHeight(height)
        if lines != self.lines:
            self.lines = lines
            self._wrap()

    def _wrap(self) -> None:
        width = self.contentsRect().width()
        if width <= 0:
            return
        metrics = self.fontMetrics()
        QLabel.setText(self, "\n".join(wrapped(self._full, metrics, width, self.lines)))
        needed = len(wrapped(self._full, metrics, width))
        if needed != self.lines_needed:
            self.lines_needed = needed
            self.lines_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._wrap()
