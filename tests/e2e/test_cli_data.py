"""Owning the data from the command line, as the real program: backup, restore, JSON, CSV."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

SRC = Path(__file__).resolve().parents[2] / "src"
DATABASE = "deliverydesk.sqlite3"


def environment(home: Path) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k != "DELIVERYDESK_HOME"}
    environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(SRC), environ.get("PYTHONPATH", "")) if p
    )
    environ["HOME"] = str(home)
    environ["XDG_DATA_HOME"] = str(home / "data")
    return environ


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "deliverydesk", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def template(demo_template: Path) -> Path:
    """The demo practice seeded once per session (tests/conftest.py)."""
    return demo_template


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return environment(tmp_path / "home")


@pytest.fixture
def demo(template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "practice"
    shutil.copytree(template, folder)
    return folder


def clients(folder: Path) -> list[str]:
    uri = f"{(folder / DATABASE).resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as db:
        return [name for (name,) in db.execute("SELECT name FROM client ORDER BY id")]


def clean(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr + result.stdout


def test_backup_then_restore_then_undo_the_restore(env: dict[str, str], demo: Path) -> None:
    made = run(env, "backup", "--data-dir", str(demo))
    assert made.returncode == 0, made.stderr
    assert "25 clients" in made.stdout
    (backup,) = (demo / "backups").iterdir()
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert str(backup) in made.stdout

    added = run(env, "client", "add", "Late Arrival", "--data-dir", str(demo))
    assert added.returncode == 0, added.stderr

    restored = run(env, "restore", str(backup), "--data-dir", str(demo))
    assert restored.returncode == 0, restored.stderr
    assert "Late Arrival" not in clients(demo)
    undo_line = restored.stdout.splitlines()[-1]
    assert undo_line.startswith("To undo: deliverydesk restore ")

    kept = undo_line.removeprefix("To undo: deliverydesk restore ")
    undone = run(env, "restore", kept, "--data-dir", str(demo))
    assert undone.returncode == 0, undone.stderr
    assert "Late Arrival" in clients(demo)
    assert run(env, "check", "--data-dir", str(demo)).returncode == 0


def test_restoring_something_that_is_no_backup_changes_nothing(
    env: dict[str, str], demo: Path, tmp_path: Path
) -> None:
    before = (demo / DATABASE).read_bytes()
    junk = tmp_path / "holiday-photo.sqlite3"
    junk.write_bytes(b"\x89PNG not a database" * 100)
    for source in (junk, tmp_path / "missing.sqlite3"):
        result = run(env, "restore", str(source), "--data-dir", str(demo))
        assert result.returncode == 2
        clean(result)
        assert str(source) in result.stderr
    assert (demo / DATABASE).read_bytes() == before


def test_the_practice_goes_to_json_and_into_an_empty_folder(
    env: dict[str, str], demo: Path, tmp_path: Path
) -> None:
    path = tmp_path / "northlight.json"
    exported = run(env, "export-json", str(path), "--data-dir", str(demo))
    assert exported.returncode == 0, exported.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    fresh = tmp_path / "fresh"
    imported = run(env, "import-json", str(path), "--data-dir", str(fresh))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 25 clients" in imported.stdout
    assert clients(fresh) == clients(demo)
    assert run(env, "check", "--data-dir", str(fresh)).stdout.splitlines()[-1] == "All good."

    again = run(env, "import-json", str(path), "--data-dir", str(fresh))
    assert again.returncode == 1
    clean(again)
    assert "already holds a practice" in again.stderr


def test_clients_from_csv_with_a_report_per_row(
    env: dict[str, str], demo: Path, tmp_path: Path
) -> None:
    csv_file = tmp_path / "new-clients.csv"
    csv_file.write_bytes(
        "\ufeffName;E-mail;Notes\r\n"
        'Ines Duarte;ines@example.com;"Referred by Zoë.\r\nStarts in spring."\r\n'
        "Zoë Müller;zoe.mueller@example.com;\r\n"
        "Broken Row;broken@;\r\n".encode()
    )
    dry = run(env, "import-clients", str(csv_file), "--dry-run", "--data-dir", str(demo))
    assert dry.returncode == 1  # a row has a problem: nothing could be imported
    assert "Row 3: skipped: Same e-mail as Zoë Müller" in dry.stdout
    assert "Row 4: problem: 'broken@' does not look like an e-mail address" in dry.stdout
    assert "1 new, 1 already here (skipped), 1 with a problem." in dry.stdout

    refused = run(env, "import-clients", str(csv_file), "--data-dir", str(demo))
    assert refused.returncode == 1
    assert "Ines Duarte" not in clients(demo)

    csv_file.write_bytes(csv_file.read_bytes().replace(b"broken@;", b"broken@example.com;"))
    done = run(env, "import-clients", str(csv_file), "--data-dir", str(demo))
    assert done.returncode == 0, done.stderr
    assert "Imported 2 clients." in done.stdout
    assert clients(demo)[-2:] == ["Ines Duarte", "Broken Row"]
    assert any(p.name.startswith("before-import-") for p in (demo / "backups").iterdir())

    twice = run(env, "import-clients", str(csv_file), "--data-dir", str(demo))
    assert twice.returncode == 1
    assert "already here" in twice.stdout


def test_an_unreadable_csv_is_a_message_not_a_traceback(
    env: dict[str, str], demo: Path, tmp_path: Path
) -> None:
    for name, content in (("odd.csv", b"\xff\xfe\x00N\x00a"), ("none.csv", b"")):
        path = tmp_path / name
        path.write_bytes(content)
        result = run(env, "import-clients", str(path), "--data-dir", str(demo))
        assert result.returncode == 1
        clean(result)
        assert result.stderr.startswith("deliverydesk: ")


def test_clients_to_csv_raw_and_spreadsheet_safe(
    env: dict[str, str], demo: Path, tmp_path: Path
) -> None:
    run(env, "client", "add", '=HYPERLINK("http://x")', "--data-dir", str(demo))
    raw, safe = tmp_path / "raw.csv", tmp_path / "safe.csv"
    assert run(env, "export-clients", str(raw), "--data-dir", str(demo)).returncode == 0
    result = run(env, "export-clients", str(safe), "--spreadsheet", "--data-dir", str(demo))
    assert result.returncode == 0
    assert "Wrote 26 clients" in result.stdout
    assert '"=HYPERLINK(""http://x"")"' in raw.read_text("utf-8")
    assert '"\'=HYPERLINK(""http://x"")"' in safe.read_text("utf-8-sig")
    assert "'+49 30 5555 0142" in safe.read_text("utf-8-sig")
    assert stat.S_IMODE(safe.stat().st_mode) == 0o600


def test_clients_and_journeys_to_a_spreadsheet_every_cell_text(
    env: dict[str, str], demo: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    run(env, "client", "add", '=HYPERLINK("http://x")', "--data-dir", str(demo))
    book = tmp_path / "clients.xlsx"
    result = run(env, "export-clients", str(book), "--data-dir", str(demo))
    assert result.returncode == 0, result.stderr
    assert "Wrote 26 clients and" in result.stdout and "journeys" in result.stdout
    clients = load_workbook(book)["Clients"]
    values = {c.value: c.data_type for row in clients.iter_rows() for c in row if c.value}
    assert values['=HYPERLINK("http://x")'] == "s"  # text, not a formula
    assert values["+49 30 5555 0142"] == "s"  # the phone as typed, no '
    assert set(values.values()) == {"s"}
    assert load_workbook(book)["Journeys"].max_row > 1
    assert stat.S_IMODE(book.stat().st_mode) == 0o600


def test_a_practice_file_with_an_impossible_date_is_refused_naming_where(
    env: dict[str, str], demo: Path, tmp_path: Path
) -> None:
    import json

    path = tmp_path / "northlight.json"
    assert run(env, "export-json", str(path), "--data-dir", str(demo)).returncode == 0
    document = json.loads(path.read_text("utf-8"))
    phases = document["tables"]["journey_phase"]
    at = phases["columns"].index("started_on")
    index = next(i for i, row in enumerate(phases["rows"]) if row[at] is not None)
    phases["rows"][index][at] = "2026-02-30"
    path.write_text(json.dumps(document), "utf-8")

    fresh = tmp_path / "fresh"
    result = run(env, "import-json", str(path), "--data-dir", str(fresh))
    assert result.returncode == 1
    clean(result)
    assert result.stderr == (
        "deliverydesk: northlight.json cannot be imported, so nothing was: "
        f"journey_phase[{index}].started_on: 2026-02-30 is not a date.\n"
    )
    assert clients(fresh) == []
