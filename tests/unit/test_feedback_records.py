"""Feedback changed, deleted and put back keeps its id (so the undo stack's later commands
still find it); a named referral is a referral given; a day to come and another journey's
step are refused and change nothing; the activity log keeps each move."""

from __future__ import annotations

from datetime import timedelta

import pytest

from deliverydesk.model.rules.enums import ActivityKind
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.feedback import (
    FeedbackEntry,
    add_feedback,
    change_feedback,
    remove_feedback,
)
from tests.unit.test_services import MONDAY, Enrolled, enrolled, kinds, practice

__all__ = ["enrolled", "practice"]  # the fixtures, shared with test_services.py


def test_change_delete_and_put_back_under_its_id(practice: Context, enrolled: Enrolled) -> None:
    entry = FeedbackEntry(9, " Clear and kind ", referral_name=" Noor Haddad ")
    feedback_id = add_feedback(practice, enrolled.journey_id, entry).value
    (stored,) = journey_detail(practice, enrolled.journey_id).feedback
    assert (stored.words, stored.referral_name, stored.referral_given, stored.received_on) == (
        "Clear and kind", "Noor Haddad", True, MONDAY,
    )  # fmt: skip

    before = change_feedback(practice, feedback_id, FeedbackEntry(6, "Slower now")).value
    assert (before.score, before.referral_name) == (9, "Noor Haddad")
    (changed,) = journey_detail(practice, enrolled.journey_id).feedback
    assert (changed.id, changed.score, changed.referral_name) == (feedback_id, 6, "")

    change_feedback(practice, feedback_id, before)  # the undo
    assert journey_detail(practice, enrolled.journey_id).feedback == (stored,)
    taken = remove_feedback(practice, feedback_id).value
    assert journey_detail(practice, enrolled.journey_id).feedback == ()
    add_feedback(practice, enrolled.journey_id, taken, feedback_id)  # the undo of a delete
    assert journey_detail(practice, enrolled.journey_id).feedback == (stored,)
    assert kinds(journey_detail(practice, enrolled.journey_id))[-5:] == [
        ActivityKind.FEEDBACK_RECORDED,
        ActivityKind.FEEDBACK_CHANGED,
        ActivityKind.FEEDBACK_CHANGED,
        ActivityKind.FEEDBACK_REMOVED,
        ActivityKind.FEEDBACK_RECORDED,
    ]
    with pytest.raises(InvalidInput, match="changed elsewhere"):
        add_feedback(practice, enrolled.journey_id, taken, feedback_id)  # the id is taken


def test_a_day_to_come_and_another_journey_s_step_are_refused(
    practice: Context, enrolled: Enrolled
) -> None:
    tomorrow = FeedbackEntry(9, received_on=MONDAY + timedelta(days=1))
    with pytest.raises(InvalidInput, match="still to come"):
        add_feedback(practice, enrolled.journey_id, tomorrow)
    with pytest.raises(InvalidInput, match="not part of this client's journey"):
        add_feedback(practice, enrolled.journey_id, FeedbackEntry(9, step_id=999_999))
    assert journey_detail(practice, enrolled.journey_id).feedback == ()
