"""A window-like process for the lock tests: the window's workspace and its job runner,
driven on stdin instead of by clicks.

`python window_like.py DATA_DIR` opens the practice as the window does (Workspace.open)
and answers `open PID`. Then, one command a line:

    job seed | job backup | job startup-backup | job export OUT_DIR | job import CSV |
    job export-practice JSON | job import-practice JSON
                    runs the same work the window's menus hand to its JobRunner (ui/core/jobs.py)
                    and answers `succeeded`, `failed WORDS` or `cancelled`; a practice
                    import then swaps the built file in and reads it, as the window does
    write NAME      adds a client on the window's thread; `client ID` once committed
    quit            what closing the window does: stop the jobs, close the workspace;
                    `closed` once done
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from tempfile import mkdtemp
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.progress import Tracker
from deliverydesk.seeding.demo import seed_demo
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.jobs import JobRunner
from deliverydesk.ui.reports.batch_export import WORKERS

TODAY = date(2026, 11, 23)
Work = Callable[[Workspace, Tracker], Any]


def work_for(kind: str, argument: str) -> Work:
    """The work each of the window's jobs hands to the runner (see the ui/ module named)."""
    if kind == "seed":  # ui/welcome.py
        return lambda ws, tracker: seed_demo(
            ws.seeding_context(), tracker.progress, tracker.cancelled
        )
    if kind == "backup":  # ui/settings/backups_panel.py
        return lambda ws, _tracker: ws.data.back_up()
    if kind == "startup-backup":  # ui/core/auto_backup.py
        return lambda ws, _tracker: ws.data.back_up_if_due()
    if kind == "export":  # ui/reports/batch_export.py
        return lambda ws, tracker: ws.paper.export_progress_batch(
            Path(argument), workers=WORKERS, progress=tracker.report
        )
    if kind == "import":  # ui/widgets/import_clients_dialog.py
        return lambda ws, _tracker: ws.data.import_clients_csv(Path(argument))
    if kind == "export-practice":  # ui/data_menu.py
        return lambda ws, _tracker: ws.data.export_practice(Path(argument))
    if kind == "import-practice":  # ui/data_menu.py, into a scratch folder in the data folder
        return lambda ws, _tracker: ws.data.build_practice(
            Path(argument), Path(mkdtemp(prefix=".import-", dir=ws.folder))
        )
    raise SystemExit(f"no such job: {kind}")


def run_job(runner: JobRunner, work: Work, then: Callable[[Any], object] | None = None) -> str:
    job = runner.submit(work)
    outcome: list[str] = []
    job.succeeded.connect(lambda value: (then and then(value), outcome.append("succeeded")))
    job.failed.connect(lambda error: outcome.append(f"failed {error}"))
    job.cancelled.connect(lambda: outcome.append("cancelled"))
    loop = QEventLoop()
    job.finished.connect(loop.quit)
    loop.exec()
    return outcome[0]


def swap_in(workspace: Workspace) -> Callable[[Any], object]:
    """What DataActions._swap_in does with the built file: restore it, then the views read."""

    def swap(built: Path) -> None:
        workspace.data.restore_backup(built)
        shutil.rmtree(built.parent)
        workspace.clients.client_rows()

    return swap


def serve(folder: Path) -> None:
    app = QCoreApplication(sys.argv[:1])
    workspace = Workspace.open(folder, FixedClock(TODAY))
    runner = JobRunner.for_workspace(workspace)
    print(f"open {os.getpid()}", flush=True)
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "job":
            kind, _, rest = argument.partition(" ")
            then = swap_in(workspace) if kind == "import-practice" else None
            print(run_job(runner, work_for(kind, rest), then), flush=True)
        elif command == "write":
            client_id = workspace.clients.add_client(ClientInput(argument)).value
            print(f"client {client_id}", flush=True)
        elif command == "quit":
            runner.shutdown()
            workspace.close()
            print("closed", flush=True)
            break
    del app


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
