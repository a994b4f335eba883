"""Benchmark data: the right counts, and summaries a board can trust."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from deliverydesk.model.entities import Base, Client, Feedback, Journey, JourneyPhase, JourneyStep
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.model.rules.delivery import StepFacts, next_step
from deliverydesk.model.rules.enums import Health, JourneyStatus
from deliverydesk.paths import data_dir
from deliverydesk.seeding.scale import seed_scale
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.views.queries import board_rows, client_rows, offer_summaries
from deliverydesk.store.summaries import summary_drift

TODAY = date(2026, 11, 23)
CLIENTS = 600
STEPS = 30


def _workspace(folder: Path) -> Context:
    return open_workspace(data_dir(folder), FixedClock(TODAY))


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Context]:
    ctx = _workspace(tmp_path_factory.mktemp("scale") / "data")
    seed_scale(ctx, CLIENTS, STEPS)
    yield ctx
    ctx.close()


def _counts(ctx: Context) -> dict[str, int]:
    with ctx.db.engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }


@pytest.fixture(scope="module")
def journeys(scaled: Context) -> list[Journey]:
    return _journeys(scaled)


def _journeys(ctx: Context) -> list[Journey]:
    with ctx.db.sessions() as session:
        return list(
            session.scalars(
                select(Journey).options(
                    selectinload(Journey.phases).selectinload(JourneyPhase.steps)
                )
            ).all()
        )


def test_counts_match_what_was_asked(scaled: Context) -> None:
    counts = _counts(scaled)
    assert counts["client"] == CLIENTS
    assert counts["journey"] == CLIENTS
    assert counts["journey_phase"] == CLIENTS * 6
    assert counts["journey_step"] == CLIENTS * STEPS
    assert counts["offer"] == 3
    assert counts["practice"] == 1
    assert counts["activity"] == CLIENTS  # one "enrolled" each


def test_mostly_active_some_completed(journeys: list[Journey]) -> None:
    statuses = Counter(j.status for j in journeys)
    assert 0 < statuses[JourneyStatus.COMPLETED] < CLIENTS * 0.2
    assert statuses[JourneyStatus.ACTIVE] > CLIENTS * 0.8


def test_summary_columns_match_the_steps(scaled: Context, journeys: list[Journey]) -> None:
    # The bulk seeder writes them itself, with the rule the session hook uses.
    with scaled.db.engine.connect() as connection:
        assert summary_drift(connection) == []
    for journey in journeys:
        facts = [
            StepFacts(
                s.id, s.title, s.position, p.position, s.owner, s.start_on, s.due_on, s.completed_on
            )
            for p in journey.phases
            for s in p.steps
        ]
        upcoming = next_step(facts)
        assert journey.steps_total == len(facts) == STEPS
        assert journey.steps_done == sum(f.done for f in facts)
        assert journey.next_step_id == (upcoming.id if upcoming else None)
        assert journey.next_step_title == (upcoming.title if upcoming else "")
        assert journey.next_step_due == (upcoming.due_on if upcoming else None)
        assert journey.next_step_owner == (upcoming.owner if upcoming else None)
        expected = upcoming.phase_position if upcoming else len(journey.phases) - 1
        assert journey.current_position == expected
        current = journey.phases[journey.current_position]
        assert current.started_on is not None
        if journey.status is JourneyStatus.COMPLETED:
            assert upcoming is None and journey.ended_on is not None


def test_every_board_has_cards_spread_over_its_phases(
    scaled: Context, journeys: list[Journey]
) -> None:
    offers = offer_summaries(scaled)
    assert len(offers) == 3
    cards = 0
    for offer in offers:
        board = board_rows(scaled, offer.id)
        assert len({card.phase_position for card in board}) == 6, offer.name
        cards += len(board)
    active = sum(j.status is JourneyStatus.ACTIVE for j in journeys)
    assert cards == active


def test_a_few_journeys_are_late(scaled: Context) -> None:
    rows = [r for r in client_rows(scaled) if r.status is JourneyStatus.ACTIVE]
    health = Counter(r.health for r in rows)
    late = len(rows) - health[Health.ON_TRACK]
    assert len(rows) * 0.05 < late < len(rows) * 0.4


def test_most_passed_checkpoints_have_feedback(scaled: Context) -> None:
    with scaled.db.sessions() as session:
        passed = session.scalar(
            select(func.count())
            .select_from(JourneyStep)
            .where(JourneyStep.is_checkpoint.is_(True), JourneyStep.completed_on.is_not(None))
        )
        given = session.execute(
            select(Feedback.received_on, JourneyStep.completed_on, JourneyStep.is_checkpoint).join(
                JourneyStep, JourneyStep.id == Feedback.step_id
            )
        ).all()
    assert passed and passed * 0.7 < len(given) < passed
    assert all(checkpoint and received == done for received, done, checkpoint in given)


def test_names_look_real(scaled: Context) -> None:
    with scaled.db.sessions() as session:
        clients = session.scalars(select(Client)).all()
    assert all(len(c.name.split()) >= 2 for c in clients)
    assert not any(c.name.lower().startswith("client") for c in clients)
    assert len({c.name for c in clients}) > CLIENTS / 2
    assert all(c.email.isascii() and c.email.endswith("@example.com") for c in clients)


def test_database_passes_its_integrity_check(scaled: Context) -> None:
    assert scaled.check().ok


def test_refuses_a_folder_that_holds_a_practice(scaled: Context) -> None:
    before = _counts(scaled)
    with pytest.raises(InvalidInput, match="already holds a practice"):
        seed_scale(scaled, 10)
    assert _counts(scaled) == before


@pytest.mark.parametrize(("clients", "steps"), [(0, 30), (10, 3), (-5, 30)])
def test_refuses_impossible_sizes(tmp_path: Path, clients: int, steps: int) -> None:
    ctx = _workspace(tmp_path / "data")
    try:
        with pytest.raises(InvalidInput):
            seed_scale(ctx, clients, steps)
        assert sum(_counts(ctx).values()) == 0
    finally:
        ctx.close()


def test_steps_that_do_not_divide_evenly(tmp_path: Path) -> None:
    ctx = _workspace(tmp_path / "data")
    try:
        seed_scale(ctx, 20, steps_per_journey=8)
        journeys = _journeys(ctx)
        assert all(j.steps_total == 8 for j in journeys)
        assert all([len(p.steps) for p in j.phases] == [2, 2, 1, 1, 1, 1] for j in journeys)
        assert ctx.check().ok
    finally:
        ctx.close()


def test_same_seed_same_data(tmp_path: Path) -> None:
    names = []
    for folder in ("a", "b"):
        ctx = _workspace(tmp_path / folder)
        try:
            seed_scale(ctx, 50)
            names.append([r.name for r in client_rows(ctx)])
        finally:
            ctx.close()
    assert names[0] == names[1]
