"""The real program on the command line, as a subprocess with its own environment."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from deliverydesk import __version__

pytestmark = pytest.mark.e2e

SRC = Path(__file__).resolve().parents[2] / "src"
DATABASE = "deliverydesk.sqlite3"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """No $DELIVERYDESK_HOME, and a throwaway home, so nothing reaches the real one."""
    environ = {k: v for k, v in os.environ.items() if k != "DELIVERYDESK_HOME"}
    environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(SRC), environ.get("PYTHONPATH", "")) if p
    )
    environ["HOME"] = str(tmp_path / "home")
    environ["XDG_DATA_HOME"] = str(tmp_path / "home" / "data")
    return environ


def run(env: dict[str, str], *args: str, code: str = "") -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "deliverydesk"]
    return subprocess.run(
        [*command, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_version_names_the_commit_and_the_data_folder_without_making_it(
    env: dict[str, str], tmp_path: Path
) -> None:
    folder = tmp_path / "practice"
    result = run(env, "--version", "--data-dir", str(folder))
    assert result.returncode == 0
    version, commit, data = result.stdout.splitlines()
    assert version == f"DeliveryDesk {__version__}"
    assert commit.startswith("Commit: ") and len(commit.split()[1]) == 12  # a git checkout
    assert data == f"Data folder: {folder}"
    assert not folder.exists()

    env["DELIVERYDESK_HOME"] = str(tmp_path / "home-folder")
    assert run(env, "--version").stdout.splitlines()[2] == f"Data folder: {tmp_path}/home-folder"


@pytest.mark.parametrize("where", ["before", "after"])
def test_check_on_a_fresh_folder_is_all_good(
    env: dict[str, str], tmp_path: Path, where: str
) -> None:
    folder = tmp_path / "practice"
    option = ["--data-dir", str(folder)]
    args = [*option, "check"] if where == "before" else ["check", *option]
    result = run(env, *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "All good."
    assert f"Database: {folder / DATABASE}" in result.stdout
    assert result.stderr == ""
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / DATABASE).stat().st_mode) == 0o600


def test_check_on_a_garbage_file_fails_with_a_message_and_no_traceback(
    env: dict[str, str], tmp_path: Path
) -> None:
    folder = tmp_path / "practice"
    folder.mkdir()
    garbage = b"\x00\xffnot a database at all\n" * 100
    (folder / DATABASE).write_bytes(garbage)
    result = run(env, "check", "--data-dir", str(folder))
    assert result.returncode != 0
    assert "not a DeliveryDesk database" in result.stderr
    assert str(folder / DATABASE) in result.stderr
    assert "Traceback" not in result.stderr
    assert "All good." not in result.stdout
    assert (folder / DATABASE).read_bytes() == garbage


def test_check_on_a_database_from_a_newer_version_fails_cleanly(
    env: dict[str, str], tmp_path: Path
) -> None:
    folder = tmp_path / "practice"
    assert run(env, "check", "--data-dir", str(folder)).returncode == 0
    with closing(sqlite3.connect(folder / DATABASE)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'zzzz'")
        connection.commit()
    result = run(env, "check", "--data-dir", str(folder))
    assert result.returncode != 0
    assert "newer DeliveryDesk" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_given_as_the_data_folder_fails_with_a_message(
    env: dict[str, str], tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("my notes")
    result = run(env, "check", "--data-dir", str(not_a_folder))
    assert result.returncode != 0
    assert "cannot use that data folder" in result.stderr
    assert "Traceback" not in result.stderr
    assert not_a_folder.read_text() == "my notes"


def test_deliverydesk_home_is_used_without_data_dir(env: dict[str, str], tmp_path: Path) -> None:
    home = tmp_path / "from-env"
    result = run({**env, "DELIVERYDESK_HOME": str(home)}, "check")
    assert result.returncode == 0, result.stderr
    assert f"Database: {home / DATABASE}" in result.stdout
    assert (home / DATABASE).is_file()


def test_data_dir_wins_over_deliverydesk_home(env: dict[str, str], tmp_path: Path) -> None:
    home, chosen = tmp_path / "from-env", tmp_path / "from-cli"
    result = run({**env, "DELIVERYDESK_HOME": str(home)}, "check", "--data-dir", str(chosen))
    assert result.returncode == 0, result.stderr
    assert f"Database: {chosen / DATABASE}" in result.stdout
    assert (chosen / DATABASE).is_file()
    assert not home.exists()


def test_the_platform_folder_is_used_when_nothing_is_chosen(
    env: dict[str, str], tmp_path: Path
) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("XDG_DATA_HOME steers platformdirs only on Linux")
    result = run(env, "check")
    assert result.returncode == 0, result.stderr
    expected = tmp_path / "home" / "data" / "DeliveryDesk" / DATABASE
    assert f"Database: {expected}" in result.stdout


def test_check_runs_without_qt(env: dict[str, str], tmp_path: Path) -> None:
    # None in sys.modules makes any import of PySide6 fail, as on a machine without it.
    code = (
        "import sys; sys.modules['PySide6'] = None; "
        "from deliverydesk.cli.main import main; sys.exit(main(sys.argv[1:]))"
    )
    result = run(env, "check", "--data-dir", str(tmp_path / "practice"), code=code)
    assert result.returncode == 0, result.stderr
    assert "All good." in result.stdout
