"""The pure plan that brings a journey up to a newer design (no database)."""

from __future__ import annotations

from datetime import date

from deliverydesk.model.rules.calendar import WorkCalendar
from deliverydesk.model.rules.journey_update import HeldPhase, HeldStep, details_of, plan_update
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StepSpec

MONDAY = date(2026, 11, 23)
CALENDAR = WorkCalendar()
CALL = StepSpec("Call", id=10)
FORM = StepSpec("Form", offset_days=1, id=11)
OLD = OfferSpec("Offer", phases=(PhaseSpec("Start", 3, (CALL, FORM), id=1),))


def held(step: StepSpec, step_id: int, start: date, done: bool = False) -> HeldStep:
    return HeldStep(step_id, step.id, step.title, start, start, done, 0, details_of(step))


JOURNEY = [
    HeldPhase(
        100,
        1,
        "Start",
        MONDAY,
        date(2026, 11, 25),
        (held(CALL, 200, MONDAY, done=True), held(FORM, 201, date(2026, 11, 24))),
    )
]


def test_a_done_step_stays_put_when_its_design_moves_to_another_phase() -> None:
    new = OfferSpec(
        "Offer",
        phases=(
            PhaseSpec("Start", 3, (FORM,), id=1),
            PhaseSpec("Later", 2, (CALL,), id=2),
        ),
    )
    plan = plan_update(JOURNEY, 0, MONDAY, OLD, new, CALENDAR)
    start, later = plan.phases
    assert [(s.id, s.design) for s in start.steps] == [(200, None), (201, FORM)]
    assert later.id is None and later.steps == ()  # nothing to do there: Call is done
    assert later.planned_start_on == date(2026, 11, 26)
    assert plan.added == () and plan.removed == () and plan.retimed == ()
    assert plan.phases_added == ("Later",)
    assert plan.kept_done == ()  # the done step's design did not change, only its place


def test_a_second_copy_of_one_design_step_is_removed_not_doubled() -> None:
    twice = [
        HeldPhase(
            100,
            1,
            "Start",
            MONDAY,
            date(2026, 11, 25),
            (*JOURNEY[0].steps, held(FORM, 202, date(2026, 11, 24))),
        )
    ]
    plan = plan_update(twice, 0, MONDAY, OLD, OLD, CALENDAR)
    assert [s.id for s in plan.phases[0].steps] == [200, 201]
    assert plan.removed_steps == (202,)
    assert [c.title for c in plan.removed] == ["Form"]
    assert not plan.retimed and not plan.renamed and not plan.added
