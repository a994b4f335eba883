"""Kill -9 at random moments while the services commit: no acknowledged write is ever lost,
no journey is half-written, and the file stays sound (reliability checklist A-1).

A writer (tests/e2e/kill_writer.py) adds clients, enrols them (a journey with its phases
and steps in one transaction), adds notes, ticks steps and moves journeys, acknowledging
each record only once its commit returned. It is killed with SIGKILL KILLS times, at a
random moment each time once it is at work (its first record acknowledged, so that a slow
machine changes only how much it wrote, never what is checked); after every kill the
database is opened as the app opens it.
"""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.context import open_workspace
from deliverydesk.services.offers.offers import PhaseSpec, StepSpec, create_offer
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.store.database import open_database
from tests.builders import sprint
from tests.conftest import fresh_data_dir
from tests.e2e.test_cli import DATABASE, env

__all__ = ["env"]  # the fixture, shared with test_cli.py

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

KILLS = 50
SEED = 20261123  # the kill moments are random, and the same on every run
PHASES, STEPS = 4, 5
WRITER = Path(__file__).with_name("kill_writer.py")


@pytest.fixture
def practice(tmp_path: Path) -> tuple[Path, int]:
    folder = fresh_data_dir(tmp_path / "practice")
    ctx = open_workspace(folder, FixedClock(date(2026, 11, 23)))
    create_practice(ctx, "North Star Coaching", 30, frozenset({1, 2, 3, 4, 5}))
    phases = tuple(
        PhaseSpec(f"Phase {p}", 10, tuple(StepSpec(f"Step {p}.{s}") for s in range(STEPS)))
        for p in range(PHASES)
    )
    offer_id, _ = create_offer(ctx, sprint(*phases))
    ctx.close()
    return folder, offer_id


@pytest.fixture
def server(practice: tuple[Path, int], env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    folder, offer_id = practice
    process = subprocess.Popen(
        [sys.executable, str(WRITER), str(folder), str(offer_id)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    yield process
    assert process.stdin is not None and process.stdout is not None
    process.stdin.close()
    process.wait(timeout=30)
    process.stdout.close()


def ask(server: subprocess.Popen[str], command: str) -> str:
    assert server.stdin is not None and server.stdout is not None
    server.stdin.write(command + "\n")
    server.stdin.flush()
    return server.stdout.readline().strip()


def wait_for(path: Path, text: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not (path.exists() and text in path.read_text()):
        assert time.monotonic() < deadline, f"the writer never wrote {text!r}"
        time.sleep(0.002)


def acknowledged(acks: Path) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for line in acks.read_text().splitlines():
        kind, *value = line.split()
        if value:
            found.setdefault(kind, set()).add(int(value[0]))
    return found


def verify(folder: Path, acks: dict[str, set[int]], round_: int) -> None:
    """Every acknowledged record present, every journey whole, the file sound."""
    where = f"after kill {round_}"
    with closing(sqlite3.connect(folder / DATABASE)) as connection:
        one = connection.execute
        assert one("PRAGMA integrity_check").fetchall() == [("ok",)], where
        assert one("PRAGMA foreign_key_check").fetchall() == [], where
        clients = {row[0] for row in one("SELECT id FROM client")}
        notes = {row[0] for row in one("SELECT id FROM note")}
        done = {row[0] for row in one("SELECT id FROM journey_step WHERE completed_on IS NOT NULL")}
        moved = {row[0] for row in one("SELECT id FROM journey WHERE current_position = 1")}
        shapes = one(
            "SELECT j.id, (SELECT count(*) FROM journey_phase p WHERE p.journey_id = j.id), "
            "(SELECT count(*) FROM journey_step s WHERE s.journey_id = j.id) FROM journey j"
        ).fetchall()
    assert acks.get("client", set()) <= clients, where
    assert acks.get("note", set()) <= notes, where
    assert acks.get("done", set()) <= done, where
    assert acks.get("moved", set()) <= moved, where
    assert acks.get("journey", set()) <= {journey for journey, _p, _s in shapes}, where
    half_written = [j for j, phases, steps in shapes if (phases, steps) != (PHASES, PHASES * STEPS)]
    assert half_written == [], where


def test_no_acknowledged_write_is_lost_to_kill_9(
    practice: tuple[Path, int], server: subprocess.Popen[str], tmp_path: Path
) -> None:
    folder, _offer = practice
    rng = random.Random(SEED)
    seen: dict[str, set[int]] = {}
    for round_ in range(1, KILLS + 1):
        acks = tmp_path / f"acks-{round_}.txt"
        assert ask(server, f"run {acks}").startswith("started")
        # The moment is chosen once the writer is at work (its first record acknowledged):
        # however slow the machine, every kill strikes a writer in its loop of commits.
        wait_for(acks, "client ")
        time.sleep(rng.uniform(0.0, 0.2))  # the random moment of the kill
        assert ask(server, "kill") == "killed 9"
        this_round = acknowledged(acks)
        for kind, ids in this_round.items():
            seen.setdefault(kind, set()).update(ids)
        verify(folder, seen, round_)
    # The file the app opens after all that: sound, summaries agreeing with the steps.
    database = open_database(folder)
    try:
        assert database.check().ok
    finally:
        database.close()
