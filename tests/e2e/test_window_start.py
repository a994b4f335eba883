"""The real window, started twice on one data folder: the second start brings the first
forward and exits; the first, quitting cleanly, leaves one self-contained file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.test_cli import DATABASE, env, run

__all__ = ["env"]  # the fixture, shared with test_cli.py

pytestmark = pytest.mark.e2e

TODAY = "2026-11-23"
# The first window, as a person would run it, but it says when it is up, and when asked to
# come forward it writes a note and quits through the File menu's path (app.quit()).
FIRST = """\
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import deliverydesk.ui.opening as opening

def come_forward(window):
    workspace = window._ws
    journey = workspace.clients.client_rows()[0].journey_id
    workspace.journeys.add_note(journey, "Written just before quitting")
    print("brought forward", flush=True)
    QApplication.quit()

opening.bring_forward = come_forward
exec_ = QApplication.exec
def announced(self):
    QTimer.singleShot(0, lambda: print("ready", flush=True))
    return exec_()
QApplication.exec = announced
from deliverydesk.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_second_start_hands_over_and_a_clean_quit_leaves_one_file(
    env: dict[str, str], tmp_path: Path
) -> None:
    folder = tmp_path / "practice"
    options = ["--data-dir", str(folder), "--today", TODAY]
    assert run(env, "demo", *options).returncode == 0
    env = {**env, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.Popen(
        [sys.executable, "-c", FIRST, *options],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "ready"
        assert (folder / "deliverydesk.lock").exists()

        second = run(env, *options)

        assert second.returncode == 0, second.stderr
        assert "already open" in second.stdout and "brought forward" in second.stdout
        out, err = first.communicate(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()
    assert first.returncode == 0, err
    assert "brought forward" in out
    # The log was folded back in and the lock let go: the file alone holds everything.
    assert sorted(p.name for p in folder.iterdir() if not p.is_dir()) == [DATABASE]
    uri = f"{(folder / DATABASE).as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        notes = connection.execute("SELECT text FROM note").fetchall()
    assert ("Written just before quitting",) in notes
    assert os.path.getsize(folder / DATABASE) > 0
