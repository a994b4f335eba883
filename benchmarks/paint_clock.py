"""When did the screen actually show it? Qt paints after layouts and a short update timer,
so "to painted" is the moment of the last paint of the views in question, found by
letting the event loop run until it has been quiet for a while."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QWidget

QUIET_S = 0.05  # no paint for this long: the frame is finished
LIMIT_S = 2.0


class PaintClock:
    def __init__(self) -> None:
        self.last: float | None = None
        self.count = 0

    def watch(self, cls: type[QWidget]) -> None:
        """Time every paintEvent of `cls` (a view class whose painting is what we wait for)."""
        original: Callable[..., None] = cls.paintEvent
        clock = self

        def timed_paint(widget: QWidget, event: object) -> None:
            original(widget, event)
            clock.last = time.perf_counter()
            clock.count += 1

        cls.paintEvent = timed_paint  # type: ignore[method-assign]

    def settle(self, since: float) -> float:
        """Run the event loop until painting is over; milliseconds from `since` to the last
        paint (or to the moment the loop went quiet, if nothing needed painting)."""
        self.last, self.count = None, 0
        quiet_from = time.perf_counter()
        while time.perf_counter() - since < LIMIT_S:
            before = self.count
            QApplication.processEvents()
            now = time.perf_counter()
            if self.count != before:
                quiet_from = now
            elif now - quiet_from > QUIET_S:
                break
            time.sleep(0.001)
        end = self.last if self.last is not None else quiet_from
        return (end - since) * 1000
