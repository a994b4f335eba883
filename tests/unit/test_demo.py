"""The demo practice: what someone opening DeliveryDesk for the first time would see."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from deliverydesk.cli.main import main
from deliverydesk.model.entities import (
    Activity,
    Base,
    Client,
    Feedback,
    Friction,
    Journey,
    JourneyPhase,
    JourneyStep,
    Note,
)
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.model.rules.enums import (
    ActivityKind,
    Health,
    JourneyStatus,
    Owner,
    Severity,
    StepKind,
)
from deliverydesk.model.rules.health import ReasonCode
from deliverydesk.paths import data_dir
from deliverydesk.seeding.demo import seed_demo
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.views.queries import JourneyRow, board_rows, client_rows, offer_summaries
from deliverydesk.services.views.today import today_list
from deliverydesk.store.summaries import summary_drift
from deliverydesk.wording import ENGLISH
from tests.conftest import seeded_demo

TODAY = date(2026, 11, 23)  # a Monday


def _seeded(folder: Path, today: date) -> Context:
    ctx = open_workspace(data_dir(folder), FixedClock(today))
    seed_demo(ctx)
    return ctx


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Context]:
    """The demo seeded once per session (tests/conftest.py); the tests only read it."""
    ctx = open_workspace(seeded_demo(tmp_path_factory.mktemp("demo") / "data"), FixedClock(TODAY))
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def rows(demo: Context) -> list[JourneyRow]:
    return client_rows(demo)


def _counts(ctx: Context) -> dict[str, int]:
    with ctx.db.engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }


def test_three_offers_and_25_clients_each_offer_busy(demo: Context, rows: list[JourneyRow]) -> None:
    offers = offer_summaries(demo)
    assert len(offers) == 3
    assert all(offer.active_journeys >= 4 for offer in offers)
    assert all(len(offer.phase_names) in range(4, 7) for offer in offers)
    assert len({row.client_id for row in rows}) == 25


def test_clients_sit_at_several_phases_of_every_offer(demo: Context) -> None:
    for offer in offer_summaries(demo):
        cards = board_rows(demo, offer.id)
        assert len({card.phase_position for card in cards}) >= 3, offer.name


def test_health_is_a_believable_mix(rows: list[JourneyRow]) -> None:
    active = [row for row in rows if row.status is JourneyStatus.ACTIVE]
    health = Counter(row.health for row in active)
    assert health[Health.ON_TRACK] > len(active) / 2
    assert health[Health.AT_RISK] >= 3
    assert 2 <= health[Health.OFF_TRACK] <= 4
    assert 1 <= sum(row.status is JourneyStatus.COMPLETED for row in rows) <= 2


def test_some_clients_are_late_with_their_homework(demo: Context, rows: list[JourneyRow]) -> None:
    with demo.db.sessions() as session:
        late = session.scalars(
            select(JourneyStep)
            .join(Journey, Journey.id == JourneyStep.journey_id)
            .where(
                Journey.status == JourneyStatus.ACTIVE,
                JourneyStep.owner == Owner.CLIENT,
                JourneyStep.completed_on.is_(None),
                JourneyStep.due_on < TODAY,
            )
        ).all()
    assert len({step.journey_id for step in late}) >= 2
    waiting = [
        row
        for row in rows
        if any(r.code is ReasonCode.STEP_LATE and r.owner is Owner.CLIENT for r in row.reasons)
    ]
    assert len(waiting) >= 2


def test_exactly_one_journey_has_open_friction(demo: Context) -> None:
    with demo.db.sessions() as session:
        friction = session.scalars(select(Friction)).all()
    still_open = [f for f in friction if f.resolved_on is None]
    assert len({f.journey_id for f in still_open}) == 1
    assert all(f.severity in (Severity.MEDIUM, Severity.HIGH) for f in still_open)
    assert all(len(f.description) > 40 for f in still_open)
    resolved = [f for f in friction if f.resolved_on is not None]
    assert 2 <= len(resolved) <= 3
    for f in resolved:
        assert f.recovery and f.resolved_on is not None
        assert f.occurred_on <= f.resolved_on <= TODAY


def test_feedback_was_given_at_passed_checkpoints(demo: Context, rows: list[JourneyRow]) -> None:
    with demo.db.sessions() as session:
        feedback = session.scalars(select(Feedback)).all()
        steps = {s.id: s for s in session.scalars(select(JourneyStep))}
    assert len(feedback) >= 10
    assert all(f.score is not None and 6 <= f.score <= 10 for f in feedback)
    assert sum(bool(f.words) for f in feedback) >= 10
    assert any(f.testimonial_ok for f in feedback)
    assert any(f.referral_asked for f in feedback)
    assert any(f.referral_given for f in feedback)
    for f in feedback:  # given as the checkpoint (or closing survey) passed, never ahead
        assert f.step_id is not None
        step = steps[f.step_id]
        assert step.is_checkpoint or step.kind is StepKind.SURVEY
        assert step.completed_on == f.received_on
    # A few cards ask for the feedback of a checkpoint just passed; most are up to date.
    assert 1 <= sum(row.feedback_due for row in rows) <= 5


def test_history_was_replayed_in_the_past(demo: Context) -> None:
    now = demo.clock.now()
    with demo.db.sessions() as session:
        kinds = Counter(session.scalars(select(Activity.kind)))
        latest = session.scalar(select(func.max(Activity.at)))
        done_late = session.scalar(select(func.max(JourneyStep.completed_on)))
        entered_late = session.scalar(select(func.max(JourneyPhase.started_on)))
        notes = session.scalar(select(func.count()).select_from(Note))
    assert latest is not None and latest <= now
    assert done_late is not None and done_late < TODAY
    assert entered_late is not None and entered_late <= TODAY
    assert kinds[ActivityKind.ENROLLED] == 25
    assert kinds[ActivityKind.STEP_COMPLETED] > 200
    assert kinds[ActivityKind.PHASE_MOVED] > 25
    assert ActivityKind.CHECKPOINT_OVERRIDDEN not in kinds  # checkpoints were respected
    assert notes is not None and notes >= 3


def test_todays_sessions_come_first_with_their_times(demo: Context) -> None:
    """Today opens on the day's sessions, by time, each as long as its offer says."""
    mine = today_list(demo).mine
    sessions = [row for row in mine if row.is_timed_session and row.due_on == TODAY]
    assert len(sessions) >= 3
    assert list(mine[: len(sessions)]) == sessions
    shown = [ENGLISH.timed_step(r.step_title, r.session_time, r.session_minutes) for r in sessions]
    assert shown[0] == "09:30–10:20 Coaching session 2: where you are now"
    assert shown == sorted(shown)


