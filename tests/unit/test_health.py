"""Health: one verdict and every reason, from plain values and a given today."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from deliverydesk.model.rules.enums import Health, JourneyStatus, Owner, Severity
from deliverydesk.model.rules.health import (
    HEALTH_RANK,
    HealthReason,
    LateStep,
    OpenFriction,
    ReasonCode,
    journey_health,
)

TODAY = date(2026, 11, 23)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def friction(text: str, severity: Severity, days: int = 0) -> OpenFriction:
    return OpenFriction(text, severity, days_ago(days))


def test_nothing_late_is_on_track() -> None:
    verdict = journey_health(TODAY, phase_name="Onboarding", phase_planned_end=TODAY)
    assert verdict.health is Health.ON_TRACK
    assert verdict.reasons == ()
    assert not verdict.in_trouble


def test_a_step_three_days_late_is_at_risk_and_says_why() -> None:
    verdict = journey_health(
        TODAY, open_steps=[LateStep("Send the workbook", days_ago(3), Owner.ME)]
    )
    assert verdict.health is Health.AT_RISK
    assert verdict.in_trouble
    assert verdict.reasons == (
        HealthReason(ReasonCode.STEP_LATE, "Send the workbook", days=3, owner=Owner.ME),
    )


def test_a_late_client_step_and_an_overrun_phase_are_off_track_in_that_order() -> None:
    verdict = journey_health(
        TODAY,
        open_steps=[LateStep("Return the intake form", days_ago(6), Owner.CLIENT)],
        phase_name="Foundations",
        phase_planned_end=days_ago(9),
    )
    assert verdict.health is Health.OFF_TRACK
    assert verdict.reasons == (
        HealthReason(ReasonCode.STEP_LATE, "Return the intake form", 6, Owner.CLIENT),
        HealthReason(ReasonCode.PHASE_OVER_PLAN, "Foundations", 9),
    )


@pytest.mark.parametrize(("late_by", "health"), [(6, Health.AT_RISK), (7, Health.OFF_TRACK)])
def test_a_week_late_is_off_track(late_by: int, health: Health) -> None:
    verdict = journey_health(TODAY, open_steps=[LateStep("Call", days_ago(late_by), Owner.ME)])
    assert verdict.health is health


@pytest.mark.parametrize(
    ("severity", "health"),
    [
        (Severity.LOW, Health.AT_RISK),
        (Severity.MEDIUM, Health.AT_RISK),
        (Severity.HIGH, Health.OFF_TRACK),
    ],
)
def test_open_friction_is_a_reason(severity: Severity, health: Health) -> None:
    verdict = journey_health(
        TODAY, open_friction=[friction("Client upset about invoice", severity)]
    )
    assert verdict.health is health
    assert verdict.reasons == (
        HealthReason(ReasonCode.OPEN_FRICTION, "Client upset about invoice", severity=severity),
    )


def test_every_open_friction_is_a_reason_most_severe_then_newest_first() -> None:
    given = [
        friction("Slow reply", Severity.LOW, days=1),
        friction("Older dispute", Severity.HIGH, days=9),
        friction("Confused", Severity.MEDIUM, days=2),
        friction("Invoice dispute", Severity.HIGH, days=3),
    ]
    for order in (given, list(reversed(given))):  # however they arrive
        verdict = journey_health(TODAY, open_friction=order)
        assert [(r.subject, r.severity) for r in verdict.reasons] == [
            ("Invoice dispute", Severity.HIGH),
            ("Older dispute", Severity.HIGH),
            ("Confused", Severity.MEDIUM),
            ("Slow reply", Severity.LOW),
        ]
        assert verdict.health is Health.OFF_TRACK


def test_only_the_most_late_step_per_owner_is_reported() -> None:
    verdict = journey_health(
        TODAY,
        open_steps=[
            LateStep("Mine, two days late", days_ago(2), Owner.ME),
            LateStep("Theirs, one day late", days_ago(1), Owner.CLIENT),
            LateStep("Mine, five days late", days_ago(5), Owner.ME),
            LateStep("Mine, four days late", days_ago(4), Owner.ME),
        ],
    )
    assert [(r.subject, r.days, r.owner) for r in verdict.reasons] == [
        ("Mine, five days late", 5, Owner.ME),
        ("Theirs, one day late", 1, Owner.CLIENT),
    ]


def test_of_two_steps_equally_late_the_first_given_is_reported() -> None:
    verdict = journey_health(
        TODAY,
        open_steps=[
            LateStep("First in the journey", days_ago(3), Owner.ME),
            LateStep("Later in the journey", days_ago(3), Owner.ME),
        ],
    )
    assert [r.subject for r in verdict.reasons] == ["First in the journey"]


@pytest.mark.parametrize("due", [TODAY, TODAY + timedelta(days=1), TODAY + timedelta(days=30)])
def test_a_step_due_today_or_later_is_not_late(due: date) -> None:
    verdict = journey_health(TODAY, open_steps=[LateStep("Upcoming call", due, Owner.ME)])
    assert verdict.health is Health.ON_TRACK
    assert verdict.reasons == ()


@pytest.mark.parametrize(
    ("status", "health"),
    [
        (JourneyStatus.COMPLETED, Health.COMPLETED),
        (JourneyStatus.PAUSED, Health.PAUSED),
        (JourneyStatus.CANCELLED, Health.CANCELLED),
    ],
)
def test_a_journey_that_is_not_running_has_its_state_and_no_reasons(
    status: JourneyStatus, health: Health
) -> None:
    verdict = journey_health(
        TODAY,
        status,
        open_steps=[LateStep("Never done", days_ago(30), Owner.ME)],
        phase_name="Delivery",
        phase_planned_end=days_ago(30),
        open_friction=[friction("Unhappy", Severity.HIGH)],
    )
    assert (verdict.health, verdict.reasons) == (health, ())
    assert not verdict.in_trouble


def test_trouble_sorts_before_fine_and_fine_before_journeys_not_running() -> None:
    ranked = sorted(Health, key=HEALTH_RANK.__getitem__)
    assert ranked[:3] == [Health.OFF_TRACK, Health.AT_RISK, Health.ON_TRACK]
    assert set(ranked[3:]) == {Health.PAUSED, Health.COMPLETED, Health.CANCELLED}
