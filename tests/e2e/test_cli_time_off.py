"""`time-off add|list|remove` from a script: the same checks and words as Settings →
Practice, time off that takes a week's hours away from the planner, and refusals that
change nothing."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.context import open_workspace
from deliverydesk.services.workspace import Workspace
from tests.e2e.test_cli import env, run

__all__ = ["env"]  # the fixture, shared with test_cli.py

pytestmark = pytest.mark.e2e

TODAY = date(2026, 11, 23)


@pytest.fixture
def practice(demo_template: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    """A fresh copy of the demo practice, and the options that point at it."""
    folder = tmp_path / "practice"
    shutil.copytree(demo_template, folder)
    return folder, ["--data-dir", str(folder), "--today", TODAY.isoformat()]


def listed(env: dict[str, str], options: list[str]) -> str:
    shown = run(env, "time-off", "list", *options)
    assert shown.returncode == 0, shown.stderr
    return shown.stdout


def hours_in_week(folder: Path, week: int) -> float:
    ctx = open_workspace(folder, FixedClock(TODAY))
    try:
        return Workspace(ctx).practice.planner().weeks[week].load.capacity_hours
    finally:
        ctx.close()


def test_add_list_and_remove_time_off(
    env: dict[str, str], practice: tuple[Path, list[str]]
) -> None:
    folder, options = practice
    assert listed(env, options) == "No time off.\n"
    usual = hours_in_week(folder, 4)  # the week of Mon 21 Dec
    assert usual > 0

    added = run(env, "time-off", "add", "2026-12-21", "2026-12-27", "Winter <b>break</b>", *options)
    assert added.returncode == 0, added.stderr
    assert added.stdout == (
        "Added time off 1: Mon 21 Dec 2026 – Sun 27 Dec 2026 · Winter <b>break</b>.\n"
    )
    course = run(env, "time-off", "add", "2026-12-02", "2026-12-02", *options)
    assert course.stdout == "Added time off 1: Wed 2 Dec 2026.\n"  # numbered by first day
    assert listed(env, options) == (
        "1  Wed 2 Dec 2026\n2  Mon 21 Dec 2026 – Sun 27 Dec 2026 · Winter <b>break</b>\n"
    )
    assert hours_in_week(folder, 4) == 0  # the whole week off, as Settings would make it

    again = run(env, "time-off", "add", "2026-12-02", "2026-12-02", *options)
    assert again.returncode == 0
    assert again.stdout == "That time off was kept already:\n1  Wed 2 Dec 2026\n"

    removed = run(env, "time-off", "remove", "2", *options)
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout == (
        "Removed time off 2: Mon 21 Dec 2026 – Sun 27 Dec 2026 · Winter <b>break</b>.\n"
    )
    assert listed(env, options) == "1  Wed 2 Dec 2026\n"
    assert hours_in_week(folder, 4) == usual


def test_refusals_are_plain_and_change_nothing(
    env: dict[str, str], practice: tuple[Path, list[str]]
) -> None:
    _folder, options = practice
    assert (
        run(env, "time-off", "add", "2026-12-01", "2026-12-04", "Course", *options).returncode == 0
    )
    before = listed(env, options)

    backwards = run(env, "time-off", "add", "2026-12-10", "2026-12-01", *options)
    assert backwards.returncode == 1
    assert backwards.stderr == "deliverydesk: Time off cannot end before it starts.\n"
    too_long = run(env, "time-off", "add", "2027-01-01", "2028-06-01", *options)
    assert too_long.stderr == "deliverydesk: Add time off a year at most at a time.\n"
    no_such = run(env, "time-off", "remove", "3", *options)
    assert no_such.returncode == 1
    assert no_such.stderr == (
        "deliverydesk: No time off is numbered 3; the list of time off gives each period its "
        "number.\n"
    )
    not_a_day = run(env, "time-off", "add", "next Monday", "2026-12-01", *options)
    assert not_a_day.returncode == 2
    assert "'next Monday' is not a date; write it as YYYY-MM-DD" in not_a_day.stderr
    assert "Traceback" not in backwards.stderr + no_such.stderr + not_a_day.stderr
    assert listed(env, options) == before
