"""The dashboard at XL: 5,000 clients of 30 steps (4,529 journeys running).

Timed: the whole read (services.dashboard.dashboard: capacity by week, on-time rate,
integrity and its parts, time per phase, feedback), and its parts: the capacity strip
(services/clients/capacity.py's booked load, shared with the timeline and the enrolment check)
and the dashboard's own statements.
Floor: the same statements run with plain sqlite3, in the same run (the booked-load
statement too, so the two columns compare like with like).
Target: the whole read under 100 ms.
"""

from __future__ import annotations

import sqlite3
import statistics
from datetime import timedelta

from common import TODAY, benchmark_data, summary, timed
from deliverydesk.model.rules.calendar import week_start
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.context import open_workspace
from deliverydesk.services.views import dashboard as board
from deliverydesk.services.views.timeline import capacity_strip

CLIENTS = 5000
TARGET_MS = 100
STATEMENTS = ("_COUNTS", "_STEPS", "_CHECKPOINTS", "_FRICTION", "_FEEDBACK", "_LEFT", "_RUNNING")
BOOKED_SQL = (
    "SELECT s.start_on, s.due_on, sum(s.effort_minutes) FROM journey_step s "
    "JOIN journey j ON j.id = s.journey_id WHERE s.completed_on IS NULL AND s.due_on >= :since "
    "AND s.owner = 'me' AND s.effort_minutes > 0 AND j.status = 'active' "
    "GROUP BY s.start_on, s.due_on"
)


def main() -> None:
    print(__doc__)
    folder = benchmark_data(CLIENTS)
    ctx = open_workspace(folder, FixedClock(TODAY))
    since = TODAY - timedelta(days=board.WINDOW_DAYS - 1)
    window = {"since": since.isoformat(), "today": TODAY.isoformat()}
    last_week = week_start(TODAY) + timedelta(weeks=board.CAPACITY_WEEKS - 1)

    whole = timed(lambda: board.dashboard(ctx), repeats=15)
    strip = timed(lambda: capacity_strip(ctx, last_week), repeats=15)
    own: dict[str, list[float]] = {}
    with ctx.db.engine.connect() as connection:
        for name in STATEMENTS:
            statement = getattr(board, name)
            own[name] = timed(lambda s=statement: connection.execute(s, window).all(), 15)
    result = board.dashboard(ctx)
    ctx.close()

    connection = sqlite3.connect(folder / "deliverydesk.sqlite3")
    floors = {}
    for name in STATEMENTS:
        sql = getattr(board, name).text
        floors[name] = timed(lambda s=sql: connection.execute(s, window).fetchall())
    booked = {"since": week_start(TODAY).isoformat()}
    booked_floor = timed(lambda: connection.execute(BOOKED_SQL, booked).fetchall(), 15)
    connection.close()

    on_time = result.on_time.steps
    worst = result.phases[0] if result.phases else None
    print(
        f"{result.active} running journeys; {on_time.total} steps due in the last "
        f"{board.WINDOW_DAYS} days ({on_time.hits} on time); "
        f"{sum(w.clients for w in result.phases)} phases measured"
    )
    print(f"  whole read (dashboard)           {summary(whole)}")
    print(f"  capacity strip (booked load)     {summary(strip)}")
    print(f"    floor: booked-load SQL, sqlite3{summary(booked_floor)}")
    own_total = sum(statistics.median(v) for v in own.values())
    floor_total = sum(statistics.median(v) for v in floors.values())
    for name in STATEMENTS:
        print(f"  {name:<12} via SQLAlchemy      {summary(own[name])}")
        print(f"  {'':<12} floor, sqlite3       {summary(floors[name])}")
    all_floors = floor_total + statistics.median(booked_floor)
    print(
        f"  own statements {own_total:.1f} ms against their floor {floor_total:.1f} ms; "
        f"whole {statistics.median(whole):.1f} ms against every floor {all_floors:.1f} ms "
        f"({statistics.median(whole) / all_floors:.2f}x)"
    )
    if worst is not None:
        print(
            f"  most over plan: {worst.offer_name} / {worst.phase_name}, "
            f"{worst.spent_days} days against {worst.planned_days} ({worst.clients} phases)"
        )
    verdict = "OK" if statistics.median(whole) < TARGET_MS else "OVER TARGET"
    print(f"  target {TARGET_MS} ms: {verdict}")


if __name__ == "__main__":
    main()
