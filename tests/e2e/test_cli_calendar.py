"""`deliverydesk export-ics FILE` on the demo practice: a calendar file any program reads,
and the same events (same UIDs) when exported again."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from tests.e2e.test_cli import env, run
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
