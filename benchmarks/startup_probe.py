"""Starts DeliveryDesk the way `deliverydesk --data-dir DIR` does and exits once the board
is painted, printing "painted_ms ready_ms peak_rss_mib built_ms": painted = the last card
column of the first frame painted; ready = the workspace attached and the event loop free
to take a click on a card or a drag (a zero timer queued right after the attach has run:
what a person's click would wait for); built = every other screen built too; the peak RSS
is taken then. All count from the launch time handed in. Timed this way by bench_board.py,
like floor_probe.py. The paint clock waits for 50 ms without a paint to know the frame is
over; the app itself goes on to open the workspace at once, so that wait is left out of
ready and built (they count on from the last paint)."""

from __future__ import annotations

import os
import resource
import sys
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.ui.app import create_application, quick_window
from deliverydesk.ui.board.column_view import CardListView
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.main_thread_gc import keep_for_good
from paint_clock import PaintClock


def main(folder: Path, began: float) -> None:
    paints = PaintClock()
    paints.watch(CardListView)
    app = create_application(sys.argv[:1])
    clock = FixedClock(date(2026, 11, 23))
    window = quick_window(folder, clock, AppEvents())  # shown
    assert window is not None and window.current_screen() == "board"
    painted = paints.settle(began)
    opening = time.perf_counter()
    from deliverydesk.ui.opening import open_workspace  # as ui/app.py: after the paint

    workspace = open_workspace(folder, clock, window)
    assert workspace is not None
    marks: dict[str, float] = {}
    window.screens_built.connect(lambda: marks.setdefault("built", time.perf_counter()))
    window.screens_built.connect(keep_for_good)  # as ui/opening.py does
    window.attach(workspace)
    QTimer.singleShot(0, lambda: marks.setdefault("ready", time.perf_counter()))
    while "built" not in marks or "ready" not in marks:
        app.processEvents()
    ready, built = (painted + (marks[key] - opening) * 1000 for key in ("ready", "built"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{painted:.1f} {ready:.1f} {peak:.1f} {built:.1f}", flush=True)
    os._exit(0)


if __name__ == "__main__":
    main(Path(sys.argv[1]), float(sys.argv[2]))
