"""`deliverydesk recover` never moves the data file out from under an open window
(docs/data-safety.md, item 2.4): the window would go on writing to the moved file, and
everything it saved from then on would be missing from the one put in its place."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.test_cli import DATABASE, env, run

__all__ = ["env"]  # the fixture, shared with test_cli.py

pytestmark = pytest.mark.e2e

TODAY = "2026-11-23"
# What a window does first on its folder: claim it (ui/app.py), then stay open.
WINDOW_HOLDS_THE_FOLDER = """\
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from deliverydesk.ui.core.single_instance import SingleInstance
app = QApplication([])
instance = SingleInstance(Path(sys.argv[1]))
assert instance.claim()
print("held", flush=True)
sys.stdin.read()
instance.release()
"""


@pytest.fixture
def damaged(env: dict[str, str], tmp_path: Path) -> Path:
    folder = tmp_path / "practice"
    assert run(env, "demo", "--data-dir", str(folder), "--today", TODAY).returncode == 0
    with (folder / DATABASE).open("r+b") as handle:  # no program has it open now
        handle.seek(4096 * 20)
        handle.write(bytes((i * 151 + 7) % 256 for i in range(4096)))
    return folder


@pytest.fixture
def window(damaged: Path, env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", WINDOW_HOLDS_THE_FOLDER, str(damaged)],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "held"
    yield process
    process.communicate(timeout=60)


def test_recover_refuses_while_a_window_holds_the_folder_and_moves_nothing(
    damaged: Path, window: subprocess.Popen[str], env: dict[str, str]
) -> None:
    before = (damaged / DATABASE).read_bytes()
    result = run(env, "recover", "--data-dir", str(damaged))
    assert result.returncode == 2
    assert f"DeliveryDesk is open on {damaged}. Close it and run recover again" in result.stderr
    assert "nothing was moved" in result.stderr
    assert "Traceback" not in result.stderr
    assert (damaged / DATABASE).read_bytes() == before
    assert not (damaged / "damaged").exists()

    window.communicate(timeout=60)  # the window closes: now recover does its work
    result = run(env, "recover", "--data-dir", str(damaged))
    assert result.returncode == 0, result.stderr
    assert (damaged / "damaged").is_dir()
