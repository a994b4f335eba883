"""`friction add|resolve|reopen|list` from a script: logged on the step it concerns,
resolved with a note and a date, reopened, and clear refusals that change nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.e2e.test_cli import env, run

__all__ = ["env"]  # the fixture, shared with test_cli.py

pytestmark = pytest.mark.e2e

TODAY = "2026-11-23"


@pytest.fixture
def journey(env: dict[str, str], demo_template: Path, tmp_path: Path) -> tuple[list[str], str]:
    """The options of a fresh copy of the demo practice, and a new client's journey."""
    folder = tmp_path / "practice"
    shutil.copytree(demo_template, folder)
    options = ["--data-dir", str(folder), "--today", TODAY]
    for command in (
        ("client", "add", "Noor Haddad"),
        ("enrol", "Noor Haddad", "Brand Audit", "--start", "2026-11-09"),
    ):
        done = run(env, *command, *options)
        assert done.returncode == 0, done.stderr
    number = done.stdout.rsplit("(journey ", 1)[1].split(")")[0]
    return options, number


def listed(env: dict[str, str], options: list[str], number: str, *more: str) -> str:
    shown = run(env, "friction", "list", "--journey", number, *more, *options)
    assert shown.returncode == 0, shown.stderr
    return shown.stdout


def test_log_resolve_and_reopen_friction(
    env: dict[str, str], journey: tuple[list[str], str]
) -> None:
    options, number = journey
    added = run(
        env, "friction", "add", number, "Invoice paid three weeks late",
        "--category", "payment", "--severity", "high",
        "--step", "competitor scan: five brands", "--on", "2026-11-20", *options,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    friction = added.stdout.split("Logged friction ", 1)[1].split(" ", 1)[0]
    line = listed(env, options, number, "--open")
    assert "Fri 20 Nov 2026  Noor Haddad (Brand Audit, journey" in line
    assert "at 'Competitor scan: five brands')  High payment: Invoice paid three weeks late" in line
    assert line.rstrip().endswith("[open]")

    resolved = run(
        env, "friction", "resolve", friction, "Agreed a payment plan",
        "--on", "2026-11-21", *options,
    )  # fmt: skip
    assert resolved.returncode == 0, resolved.stderr
    assert listed(env, options, number, "--open").strip() == "No friction open."
    assert "[resolved Sat 21 Nov 2026: Agreed a payment plan]" in listed(env, options, number)

    reopened = run(env, "friction", "reopen", friction, *options)
    assert reopened.returncode == 0, reopened.stderr
    assert listed(env, options, number, "--open").rstrip().endswith("[open]")


def test_refusals_are_plain_and_change_nothing(
    env: dict[str, str], journey: tuple[list[str], str]
) -> None:
    options, number = journey
    no_step = run(env, "friction", "add", number, "Late", "--step", "Tea break", *options)
    assert no_step.returncode == 1
    assert no_step.stderr.strip() == (
        "deliverydesk: This client's journey has no step called 'Tea break'."
    )
    future = run(env, "friction", "add", number, "Late", "--on", "2026-11-24", *options)
    assert future.returncode == 1
    assert future.stderr.strip() == (
        "deliverydesk: Friction is logged once it has happened; Tue 24 Nov 2026 is still to come."
    )
    blank = run(env, "friction", "add", number, "   ", *options)
    assert blank.returncode == 1
    assert "Say what went wrong." in blank.stderr
    assert listed(env, options, number).strip() == "No friction logged."

    added = run(env, "friction", "add", number, "Late", "--on", "2026-11-20", *options)
    friction = added.stdout.split("Logged friction ", 1)[1].split(" ", 1)[0]
    before = run(env, "friction", "resolve", friction, "Called", "--on", "2026-11-19", *options)
    assert before.returncode == 1
    assert before.stderr.strip() == (
        "deliverydesk: It cannot be resolved on Thu 19 Nov 2026, before it happened on "
        "Fri 20 Nov 2026."
    )
    later = run(env, "friction", "resolve", friction, "Called", "--on", "2026-11-30", *options)
    assert later.returncode == 1
    assert "a day still to come" in later.stderr
    gone = run(env, "friction", "resolve", "9999", "Called", *options)
    assert gone.returncode == 1
    assert gone.stderr.strip() == "deliverydesk: That friction record no longer exists."
    assert listed(env, options, number, "--open").rstrip().endswith("[open]")
    assert "Traceback" not in before.stderr + later.stderr + gone.stderr + no_step.stderr
