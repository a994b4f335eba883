"""The pure delivery rules behind every date, progress bar, badge and warning."""

from __future__ import annotations

from datetime import date

import pytest

from deliverydesk.model.rules.calendar import WorkCalendar
from deliverydesk.model.rules.delivery import (
    PhaseDates,
    PhasePlan,
    StepFacts,
    move_blockers,
    next_step,
    phase_status,
    progress,
    schedule,
    weekly_load,
)
from deliverydesk.model.rules.enums import JourneyStatus, Owner, PhaseStatus

MONDAY = date(2026, 11, 23)
MON_FRI = WorkCalendar()


def step(
    position: int,
    *,
    phase: int = 0,
    owner: Owner = Owner.ME,
    start: date = MONDAY,
    due: date = MONDAY,
    done: date | None = None,
    effort: int = 0,
    checkpoint: bool = False,
    title: str = "",
) -> StepFacts:
    return StepFacts(
        id=100 + position,
        title=title or f"Step {position}",
        position=position,
        phase_position=phase,
        owner=owner,
        start_on=start,
        due_on=due,
        completed_on=done,
        effort_minutes=effort,
        is_checkpoint=checkpoint,
    )


# schedule -------------------------------------------------------------------------------


def test_schedule_dates_phases_and_steps_in_working_days() -> None:
    plans = [
        PhasePlan(planned_days=3, steps=((0, 1), (2, 1))),
        PhasePlan(planned_days=2, steps=((0, 2),)),
    ]
    assert schedule(plans, MONDAY, MON_FRI) == [
        PhaseDates(
            date(2026, 11, 23),
            date(2026, 11, 25),
            ((date(2026, 11, 23), date(2026, 11, 23)), (date(2026, 11, 25), date(2026, 11, 25))),
        ),
        # The next phase starts the working day after the previous one ends.
        PhaseDates(
            date(2026, 11, 26),
            date(2026, 11, 27),
            ((date(2026, 11, 26), date(2026, 11, 27)),),
        ),
    ]


def test_a_step_longer_than_its_phase_stretches_the_phase() -> None:
    plans = [
        PhasePlan(planned_days=3, steps=((0, 1), (1, 5))),
        PhasePlan(planned_days=1, steps=((0, 1),)),
    ]
    first, second = schedule(plans, MONDAY, MON_FRI)
    # The five-day step runs Tuesday 24 to Monday 30, past the planned Wednesday 25.
    assert first.steps[1] == (date(2026, 11, 24), date(2026, 11, 30))
    assert first.end_on == date(2026, 11, 30)
    assert second.start_on == date(2026, 12, 1)
    assert second.steps == ((date(2026, 12, 1), date(2026, 12, 1)),)


def test_a_phase_ending_on_friday_is_followed_on_monday() -> None:
    plans = [PhasePlan(5, ()), PhasePlan(1, ())]
    first, second = schedule(plans, MONDAY, MON_FRI)
    assert first.end_on == date(2026, 11, 27)
    assert second.start_on == second.end_on == date(2026, 11, 30)


def test_a_journey_starting_on_a_weekend_starts_on_monday() -> None:
    (only,) = schedule([PhasePlan(1, ((0, 1),))], date(2026, 11, 28), MON_FRI)
    assert only.start_on == date(2026, 11, 30)
    assert only.steps == ((date(2026, 11, 30), date(2026, 11, 30)),)


def test_schedule_follows_the_practice_calendar() -> None:
    mon_thu = WorkCalendar(frozenset({1, 2, 3, 4}))
    (only,) = schedule([PhasePlan(2, ((1, 2),))], date(2026, 11, 25), mon_thu)
    # Wednesday + 1 is Thursday; a two-day step from Thursday is due on Monday.
    assert only.steps == ((date(2026, 11, 26), date(2026, 11, 30)),)
    assert only.end_on == date(2026, 11, 30)


# progress and next step -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("done", "total", "expected"),
    [(0, 0, 1.0), (0, 4, 0.0), (1, 4, 0.25), (4, 4, 1.0), (5, 4, 1.0), (-1, 4, 0.0)],
)
def test_progress(done: int, total: int, expected: float) -> None:
    assert progress(done, total) == expected


