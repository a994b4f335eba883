"""The window keeps its own database locks through every kind of job (issue 15).

On POSIX, closing any descriptor of a file drops all of the process's locks on it. A job
that opened the database with anything but SQLite once did that inside the window's
process: another program then took itself for the file's last user, folded the log in and
deleted the `-wal` the window was still writing to, and the window's later writes were
lost at a crash, or the file damaged at a clean quit.

A window-like process (tests/e2e/window_like.py: the window's workspace and job runner)
runs each kind of job (a practice import, which swaps a new file in, included); after
each, another process asks the system (fcntl F_GETLK) who holds a lock on the database
file and must hear the window's process id. Then the
command line writes beside it, the window writes, and the window is killed (or quits):
every write either of them acknowledged is in the file, and the file is sound.
"""

from __future__ import annotations

import fcntl
import os
import signal
import sqlite3
import struct
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.test_cli import DATABASE, env, run

__all__ = ["env"]  # the fixture, shared with test_cli.py

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(sys.platform != "linux", reason="asks Linux's fcntl who holds a lock"),
]

WINDOW = Path(__file__).with_name("window_like.py")
FLOCK = "hhqqi4x"  # Linux's struct flock: type, whence, start, length, pid


def lock_holder(database: Path) -> int:
    """The process id holding a lock on `database` that a writer would wait for, 0 for none.

    This test's process holds no SQLite connection to the file while it asks, so opening
    and closing a descriptor here cannot cost it a lock."""
    fd = os.open(database, os.O_RDONLY)
    try:
        asked = struct.pack(FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        kind, _whence, _start, _length, pid = struct.unpack(
            FLOCK, fcntl.fcntl(fd, fcntl.F_GETLK, asked)
        )
    finally:
        os.close(fd)
    return 0 if kind == fcntl.F_UNLCK else pid


class Window:
    def __init__(self, folder: Path, environ: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WINDOW), str(folder)],
            env={**environ, "QT_QPA_PLATFORM": "offscreen"},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.pid = int(self.ask_nothing().removeprefix("open "))

    def ask_nothing(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def ask(self, command: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.ask_nothing()

    def end(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate(timeout=60)


@pytest.fixture
def window(tmp_path: Path, env: dict[str, str]) -> Iterator[Window]:
    folder = tmp_path / "practice"
    folder.mkdir(mode=0o700)
    opened = Window(folder, env)
    yield opened
    opened.end()


def clients_csv(path: Path, names: list[str]) -> Path:
    rows = "".join(f"{name},{name.split()[-1].lower()}@example.org\n" for name in names)
    path.write_text("name,email\n" + rows)
    return path


def test_the_window_keeps_its_lock_through_every_kind_of_job(
    window: Window, tmp_path: Path
) -> None:
    database = tmp_path / "practice" / DATABASE
    reports = tmp_path / "reports"
    reports.mkdir()
    assert lock_holder(database) == window.pid, "the window holds its lock once open"
    jobs = [
        "seed",
        "startup-backup",
        "backup",
        f"export {reports}",
        f"import {clients_csv(tmp_path / 'new.csv', ['Imported Ida', 'Imported Ivo'])}",
        f"export-practice {tmp_path / 'practice.json'}",
        f"import-practice {tmp_path / 'practice.json'}",  # a new file: its lock is held too
    ]
    for job in jobs:
        assert window.ask(f"job {job}") == "succeeded", job
        assert lock_holder(database) == window.pid, f"the window lost its lock after: {job}"
    assert len(list(reports.glob("*.pdf"))) > 1  # the batch really ran in its workers


@pytest.mark.parametrize("ending", ["killed", "quits"])
def test_no_write_is_lost_with_the_command_line_writing_beside_the_window(
    window: Window, env: dict[str, str], tmp_path: Path, ending: str
) -> None:
    folder = tmp_path / "practice"
    database = folder / DATABASE
    for job in ("seed", "startup-backup"):  # what a first start does
        assert window.ask(f"job {job}") == "succeeded", job

    acknowledged: list[str] = []
    for n in range(3):
        by_cli = f"Command Line {n}"
        result = run(env, "client", "add", by_cli, "--data-dir", str(folder))
        assert result.returncode == 0, result.stderr
        acknowledged.append(by_cli)
        by_window = f"Window Writer {n}"
        assert window.ask(f"write {by_window}").startswith("client ")
        acknowledged.append(by_window)

    if ending == "killed":
        window.process.send_signal(signal.SIGKILL)
    else:
        assert window.ask("quit") == "closed"
    window.process.communicate(timeout=60)

    with closing(sqlite3.connect(database)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        names = {name for (name,) in connection.execute("SELECT name FROM client")}
    assert sorted(set(acknowledged) - names) == []
    result = run(env, "check", "--data-dir", str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
