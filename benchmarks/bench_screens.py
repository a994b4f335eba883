"""First paint of each screen at XL (5,000 clients), first show included.

A new main window each run, as a start leaves it (the board shown, every other screen
built but never shown, so it has read nothing yet). Each of Today, Timeline, Clients and
the Dashboard is then shown once, timed from the click in the sidebar to the window
painted: the screen's read, its layout and its paint (grab() after the layouts, as
bench_edits.py times an edit). Panes a screen fills after its first paint (the Timeline's
capacity strip) are not counted.
Targets (targets.py, issue 21): each first paint at most 100 ms median.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from common import TODAY, benchmark_data, summary  # noqa: E402
from deliverydesk.model.rules.clock import FixedClock  # noqa: E402
from deliverydesk.services.workspace import Workspace  # noqa: E402
from deliverydesk.ui.core.events import AppEvents  # noqa: E402
from deliverydesk.ui.look.theme import apply_theme  # noqa: E402
from deliverydesk.ui.main_window import SCREENS, MainWindow  # noqa: E402
from targets import verdict  # noqa: E402

REPEATS = 7
SHOWN = ("today", "timeline", "clients", "dashboard")


def first_shows(workspace: Workspace) -> dict[str, float]:
    window = MainWindow(workspace, AppEvents())
    window.resize(1600, 1000)
    window.show()
    QApplication.processEvents()
    found = {}
    for key in SHOWN:
        start = time.perf_counter()
        window.sidebar.setCurrentRow(SCREENS.index(key))  # as a click on its name
        QApplication.processEvents()  # the read, the layouts
        window.grab()  # painted, now
        found[key] = (time.perf_counter() - start) * 1000
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return found


def main() -> None:
    print(__doc__)
    app = QApplication(sys.argv[:1])
    apply_theme(app, dark=False)
    workspace = Workspace.open(benchmark_data(5000), FixedClock(TODAY))
    first_shows(workspace)  # warms the caches
    runs = [first_shows(workspace) for _ in range(REPEATS)]
    for key in SHOWN:
        samples = [run[key] for run in runs]
        print(
            f"  {key:10s} first paint at XL   {summary(samples)}; "
            f"{verdict(f'first_{key}', statistics.median(samples))}"
        )
    workspace.close()


if __name__ == "__main__":
    main()
