"""Which backups survive thinning: recent ones all, then one a day, a week, a month."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from deliverydesk.model.rules.retention import Dated, Tiers, backups_to_keep

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)  # a Monday evening


def every(step: timedelta, span: timedelta, now: datetime = NOW) -> list[Dated[datetime]]:
    """A backup every `step` over the `span` before `now`, each known by its time."""
    found = []
    moment = now
    while moment > now - span:
        found.append(Dated(moment, moment))
        moment -= step
    return found


def test_everything_from_the_last_day_is_kept() -> None:
    backups = every(timedelta(minutes=30), timedelta(hours=23, minutes=59))
    assert backups_to_keep(backups, NOW) == {b.key for b in backups}


def test_a_year_of_half_hourly_backups_thins_to_the_tiers() -> None:
    """Anki's thinning_generic: a synthetic year of backups every 30 minutes."""
    backups = every(timedelta(minutes=30), timedelta(days=365))
    tiers = Tiers(daily=14, weekly=8, monthly=12)
    kept = sorted(backups_to_keep(backups, NOW, tiers), reverse=True)

    recent = [k for k in kept if NOW - k < timedelta(days=1)]
    assert len(recent) == 48  # every half hour of the last day
    older = [k for k in kept if NOW - k >= timedelta(days=1)]
    assert len(older) == 14 + 8 + 12
    # The daily tier: the newest backup of each of the 14 days before those the last
    # 24 hours reach into (yesterday evening is among the recent ones).
    daily = older[:14]
    assert [(NOW.date() - k.date()).days for k in daily] == list(range(2, 16))
    assert all(k.hour == 23 and k.minute == 30 for k in daily)  # each day's newest
    # Then weekly and monthly: one backup per period at most, reaching back most of a year.
    assert len({k.date() for k in older}) == len(older)
    assert len({(k.year, k.month) for k in kept}) >= 12
    assert timedelta(days=240) < NOW - min(kept) < timedelta(days=366)


def test_a_second_backup_of_a_day_is_let_go() -> None:
    morning = Dated("morning", NOW - timedelta(days=3, hours=8))
    evening = Dated("evening", NOW - timedelta(days=3, hours=1))
    assert backups_to_keep([morning, evening], NOW) == {"evening"}


def test_the_newest_verified_backup_is_kept_however_old() -> None:
    ancient = Dated("ancient", NOW - timedelta(days=4000))
    assert backups_to_keep([ancient], NOW, Tiers(daily=0, weekly=0, monthly=0)) == {"ancient"}


def test_an_unverified_newest_never_pushes_out_the_last_sound_one() -> None:
    sound = Dated("sound", NOW - timedelta(days=900))
    damaged = Dated("damaged", NOW - timedelta(days=800), verified=False)
    kept = backups_to_keep([sound, damaged], NOW, Tiers(daily=0, weekly=0, monthly=0))
    assert "sound" in kept


def test_a_backup_stamped_in_the_future_is_kept() -> None:
    """A clock set back must not make the newest backups look disposable."""
    future = Dated("future", NOW + timedelta(days=30))
    assert "future" in backups_to_keep([future, Dated("now", NOW)], NOW)


def test_nothing_to_keep_from_nothing() -> None:
    assert backups_to_keep([], NOW) == set()
