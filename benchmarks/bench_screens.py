"""First paint of each screen at XL (5,000 clients), first show included.

A new main window each run, as a start leaves it (the board shown, every other screen
built but never shown, so it has read nothing yet). Each of Today, Timeline, Clients and
the Dashboard is then shown once, timed from the click in the sidebar to the window
painted: the screen's read, its layout and its paint (grab() after the layouts, as
bench_edits.py times an edit). Panes a screen fills after its first paint (the Timeline's
capacity strip, the Dashboard's later panes) are not counted: the clock stops at the
first paint (posted events sent, no timer run), and what they take after it is printed
beside. Before the clicks, the
start's own deferred work (the board folds its search texts 250 ms after its paint) is let
run, as it has long before a person's first click; else it lands in the first screen shown.
The collector runs as in the app (ui/app.py): on the window's thread from a timer, with
what the start made frozen; left automatic, a full collection walked the start's 150,000
objects inside whichever first paint allocated past its threshold.
After each, one more grab() of the unchanged window is timed: the cost of a paint alone.
Each first paint is also given as the process's CPU time (what the other helpers' load on
this machine does not change) and as a ratio to the floor measured in the same run.
Targets (targets.py, issue 21): each first paint at most 100 ms median.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from common import TODAY, bare_window_floor, benchmark_data, summary  # noqa: E402
from deliverydesk.model.rules.clock import FixedClock  # noqa: E402
from deliverydesk.services.workspace import Workspace  # noqa: E402
from deliverydesk.ui.core.events import AppEvents  # noqa: E402
from deliverydesk.ui.core.main_thread_gc import collect_on_main_thread, keep_for_good  # noqa: E402
from deliverydesk.ui.look.theme import apply_theme  # noqa: E402
from deliverydesk.ui.main_window import SCREENS, MainWindow  # noqa: E402
from targets import verdict  # noqa: E402

REPEATS = 7
SHOWN = ("today", "timeline", "clients", "dashboard")


SETTLE_S = 0.3  # the start's deferred work, before the first click


def first_shows(workspace: Workspace) -> dict[str, tuple[float, float, float, float]]:
    """Per screen: (wall ms, CPU ms) from the click to the window painted, and the CPU ms
    of one more grab() of the unchanged window (the paint floor inside the first), and the
    wall ms of what the screen reads and paints after its first paint (its later panes)."""
    window = MainWindow(workspace, AppEvents())
    window.resize(1600, 1000)
    window.show()
    keep_for_good()  # as a start does once its window is up
    settled = time.perf_counter() + SETTLE_S
    while time.perf_counter() < settled:
        QApplication.processEvents()
        time.sleep(0.005)
    found = {}
    for key in SHOWN:
        start, cpu = time.perf_counter(), time.process_time()
        window.sidebar.setCurrentRow(SCREENS.index(key))  # as a click on its name
        # The click read the screen (its show); the layouts it asked for are posted events.
        # Timers are not run here: what a screen starts after its first paint (a pane
        # below the fold) runs after the clock stops, as it does after the person sees it.
        QApplication.sendPostedEvents()
        window.grab()  # painted, now
        wall, cpu = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
        later = time.perf_counter()
        QApplication.processEvents()  # the panes read after the first paint
        window.grab()
        after = (time.perf_counter() - later) * 1000
        again = time.process_time()
        window.grab()
        found[key] = (wall, cpu, (time.process_time() - again) * 1000, after)
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return found


def main() -> None:
    print(__doc__)
    app = QApplication(sys.argv[:1])
    apply_theme(app, dark=False)
    collector = collect_on_main_thread(app)  # noqa: F841 (it lives as long as the app)
    workspace = Workspace.open(benchmark_data(5000), FixedClock(TODAY))
    first_shows(workspace)  # warms the caches
    runs = [first_shows(workspace) for _ in range(REPEATS)]
    workspace.close()
    floor = statistics.median(bare_window_floor())
    print(f"  bare Qt window start (floor)   {floor:8.1f} ms, median of 7")
    for key in SHOWN:
        samples = [run[key][0] for run in runs]
        cpu = statistics.median(run[key][1] for run in runs)
        repaint = statistics.median(run[key][2] for run in runs)
        later = statistics.median(run[key][3] for run in runs)
        median = statistics.median(samples)
        print(
            f"  {key:10s} first paint at XL   {summary(samples)}, {median / floor:.2f}x the "
            f"floor, CPU {cpu:.1f} ms (a repaint of it {repaint:.1f}; its later panes "
            f"{later:.1f} ms after); {verdict(f'first_{key}', median)}"
        )


if __name__ == "__main__":
    main()
