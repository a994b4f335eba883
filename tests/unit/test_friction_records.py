"""Friction reopened counts in health again; taken back and put back, it keeps its id (so
the undo stack's later commands still find it) and the activity log keeps each move."""

from __future__ import annotations

from deliverydesk.model.rules.enums import ActivityKind, FrictionKind, Health, Severity
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.records import (
    Resolution,
    log_friction,
    remove_friction,
    reopen_friction,
    resolve_friction,
    set_resolution,
)
from deliverydesk.services.views.queries import board_rows
from tests.unit.test_services import MONDAY, Enrolled, enrolled, kinds, practice

__all__ = ["enrolled", "practice"]  # the fixtures, shared with test_services.py


def test_reopened_friction_counts_in_health_again(practice: Context, enrolled: Enrolled) -> None:
    friction_id, _ = log_friction(
        practice, enrolled.journey_id, "Invoice unpaid", kind=FrictionKind.PAYMENT,
        severity=Severity.HIGH,
    )  # fmt: skip
    resolve_friction(practice, friction_id, "Agreed a plan")
    (card,) = board_rows(practice, enrolled.offer_id)
    assert (card.health, card.open_friction) == (Health.ON_TRACK, 0)

    before = reopen_friction(practice, friction_id).value
    assert before == Resolution("Agreed a plan", MONDAY)
    (card,) = board_rows(practice, enrolled.offer_id)
    assert (card.health, card.open_friction) == (Health.OFF_TRACK, 1)
    (friction,) = journey_detail(practice, enrolled.journey_id).friction
    assert (friction.kind, friction.recovery, friction.resolved_on) == (
        FrictionKind.PAYMENT, "Agreed a plan", None,
    )  # fmt: skip

    set_resolution(practice, friction_id, before)  # the undo of reopening
    (card,) = board_rows(practice, enrolled.offer_id)
    assert card.open_friction == 0


def test_taken_back_and_put_back_under_its_own_id(practice: Context, enrolled: Enrolled) -> None:
    friction_id, _ = log_friction(practice, enrolled.journey_id, "Late files")
    remove_friction(practice, friction_id)
    assert journey_detail(practice, enrolled.journey_id).friction == ()
    again, _ = log_friction(practice, enrolled.journey_id, "Late files", friction_id=friction_id)
    assert again == friction_id
    detail = journey_detail(practice, enrolled.journey_id)
    assert [f.id for f in detail.friction] == [friction_id]
    assert kinds(detail)[-3:] == [
        ActivityKind.FRICTION_LOGGED,
        ActivityKind.FRICTION_REMOVED,
        ActivityKind.FRICTION_LOGGED,
    ]
