"""Follow-ups after completion on constructed data with a known answer: none in an empty
practice or for a running journey; a journey completed today is due FOLLOW_UP_DAYS later
and listed from the week before; answered, it is gone, and the dashboard counts both."""

from __future__ import annotations

from datetime import timedelta

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.feedback import FeedbackEntry, add_feedback
from deliverydesk.services.journeys.lifecycle import complete
from deliverydesk.services.views.dashboard import dashboard
from deliverydesk.services.views.follow_ups import FOLLOW_UP_DAYS, LAPSE_DAYS, follow_ups
from tests.unit.test_services import MONDAY, Enrolled, enrol, enrolled, practice

__all__ = ["enrolled", "practice"]  # the fixtures, shared with test_services.py


def test_empty_and_running_have_none(practice: Context) -> None:
    assert follow_ups(practice) == ()
    enrol(practice)
    assert follow_ups(practice, within_days=365) == ()
    assert dashboard(practice).feedback.follow_ups_waiting == 0


def test_due_a_month_after_completion_until_answered(practice: Context, enrolled: Enrolled) -> None:
    complete(practice, enrolled.journey_id, force=True)
    assert follow_ups(practice) == ()  # due in thirty days: not this week
    clock = practice.clock
    assert isinstance(clock, FixedClock)
    due = MONDAY + timedelta(days=FOLLOW_UP_DAYS)
    clock.day = due - timedelta(days=6)  # the week before: Today shows it coming
    (row,) = follow_ups(practice)
    assert (row.journey_id, row.completed_on, row.due_on, row.days_late(clock.day)) == (
        enrolled.journey_id, MONDAY, due, 0,
    )  # fmt: skip
    assert dashboard(practice).feedback.follow_ups_waiting == 0  # not due yet

    clock.day = due + timedelta(days=2)
    assert follow_ups(practice)[0].days_late(clock.day) == 2
    assert dashboard(practice).feedback.follow_ups_waiting == 1
    add_feedback(practice, enrolled.journey_id, FeedbackEntry(8, "Still going", follow_up=True))
    assert follow_ups(practice) == ()
    figures = dashboard(practice).feedback
    assert (figures.follow_ups_answered, figures.follow_ups_waiting) == (1, 0)


def test_one_never_asked_lapses_a_month_after_its_day(
    practice: Context, enrolled: Enrolled
) -> None:
    complete(practice, enrolled.journey_id, force=True)
    clock = practice.clock
    assert isinstance(clock, FixedClock)
    due = MONDAY + timedelta(days=FOLLOW_UP_DAYS)
    clock.day = due + timedelta(days=LAPSE_DAYS)
    assert len(follow_ups(practice)) == 1 and dashboard(practice).feedback.follow_ups_waiting == 1
    clock.day += timedelta(days=1)
    assert follow_ups(practice) == () and dashboard(practice).feedback.follow_ups_waiting == 0
