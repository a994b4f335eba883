"""The Makefile's choice of Python: 3.12 or newer, or a clear refusal saying why.

Why it matters: PySide6 6.12 on Python 3.11 drops a reference to None on every void call
and aborts the interpreter after a few thousand drawing calls. On 3.12+ None is immortal,
so no test inside the environment can see that leak; what can be checked is that the
environment runs on 3.12+ and that the Makefile never builds one on 3.11.
"""

from __future__ import annotations

import os
import subprocess
import sys
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


def stub_python(folder: Path, version: tuple[int, int, int]) -> Path:
    """A `python3` that is the real interpreter told it is `version`, for every way of asking
    (sys.version_info, sys.version, platform, --version)."""
    major, minor, micro = version
    folder.mkdir(exist_ok=True)
    stub = folder / "python3"
    pretend = (
        "import sys, collections; "
        "V = collections.namedtuple('version_info', 'major minor micro releaselevel serial'); "
        f"sys.version_info = V({major}, {minor}, {micro}, 'final', 0); "
        f"sys.version = '{major}.{minor}.{micro} (main, Jan  1 2026, 00:00:00) [GCC 12.2.0]'"
    )
    stub.write_text(
        "#!/bin/sh\n"
        'case "$1" in\n'
        f"  -V|--version) echo 'Python {major}.{minor}.{micro}'; exit 0 ;;\n"
        f'  -c) shift; exec {sys.executable} -c "{pretend}\n$1" ;;\n'
        "esac\n"
        "exit 2\n"
    )
    stub.chmod(0o755)
    return stub


def test_a_python_311_is_refused_with_the_reason(tmp_path: Path) -> None:
    stub = stub_python(tmp_path / "bin", (3, 11, 9))
    check = "import sys, platform; print(sys.version_info[:2] < (3, 12), platform.python_version())"
    assert subprocess.run([stub, "-c", check], capture_output=True, text=True).stdout.split() == [
        "True",
        "3.11.9",
    ]

    result = run([stub.parent])

    assert result.returncode != 0
    assert result.stdout == ""  # no interpreter named for make to build with
    assert "Python 3.12 or newer" in result.stderr
    assert "Python 3.11 is refused" in result.stderr


def test_a_python_312_is_taken(tmp_path: Path) -> None:
    stub = stub_python(tmp_path / "bin", (3, 12, 0))
    result = run([stub.parent])
    assert result.returncode == 0
    assert result.stdout.strip() == str(stub)


def test_the_environment_runs_on_python_312_or_newer() -> None:
    assert sys.version_info >= (3, 12), sys.version
    config = Path(sys.prefix, "pyvenv.cfg")
    if config.exists():  # the version the virtual environment was built with
        lines = dict(
            line.split(" = ", 1) for line in config.read_text().splitlines() if " = " in line
        )
        built = tuple(int(part) for part in lines["version"].split(".")[:2])
        assert built >= (3, 12), lines["version"]
