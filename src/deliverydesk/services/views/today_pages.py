"""Today read a page at a time: the counts of every group, and only the rows a group
shows, in the list's order (today's timed sessions first by time, then by due date, most
late first, and name); the rest as they are scrolled to. At 5,000 clients 12,800 steps
are due: reading them all cost the first paint ~75 ms, for the ~30 a person sees. The
rows after the sessions come in the open-steps index's order (due date first), so a
page stops once it has its rows instead of sorting every step due."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text

from deliverydesk.model.rules.enums import Owner
from deliverydesk.services.context import Context
from deliverydesk.services.views.today import (
    _DUE,
    WEEK_DAYS,
    PausedRow,
    TodayRow,
    due_row,
    paused_journeys,
    today_order,
)


@dataclass(frozen=True, slots=True)
class DueCount:
    """A group's steps due: all of them, those past their date, those due today."""

    due: int = 0
    overdue: int = 0
    today: int = 0


@dataclass(frozen=True, slots=True)
class TodayStart:
    """What Today shows first: every group's counts and first rows, the paused journeys."""

    today: date
    counts: Mapping[Owner, DueCount]
    first: Mapping[Owner, tuple[TodayRow, ...]]  # sessions of today first, then by due date
    paused: tuple[PausedRow, ...]


_COUNTS = text(
    """
SELECT journey_step.owner, count(*), sum(journey_step.due_on < :today),
       sum(journey_step.due_on = :today)
FROM journey_step
JOIN journey ON journey.id = journey_step.journey_id
WHERE journey_step.completed_on IS NULL
  AND journey_step.due_on <= :horizon
  AND journey.status = 'active'
GROUP BY journey_step.owner
"""
)
_TIMED_TODAY = (
    "journey_step.kind = 'session' AND journey_step.session_time IS NOT NULL"
    " AND journey_step.due_on = :today"
)
# Today's timed sessions (a few): every owner's at once, put in order in Python.
_SESSIONS = text(_DUE.text + " AND " + _TIMED_TODAY)
_REST = _DUE.text + " AND journey_step.owner = :owner AND NOT (" + _TIMED_TODAY + ")"
# After a row already read (the list's order, as a row value: one index range, then a test).
_AFTER = """
  AND journey_step.due_on >= :after_due
  AND (journey_step.due_on, lower(client.name), journey_step.journey_id, journey_step.position)
      > (:after_due, lower(:after_name), :after_journey, :after_position)
"""
_THROUGH = """
  AND journey_step.due_on <= :through_due
  AND (journey_step.due_on, lower(client.name), journey_step.journey_id, journey_step.position)
      <= (:through_due, lower(:through_name), :through_journey, :through_position)
"""
_ORDER = """
ORDER BY journey_step.due_on, lower(client.name), journey_step.journey_id,
         journey_step.position
"""
_ONE = text(_DUE.text + " AND journey_step.id = :step")


def _params(ctx: Context) -> dict[str, Any]:
    today = ctx.clock.today()
    horizon = today + timedelta(days=WEEK_DAYS - 1)
    return {"today": today.isoformat(), "horizon": horizon.isoformat()}


def _key(name: str, row: TodayRow) -> dict[str, Any]:
    return {
        f"{name}_due": row.due_on.isoformat(),
        f"{name}_name": row.client_name,
        f"{name}_journey": row.journey_id,
        f"{name}_position": row.position,
    }


def today_start(ctx: Context, rows: Mapping[Owner, int]) -> TodayStart:
    """The counts, today's timed sessions and the first `rows[owner]` rows after them of
    each group (a refresh asks for as many as the list had), and the paused journeys."""
    today = ctx.clock.today()
    params = _params(ctx)
    with ctx.db.engine.connect() as connection:
        counts = {
            Owner(owner): DueCount(due, overdue or 0, on_day or 0)
            for owner, due, overdue, on_day in connection.execute(_COUNTS, params)
        }
        sessions = [due_row(r, today) for r in connection.execute(_SESSIONS, params)]
        first = {}
        for owner in Owner:
            timed = sorted(
                (row for row in sessions if row.owner is owner),
                key=lambda row: today_order(row, today),
            )
            limit = max(rows.get(owner, 0) - len(timed), 0)
            rest = _rest(connection, today, {**params, "owner": owner.value}, "", limit)
            first[owner] = (*timed, *rest)
    return TodayStart(today, counts, first, tuple(paused_journeys(ctx)))


def due_rows(
    ctx: Context,
    owner: Owner,
    after: TodayRow | None,
    limit: int | None = None,
    through: TodayRow | None = None,
) -> list[TodayRow]:
    """The group's rows after `after` (a row read before; None: from its first row after
    today's sessions), at most `limit`, or up to and with `through`."""
    today = ctx.clock.today()
    params = {**_params(ctx), "owner": owner.value}
    where = ""
    if after is not None and not (after.is_timed_session and after.due_on == today):
        where += _AFTER
        params.update(_key("after", after))
    if through is not None:
        where += _THROUGH
        params.update(_key("through", through))
    with ctx.db.engine.connect() as connection:
        return _rest(connection, today, params, where, limit)


def _rest(
    connection: Any, today: date, params: dict[str, Any], where: str, limit: int | None
) -> list[TodayRow]:
    if limit == 0:
        return []
    statement = _REST + where + _ORDER + ("" if limit is None else f" LIMIT {int(limit)}")
    return [due_row(r, today) for r in connection.execute(text(statement), params)]


def due_step(ctx: Context, step_id: int) -> TodayRow | None:
    """The step as Today lists it; None when it is not on the list (done, not due this
    week, its journey not running)."""
    with ctx.db.engine.connect() as connection:
        found = connection.execute(_ONE, {**_params(ctx), "step": step_id}).first()
    return None if found is None else due_row(found, ctx.clock.today())
