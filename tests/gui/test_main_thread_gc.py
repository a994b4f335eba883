"""A Qt object caught in a reference cycle is freed on the window's thread, never on a
job's: freeing it on another thread crashed the whole app (a segmentation fault while a
practice export ran)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from deliverydesk.ui.core.main_thread_gc import (
    INTERVAL_MS,
    START_TICKS,
    MainThreadCollector,
)


def test_a_widget_in_a_cycle_is_freed_on_the_windows_thread(
    qtbot: QtBot, _collect_on_the_windows_thread: MainThreadCollector
) -> None:
    assert not gc.isenabled()
    freed_on: list[int] = []
    widget = QWidget()
    widget.cycle = widget  # type: ignore[attr-defined]  # as a lambda kept on it would
    widget.destroyed.connect(lambda: freed_on.append(threading.get_ident()))
    del widget

    def busy_job() -> None:  # allocates far past the collector's thresholds
        for _ in range(20):
            garbage = [[] for _ in range(gc.get_threshold()[0] * 2)]
            for item in garbage:
                item.append(garbage)  # cycles of its own, as any table read makes
            del garbage

    job = threading.Thread(target=busy_job)
    job.start()
    job.join()
    assert freed_on == []  # nothing was collected on the job's thread

    qtbot.waitUntil(lambda: bool(freed_on), timeout=INTERVAL_MS * (START_TICKS + 5))
    assert freed_on == [threading.main_thread().ident]


class Cyclic:
    def __init__(self) -> None:
        self.me = self  # freed only by the cyclic collector


def test_while_a_start_is_under_way_a_tick_does_not_walk_what_it_made(qapp: QWidget) -> None:
    # Until the start is over (keep_for_good freezes what it made), every object alive is
    # young: a tick would walk them all (~30 ms) while the person waits to click a card.
    collector = MainThreadCollector(qapp)
    collector.timer.stop()  # ticked by hand here
    collector.thresholds = (0, 0, 0)  # every tick is due
    frozen = gc.get_freeze_count()
    gc.unfreeze()  # as in a start: nothing kept for good yet
    try:
        garbage = weakref.ref(Cyclic())
        collector.collect()
        assert garbage() is not None  # not walked during the start
        for _ in range(START_TICKS):
            collector.collect()
        assert garbage() is None  # a start that never ends still collects
    finally:
        if frozen:
            gc.freeze()
