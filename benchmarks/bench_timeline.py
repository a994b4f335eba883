"""The portfolio timeline at XL (5,000 clients, about 4,500 active journeys): first paint
and a scroll step; Today's list at the same size for comparison.

Floor: a bare Qt window start (whole process), measured in the same run
(common.bare_window_floor), as the other screen benchmarks print it.
Targets: the portfolio's first paint under 100 ms (from showing the screen to its rows
painted: the query, the rows grouped and sorted, the layout and the paint), a scroll
step under 16 ms (one wheel notch down, and one step sideways through time, each to the
visible rows repainted).

First paints are timed to the last paint of the view in question (paint_clock.py lets
the event loop run until painting is over), as bench_board.py times a start; the strip
is read only once the rows are painted, so it is timed on its own. Scroll steps are timed
to the viewport painted with grab() after the layouts, as bench_board.py times a filter:
grab() repaints every visible row, where a real wheel notch blits most of them.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication, QTreeView, QWidget  # noqa: E402

from common import TODAY, bare_window_floor, benchmark_data, summary, timed  # noqa: E402
from deliverydesk.model.rules.clock import FixedClock  # noqa: E402
from deliverydesk.services.workspace import Workspace  # noqa: E402
from deliverydesk.ui.core.events import AppEvents  # noqa: E402
from deliverydesk.ui.look.theme import apply_theme  # noqa: E402
from deliverydesk.ui.timeline.capacity_strip import CapacityStripView  # noqa: E402
from deliverydesk.ui.timeline.timeline_page import TimelinePage  # noqa: E402
from deliverydesk.ui.timeline.timeline_view import TimelineView  # noqa: E402
from deliverydesk.ui.today.today_page import TodayPage  # noqa: E402
from paint_clock import PaintClock  # noqa: E402

REPEATS = 9
WIDTH, HEIGHT = 1400, 900


def to_painted(widget: QWidget, action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    QApplication.processEvents()  # layouts
    widget.grab()  # painted, now
    return (time.perf_counter() - start) * 1000


ROWS = PaintClock()
ROWS.watch(TimelineView)
STRIP = PaintClock()
STRIP.watch(CapacityStripView)
TREE = PaintClock()


def first_paints(make: Callable[[], QWidget], clocks: tuple[PaintClock, ...]) -> list[list[float]]:
    """A new page each time, shown; per clock, milliseconds from show() to the last paint
    of the views it watches (the event loop runs until painting is over)."""
    samples: list[list[float]] = [[] for _ in clocks]
    for run in range(REPEATS + 1):
        page = make()
        page.resize(WIDTH, HEIGHT)
        start = time.perf_counter()
        page.show()
        for found, clock in zip(samples, clocks, strict=True):
            ms = clock.settle(start)
            if run:  # the first warms the caches
                found.append(ms)
        page.close()
        page.deleteLater()
        QApplication.processEvents()
    return samples


def scroll_steps(page: TimelinePage) -> tuple[list[float], list[float]]:
    view = page.portfolio.view
    bar = view.verticalScrollBar()
    notch = bar.singleStep() * QApplication.wheelScrollLines()
    down = []
    for _ in range(REPEATS * 2):
        if bar.value() + notch > bar.maximum():
            bar.setValue(0)
            QApplication.processEvents()
        down.append(to_painted(view.viewport(), lambda: bar.setValue(bar.value() + notch)))
    sideways = []
    for step in range(REPEATS * 2):
        sign = 1 if step % 2 == 0 else -1
        week = page.scale.day_width * 7
        sideways.append(to_painted(view.viewport(), lambda s=sign, w=week: page.scale.pan(s * w)))
    return down, sideways


def main() -> None:
    print(__doc__)
    floor = bare_window_floor()
    print(f"  bare Qt window start (floor)          {summary(floor)}")
    app = QApplication(sys.argv[:1])
    apply_theme(app, dark=False)
    workspace = Workspace.open(benchmark_data(5000), FixedClock(TODAY))
    schedule = workspace.schedule
    rows = len(schedule.portfolio())
    print(f"  portfolio read at XL ({rows} journeys)  {summary(timed(schedule.portfolio))}")
    print(f"  capacity strip read                   {summary(timed(schedule.capacity_strip))}")
    events = AppEvents()
    rows_painted, strip_painted = first_paints(
        lambda: TimelinePage(workspace, events), (ROWS, STRIP)
    )
    print(f"  portfolio first paint (read + paint)  {summary(rows_painted)}")
    print(f"  then the capacity strip filled        {summary(strip_painted)}")
    page = TimelinePage(workspace, events)
    page.resize(WIDTH, HEIGHT)
    page.show()
    QApplication.processEvents()
    down, sideways = scroll_steps(page)
    print(f"  scroll one wheel notch, to painted    {summary(down)}")
    print(f"  scroll a week sideways, to painted    {summary(sideways)}")
    unchanged = timed(lambda: page.portfolio.view.viewport().grab(), REPEATS)
    print(f"  repaint the rows, nothing changed     {summary(unchanged)}")
    due = len(workspace.schedule.today_list().rows)
    stack = QUndoStack()
    TREE.watch(QTreeView)
    (today,) = first_paints(lambda: TodayPage(workspace, events, stack), (TREE,))
    print(f"  Today first paint ({due} steps due)   {summary(today)}")
    workspace.close()


if __name__ == "__main__":
    main()
