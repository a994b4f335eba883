"""Which backups to keep: everything recent, then thinner and thinner (Anki's tiers).

Given when each backup was taken and "now", the rule keeps every backup of the last day,
then the newest backup of each of the last `daily` days that have one, of each of the
last `weekly` ISO weeks and of each of the last `monthly` months. The newest verified
backup is always kept, however old: pruning never leaves a person without a sound copy.
No I/O here: store/ and services/ list the files and delete what this rule lets go.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

RECENT = timedelta(days=1)
DAILY = 14
WEEKLY = 8
MONTHLY = 12


@dataclass(frozen=True, slots=True)
class Tiers:
    recent: timedelta = RECENT
    daily: int = DAILY
    weekly: int = WEEKLY
    monthly: int = MONTHLY


@dataclass(frozen=True, slots=True)
class Dated[K: Hashable]:
    key: K  # what the caller knows the backup by (its file name, say)
    taken_at: datetime
    verified: bool = True


def backups_to_keep[K: Hashable](
    backups: Sequence[Dated[K]], now: datetime, tiers: Tiers | None = None
) -> set[K]:
    """The keys of the backups to keep; every other one may be deleted."""
    tiers = tiers or Tiers()
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep: set[K] = set()
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    quota = {"daily": tiers.daily, "weekly": tiers.weekly, "monthly": tiers.monthly}

    def take(backup: Dated[K]) -> None:
        keep.add(backup.key)
        day = backup.taken_at.date()
        days.add(day)
        weeks.add(_week(day))
        months.add((day.year, day.month))

    for backup in newest_first:
        day = backup.taken_at.date()
        if now - backup.taken_at < tiers.recent:
            take(backup)  # a backup from the future (a clock set back) is kept too
        elif day not in days and quota["daily"] > 0:
            quota["daily"] -= 1
            take(backup)
        elif _week(day) not in weeks and quota["weekly"] > 0:
            quota["weekly"] -= 1
            take(backup)
        elif (day.year, day.month) not in months and quota["monthly"] > 0:
            quota["monthly"] -= 1
            take(backup)
    verified = [b for b in newest_first if b.verified]
    if verified:
        keep.add(verified[0].key)
    return keep


def _week(day: date) -> tuple[int, int]:
    year, week, _weekday = day.isocalendar()
    return year, week
