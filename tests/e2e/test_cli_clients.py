"""A batch intake from a script: `client add` then `enrol`, with clear refusals."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.test_cli import DATABASE, env, run

__all__ = ["env"]  # the fixture, shared with test_cli.py

pytestmark = pytest.mark.e2e

TODAY = "2026-11-23"


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> list[str]:
    """The options pointing at a fresh copy of the demo practice, with today pinned."""
    folder = tmp_path / "practice"
    shutil.copytree(demo_template, folder)
    return ["--data-dir", str(folder), "--today", TODAY]


def journeys_of(options: list[str], name: str) -> list[tuple[str, str, str]]:
    with closing(sqlite3.connect(Path(options[1]) / DATABASE)) as connection:
        return connection.execute(
            "SELECT j.offer_name, j.status, j.start_on FROM journey j "
            "JOIN client c ON c.id = j.client_id WHERE c.name = ?",
            (name,),
        ).fetchall()


def test_add_then_enrol_a_client(env: dict[str, str], demo: list[str]) -> None:
    added = run(env, "client", "add", "Noor Haddad", "--email", "noor@example.com", *demo)
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("Added Noor Haddad (client ")
    enrolled = run(env, "enrol", "noor haddad", "brand audit", "--start", "2026-12-05", *demo)
    assert enrolled.returncode == 0, enrolled.stderr
    # Saturday 5 December rolls to Monday 7 December.
    assert "Enrolled Noor Haddad in Brand Audit, starting 2026-12-07" in enrolled.stdout
    assert journeys_of(demo, "Noor Haddad") == [("Brand Audit", "active", "2026-12-07")]


def brought_in(options: list[str], name: str) -> list[tuple[str, str | None]]:
    """(title, done on) of the client's steps brought in, in order."""
    with closing(sqlite3.connect(Path(options[1]) / DATABASE)) as connection:
        return connection.execute(
            "SELECT s.title, s.completed_on FROM journey_step s "
            "JOIN journey j ON j.id = s.journey_id JOIN client c ON c.id = j.client_id "
            "WHERE c.name = ? AND s.brought_in ORDER BY s.position",
            (name,),
        ).fetchall()


def test_enrol_a_client_already_under_way_at_a_phase_or_a_step(
    env: dict[str, str], demo: list[str]
) -> None:
    """As the window's "already under way": the place reached by name, every earlier step
    done (on its due date, or one day for all) and brought in."""
    run(env, "client", "add", "Noor Haddad", *demo)
    at_phase = run(
        env, "enrol", "Noor Haddad", "Brand Audit", "--start", "2026-11-09", "--at", "audit", *demo
    )
    assert at_phase.returncode == 0, at_phase.stderr
    assert "Already under way: 9 earlier steps marked done, brought in." in at_phase.stdout
    assert len(brought_in(demo, "Noor Haddad")) == 9

    run(env, "client", "add", "Tom Baker", *demo)
    place = "Discovery / Competitor scan: five brands"
    at_step = run(
        env, "enrol", "Tom Baker", "Brand Audit", "--start", "2026-11-09",
        "--at", place, "--done-on", "2026-11-20", *demo,
    )  # fmt: skip
    assert at_step.returncode == 0, at_step.stderr
    assert "6 earlier steps" in at_step.stdout
    assert {day for _, day in brought_in(demo, "Tom Baker")} == {"2026-11-20"}


def test_a_namesake_is_added_with_a_note(env: dict[str, str], demo: list[str]) -> None:
    run(env, "client", "add", "Noor Haddad", "--company", "Haddad Physio", *demo)
    second = run(env, "client", "add", "Noor Haddad", "--company", "Noor Studio", *demo)
    assert second.returncode == 0
    assert "a client named Noor Haddad (Haddad Physio) already exists" in second.stdout
    # Two of them: the name alone is ambiguous, and the message lists both.
    result = run(env, "enrol", "Noor Haddad", "Brand Audit", "--start", TODAY, *demo)
    assert result.returncode == 1
    assert "2 clients are called 'Noor Haddad'" in result.stderr
    assert "Haddad Physio" in result.stderr and "Noor Studio" in result.stderr
    assert journeys_of(demo, "Noor Haddad") == []


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (["enrol", "Nobody Here", "Brand Audit", "--start", TODAY], "no client is called", 1),
        (["enrol", "Noor Haddad", "Yoga Retreat", "--start", TODAY], "no offer is called", 1),
        (["enrol", "Noor Haddad", "Brand Audit", "--start", "2026-02-30"], "YYYY-MM-DD", 2),
        (["enrol", "Noor Haddad", "Brand Audit", "--start", "next week"], "YYYY-MM-DD", 2),
        (["enrol", "Noor Haddad", "Brand Audit", "--start", "2099-01-01"], "ten years", 1),
        (["enrol", "Noor Haddad", "Brand Audit"], "--start", 2),
        (
            ["enrol", "Noor Haddad", "Brand Audit", "--start", "2026-11-09", "--at", "Nowhere"],
            "neither a phase nor a step of Brand Audit",
            1,
        ),
        (
            ["enrol", "Noor Haddad", "Brand Audit", "--start", "2026-12-07", "--at", "Audit"],
            "a day still to come",
            1,
        ),
        (["client", "add", "\u200b "], "needs a name", 1),
        (["client", "add", "Sam", "--email", "sam at home"], "e-mail", 1),
    ],
    ids=[
        "unknown-client",
        "unknown-offer",
        "impossible-date",
        "words-for-a-date",
        "far-date",
        "no-start",
        "unknown-place",
        "under-way-from-a-later-day",
        "blank-name",
        "bad-email",
    ],
)
def test_mistakes_get_a_message_and_a_non_zero_exit(
    env: dict[str, str], demo: list[str], args: list[str], message: str, code: int
) -> None:
    run(env, "client", "add", "Noor Haddad", *demo)
    result = run(env, *args, *demo)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert journeys_of(demo, "Noor Haddad") == []


def test_enrolling_twice_in_the_same_offer_is_refused(env: dict[str, str], demo: list[str]) -> None:
    run(env, "client", "add", "Noor Haddad", *demo)
    assert run(env, "enrol", "Noor Haddad", "Brand Audit", "--start", TODAY, *demo).returncode == 0
    again = run(env, "enrol", "Noor Haddad", "Brand Audit", "--start", TODAY, *demo)
    assert again.returncode == 1
    assert "already on 'Brand Audit'" in again.stderr
    assert len(journeys_of(demo, "Noor Haddad")) == 1
