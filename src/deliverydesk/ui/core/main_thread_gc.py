"""Garbage collection on the window's thread only.

Python's cyclic collector runs on whichever thread happens to allocate when a threshold is
crossed: a job's pool thread, say, reading a table. If the garbage it finds holds a Qt
object (a widget caught in a cycle with a lambda), Qt destroys that object on the wrong
thread, and the process dies with a segmentation fault. So the automatic collector is off,
and a timer on the window's thread collects with the same thresholds (as qutebrowser does).
Reference counting still frees everything that is not in a cycle at once, on any thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1_000
# While a start is under way nothing has been frozen yet (keep_for_good), so even the
# youngest generation holds every object the start made: a tick then walks them all
# (~30 ms at 150,000 objects), right when a person waits for the window to take a click.
# The ticks skip that wait, up to this many (a start that never ends still collects).
START_TICKS = 5


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.waited = 0
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        gc.disable()
        self.timer.start()

    def collect(self) -> None:
        """What the automatic collector would have done by now, generation by generation;
        nothing while a start is under way (see START_TICKS)."""
        if gc.get_freeze_count() == 0 and self.waited < START_TICKS:
            self.waited += 1
            return
        young, middle, old = gc.get_count()
        if young > self.thresholds[0]:
            gc.collect(0)
            if middle > self.thresholds[1]:
                gc.collect(1)
                if old > self.thresholds[2]:
                    gc.collect(2)


def keep_for_good() -> None:
    """Everything alive now stays out of every later collection: called once a start is
    over, when what is alive is mostly what lives as long as the process (modules, classes,
    SQLAlchemy's mappers and compiled statements, the screens). A full collection then
    walks ~150,000 objects (40-100 ms on the window's thread, at any moment); after this,
    only what was made since. The few hundred objects of garbage a start leaves are kept."""
    gc.freeze()


def collect_on_main_thread(app: QObject) -> MainThreadCollector:
    """Switch the automatic collector off; collect from `app`'s thread from now on."""
    return MainThreadCollector(app)
