"""Words for a journey's state and what it skipped: the client page and the board card
say them the same way."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr

if TYPE_CHECKING:  # the board paints before SQLAlchemy is loaded; this is only a type
    from deliverydesk.services.journeys.lifecycle import SkippedPhase

SHOWN_TITLES = 3  # open steps named in a sentence before "and N more"


def state_line(
    status: JourneyStatus,
    paused_on: date | None,
    ended_on: date | None,
    reason: str,
    resume_on: date | None = None,
) -> str:
    """ "Paused since Wed 25 Nov 2026: Family emergency", then " · Resume planned for …"
    when a date was planned; empty for an active journey."""
    if status is JourneyStatus.PAUSED:
        return text.paused_line(paused_on, reason, resume_on)
    if status is JourneyStatus.COMPLETED:
        line = tr("Completed on {day}").format(day=text.long_date(ended_on))
    elif status is JourneyStatus.CANCELLED:
        line = tr("Cancelled on {day}").format(day=text.long_date(ended_on))
    elif status is JourneyStatus.ARCHIVED:
        return tr("Archived: this journey no longer shows in the client list. Undo brings it back.")
    else:
        return ""
    return f"{line}: {reason}" if reason else line


def titles(names: Sequence[str]) -> str:
    """ "'Intake form', 'Plan approved', 'Kick-off' and 2 more" """
    return text.WORDS.name_list(names, limit=SHOWN_TITLES)


def steps_open(n: int) -> str:
    return tr("1 step is still open") if n == 1 else tr("{n} steps are still open").format(n=n)


def complete_anyway(open_titles: Sequence[str]) -> str:
    return tr("{count}: {titles}. Complete the journey anyway? They stay open, not done.").format(
        count=steps_open(len(open_titles)), titles=titles(open_titles)
    )


def skipped_lines(phases: Sequence[SkippedPhase]) -> list[str]:
    """One line per phase left with its checkpoint open."""
    return [
        tr("Skipped '{phase}': {count} ({titles})").format(
            phase=p.name, count=steps_open(len(p.open_steps)), titles=titles(p.open_steps)
        )
        for p in phases
    ]