def test_next_step_is_the_first_open_step_by_position_not_by_date() -> None:
    steps = [
        step(0, done=MONDAY),
        step(2, due=date(2026, 11, 24), title="Due soon but later in the journey"),
        step(1, due=date(2026, 12, 10), title="Earlier in the journey"),
    ]
    upcoming = next_step(steps)
    assert upcoming is not None
    assert upcoming.title == "Earlier in the journey"


@pytest.mark.parametrize("steps", [[], [step(0, done=MONDAY), step(1, done=MONDAY)]])
def test_next_step_is_none_when_nothing_is_left(steps: list[StepFacts]) -> None:
    assert next_step(steps) is None


@pytest.mark.parametrize(
    ("position", "current", "status", "expected"),
    [
        (0, 1, JourneyStatus.ACTIVE, PhaseStatus.DONE),
        (1, 1, JourneyStatus.ACTIVE, PhaseStatus.CURRENT),
        (2, 1, JourneyStatus.ACTIVE, PhaseStatus.UPCOMING),
        (2, 1, JourneyStatus.COMPLETED, PhaseStatus.DONE),
        (1, 1, JourneyStatus.PAUSED, PhaseStatus.CURRENT),
    ],
)
def test_phase_status(
    position: int, current: int, status: JourneyStatus, expected: PhaseStatus
) -> None:
    assert phase_status(position, current, status) is expected


# moving between phases --------------------------------------------------------------------

CHECKPOINTS = [
    step(0, phase=0),
    step(1, phase=0, checkpoint=True, title="Intake form signed"),
    step(2, phase=1, checkpoint=True, title="Plan approved"),
    step(3, phase=1, checkpoint=True, done=MONDAY, title="Deposit paid"),
    step(4, phase=2, checkpoint=True, title="Final review"),
]


def test_moving_forward_over_an_open_checkpoint_is_blocked() -> None:
    blockers = move_blockers(CHECKPOINTS, current=0, target=1)
    assert [b.title for b in blockers] == ["Intake form signed"]


def test_a_done_checkpoint_does_not_block() -> None:
    steps = [step(0, phase=1, checkpoint=True, done=MONDAY)]
    assert move_blockers(steps, current=1, target=2) == []


def test_skipping_two_phases_collects_both_phases_checkpoints() -> None:
    blockers = move_blockers(CHECKPOINTS, current=0, target=2)
    # The destination phase's own checkpoint does not block entering it.
    assert [b.title for b in blockers] == ["Intake form signed", "Plan approved"]


@pytest.mark.parametrize(("current", "target"), [(2, 0), (1, 0), (1, 1)])
def test_moving_back_or_staying_is_free(current: int, target: int) -> None:
    assert move_blockers(CHECKPOINTS, current=current, target=target) == []


# weekly load ------------------------------------------------------------------------------


def test_weekly_load_counts_only_my_open_steps_with_effort() -> None:
    steps = [
        step(0, start=MONDAY, due=date(2026, 11, 27), effort=300),  # mine, Mon-Fri
        step(1, owner=Owner.CLIENT, effort=600),
        step(2, owner=Owner.THIRD_PARTY, effort=600),
        step(3, done=MONDAY, effort=600),
        step(4, effort=0),
    ]
    assert weekly_load(steps, MON_FRI) == {MONDAY: 300.0}


def test_weekly_load_spreads_effort_over_working_days_keyed_by_monday() -> None:
    # Thursday 26 to Tuesday 1 December: Thu, Fri, Mon, Tue are worked; the weekend is not.
    steps = [step(0, start=date(2026, 11, 26), due=date(2026, 12, 1), effort=240)]
    assert weekly_load(steps, MON_FRI) == {
        date(2026, 11, 23): 120.0,
        date(2026, 11, 30): 120.0,
    }


def test_weekly_load_of_a_step_on_a_day_off_lands_in_its_week() -> None:
    saturday = date(2026, 11, 28)
    steps = [
        step(0, start=saturday, due=saturday, effort=90),
        step(1, start=date(2026, 11, 16), due=date(2026, 11, 16), effort=30),
    ]
    load = weekly_load(steps, MON_FRI)
    assert load == {date(2026, 11, 16): 30.0, MONDAY: 90.0}
    assert list(load) == sorted(load)
