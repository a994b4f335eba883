"""The client's paper: one progress report of a demo client, and progress reports for 600
active clients in a batch.

Floors, in the same run: a minimal reportlab document (one page, one paragraph) in a
standard font, and the same in the bundled Noto Sans (embedded, subset).
Targets: a demo client's progress report under 40 ms median; 600 reports under 15 s with
two worker processes.
"""

from __future__ import annotations

import io
import os
import statistics
import tempfile
import time
from pathlib import Path

from common import TODAY, benchmark_data, summary, timed
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.paths import data_dir
from deliverydesk.reports.fonts import DEFAULT_FAMILY, register_fonts
from deliverydesk.reports.progress_report import progress_report_pdf
from deliverydesk.seeding.demo import seed_demo
from deliverydesk.services.clients.client_lookup import clients_named
from deliverydesk.services.context import open_workspace
from deliverydesk.services.paper.report_data import progress_report
from deliverydesk.services.paper.report_export import export_progress_batch
from deliverydesk.services.paper.report_packs import active_clients


def cpu_timed(fn: object, repeats: int) -> list[float]:
    """Milliseconds of this process's CPU per call: steadier than the wall clock when other
    programs share the machine."""
    fn()  # type: ignore[operator]
    samples = []
    for _ in range(repeats):
        start = time.process_time()
        fn()  # type: ignore[operator]
        samples.append((time.process_time() - start) * 1000)
    return samples


def minimal_document(font: str) -> bytes:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, initialFontName=font)
    document.build(
        [Paragraph("Your progress: 14 of 26 steps done.", ParagraphStyle("p", fontName=font))]
    )
    return buffer.getvalue()


def single_report() -> None:
    register_fonts()
    with tempfile.TemporaryDirectory() as folder:
        ctx = open_workspace(data_dir(Path(folder) / "demo"), FixedClock(TODAY))
        seed_demo(ctx)
        (client,) = clients_named(ctx, "Hannah Lindqvist")
        values = progress_report(ctx, client.id, note="Keep the Friday review going.")
        whole = timed(
            lambda: progress_report_pdf(progress_report(ctx, client.id, note="Keep going.")), 21
        )
        cpu = cpu_timed(lambda: progress_report_pdf(progress_report(ctx, client.id)), 21)
        reading = timed(lambda: progress_report(ctx, client.id), 21)
        drawing = timed(lambda: progress_report_pdf(values), 21)
        pages = progress_report_pdf(values).count(b"/Type /Page\n")
        ctx.close()
    helvetica = timed(lambda: minimal_document("Helvetica"), 21)
    noto = timed(lambda: minimal_document(DEFAULT_FAMILY.regular), 21)
    ratio = statistics.median(whole) / statistics.median(noto)
    print(f"A demo client's progress report ({pages} pages)")
    print(f"  read and draw            {summary(whole)}   (target < 40 ms)")
    print(f"  read and draw, CPU time  {summary(cpu)}   (this process's CPU only)")
    print(f"    read the data          {summary(reading)}")
    print(f"    draw the PDF           {summary(drawing)}")
    print(f"  floor: minimal, Helvetica {summary(helvetica)}")
    print(f"  floor: minimal, Noto Sans {summary(noto)}   report/floor {ratio:.1f}x")


def batch(clients: int = 600, workers: int = 2) -> None:
    folder = benchmark_data(clients)
    ctx = open_workspace(folder, FixedClock(TODAY))
    try:
        # The active clients, then others with a journey, to make up `clients` reports.
        with ctx.db.engine.connect() as connection:
            others = [
                r[0] for r in connection.exec_driver_sql("SELECT DISTINCT client_id FROM journey")
            ]
        active = [client_id for client_id, _ in active_clients(ctx)]
        ids = list(dict.fromkeys([*active, *others]))[:clients]
        runs = []
        for _ in range(3):
            with tempfile.TemporaryDirectory() as out:
                start = time.perf_counter()
                done = export_progress_batch(ctx, Path(out), ids, workers=workers)
                runs.append(time.perf_counter() - start)
                assert len(done) == len(ids)
    finally:
        ctx.close()
    spread = f"{min(runs):.1f}–{max(runs):.1f}"
    median = statistics.median(runs)
    print(f"Progress reports for {len(ids)} clients, {workers} worker processes")
    print(
        f"  batch                    {median:8.1f} s   ({spread}, N={len(runs)})   (target < 15 s)"
    )
    print(f"  per report               {statistics.median(runs) / len(ids) * 1000:8.1f} ms")


def main() -> None:
    print(__doc__)
    print(f"Load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    single_report()
    batch()


if __name__ == "__main__":
    main()
