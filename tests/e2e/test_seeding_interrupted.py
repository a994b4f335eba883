"""Seeding killed part-way (`demo`, `seed-scale`): the data folder is left as it was, never
with a half-built practice, and a second run fills it."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.test_cli import DATABASE, env, run

__all__ = ["env"]  # the fixture, shared with test_cli.py

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

TODAY = "2026-11-23"
COMMANDS = {"demo": ["demo"], "seed-scale": ["seed-scale", "--clients", "2000"]}
EXPECTED_CLIENTS = {"demo": 25, "seed-scale": 2000}


def contents(folder: Path) -> tuple[int, int, int]:
    """(practices, offers, clients) in the folder's database (killed before its tables were
    made, it is an empty file: nothing in it either)."""
    with closing(sqlite3.connect(folder / DATABASE)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        if not connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'practice'").fetchone():
            return (0, 0, 0)
        return tuple(  # type: ignore[return-value]
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("practice", "offer", "client")
        )


@pytest.mark.parametrize("after", [0.3, 1.2], ids=["early", "late"])
@pytest.mark.parametrize("command", COMMANDS)
def test_a_killed_seeding_leaves_the_folder_empty_and_a_rerun_fills_it(
    env: dict[str, str], tmp_path: Path, command: str, after: float
) -> None:
    folder, scratch = tmp_path / "practice", tmp_path / "tmp"
    scratch.mkdir()
    env = {**env, "TMPDIR": str(scratch)}
    args = [*COMMANDS[command], "--data-dir", str(folder), "--today", TODAY]
    seeding = subprocess.Popen(
        [sys.executable, "-m", "deliverydesk", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while seeding.poll() is None:  # until the work has begun: the folder opened or scratch made
        if (folder / DATABASE).exists() or any(scratch.iterdir()):
            break
        assert time.monotonic() < deadline
        time.sleep(0.005)
    time.sleep(after)
    seeding.send_signal(signal.SIGKILL)
    seeding.wait()

    practices, offers, clients = contents(folder)
    whole = (practices, clients) == (1, EXPECTED_CLIENTS[command])
    if seeding.returncode == 0 or whole:
        # It beat the kill (or the kill came between its commit and its exit): then whole.
        assert whole
        return
    assert (practices, offers, clients) == (0, 0, 0)
    rerun = run(env, *args)
    assert rerun.returncode == 0, rerun.stderr
    assert contents(folder)[2] == EXPECTED_CLIENTS[command]
