"""The Makefile's choice of Python: 3.12 or newer, or a clear refusal saying why."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "find-python.sh"


def run(path_dirs: list[Path]) -> subprocess.CompletedProcess[str]:
    real_sh = "/bin"  # sh, sed, printf; no python3.12/3.13/pyenv there
    env = {"PATH": os.pathsep.join([*map(str, path_dirs), real_sh]), "HOME": os.environ["HOME"]}
    return subprocess.run(["/bin/sh", str(SCRIPT)], env=env, capture_output=True, text=True)


def test_an_old_python_is_refused_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "python3").symlink_to("/bin/false")  # answers "too old" to the version check
    result = run([tmp_path])
    assert result.returncode == 1
    assert "Python 3.12 or newer" in result.stderr
    assert "PySide6 6.12 on 3.11" in result.stderr


def test_python313_is_preferred(tmp_path: Path) -> None:
    for name in ("python3.13", "python3.12", "python3"):
        (tmp_path / name).symlink_to("/bin/true")  # answers "new enough"
    result = run([tmp_path])
    assert result.returncode == 0
    assert result.stdout.strip() == str(tmp_path / "python3.13")
