"""The Dashboard's capacity planner at XL: 5,000 clients of 30 steps (4,529 journeys running).

Timed: the planner's read (services/views/planner.py: 26 weeks of booked hours by offer
against the practice's hours, through the one capacity rule), the same with a what-if
(a new client on an offer, and the earliest start that fits, searched a year ahead),
what fills the busiest week (a click on its bar), and the chart painted (offscreen, 26
stacked bars). The pane draws after the dashboard's first screen.
Floor: the planner's statement (booked effort per offer and start/due span) with plain
sqlite3, in the same run.
Target: the planner read and paint under 150 ms.

Seeds its own copy (DELIVERYDESK_BENCH_CACHE, default /tmp/deliverydesk-bench) at this
branch's schema.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
from datetime import timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import TODAY, benchmark_data, summary, timed  # noqa: E402
from deliverydesk.model.rules.clock import FixedClock  # noqa: E402
from deliverydesk.services.context import open_workspace  # noqa: E402
from deliverydesk.services.views.planner import planner, week_work  # noqa: E402
from deliverydesk.services.views.queries import offer_summaries  # noqa: E402

CLIENTS = 5000
TARGET_MS = 150
FLOOR_SQL = (
    "SELECT j.offer_id, s.start_on, s.due_on, sum(s.effort_minutes) FROM journey_step s "
    "JOIN journey j ON j.id = s.journey_id WHERE s.completed_on IS NULL AND s.due_on >= ? "
    "AND s.owner = 'me' AND s.effort_minutes > 0 AND j.status = 'active' "
    "GROUP BY j.offer_id, s.start_on, s.due_on"
)


def paint_samples(board: object) -> list[float]:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from deliverydesk.ui.dashboard.planner_chart import PlannerChart

    app = QApplication.instance() or QApplication([])
    chart = PlannerChart()
    chart.resize(1000, 360)
    image = QImage(chart.size(), QImage.Format.Format_ARGB32)

    def paint() -> None:
        chart.set_planner(board)  # type: ignore[arg-type]
        chart.render(image)  # the whole paintEvent, into an image

    samples = timed(paint, repeats=15)
    del app
    return samples


def main() -> None:
    print(__doc__)
    folder = benchmark_data(CLIENTS)
    ctx = open_workspace(folder, FixedClock(TODAY))
    offer = offer_summaries(ctx)[0]
    start = TODAY + timedelta(days=3)

    plain = timed(lambda: planner(ctx), repeats=15)
    what_if = timed(lambda: planner(ctx, (offer.id, start)), repeats=15)
    board = planner(ctx, (offer.id, start))
    busiest = max(board.weeks, key=lambda w: w.load.booked_hours)
    click = timed(lambda: week_work(ctx, busiest.week_start), repeats=15)
    steps = len(week_work(ctx, busiest.week_start))
    ctx.close()
    paint = paint_samples(board)

    connection = sqlite3.connect(folder / "deliverydesk.sqlite3")
    floor = timed(lambda: connection.execute(FLOOR_SQL, (TODAY.isoformat(),)).fetchall(), 15)
    spans = len(connection.execute(FLOOR_SQL, (TODAY.isoformat(),)).fetchall())
    connection.close()

    over = len(board.over_weeks)
    print(
        f"{len(board.offers)} offers, {spans} offer/start/due spans booked; {over} of 26 "
        f"weeks over with the what-if; busiest week {busiest.week_start} "
        f"({busiest.load.booked_hours:.0f} h, {steps} steps)"
    )
    print(f"  planner read                     {summary(plain)}")
    print(f"  planner read with a what-if      {summary(what_if)}")
    print(f"  a week clicked (week_work)       {summary(click)}")
    print(f"  chart painted (26 stacked bars)  {summary(paint)}")
    print(f"  floor: the booked query, sqlite3 {summary(floor)}")
    drawn = statistics.median(what_if) + statistics.median(paint)
    print(
        f"  planner/floor {statistics.median(plain) / statistics.median(floor):.1f}x; "
        f"what-if read + paint {drawn:.1f} ms"
    )
    verdict = "OK" if drawn < TARGET_MS else "OVER TARGET"
    print(f"  target {TARGET_MS} ms: {verdict}")


if __name__ == "__main__":
    main()
