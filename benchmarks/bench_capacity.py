"""The capacity check of an enrolment with 600 active journeys (30 steps each).

Timed: the whole check (capacity_preview: the 12-week load with the new client and the
earliest start that fits, searched a year ahead), and its parts: the booked-load read (one
query, spread into weeks), the 12-week table, the earliest-start search.
Floor: the same booked-step rows fetched with plain sqlite3, in the same run.
Target: the whole check under 50 ms.
"""

from __future__ import annotations

import sqlite3
import statistics
from datetime import timedelta

from common import TODAY, benchmark_data, summary, timed
from deliverydesk.model.rules.capacity import WeekCapacity, earliest_start_that_fits, week_table
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.clients.capacity import booked_load, capacity_preview, offer_effort
from deliverydesk.services.context import open_workspace
from deliverydesk.services.practice.practice import work_calendar
from deliverydesk.services.views.queries import offer_summaries

# seed_scale completes about one journey in ten: this many clients leaves 600+ active.
CLIENTS = 680
ACTIVE = 600
TARGET_MS = 50

FLOOR_SQL = (
    "SELECT s.start_on, s.due_on, sum(s.effort_minutes) FROM journey_step s "
    "JOIN journey j ON j.id = s.journey_id WHERE s.completed_on IS NULL AND s.due_on >= ? "
    "AND s.owner = 'me' AND s.effort_minutes > 0 AND j.status = 'active' "
    "GROUP BY s.start_on, s.due_on"
)
STEPS_SQL = (
    "SELECT count(*) FROM journey_step s JOIN journey j ON j.id = s.journey_id "
    "WHERE s.completed_on IS NULL AND s.due_on >= ? AND s.owner = 'me' "
    "AND s.effort_minutes > 0 AND j.status = 'active'"
)


def main() -> None:
    print(__doc__)
    folder = benchmark_data(CLIENTS)
    ctx = open_workspace(folder, FixedClock(TODAY))
    offers = offer_summaries(ctx)
    active = sum(o.active_journeys for o in offers)
    assert active >= ACTIVE, f"only {active} active journeys"
    offer = offers[0]
    start = TODAY + timedelta(days=3)
    calendar = work_calendar(ctx)
    hours = 40.0

    whole = timed(lambda: capacity_preview(ctx, offer.id, start), repeats=15)
    with ctx.db.engine.connect() as connection:
        booked_samples = timed(lambda: booked_load(connection, TODAY, calendar), repeats=15)
        booked = booked_load(connection, TODAY, calendar)
    design = offer_effort(ctx, offer.id)
    capacity = WeekCapacity(hours, calendar)
    table = timed(
        lambda: week_table(
            booked, design.load(start, calendar), WeekCapacity(hours, calendar), start
        ),
        repeats=15,
    )
    search = timed(
        lambda: earliest_start_that_fits(
            design, booked, WeekCapacity(hours, calendar), calendar, TODAY
        ),
        repeats=15,
    )
    preview = capacity_preview(ctx, offer.id, start)
    ctx.close()

    connection = sqlite3.connect(folder / "deliverydesk.sqlite3")
    spans = len(connection.execute(FLOOR_SQL, (TODAY.isoformat(),)).fetchall())
    (rows,) = connection.execute(STEPS_SQL, (TODAY.isoformat(),)).fetchone()
    floor = timed(lambda: connection.execute(FLOOR_SQL, (TODAY.isoformat(),)).fetchall(), 15)
    connection.close()

    found = preview.earliest_fit or preview.least_over
    print(
        f"{active} active journeys, {rows} open steps of mine booked ({spans} distinct "
        f"start/due spans); weekly hours {hours:g}"
    )
    print(f"  whole check (capacity_preview)  {summary(whole)}")
    print(f"  booked load: 1 query + spread   {summary(booked_samples)}")
    print(f"  12-week table                   {summary(table)}")
    print(f"  earliest-start search (52 wk)   {summary(search)}")
    print(f"  floor: the booked query, sqlite3 {summary(floor)}")
    print(
        f"  check/floor {statistics.median(whole) / statistics.median(floor):.1f}x; "
        f"suggested start {found} ({'fits' if preview.earliest_fit else 'least over'}); "
        f"{capacity.minutes(TODAY) / 60:g} h/week"
    )
    verdict = "OK" if statistics.median(whole) < TARGET_MS else "OVER TARGET"
    print(f"  target {TARGET_MS} ms: {verdict}")


if __name__ == "__main__":
    main()
