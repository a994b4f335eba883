"""Clients already under way: where a journey brought into DeliveryDesk has got to, and
the dates its earlier steps and phases are given. Values in, values out; no I/O.

A practitioner who starts using DeliveryDesk has clients mid-journey. Enrolling one
"already under way" names the step the client has reached; every earlier step is done,
on its own due date or on one day said for all, and marked brought in: that date is what
the practitioner said, not work recorded here, so it never counts as on time or late.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Reached:
    """Where a client already under way has got to."""

    phase: int  # the position of the phase the client is in now
    step: int = 0  # the first step of that phase not done yet, counted within the phase
    done_on: date | None = None  # one day for every earlier step; None: each on its due date

    @property
    def anything_done(self) -> bool:
        return self.phase > 0 or self.step > 0


def brought_in_on(due_on: date, reached: Reached, today: date) -> date:
    """The day an earlier step is marked done: the day said for all, else its due date;
    never a day still to come (a client ahead of plan did it by today)."""
    return min(reached.done_on or due_on, today)


def brought_in_phase(
    planned_start: date, planned_end: date, done_days: Sequence[date], today: date
) -> tuple[date, date]:
    """(started, completed) for a phase the client finished before DeliveryDesk: as planned,
    or earlier when its steps were done earlier. Never past the planned end, so a phase
    brought in is never drawn or counted as overrunning."""
    last = max(done_days, default=min(planned_end, today))
    completed = min(last, planned_end, today)
    return min(planned_start, completed), completed


def reached_phase_start(planned_start: date, done_days: Sequence[date], today: date) -> date:
    """The day the phase the client is in now began: as planned, or the day its first
    earlier step was done when that was sooner; never a day still to come."""
    return min([planned_start, today, *done_days])
