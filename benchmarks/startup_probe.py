"""Starts DeliveryDesk the way `deliverydesk --data-dir DIR` does and exits once the board
is painted, printing "painted_ms ready_ms peak_rss_mib": painted = the last card column
of the first frame painted; ready = the workspace attached, edits possible. Both count
from the launch time handed in. Timed this way by bench_board.py, like floor_probe.py."""

from __future__ import annotations

import os
import resource
import sys
import time
from datetime import date
from pathlib import Path

from deliverydesk.model.clock import FixedClock
from deliverydesk.ui.app import create_application, open_workspace, quick_window
from deliverydesk.ui.board.column_view import CardListView
from deliverydesk.ui.events import AppEvents
from paint_clock import PaintClock


def main(folder: Path, began: float) -> None:
    paints = PaintClock()
    paints.watch(CardListView)
    app = create_application(sys.argv[:1])
    clock = FixedClock(date(2026, 11, 23))
    window = quick_window(folder, clock, AppEvents())  # shown
    assert window is not None and window.current_screen() == "board"
    painted = paints.settle(began)
    workspace = open_workspace(folder, clock, window)
    assert workspace is not None
    window.attach(workspace)
    app.processEvents()
    ready = (time.perf_counter() - began) * 1000
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{painted:.1f} {ready:.1f} {peak:.1f}", flush=True)
    os._exit(0)


if __name__ == "__main__":
    main(Path(sys.argv[1]), float(sys.argv[2]))
