"""Starts DeliveryDesk the way `deliverydesk --data-dir DIR` does and exits once the board
is painted, printing "painted_ms ready_ms peak_rss_mib" (ready = the workspace attached,
edits possible). Timed from outside by bench_board.py; teardown is not part of a start."""

from __future__ import annotations

import os
import resource
import sys
import time
from datetime import date
from pathlib import Path

from deliverydesk.model.clock import FixedClock
from deliverydesk.ui.app import create_application, open_context, quick_window
from deliverydesk.ui.events import AppEvents


def main(folder: Path, began: float) -> None:
    app = create_application(sys.argv[:1])
    clock = FixedClock(date(2026, 11, 23))
    window = quick_window(folder, clock, AppEvents())  # shown and painted
    assert window is not None and window.current_screen() == "board"
    painted = time.perf_counter()
    ctx = open_context(folder, clock, window)
    assert ctx is not None
    window.attach(ctx)
    app.processEvents()
    ready = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{(painted - began) * 1000:.1f} {(ready - began) * 1000:.1f} {peak:.1f}", flush=True)
    os._exit(0)


if __name__ == "__main__":
    main(Path(sys.argv[1]), float(sys.argv[2]))
