"""`deliverydesk export progress --all` stopped part-way (SIGKILL, SIGTERM): no process of
the batch lives on (fork server, resource tracker, workers), nothing holds the caller's
output open, and no half-written PDF or staging folder stays behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.test_cli import SRC

pytestmark = pytest.mark.e2e

DEADLINE = 60.0  # seconds; generous: a slow machine only makes the loop turn longer


def _environ(tmp: Path) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k != "DELIVERYDESK_HOME"}
    environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(SRC), environ.get("PYTHONPATH", "")) if p
    )
    environ["TMPDIR"] = str(tmp)  # multiprocessing's own folder lands where we can look
    return environ


def deliverydesk(environ: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "deliverydesk", *args],
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def demo_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("demo")
    (base / "tmp").mkdir()
    result = deliverydesk(_environ(base / "tmp"), "demo", "--data-dir", str(base / "practice"))
    assert result.returncode == 0, result.stderr
    return base / "practice"


def group_members(group: int) -> list[str]:
    """The live (not zombie) processes of process group `group`, read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # ended while we looked
        state, _parent, pgrp = stat[stat.rindex(")") + 2 :].split()[:3]
        if int(pgrp) == group and state != "Z":
            found.append((entry / "cmdline").read_text().replace("\0", " ")[:120])
    return found


def wait_for(condition: object, what: str) -> None:
    end = time.monotonic() + DEADLINE
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < end, f"still {what} after {DEADLINE} s"
        time.sleep(0.02)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize(
    "sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["SIGKILL", "SIGTERM", "SIGINT"]
)
def test_a_stopped_batch_leaves_no_process_and_no_partial_file(
    demo_once: Path, tmp_path: Path, sig: signal.Signals
) -> None:
    practice = Path(shutil.copytree(demo_once, tmp_path / "practice"))
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    out.mkdir()
    tmp.mkdir()
    environ = _environ(tmp)
    command = ["export", "progress", "--all", "--out-dir", str(out), "--data-dir", str(practice)]
    batch = subprocess.Popen(
        [sys.executable, "-m", "deliverydesk", *command, "--workers", "2"],
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: every process it starts is in it
    )
    try:
        wait_for(lambda: any(out.glob("*.pdf")), "no PDF written")
        batch.send_signal(sig)
        # A wrapper capturing the output gets its end: nothing left holds it open.
        _stdout, stderr = batch.communicate(timeout=DEADLINE)
        wait_for(lambda: not group_members(batch.pid), "processes of the batch running")
    finally:
        for _ in group_members(batch.pid):
            os.killpg(batch.pid, signal.SIGKILL)
            break
    written = list(out.glob("*.pdf"))
    assert 0 < len(written) < 23, "the batch was stopped part-way"
    assert [p.name for p in out.iterdir() if p.suffix != ".pdf"] == []  # no .tmp
    assert "Traceback" not in stderr and "Warning" not in stderr, stderr  # Python's words
    if sig != signal.SIGKILL:  # stopped as by Ctrl+C: it cleaned up itself
        assert batch.returncode == 130
        assert "stopped" in stderr
    else:  # nothing could clean up inside the killed process: the next start does
        result = deliverydesk(environ, "check", "--data-dir", str(practice))
        assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in practice.iterdir() if p.name.startswith(".")) == []
    assert list(tmp.iterdir()) == []  # multiprocessing's pymp-* folder too


def test_a_killed_demo_leaves_nothing_once_the_program_starts_again(tmp_path: Path) -> None:
    practice, tmp = tmp_path / "practice", tmp_path / "tmp"
    tmp.mkdir()
    environ = _environ(tmp)
    demo = subprocess.Popen(
        [sys.executable, "-m", "deliverydesk", "demo", "--data-dir", str(practice)],
        env=environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # The demo is being built aside (in the system's temp folder before the fix).
        wait_for(
            lambda: any(tmp.iterdir()) or any(practice.glob(".deliverydesk-staging-*")),
            "no scratch folder",
        )
        demo.kill()
    finally:
        demo.kill()
        demo.wait()
    result = deliverydesk(environ, "check", "--data-dir", str(practice))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in practice.iterdir() if p.name.startswith(".")) == []
    assert list(tmp.iterdir()) == []
    result = deliverydesk(environ, "demo", "--data-dir", str(practice))  # and it can start over
    assert result.returncode == 0, result.stderr
