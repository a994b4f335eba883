"""The Clients screen at XL (5,000 clients): first paint and filtering per keystroke.

Floor: a bare Qt window start (whole process), measured in the same run.
Target: the client list paints under 100 ms at XL.
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from common import TODAY, bare_window_floor, benchmark_data, summary  # noqa: E402
from deliverydesk.model.rules.clock import FixedClock  # noqa: E402
from deliverydesk.services.workspace import Workspace  # noqa: E402
from deliverydesk.ui.clients.clients_page import ClientsPage  # noqa: E402
from deliverydesk.ui.core.events import AppEvents  # noqa: E402
from deliverydesk.ui.look.theme import apply_theme  # noqa: E402


def main() -> None:
    print(__doc__)
    floor = bare_window_floor()
    folder = benchmark_data(5000)
    app = QApplication([])
    apply_theme(app, dark=False)
    workspace = Workspace.open(folder, FixedClock(TODAY))
    rows = workspace.clients.client_rows()
    page = ClientsPage(workspace, AppEvents(), QUndoStack())
    page.resize(1400, 860)
    page.show()
    app.processEvents()

    paints = []
    for _ in range(9):
        start = time.perf_counter()
        page.model.set_rows(rows)
        page.table.viewport().grab()
        paints.append((time.perf_counter() - start) * 1000)

    keystrokes: list[float] = []
    for word in ("a", "an", "ann", "anna", "", "m", "ma", "mar", ""):
        start = time.perf_counter()
        page.model.set_filter(word)
        page.table.viewport().grab()
        keystrokes.append((time.perf_counter() - start) * 1000)

    # After an edit the list catches up one client and fits its columns to the words again.
    catch_ups: list[float] = []
    ids = [row.client_id for row in rows[:9]]
    for client_id in ids:
        start = time.perf_counter()
        page.model.update_clients({client_id}, workspace.clients.rows_for_clients({client_id}))
        page._fit_columns()
        page.table.viewport().grab()
        catch_ups.append((time.perf_counter() - start) * 1000)

    print(f"  bare Qt window start (floor)        {summary(floor)}")
    print(f"  client list, {len(rows)} rows: model + paint {summary(paints)}")
    print(f"  filter per keystroke, to painted    {summary(keystrokes)}")
    print(f"  one client caught up, refit, painted {summary(catch_ups)}")
    print(f"  paint / floor: {statistics.median(paints) / statistics.median(floor):.2f}x")
    workspace.close()


if __name__ == "__main__":
    main()
