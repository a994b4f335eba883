"""Up and Down in a search field move through the list under it, as in a combo box."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent


def arrowed_row(event: QEvent, current: int, count: int) -> int | None:
    """The row Up or Down moves to from `current` (-1: none yet) in a list of `count`
    rows; None for any other event, or an empty list."""
    if (
        event.type() != QEvent.Type.KeyPress
        or not isinstance(event, QKeyEvent)
        or event.key() not in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        or not count
    ):
        return None
    step = 1 if event.key() == Qt.Key.Key_Down else -1
    return 0 if current < 0 else min(max(current + step, 0), count - 1)
