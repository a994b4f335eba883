"""The Practice review on constructed data: a practice with one client and no feedback
says so in words, counts its steps for the period chosen, and refuses a period that runs
backwards or ends after today."""

from __future__ import annotations

from datetime import timedelta

import pytest

from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.paper.practice_review import practice_review, review_data
from tests.unit.reports_support import fonts, text
from tests.unit.test_services import MONDAY, Enrolled, enrolled, practice

__all__ = ["enrolled", "practice"]  # the fixtures, shared with test_services.py


def test_one_client_no_feedback(practice: Context, enrolled: Enrolled) -> None:
    review = review_data(practice, MONDAY - timedelta(days=6), MONDAY)
    assert review.feedback == ("No feedback was recorded in this period.",)
    assert [f.caption for f in review.figures] == [
        "Integrity", "On time", "Bottleneck phase", "Feedback",
    ]  # fmt: skip
    assert review.figures[3].value == "–"  # no score: no figure
    assert review.weeks  # up to today: the load ahead is drawn
    pdf = practice_review(practice, MONDAY - timedelta(days=6), MONDAY)
    said = text(pdf)
    assert "Practice review 17 Nov 2026 to 23 Nov 2026" in said
    assert "No feedback was recorded in this period." in said
    assert all(fonts(pdf).values())
    earlier = review_data(practice, MONDAY - timedelta(days=30), MONDAY - timedelta(days=7))
    assert earlier.weeks == ()  # a period that ended earlier shows no load ahead


def test_a_backwards_or_future_period_is_refused(practice: Context, enrolled: Enrolled) -> None:
    with pytest.raises(InvalidInput, match="after it ends"):
        review_data(practice, MONDAY, MONDAY - timedelta(days=1))
    with pytest.raises(InvalidInput, match="still to come"):
        review_data(practice, MONDAY, MONDAY + timedelta(days=1))
