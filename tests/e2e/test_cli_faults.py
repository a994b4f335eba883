"""The real program given what goes wrong on real machines: something in the way of the
data file, no permission, a read-only practice, a damaged file, dates outside any calendar,
broken characters, a full disk, a permissive umask. Each ends in a plain message (never a
traceback), and the data is left intact."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.test_cli import DATABASE, env, run

__all__ = ["env"]  # the fixture, shared with test_cli.py

pytestmark = pytest.mark.e2e

TODAY = "2026-11-23"
PAGE = 4096


def without_override() -> list[str]:
    """A command prefix under which the file modes bind: an administrator (root, as in
    some containers) can write a read-only file, so its power to do so is dropped."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file modes cannot be made to bind")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


def deliverydesk(
    env: dict[str, str], *args: str, prefix: list[str] | None = None, **options: object
) -> subprocess.CompletedProcess[str]:
    command = [*(prefix or []), sys.executable, "-m", "deliverydesk", *args]
    return subprocess.run(
        command,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        **options,  # type: ignore[call-overload]
    )


def clean(result: subprocess.CompletedProcess[str]) -> bool:
    return "Traceback" not in result.stderr + result.stdout


@pytest.fixture
def demo_folder(demo_template: Path) -> Path:
    """The demo practice seeded once per session (tests/conftest.py), today pinned to TODAY."""
    return demo_template


