"""The report preview and the batch export, as a person meets them in the window.

- Click to preview: Documents → Progress report… on a demo client's page, until the
  dialog is shown (the document made, QtPdf loaded, the dialog built) and until QtPdf has
  drawn the first page (its renderer runs on a thread of its own). Floor, in the same
  run: `Workspace.paper.make_document` alone, the PDF made in memory.
- The batch: File → Export progress reports… for the demo's active clients into a folder,
  from the start until the summary shows; the first run in a process also starts the fork
  server. Beside it, the same reports made one by one in this process (workers=1).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtPdf import QPdfPageRenderer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from common import TODAY, summary, timed  # noqa: E402
from deliverydesk.model.rules.clock import FixedClock  # noqa: E402
from deliverydesk.paths import data_dir  # noqa: E402
from deliverydesk.seeding.demo import seed_demo  # noqa: E402
from deliverydesk.services.context import open_workspace  # noqa: E402
from deliverydesk.services.paper.report_export import (  # noqa: E402
    DocumentKind,
    export_progress_batch,
)
from deliverydesk.services.workspace import Workspace  # noqa: E402
from deliverydesk.ui.clients.client_page import ClientPage  # noqa: E402
from deliverydesk.ui.core.events import AppEvents  # noqa: E402
from deliverydesk.ui.core.jobs import JobRunner  # noqa: E402
from deliverydesk.ui.reports.batch_export import export_progress_reports  # noqa: E402

CLIENT = "Hannah Lindqvist"


def wait_for(signal: object, timeout_ms: int = 120_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def preview_once(page: ClientPage) -> tuple[float, float]:
    """(ms until the dialog is shown, ms until its first page is drawn)."""
    start = time.perf_counter()
    page.documents.actions[DocumentKind.PROGRESS].trigger()
    shown = (time.perf_counter() - start) * 1000
    dialog = page.documents.preview
    assert dialog is not None
    renderer = dialog.view.findChild(QPdfPageRenderer)
    drawn: list[float] = []
    loop = QEventLoop()

    def rendered(number: int, *_rest: object) -> None:
        if number == 0 and not drawn:
            QApplication.processEvents()  # the viewport paints the page it was handed
            drawn.append((time.perf_counter() - start) * 1000)
            loop.quit()

    renderer.pageRendered.connect(rendered)
    QTimer.singleShot(10_000, loop.quit)
    loop.exec()
    dialog.close()
    QApplication.processEvents()
    return shown, drawn[0] if drawn else float("nan")


def batch_once(host: QWidget, ws: Workspace, runner: JobRunner) -> float:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        batch = export_progress_reports(host, ws, runner, Path(out))
        assert batch is not None
        wait_for(batch.ended)
        seconds = time.perf_counter() - start
        assert len(list(Path(out).iterdir())) == len(ws.paper.report_clients())
        assert batch.summary is not None
        batch.summary.close()
    return seconds


def main() -> None:
    print(__doc__)
    print(f"Load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = data_dir(Path(tmp) / "demo")
        seeding = open_workspace(folder, FixedClock(TODAY))
        seed_demo(seeding)
        seeding.close()
        ws = Workspace.open(folder, FixedClock(TODAY))
        row = next(r for r in ws.clients.client_rows() if r.name == CLIENT)
        assert row.journey_id is not None
        page = ClientPage(ws, AppEvents(), QUndoStack())
        page.show_journey(row.journey_id)
        page.show()
        app.processEvents()

        first_shown, first_drawn = preview_once(page)
        runs, bare = [], []
        for _ in range(15):  # interleaved: a busy moment of the machine hits both alike
            runs.append(preview_once(page))
            bare.extend(
                timed(
                    lambda: ws.paper.make_document(DocumentKind.PROGRESS, client_id=row.client_id),
                    repeats=1,
                    warmup=0,
                )
            )
        print(f"Preview of {CLIENT}'s progress report")
        print(f"  first in the process: shown {first_shown:.1f} ms, drawn {first_drawn:.1f} ms")
        print(f"  click to dialog shown     {summary([s for s, _d in runs])}")
        print(f"  click to first page drawn {summary([d for _s, d in runs])}")
        print(f"  floor: make_document      {summary(bare)}")

        clients = len(ws.paper.report_clients())
        runner = JobRunner.for_workspace(ws)
        host = QWidget()
        first = batch_once(host, ws, runner)
        again = [batch_once(host, ws, runner) for _ in range(3)]
        in_process = []
        for _ in range(3):
            with tempfile.TemporaryDirectory() as out:
                start = time.perf_counter()
                export_progress_batch(ws._ctx, Path(out), workers=1)  # noqa: SLF001
                in_process.append(time.perf_counter() - start)
        print(f"\nBatch export of the demo's {clients} active clients (2 worker processes)")
        print(f"  first in the process (fork server starts) {first:6.2f} s")
        spread = f"{min(again):.2f}–{max(again):.2f}"
        print(f"  again                     {statistics.median(again):6.2f} s  ({spread}, N=3)")
        print(f"  one by one in-process     {statistics.median(in_process):6.2f} s  (N=3)")
        runner.shutdown()
        ws.close()


if __name__ == "__main__":
    main()
