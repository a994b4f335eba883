"""`deliverydesk export-ics FILE` on the demo practice: a calendar file any program reads,
and the same events (same UIDs) when exported again, or a folder of one per client;
`deliverydesk import-ics FILE [--dry-run]` prints what a calendar gives the clients'
sessions and sets it, or refuses a file that is not a calendar."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.e2e.test_cli import DATABASE, env, run
from tests.e2e.test_cli_clients import demo

__all__ = ["demo", "env"]  # the fixtures, shared with the other CLI tests

pytestmark = pytest.mark.e2e


def uids(path: Path) -> list[str]:
    return [str(e["UID"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]


def test_export_ics_writes_the_open_steps_and_keeps_their_uids(
    env: dict[str, str], demo: list[str], tmp_path: Path
) -> None:
    first, second = tmp_path / "first.ics", tmp_path / "second.ics"
    result = run(env, "export-ics", str(first), *demo)
    assert result.returncode == 0, result.stderr
    count = len(uids(first))
    assert count > 100  # the demo's two dozen clients have hundreds of open steps
    assert result.stdout.strip() == f"Wrote {count} due dates and sessions to {first}."
    assert run(env, "export-ics", str(second), *demo).returncode == 0
    assert uids(first) == uids(second)
    assert len(set(uids(first))) == count


def test_export_ics_into_a_missing_folder_says_so(
    env: dict[str, str], demo: list[str], tmp_path: Path
) -> None:
    result = run(env, "export-ics", str(tmp_path / "nowhere" / "due.ics"), *demo)
    assert result.returncode == 1
    assert "no folder" in result.stderr


def open_session_of_a_client_with_email(options: list[str]) -> tuple[str, str, str]:
    """(client, e-mail, session title): a demo client's next open session."""
    with closing(sqlite3.connect(Path(options[1]) / DATABASE)) as connection:
        row = connection.execute(
            "SELECT c.name, c.email, s.title FROM journey_step s "
            "JOIN journey j ON j.id = s.journey_id JOIN client c ON c.id = j.client_id "
            "WHERE s.kind = 'session' AND s.completed_on IS NULL AND j.status = 'active' "
            "AND c.email != '' ORDER BY s.due_on, s.position LIMIT 1"
        ).fetchone()
    assert row is not None, "the demo has a client with an e-mail and an open session"
    return row[0], row[1], row[2]


def session_times(options: list[str]) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(Path(options[1]) / DATABASE)) as connection:
        return connection.execute(
            "SELECT id, due_on, session_time, session_minutes FROM journey_step ORDER BY id"
        ).fetchall()


def test_import_ics_dry_run_prints_the_plan_then_the_import_sets_the_time(
    env: dict[str, str], demo: list[str], tmp_path: Path
) -> None:
    name, email, title = open_session_of_a_client_with_email(demo)
    path = tmp_path / "outlook.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft//Outlook//EN\r\n"
        "BEGIN:VEVENT\r\nUID:1@outlook\r\nDTSTART:20261126T100000\r\nDTEND:20261126T110000\r\n"
        f"SUMMARY:Coaching\r\nATTENDEE:mailto:{email.upper()}\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:2@outlook\r\nDTSTART:20261126T120000\r\nDTEND:20261126T130000\r\n"
        "SUMMARY:Lunch\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    before = session_times(demo)
    dry = run(env, "import-ics", str(path), "--dry-run", *demo)
    assert dry.returncode == 0, dry.stderr
    assert f"  {name} · {title}: " in dry.stdout
    assert "→ Thu 26 Nov 2026 10:00–11:00  (Coaching)" in dry.stdout
    assert "Lunch: no client's e-mail or name in it" in dry.stdout
    assert dry.stdout.rstrip().endswith("Nothing was changed. (--dry-run)")
    assert session_times(demo) == before
    done = run(env, "import-ics", str(path), *demo)
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("Set 1 session.")
    changed = [row for row in session_times(demo) if row not in before]
    assert [(r[1], str(r[2])[:5], r[3]) for r in changed] == [("2026-11-26", "10:00", 60)]


def test_import_ics_refuses_a_file_that_is_not_a_calendar(
    env: dict[str, str], demo: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "clients.ics"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    before = session_times(demo)
    result = run(env, "import-ics", str(path), *demo)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "deliverydesk: clients.ics is not a calendar file (.ics, beginning with "
        "BEGIN:VCALENDAR). Nothing was imported."
    )
    assert session_times(demo) == before


def test_export_ics_per_client_writes_a_folder_of_calendars(
    env: dict[str, str], demo: list[str], tmp_path: Path
) -> None:
    folder = tmp_path / "clients"
    folder.mkdir()
    result = run(env, "export-ics", str(folder), "--per-client", "--alarm", "10", *demo)
    assert result.returncode == 0, result.stderr
    files = sorted(folder.glob("*.ics"))
    assert len(files) > 10
    total = sum(len(uids(f)) for f in files)
    assert result.stdout.strip() == (
        f"Wrote {total} due dates and sessions to one file per client in {folder}."
    )
