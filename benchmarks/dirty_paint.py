"""What a person waits for after an edit: the window has handled it and repainted what
changed, no more.

Qt paints a shown window lazily: a widget that changed marks its region dirty and the
window gets one UpdateRequest (posted, low priority); handling it lays out and paints the
dirty region only, into the window's backing store. So after the input, the event loop
is run until a pass handles no UpdateRequest: by then every layout the edit asked for is
done and every changed pixel is painted. The platform's wait for its next frame (5-16 ms)
is not ours and is not counted. A pass may post work the next pass handles (a layout
asked for during a paint, whose repaint is posted in turn), so the loop ends after two
quiet passes in a row. A forced repaint of the whole page (`grab()`) is what the
benchmarks measured until December 2026; they still print it, as the floor beside it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

MAX_PASSES = 20
QUIET_PASSES = 2


class DirtyPaint(QObject):
    """Watches one shown top-level window for the UpdateRequests its repaints arrive by."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.window = window.window()
        assert self.window.isVisible(), "a hidden window never paints"
        self.requests = 0
        self.window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.UpdateRequest:
            self.requests += 1
        return False

    def settle(self) -> int:
        """Run the event loop until the window has painted what is dirty; how many
        repaints that took (0: the edit changed nothing visible)."""
        seen, quiet = self.requests, 0
        for _ in range(MAX_PASSES):
            before = self.requests
            QApplication.processEvents()
            quiet = quiet + 1 if self.requests == before else 0
            if quiet == QUIET_PASSES:
                break
        return self.requests - seen

    def time(self, action: Callable[[], object]) -> tuple[float, float, int]:
        """Milliseconds of wall clock and of this thread's CPU from the input to the
        changes painted, and the number of repaints."""
        wall, cpu = time.perf_counter(), time.thread_time()
        action()
        repaints = self.settle()
        return (
            (time.perf_counter() - wall) * 1000,
            (time.thread_time() - cpu) * 1000,
            repaints,
        )