@pytest.fixture
def practice(demo_folder: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the demo practice, given back its modes afterwards."""
    folder = tmp_path / "practice"
    shutil.copytree(demo_folder, folder)
    yield folder
    folder.chmod(0o700)
    for child in folder.iterdir():
        child.chmod(0o700 if child.is_dir() else 0o600)


def listing(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (stat.S_IMODE(p.stat().st_mode), p.stat().st_size) for p in folder.iterdir()}


# -- something in the way -------------------------------------------------------------------
def test_a_folder_where_the_data_file_belongs(env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "practice" / DATABASE).mkdir(parents=True)
    result = run(env, "check", "--data-dir", str(tmp_path / "practice"))
    assert result.returncode == 2 and clean(result)
    assert "is a folder" in result.stderr
    assert (tmp_path / "practice" / DATABASE).is_dir()


def test_an_unreadable_data_file(env: dict[str, str], practice: Path) -> None:
    (practice / DATABASE).chmod(0o000)
    before = listing(practice)
    result = deliverydesk(env, "check", "--data-dir", str(practice), prefix=without_override())
    assert result.returncode == 2 and clean(result)
    assert "not allowed to read" in result.stderr
    assert listing(practice) == before


def test_a_file_named_backups_during_an_upgrade(env: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "practice"
    folder.mkdir(mode=0o700)
    code = (
        "import sys; from pathlib import Path\n"
        "from deliverydesk.store import migrate\n"
        "from deliverydesk.store.engine import create_db_engine\n"
        "engine = create_db_engine(Path(sys.argv[1]))\n"
        "migrate.upgrade(engine, '0001'); engine.dispose()\n"
    )
    assert run(env, str(folder / DATABASE), code=code).returncode == 0
    (folder / "backups").write_text("my own notes, not a folder")
    before = (folder / DATABASE).read_bytes()
    result = run(env, "check", "--data-dir", str(folder))
    assert result.returncode == 2 and clean(result)
    assert "backup" in result.stderr and "'backups'" in result.stderr
    assert (folder / DATABASE).read_bytes() == before
    assert (folder / "backups").read_text() == "my own notes, not a folder"


# -- read-only ------------------------------------------------------------------------------
@pytest.mark.slow  # many runs of the program
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_practice_is_read_and_never_changed(
    env: dict[str, str], practice: Path, what: str
) -> None:
    if what == "file":
        (practice / DATABASE).chmod(0o400)
    else:
        practice.chmod(0o500)
    before = listing(practice), stat.S_IMODE(practice.stat().st_mode)
    prefix = without_override()

    checked = deliverydesk(env, "check", "--data-dir", str(practice), prefix=prefix)
    added = deliverydesk(
        env, "client", "add", "Ana Souza", "--data-dir", str(practice), prefix=prefix
    )
    checked_again = deliverydesk(env, "check", "--data-dir", str(practice), prefix=prefix)

    assert checked.returncode == 0 and clean(checked), checked.stderr
    assert "Read-only:" in checked.stdout and "All good." in checked.stdout
    assert "Practice: Northlight Practice" in checked.stdout
    assert added.returncode != 0 and clean(added)
    assert "read-only" in added.stderr and "Nothing was changed" in added.stderr
    assert checked_again.returncode == 0 and clean(checked_again)
    # No mode was changed, and nothing (no 0400 -shm) was left to break later writes.
    assert (listing(practice), stat.S_IMODE(practice.stat().st_mode)) == before

    practice.chmod(0o700)
    (practice / DATABASE).chmod(0o600)
    added = deliverydesk(
        env, "client", "add", "Ana Souza", "--data-dir", str(practice), prefix=prefix
    )
    assert added.returncode == 0, added.stderr


# -- a damaged file -------------------------------------------------------------------------
def damage(path: Path) -> None:
    with closing(sqlite3.connect(path)) as connection:
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'journey_step'"
        ).fetchone()[0]
    with path.open("r+b") as handle:
        handle.seek(PAGE * root)
        handle.write(bytes((i * 151 + 7) % 256 for i in range(PAGE * 4)))


@pytest.mark.slow  # many runs of the program
def test_recover_puts_back_the_newest_sound_backup(env: dict[str, str], practice: Path) -> None:
    code = (
        "import sys; from pathlib import Path\n"
        "from deliverydesk.store.backup import verified_backup\n"
        "folder = Path(sys.argv[1])\n"
        "verified_backup(folder / 'deliverydesk.sqlite3', folder / 'backups', 'daily')\n"
    )
    assert run(env, str(practice), code=code).returncode == 0
    damage(practice / DATABASE)

    refused = run(env, "check", "--data-dir", str(practice))
    assert refused.returncode == 2 and clean(refused)
    assert "deliverydesk recover" in refused.stderr

    recovered = run(env, "recover", "--data-dir", str(practice))
    assert recovered.returncode == 0 and clean(recovered), recovered.stderr
    assert "put back the backup" in recovered.stdout
    checked = run(env, "check", "--data-dir", str(practice))
    assert checked.returncode == 0 and "All good." in checked.stdout
    (kept,) = (practice / "damaged").iterdir()
    assert (kept / DATABASE).exists()


@pytest.mark.slow  # many runs of the program
def test_recover_without_a_backup_starts_fresh_only_when_asked(
    env: dict[str, str], practice: Path
) -> None:
    damage(practice / DATABASE)
    damaged = (practice / DATABASE).read_bytes()
    refused = run(env, "recover", "--data-dir", str(practice))
    assert refused.returncode == 1 and clean(refused)
    assert "--fresh" in refused.stderr
    assert (practice / DATABASE).read_bytes() == damaged

    fresh = run(env, "recover", "--fresh", "--data-dir", str(practice))
    assert fresh.returncode == 0 and "empty practice" in fresh.stdout
    checked = run(env, "check", "--data-dir", str(practice))
    assert "Practice: none yet" in checked.stdout and "All good." in checked.stdout


# -- inputs ---------------------------------------------------------------------------------
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
@pytest.mark.parametrize("command", ["demo", "check", "gui"])
def test_a_today_outside_any_calendar_is_refused(
    env: dict[str, str], tmp_path: Path, day: str, command: str
) -> None:
    result = run(env, command, "--data-dir", str(tmp_path / "practice"), "--today", day)
    assert result.returncode == 2 and clean(result)
    assert "too far from now" in result.stderr
    assert not (tmp_path / "practice").exists()


def test_a_name_with_broken_characters_from_the_command_line(
    env: dict[str, str], practice: Path
) -> None:
    # Bytes that are not UTF-8 reach Python as lone surrogates.
    name = os.fsdecode(b"Ana \xff Souza")
    result = run(env, "client", "add", name, "--data-dir", str(practice))
    assert result.returncode == 1 and clean(result)
    assert "broken character" in result.stderr


# -- a full disk ----------------------------------------------------------------------------
def disk_of(size: int) -> Callable[[], None]:
    """For the child: files may grow to `size` bytes, and writing past that fails (EFBIG)
    rather than killing it, as on a full disk."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))

    return limit


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


NOTES = """\
import sys
from pathlib import Path
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.context import open_workspace
from deliverydesk.services.errors import StorageFailed
from deliverydesk.services.journeys.journeys import add_note
from datetime import date
ctx = open_workspace(Path(sys.argv[1]), FixedClock(date(2026, 11, 23)))
journey = int(sys.argv[2])
try:
    for n in range(200):
        add_note(ctx, journey, f"note {n} " + "x" * 60_000)
        print(f"saved {n}", flush=True)
except StorageFailed as error:
    print(f"refused: {error}", flush=True)
print("closed" if ctx.close() else "closed, log kept", flush=True)
"""


def test_a_full_disk_refuses_a_note_cleanly_and_check_still_reports(
    env: dict[str, str], practice: Path
) -> None:
    with closing(sqlite3.connect(practice / DATABASE)) as connection:
        journey = connection.execute("SELECT min(id) FROM journey").fetchone()[0]
    env = {**env, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-c", NOTES, str(practice), str(journey)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=disk_of(512 * 1024),
    )
    assert result.returncode == 0 and clean(result), result.stderr
    lines = result.stdout.splitlines()
    saved = [line for line in lines if line.startswith("saved")]
    refusal = next(line for line in lines if line.startswith("refused"))
    assert saved, "some notes fit before the disk filled"
    assert "could not be written to the disk" in refusal or "disk is full" in refusal
    assert "Nothing was changed" in refusal
    assert lines[-1] == "closed, log kept"  # the log could not be folded in, and that is fine

    # `check` on the full disk: its report, even though its own close cannot fold the log in.
    checked = deliverydesk(
        env, "check", "--data-dir", str(practice), preexec_fn=disk_of(512 * 1024)
    )
    assert clean(checked), checked.stderr
    assert "Integrity: ok" in checked.stdout and "All good." in checked.stdout

    # With room again, every acknowledged note is there, and the refused one is not.
    assert integrity(practice / DATABASE) == "ok"
    with closing(sqlite3.connect(practice / DATABASE)) as connection:
        texts = [
            row[0].split(" ")[1]
            for row in connection.execute(
                "SELECT text FROM note WHERE journey_id = ? AND text LIKE 'note %'", (journey,)
            )
        ]
    assert texts == [line.split()[1] for line in saved]


def test_a_full_disk_stops_the_demo_without_a_trace(env: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "practice"
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**env, "PYTHONDONTWRITEBYTECODE": "1", "TMPDIR": str(tmp)}
    result = deliverydesk(
        env, "demo", "--data-dir", str(folder), "--today", TODAY, preexec_fn=disk_of(256 * 1024)
    )
    assert result.returncode == 1 and clean(result), result.stderr
    assert "disk" in result.stderr and "Nothing was changed" in result.stderr
    checked = run(env, "check", "--data-dir", str(folder))
    assert "Practice: none yet" in checked.stdout and "All good." in checked.stdout
    assert list(tmp.iterdir()) == []  # the scratch folder went too


# -- private under a permissive umask -------------------------------------------------------
@pytest.mark.slow  # many runs of the program
def test_everything_written_is_private_under_umask_022(env: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "practice"

    def umask_022() -> None:
        os.umask(0o022)

    assert (
        deliverydesk(
            env, "demo", "--data-dir", str(folder), "--today", TODAY, preexec_fn=umask_022
        ).returncode
        == 0
    )
    export = tmp_path / "offer.json"
    exported = deliverydesk(
        env,
        "offer",
        "export",
        "12-Week Clarity Coaching",
        "--out",
        str(export),
        "--data-dir",
        str(folder),
        preexec_fn=umask_022,
    )
    code = (
        "import os, sys; from pathlib import Path\n"
        "os.umask(0o022)\n"
        "from deliverydesk.store.backup import verified_backup\n"
        "folder = Path(sys.argv[1])\n"
        "verified_backup(folder / 'deliverydesk.sqlite3', folder / 'backups', 'daily')\n"
    )
    assert run(env, str(folder), code=code).returncode == 0
    modes = {p.relative_to(tmp_path): stat.S_IMODE(p.stat().st_mode) for p in folder.rglob("*")}
    modes[folder.relative_to(tmp_path)] = stat.S_IMODE(folder.stat().st_mode)
    assert exported.returncode == 0, exported.stderr
    modes[export.relative_to(tmp_path)] = stat.S_IMODE(export.stat().st_mode)
    assert any(path.name.startswith("daily-") for path in modes)
    expected = {path: 0o700 if (tmp_path / path).is_dir() else 0o600 for path in modes}
    assert modes == expected
