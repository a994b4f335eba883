"""Starts DeliveryDesk as `deliverydesk --data-dir DIR` does and exits at the first painted
board, printing peak RSS in MiB. Timed from outside by bench_board.py."""

from __future__ import annotations

import os
import resource
import sys
from datetime import date
from pathlib import Path

from deliverydesk.model.clock import FixedClock
from deliverydesk.services.context import open_workspace
from deliverydesk.ui.app import create_application, open_main_window
from deliverydesk.ui.events import AppEvents


def main(folder: Path) -> None:
    app = create_application(sys.argv[:1])
    ctx = open_workspace(folder, FixedClock(date(2026, 11, 23)))
    window = open_main_window(ctx, AppEvents())
    assert window is not None and window.current_screen() == "board"
    window.show()
    app.processEvents()
    window.grab()  # every visible card painted
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{peak:.1f}", flush=True)
    os._exit(0)  # teardown is not part of starting


if __name__ == "__main__":
    main(Path(sys.argv[1]))
