"""A lock file left by a killed start, whose process id now names another live program,
does not keep DeliveryDesk from starting; a second live start is still refused (issue 15).

The old single-instance guard trusted the process id written in `deliverydesk.lock`: when
a crashed start's id was reused by another Python process, every later start believed
DeliveryDesk was still open and waited for that process to exit.
"""

from __future__ import annotations

import select
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.test_cli import env, run
from tests.e2e.test_window_start import FIRST, TODAY

__all__ = ["env"]  # the fixture, shared with test_cli.py

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(sys.platform == "win32", reason="waits on the window's pipe with select"),
]

LOCK = "deliverydesk.lock"
# A start that took the folder's lock as the old guard did (QLockFile), then was killed.
KILLED_START = """\
import os, sys
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication
app = QApplication([])
app.setApplicationName("DeliveryDesk")
lock = QLockFile(sys.argv[1])
assert lock.tryLock(0)
os.kill(os.getpid(), 9)
"""
STARTUP_S = 120  # a loaded machine; a start that is refused never says "ready" at all


@pytest.fixture
def unrelated() -> Iterator[subprocess.Popen[str]]:
    """Another Python program, alive for the whole test (it waits for its input)."""
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE, text=True
    )
    yield process
    process.communicate(timeout=30)


def line_within(process: subprocess.Popen[str], seconds: float) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    return process.stdout.readline().strip() if ready else ""


def test_a_stale_lock_naming_a_live_process_does_not_stop_the_start(
    env: dict[str, str], tmp_path: Path, unrelated: subprocess.Popen[str]
) -> None:
    folder = tmp_path / "practice"
    options = ["--data-dir", str(folder), "--today", TODAY]
    assert run(env, "demo", *options).returncode == 0
    env = {**env, "QT_QPA_PLATFORM": "offscreen"}
    lock = folder / LOCK
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_START, str(lock)], env=env, check=False, timeout=60
    )
    assert killed.returncode == -9
    # The killed start's process id, now reused by another live Python program.
    _pid, *rest = lock.read_text().split("\n")
    lock.write_text("\n".join([str(unrelated.pid), *rest]))

    first = subprocess.Popen(
        [sys.executable, "-c", FIRST, *options], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert line_within(first, STARTUP_S) == "ready", "the stale lock stopped the start"
        second = run(env, *options)  # a second live start: refused, the first comes forward
        assert second.returncode == 0, second.stderr
        assert "already open" in second.stdout and "brought forward" in second.stdout
        out, _err = first.communicate(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()
    assert first.returncode == 0
    assert "brought forward" in out
    assert not lock.exists()  # let go at a clean quit
    assert unrelated.poll() is None  # the other program was never touched
