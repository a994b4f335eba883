"""A backup stamped in the future (taken once while the clock was set ahead) does not turn
the start-of-day backup off (issue 15): it is not counted as the newest, so the window's
start still backs up, and the day's backup then counts as usual."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from deliverydesk.services.context import Context
from deliverydesk.services.data import backups
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.auto_backup import AutoBackup
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.jobs import JobRunner

LONG = 60_000


def test_a_backup_stamped_in_the_future_does_not_stop_the_start_backup(
    qtbot: QtBot, demo_ws: Workspace, demo_ctx: Context, events: AppEvents
) -> None:
    now = datetime.now(UTC)
    ctx = demo_ctx  # the practice the window holds (demo_ws)
    backups.back_up(ctx, backups.AUTO, now=now - timedelta(days=2))  # the last true one
    ahead = now + timedelta(days=3 * 365)  # then one day the clock was three years ahead
    future = backups.back_up(ctx, backups.AUTO, now=ahead)
    assert [b.path for b in demo_ws.data.backup_list()][0] == future.path

    jobs = JobRunner.for_workspace(demo_ws)
    auto = AutoBackup(events, jobs)
    made: list[backups.BackupInfo] = []
    auto.backed_up.connect(made.append)
    failed: list[str] = []
    auto.failed.connect(failed.append)
    with qtbot.waitSignal(auto.backed_up, timeout=LONG):
        auto.start()  # the window's start
    auto.stop()
    jobs.wait()

    assert failed == []
    [today] = made
    assert today.label == "auto" and today.taken_at <= datetime.now(UTC)
    assert today.path in {b.path for b in demo_ws.data.backup_list()}
    # The day's backup now counts: the next start the same day takes none.
    assert backups.back_up_if_due(ctx) is None