def test_every_session_has_a_time_in_working_hours_and_none_overlap(demo: Context) -> None:
    with demo.db.sessions() as session:
        steps = session.scalars(select(JourneyStep).where(JourneyStep.kind == StepKind.SESSION))
        booked = sorted((s.due_on, s.session_time, s.session_minutes) for s in steps)
        timed = session.scalar(
            select(func.count()).where(Activity.kind == ActivityKind.SESSION_TIMED)
        )
    assert len(booked) > 100 and timed == len(booked)  # booked as each client signed up
    assert {minutes for _day, _at, minutes in booked} == {45, 50, 60, 75, 120}
    for (day, at, minutes), (next_day, next_at, _) in itertools.pairwise(booked):
        assert at is not None and time(9) <= at and next_at is not None
        ends = datetime.combine(day, at) + timedelta(minutes=minutes)
        assert ends.time() <= time(18, 30)
        assert next_day != day or ends <= datetime.combine(day, next_at), (day, at)


def test_summaries_agree_with_the_steps(demo: Context) -> None:
    with demo.db.engine.connect() as connection:
        assert summary_drift(connection) == []  # all fourteen columns of every journey
    with demo.db.sessions() as session:
        journeys = session.scalars(
            select(Journey).options(selectinload(Journey.phases).selectinload(JourneyPhase.steps))
        ).all()
        for journey in journeys:
            steps = [step for phase in journey.phases for step in phase.steps]
            open_steps = [s for s in steps if s.completed_on is None]
            upcoming = min(open_steps, key=lambda s: s.position, default=None)
            assert journey.steps_done == len(steps) - len(open_steps)
            assert journey.next_step_id == (upcoming.id if upcoming else None)
            for phase in journey.phases[: journey.current_position]:
                assert phase.completed_on is not None, (journey.offer_name, phase.name)


def test_words_read_like_a_real_practice(demo: Context) -> None:
    with demo.db.sessions() as session:
        clients = session.scalars(select(Client)).all()
    names = [c.name for c in clients]
    assert len(set(names)) == 25
    assert any(not name.isascii() for name in names)
    assert all(c.email.endswith(("@example.com", "@example.org")) for c in clients)
    with demo.db.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for row in connection.execute(select(table)):
                text = " ".join(str(value) for value in row).lower()
                assert "lorem" not in text and "ipsum" not in text, table.name


def test_seeding_twice_refuses_and_changes_nothing(demo: Context) -> None:
    before = _counts(demo)
    with pytest.raises(InvalidInput, match="already holds a practice"):
        seed_demo(demo)
    assert _counts(demo) == before


def test_database_passes_its_integrity_check(demo: Context) -> None:
    assert demo.check().ok


def test_same_picture_on_a_saturday(tmp_path: Path) -> None:
    """Dates are counted in working days, so a weekend does not change the story."""
    ctx = _seeded(tmp_path / "data", date(2026, 11, 28))
    try:
        active = [r for r in client_rows(ctx) if r.status is JourneyStatus.ACTIVE]
        health = Counter(r.health for r in active)
        assert health[Health.ON_TRACK] > len(active) / 2
        assert 2 <= health[Health.OFF_TRACK] <= 4
        assert ctx.check().ok
    finally:
        ctx.close()


def test_command_line_demo_then_refusal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(tmp_path / "cli")
    assert main(["demo", "--data-dir", folder, "--today", "2026-11-23"]) == 0
    assert "3 offers, 25 clients" in capsys.readouterr().out
    assert main(["demo", "--data-dir", folder]) == 1
    assert "already holds a practice" in capsys.readouterr().err


def test_the_first_board_of_a_start_matches_the_full_query(demo: Context) -> None:
    """The fast first paint (plain sqlite3) shows exactly what the services would."""
    from deliverydesk.services.views.startup import first_board

    board = first_board(demo.path.parent, demo.clock.today())
    assert board is not None

    def by_id(rows: list[JourneyRow]) -> list[JourneyRow]:
        return sorted(rows, key=lambda r: r.journey_id or 0)

    assert by_id(board.rows) == by_id(board_rows(demo))
    assert board.offers == offer_summaries(demo)


def test_the_demo_reports_progress_from_its_first_second(tmp_path: Path) -> None:
    # The welcome dialog's bar: a first share once the scratch file has its tables (before
    # any client is enrolled, which used to leave it at 0 % for seconds), then only forward.
    reports: list[int] = []
    ctx = open_workspace(data_dir(tmp_path), FixedClock(TODAY))
    try:
        seed_demo(ctx, lambda done, total: reports.append(done * 100 // total))
        assert len({row.client_id for row in client_rows(ctx)}) == 25
    finally:
        ctx.close()
    assert reports[0] >= 5
    assert reports == sorted(reports) and reports[-1] == 100
