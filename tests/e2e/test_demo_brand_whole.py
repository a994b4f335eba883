"""The demo's brand comes in with its data, in the same all-or-nothing step (issue 15).

The demo once moved its data into place and only then set its brand (tagline, contact
details, logo) in a second step: killed in between, the practice stayed without its
brand, and `demo` refused to run again on a folder that now held a practice.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from deliverydesk.seeding.demo_content import PRACTICE
from tests.e2e.test_cli import DATABASE, env, run

__all__ = ["env"]  # the fixture, shared with test_cli.py

pytestmark = pytest.mark.e2e

TODAY = "2026-11-23"
# `deliverydesk demo`, killed (SIGKILL) the instant its data has moved into the folder.
KILLED_AFTER_THE_MOVE = """\
import os, sys
import deliverydesk.seeding.demo as demo

moved = demo.copy_into_empty

def then_killed(*args):
    moved(*args)
    os.kill(os.getpid(), 9)

demo.copy_into_empty = then_killed
from deliverydesk.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_demo_killed_right_after_its_move_is_whole_brand_and_all(
    env: dict[str, str], tmp_path: Path
) -> None:
    folder = tmp_path / "practice"
    args = ["demo", "--data-dir", str(folder), "--today", TODAY]
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AFTER_THE_MOVE, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert killed.returncode == -9, killed.stderr

    with closing(sqlite3.connect(folder / DATABASE)) as connection:
        clients = connection.execute("SELECT count(*) FROM client").fetchone()[0]
        tagline, email, logo = connection.execute(
            "SELECT tagline, email, logo_path FROM practice"
        ).fetchone()
    assert clients == 25
    assert (tagline, email) == (PRACTICE.tagline, PRACTICE.email)
    assert logo and (folder / logo).is_file()  # the logo the brand names is there
    checked = run(env, "check", "--data-dir", str(folder))
    assert checked.returncode == 0, checked.stdout + checked.stderr
