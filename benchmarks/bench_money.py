"""The Dashboard's money pane at XL: 5,000 clients of 30 steps, every offer priced and its
invoice steps carrying amounts (seed-scale), invoices sent and paid along the way.

Timed: the read (services/money/revenue.py money_view: the journeys, the invoice steps
through their partial index, the effort per journey), and the pane drawn from scratch as
a person sees it (the read, the charts and tables filled, the layouts, the paint: grab()).
Floor: the same three statements run with plain sqlite3, in the same run.
Target: the pane under 150 ms.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from common import TODAY, benchmark_data, summary, timed  # noqa: E402
from deliverydesk.model.rules.clock import FixedClock  # noqa: E402
from deliverydesk.services.context import open_workspace  # noqa: E402
from deliverydesk.services.money import revenue  # noqa: E402
from deliverydesk.services.money.revenue import money_view  # noqa: E402
from deliverydesk.services.workspace import Workspace  # noqa: E402
from targets import verdict  # noqa: E402

CLIENTS = 5000
# The pane's own statements, run with plain sqlite3: like with like.
FLOOR_SQL = tuple(
    statement.text for statement in (revenue._JOURNEYS, revenue._INVOICES, revenue._EFFORTS)
)


def main() -> None:
    print(__doc__)
    app = QApplication(sys.argv[:1])
    from deliverydesk.ui.dashboard.money_pane import MoneyPane

    folder = benchmark_data(CLIENTS)
    ctx = open_workspace(folder, FixedClock(TODAY))
    workspace = Workspace(ctx)
    read = timed(lambda: money_view(ctx), repeats=15)

    def drawn() -> None:
        pane = MoneyPane(workspace)
        pane.resize(1000, 700)
        pane.refresh()
        pane.show()
        QApplication.processEvents()  # the layouts
        pane.grab()  # painted, now
        pane.close()
        pane.deleteLater()

    pane = timed(drawn, repeats=15)
    view = money_view(ctx)
    ctx.close()

    connection = sqlite3.connect(folder / "deliverydesk.sqlite3")
    floors = [timed(lambda s=sql: connection.execute(s).fetchall(), 15) for sql in FLOOR_SQL]
    connection.close()
    floor = sum(statistics.median(f) for f in floors)
    months = view.months[-1]
    print(
        f"{len(view.offers)} offers in {view.currency}; this month booked {months.booked_minor}, "
        f"invoiced {months.invoiced_minor}, paid {months.paid_minor} (minor units)"
    )
    print(f"  read (money_view)                {summary(read)}")
    print(f"  pane drawn (read+fill+paint)     {summary(pane)}")
    for name, samples in zip(("journeys", "invoices", "effort"), floors, strict=True):
        print(f"    floor: {name:<9} sqlite3        {summary(samples)}")
    whole = statistics.median(pane)
    print(
        f"  read {statistics.median(read):.1f} ms, pane {whole:.1f} ms against the floor "
        f"{floor:.1f} ms ({statistics.median(read) / floor:.2f}x read/floor)"
    )
    print(f"  {verdict('money_pane', whole)}")
    app.quit()


if __name__ == "__main__":
    main()
