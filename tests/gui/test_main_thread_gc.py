"""A Qt object caught in a reference cycle is freed on the window's thread, never on a
job's: freeing it on another thread crashed the whole app (a segmentation fault while a
practice export ran)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from deliverydesk.ui.core.main_thread_gc import INTERVAL_MS, MainThreadCollector


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

    qtbot.waitUntil(lambda: bool(freed_on), timeout=INTERVAL_MS * 5)
    assert freed_on == [threading.main_thread().ident]
