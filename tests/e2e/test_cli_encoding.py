"""The command line where the terminal cannot show every character, or where Python reads
the arguments as ASCII (a C locale without UTF-8 mode): names with accents still go in
whole, and printing them never fails a command whose work was done."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.test_cli import SRC

pytestmark = pytest.mark.e2e

NAME = "Renée Ångström"


def environ(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DELIVERYDESK_HOME", "LANG", "LANGUAGE", "PYTHONIOENCODING", "PYTHONUTF8")
        and not k.startswith("LC_")
    }
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH", "")) if p)
    return {**env, **extra}


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "deliverydesk", *args],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def practice(tmp_path: Path) -> Path:
    folder = tmp_path / "practice"
    made = run(environ(), "demo", "--data-dir", str(folder), "--today", "2026-12-01")
    assert made.returncode == 0, made.stderr
    return folder


def client_names(folder: Path) -> list[str]:
    with closing(sqlite3.connect(folder / "deliverydesk.sqlite3")) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM client")]


def test_enrol_with_an_ascii_only_output_succeeds_and_says_so(practice: Path) -> None:
    env = environ(PYTHONIOENCODING="ascii")
    option = ["--data-dir", str(practice), "--today", "2026-12-01"]
    added = run(environ(), "client", "add", NAME, *option)
    assert added.returncode == 0, added.stderr
    enrolled = run(env, "enrol", NAME, "Brand Audit", "--start", "2026-12-07", *option)
    assert b"Traceback" not in enrolled.stderr, enrolled.stderr.decode()
    assert enrolled.returncode == 0
    assert b"Ren\\xe9e \\xc5ngstr\\xf6m" in enrolled.stdout  # shown as escapes, not a crash
    assert NAME in client_names(practice)


def test_a_c_locale_without_utf8_mode_takes_accented_names_whole(practice: Path) -> None:
    env = environ(LC_ALL="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")
    added = run(env, "client", "add", NAME, "--data-dir", str(practice))
    assert b"Traceback" not in added.stderr, added.stderr.decode()
    assert added.returncode == 0, added.stderr.decode()
    assert b"broken character" not in added.stderr
    assert NAME in client_names(practice)
