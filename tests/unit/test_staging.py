"""Scratch work in the data folder: what a killed run left is swept at the next start; a
live run's staging never is (staging.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from deliverydesk.staging import PREFIX, staging, sweep

# A run that stages its work, says where, and waits to be killed.
RUN = """
import sys
from pathlib import Path
from deliverydesk.staging import note_leftover, staging

with staging(Path(sys.argv[1]), sys.argv[2]) as staged:
    (staged / "deliverydesk.sqlite3").write_bytes(b"a copy of the practice" * 1000)
    for leftover in sys.argv[3:]:
        note_leftover(staged, Path(leftover))
    print(staged, flush=True)
    sys.stdin.read()
"""


@pytest.fixture
def runs() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for run in started:
        run.kill()
        run.wait()
        for stream in (run.stdin, run.stdout):
            if stream is not None:
                stream.close()


def start(runs: list[subprocess.Popen[str]], folder: Path, kind: str, *extra: Path) -> Path:
    run = subprocess.Popen(
        [sys.executable, "-c", RUN, str(folder), kind, *map(str, extra)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    runs.append(run)
    assert run.stdout is not None
    return Path(run.stdout.readline().strip())


def killed(runs: list[subprocess.Popen[str]], folder: Path, kind: str, *extra: Path) -> Path:
    staged = start(runs, folder, kind, *extra)
    runs[-1].kill()
    runs[-1].wait()
    return staged


def test_what_killed_runs_left_is_swept_at_start(
    tmp_path: Path, runs: list[subprocess.Popen[str]]
) -> None:
    folder, out, system_tmp = tmp_path / "practice", tmp_path / "out", tmp_path / "tmp"
    for made in (folder, out, system_tmp):
        made.mkdir()
    pymp = system_tmp / "pymp-abc123"
    pymp.mkdir()
    half_written = out / ".Progress report - Ann.pdf.k3j4-x8f2.tmp"
    half_written.write_bytes(b"%PDF-1.4 half")
    others = out / ".Progress report - Bo.pdf.other-x1.tmp"  # another batch's: not listed
    others.write_bytes(b"%PDF")
    kept = out / "Progress report - Cy.pdf"
    kept.write_bytes(b"%PDF whole")
    left = [
        killed(runs, folder, "demo"),
        killed(runs, folder, "import"),
        killed(runs, folder, "restore"),
        killed(runs, folder, "export", out / ".*.k3j4-*.tmp", pymp),
    ]
    assert all(path.is_dir() and path.name.startswith(PREFIX) for path in left)

    assert sorted(sweep(folder)) == sorted(left)

    assert list(folder.iterdir()) == []
    assert sorted(out.iterdir()) == sorted([others, kept])
    assert list(system_tmp.iterdir()) == []


def test_a_live_runs_staging_is_not_swept(
    tmp_path: Path, runs: list[subprocess.Popen[str]]
) -> None:
    folder = tmp_path / "practice"
    folder.mkdir()
    live = start(runs, folder, "demo")
    dead = killed(runs, folder, "import")
    with staging(folder, "export") as own:
        assert sweep(folder) == [dead]
        assert live.is_dir() and (live / "deliverydesk.sqlite3").exists()
        assert own.is_dir()
    assert not own.exists()
    runs[0].stdin.close()  # type: ignore[union-attr]  # the live run ends well
    assert runs[0].wait(timeout=60) == 0
    assert list(folder.iterdir()) == []


# A window's process: a batch export with workers, then it goes on (till it is killed).
BATCH_THEN_WAIT = """
import sys
from pathlib import Path
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.workspace import Workspace
from tests.conftest import TODAY

ws = Workspace.open(Path(sys.argv[1]), FixedClock(TODAY))
print(len(ws.paper.export_progress_batch(Path(sys.argv[2]), workers=2)), flush=True)
sys.stdin.read()
"""


def test_multiprocessing_s_folder_is_swept_when_the_process_is_killed_after_a_batch(
    demo_copy: Path, tmp_path: Path, runs: list[subprocess.Popen[str]]
) -> None:
    """The fork server's `pymp-*` folder stays until the process ends, long after the
    batch and its staging folder: killed then, the next start still removes it."""
    out, system_tmp = tmp_path / "out", tmp_path / "tmp"
    out.mkdir()
    system_tmp.mkdir()
    root = Path(__file__).parents[2]
    run = subprocess.Popen(
        [sys.executable, "-c", BATCH_THEN_WAIT, str(demo_copy), str(out)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(system_tmp), "PYTHONPATH": f"{root / 'src'}:{root}"},
    )
    runs.append(run)
    assert run.stdout is not None
    assert int(run.stdout.readline()) == len(list(out.glob("*.pdf"))) > 0  # the batch is done
    run.kill()
    run.wait()
    assert [p.name[:5] for p in system_tmp.iterdir()] == ["pymp-"]  # left by the kill

    sweep(demo_copy)  # the next start

    assert list(system_tmp.iterdir()) == []
    assert [p for p in demo_copy.iterdir() if p.name.startswith(PREFIX)] == []


def test_a_process_staging_folder_goes_when_its_process_ends(tmp_path: Path) -> None:
    code = "import sys; from pathlib import Path; from deliverydesk.staging import process_staging"
    code += "; print(process_staging(Path(sys.argv[1])) == process_staging(Path(sys.argv[1])))"
    ended = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert ended.stdout.strip() == "True"  # one per process and data folder
    assert list(tmp_path.iterdir()) == []
