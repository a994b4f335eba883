"""One health verdict: the card, the client list, the first board of a start and the
client page feed the same rule the same facts, so they say the same thing in the same
words."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from deliverydesk.model.entities import Journey
from deliverydesk.model.rules.enums import Health, JourneyStatus, Owner, Severity
from deliverydesk.model.rules.health import HealthVerdict, ReasonCode
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.records import log_friction
from deliverydesk.services.offers.offers import StepSpec, create_offer
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.services.views.queries import board_rows, client_rows, rows_for_journeys
from deliverydesk.services.views.rows import JourneyRow
from deliverydesk.services.views.startup import first_board
from deliverydesk.wording import ENGLISH
from tests.builders import PROMISE, onboarding, phase, sprint

TWO_WEEKS_AGO = date(2026, 11, 9)  # today is Monday 23 November 2026
OFFER = sprint(
    onboarding(
        "Welcome call",
        StepSpec("Intake form", owner=Owner.CLIENT, offset_days=1, is_checkpoint=True),
    ),
    phase("Deep work", 5, StepSpec("Draft the plan", duration_days=2)),
    promise=PROMISE,
)


@pytest.fixture
def journey_id(ctx: Context) -> int:
    """Two weeks in: my step and the client's late, the phase over plan, two frictions."""
    create_practice(ctx, "North Star Coaching", 30, frozenset({1, 2, 3, 4, 5}))
    offer_id, _ = create_offer(ctx, OFFER)
    client_id = add_client(ctx, ClientInput("Ana Souza")).value
    journey_id = enrol_client(ctx, client_id, offer_id, TWO_WEEKS_AGO).value
    log_friction(ctx, journey_id, "Missed the welcome call", severity=Severity.MEDIUM)
    log_friction(
        ctx, journey_id, "Invoice dispute", severity=Severity.LOW, occurred_on=TWO_WEEKS_AGO
    )
    return journey_id


def every_row(ctx: Context, journey_id: int, boards: bool = True) -> dict[str, JourneyRow]:
    """The journey's row as each screen reads it (boards show active journeys only)."""
    rows = {
        "refreshed card": rows_for_journeys(ctx, [journey_id]),
        "client list": client_rows(ctx),
    }
    if boards:
        first = first_board(ctx.path.parent, ctx.clock.today())
        assert first is not None
        rows |= {"board": board_rows(ctx), "first board": first.rows}
    return {
        where: [r for r in found if r.journey_id == journey_id] for where, found in rows.items()
    }


def set_status(ctx: Context, journey_id: int, status: JourneyStatus) -> None:
    with ctx.transaction() as session:
        session.execute(update(Journey).where(Journey.id == journey_id).values(status=status))


def test_card_list_and_page_give_the_same_verdict_and_every_reason(
    ctx: Context, journey_id: int
) -> None:
    page = journey_detail(ctx, journey_id).verdict
    assert page.health is Health.OFF_TRACK
    assert [(r.code, r.subject, r.days, r.owner, r.severity) for r in page.reasons] == [
        (ReasonCode.STEP_LATE, "Welcome call", 14, Owner.ME, None),
        (ReasonCode.STEP_LATE, "Intake form", 13, Owner.CLIENT, None),
        (ReasonCode.PHASE_OVER_PLAN, "Onboarding", 12, None, None),
        (ReasonCode.OPEN_FRICTION, "Missed the welcome call", 0, None, Severity.MEDIUM),
        (ReasonCode.OPEN_FRICTION, "Invoice dispute", 0, None, Severity.LOW),
    ]
    for where, (row,) in every_row(ctx, journey_id).items():
        assert row.verdict == page, where
        assert row.open_friction == 2
        assert ENGLISH.health_line(row.health, row.reasons) == ENGLISH.verdict_line(page)


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (JourneyStatus.COMPLETED, "Completed"),
        (JourneyStatus.PAUSED, "Paused"),
        (JourneyStatus.CANCELLED, "Cancelled"),
    ],
)
def test_a_journey_not_running_is_worded_by_its_state_everywhere(
    ctx: Context, journey_id: int, status: JourneyStatus, words: str
) -> None:
    set_status(ctx, journey_id, status)
    page = journey_detail(ctx, journey_id).verdict
    assert page == HealthVerdict(Health(status.value))
    assert ENGLISH.verdict_line(page) == words
    for where, (row,) in every_row(ctx, journey_id, boards=False).items():
        assert (row.verdict, ENGLISH.verdict_line(row.verdict)) == (page, words), where
        assert not row.feedback_due
