"""The batch of progress reports with worker processes: started without forking the
caller's threads, stoppable between chunks, and every file written is counted."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from deliverydesk.services.context import Context
from deliverydesk.services.paper.report_export import export_progress_batch, worker_context
from tests.unit.reports_support import enrol, practice, reader


def test_workers_never_start_as_a_plain_fork() -> None:
    method = worker_context().get_start_method()
    assert method in ("forkserver", "spawn")
    assert method == "forkserver" or "forkserver" not in multiprocessing.get_all_start_methods()


def test_a_stop_with_two_workers_keeps_whole_files_and_counts_each(
    ctx: Context, tmp_path: Path
) -> None:
    practice(ctx)
    for number in range(12):
        enrol(ctx, f"Client {number:02}")
    out = tmp_path / "out"
    out.mkdir()
    heard: list[int] = []
    done = export_progress_batch(
        ctx,
        out,
        workers=2,
        progress=lambda n, _total: heard.append(n),
        cancelled=lambda: bool(heard),  # stop once the first chunk is in
    )
    files = sorted(out.iterdir())
    assert 0 < len(files) < 12
    assert sorted(e.path for e in done) == files  # the chunks still running are counted
    assert all(p.suffix == ".pdf" and reader(p.read_bytes()).pages for p in files)
    assert heard[-1] == len(done)
