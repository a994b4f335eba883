"""Another program writing at the same moment: a use case waits its turn instead of failing."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import date

import pytest

from deliverydesk.model.rules.enums import Owner
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.journeys import add_note, complete_step, move_to_phase
from deliverydesk.services.offers.offers import StepSpec, create_offer
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.services.views.queries import client_rows
from tests.builders import onboarding, phase, sprint

HOLD_S = 0.5  # how long the other program keeps its write lock

OFFER = sprint(
    # Two steps: the tick below leaves one open, so it is one write, not a move too.
    onboarding("Welcome call", "Intake form"),
    phase("Deep work", 5, StepSpec("Plan approved", owner=Owner.CLIENT)),
)


@pytest.fixture
def journey_id(ctx: Context, today: date) -> int:
    create_practice(ctx, "North Star Coaching", 30, frozenset({1, 2, 3, 4, 5}))
    offer_id, _ = create_offer(ctx, OFFER)
    client_id = add_client(ctx, ClientInput("Ana Souza")).value
    return enrol_client(ctx, client_id, offer_id, today).value


@contextmanager
def another_writer(ctx: Context) -> Iterator[threading.Event]:
    """A second connection, as another program would open, holding the write lock for
    HOLD_S seconds from when this block starts; the event is set once it has let go."""
    locked, released = threading.Event(), threading.Event()

    def hold() -> None:
        with closing(sqlite3.connect(ctx.path, isolation_level=None)) as connection:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("UPDATE client SET phone = '555' WHERE id = 1")
            locked.set()
            time.sleep(HOLD_S)  # the other program at work; nothing here waits on a guess
            connection.execute("COMMIT")
            released.set()

    thread = threading.Thread(target=hold)
    thread.start()
    locked.wait()
    try:
        yield released
    finally:
        thread.join()


def _tick(ctx: Context, journey_id: int) -> None:
    (step,) = [s for p in journey_detail(ctx, journey_id).phases for s in p.steps][:1]
    complete_step(ctx, step.id)


USE_CASES: dict[str, Callable[[Context, int], object]] = {
    "complete_step": _tick,
    "add_note": lambda ctx, journey: add_note(ctx, journey, "Called, all fine"),
    "move_to_phase": lambda ctx, journey: move_to_phase(ctx, journey, 1, override=True),
}


@pytest.mark.parametrize("use_case", USE_CASES.values(), ids=USE_CASES.keys())
def test_a_write_waits_for_another_program_to_finish_instead_of_failing(
    ctx: Context, journey_id: int, use_case: Callable[[Context, int], object]
) -> None:
    before = len(journey_detail(ctx, journey_id).activity)
    with another_writer(ctx) as released:
        use_case(ctx, journey_id)  # a plain BEGIN would fail here at once: "database is locked"
        assert released.is_set()  # it went ahead only once the other program had finished
    assert len(journey_detail(ctx, journey_id).activity) == before + 1


def test_reading_does_not_wait_for_another_program(ctx: Context, journey_id: int) -> None:
    with another_writer(ctx) as released:
        (row,) = client_rows(ctx)
        assert not released.is_set()  # read while the other program still held its lock
    assert row.name == "Ana Souza"
