"""Work off the UI thread: results, failures and cancels come back to the window's thread."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from deliverydesk.model.entities import Base
from deliverydesk.progress import Tracker
from deliverydesk.seeding.demo import seed_demo
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, RefusalCode
from deliverydesk.services.practice.practice import get_practice
from deliverydesk.services.views.queries import client_rows
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.jobs import Job, JobRunner

UI_THREAD = threading.main_thread().ident
LONG = 60_000  # ms: seeding takes seconds; a loaded test machine may take several


def record_counts(ctx: Context) -> set[int]:
    with ctx.db.engine.connect() as connection:
        return {
            connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }


def test_a_finished_job_delivers_its_result_on_the_ui_thread(
    empty_ws: Workspace, qtbot: QtBot, empty_ctx: Context
) -> None:
    runner = JobRunner.for_workspace(empty_ws)
    seen: dict[str, object] = {}

    def work(ws: Workspace, tracker: Tracker) -> str:
        seen["work thread"] = threading.get_ident()
        # The window's own open database, never a second opening of the file.
        seen["window's database"] = ws.seeding_context().db is empty_ctx.db
        seen["same clock"] = ws.today() == empty_ctx.clock.today()
        tracker.step(1, 2)
        return "done"

    job = runner.submit(work)
    job.progressed.connect(lambda done, total: seen.setdefault("progress", (done, total)))
    job.succeeded.connect(lambda value: seen.update(value=value, slot=threading.get_ident()))
    with qtbot.waitSignal(job.finished, timeout=LONG):
        pass

    assert seen["value"] == "done"
    assert seen["slot"] == UI_THREAD
    assert seen["work thread"] != UI_THREAD
    assert seen["window's database"] and seen["same clock"]
    assert seen["progress"] == (0, 1)  # the runner's own first step, before the work's
    assert not job.is_running()


def test_a_failing_job_reports_its_error_on_the_ui_thread(
    empty_ws: Workspace, qtbot: QtBot, empty_ctx: Context
) -> None:
    runner = JobRunner.for_workspace(empty_ws)

    def work(ws: Workspace, tracker: Tracker) -> None:
        raise InvalidInput(RefusalCode.NOT_A_PRACTICE_FILE, file="export.json")

    job = runner.submit(work)
    errors: list[tuple[object, int | None]] = []
    job.failed.connect(lambda error: errors.append((error, threading.get_ident())))
    with qtbot.waitSignal(job.finished, timeout=LONG):
        pass

    [(error, thread)] = errors
    assert isinstance(error, InvalidInput)
    assert str(error) == "export.json is not a DeliveryDesk practice file."
    assert thread == UI_THREAD


def seed_as_a_job(runner: JobRunner) -> Job:
    return runner.submit(
        lambda ws, tracker: seed_demo(ws.seeding_context(), tracker.progress, tracker.cancelled)
    )


def test_cancel_stops_the_demo_and_leaves_the_folder_consistent(
    empty_ws: Workspace, qtbot: QtBot, empty_ctx: Context
) -> None:
    runner = JobRunner.for_workspace(empty_ws)
    job = seed_as_a_job(runner)
    progress: list[int] = []
    outcome: list[str] = []

    def on_progress(done: int, total: int) -> None:
        progress.append(done)
        if done >= 10:  # the clients are being enrolled
            job.cancel()

    job.progressed.connect(on_progress)
    job.succeeded.connect(lambda _value: outcome.append("succeeded"))
    job.cancelled.connect(lambda: outcome.append("cancelled"))
    job.failed.connect(lambda error: outcome.append(f"failed: {error}"))
    with qtbot.waitSignal(job.finished, timeout=LONG):
        pass

    assert outcome == ["cancelled"]
    assert max(progress) < 100
    # No half practice: the folder is as empty as before, and sound.
    assert get_practice(empty_ctx) is None
    assert record_counts(empty_ctx) == {0}
    assert empty_ctx.check().ok

    # And it takes the whole demo afterwards.
    again = seed_as_a_job(runner)
    with qtbot.waitSignal(again.succeeded, timeout=LONG) as blocker:
        pass
    assert "25 clients" in blocker.args[0]
    assert len({row.client_id for row in client_rows(empty_ctx)}) == 25
    assert empty_ctx.check().ok


def test_a_job_cancelled_while_it_waits_never_runs(qtbot: QtBot, empty_ws: Workspace) -> None:
    runner = JobRunner(empty_ws, max_threads=1)
    release = threading.Event()
    busy = runner.submit(lambda ws, tracker: release.wait(LONG / 1000))  # holds the one thread
    ran: list[bool] = []
    waiting = runner.submit(lambda ws, tracker: ran.append(True))
    waiting.cancel()
    release.set()
    with qtbot.waitSignal(waiting.cancelled, timeout=LONG):
        pass
    assert ran == []
    qtbot.waitUntil(lambda: not busy.is_running(), timeout=LONG)


def test_shutdown_stops_running_jobs_and_waits_for_them(
    empty_ws: Workspace, qtbot: QtBot, empty_ctx: Context
) -> None:
    runner = JobRunner.for_workspace(empty_ws)
    job = seed_as_a_job(runner)
    with qtbot.waitSignal(job.progressed, timeout=LONG):
        pass
    assert runner.shutdown()
    qtbot.waitUntil(lambda: not job.is_running(), timeout=LONG)
    assert runner.running() == []
    assert get_practice(empty_ctx) is None
    assert record_counts(empty_ctx) == {0}
