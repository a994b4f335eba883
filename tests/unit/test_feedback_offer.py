"""When a tick asks for feedback (services/journeys/feedback_offer.py, the one rule the
client page and Today share): a checkpoint whose phase has a survey step, done, with
nothing recorded about it yet; never a plain step, a checkpoint without a survey beside
it, an open one, or one already answered."""

from __future__ import annotations

from deliverydesk.model.rules.enums import StepKind
from deliverydesk.model.rules.offer_design import StepSpec
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.feedback import FeedbackEntry, add_feedback
from deliverydesk.services.journeys.feedback_offer import FeedbackOffer, feedback_offers
from deliverydesk.services.journeys.journeys import complete_step
from deliverydesk.services.offers.offers import create_offer
from tests.builders import INTAKE_FORM, PLAN_APPROVED, WELCOME_CALL, onboarding, phase, sprint
from tests.unit.offer_support import enrol, new_practice

SURVEY = StepSpec("How is it going?", StepKind.SURVEY)


def steps_of(ctx: Context) -> dict[str, int]:
    offer_id, _ = create_offer(
        ctx,
        sprint(
            onboarding(WELCOME_CALL, INTAKE_FORM),  # a checkpoint, no survey beside it
            phase("Deep work", 5, "Draft the plan", PLAN_APPROVED, SURVEY),
        ),
    )
    journey_id = enrol(ctx, offer_id, "Noor <b>Haddad</b>")
    detail = journey_detail(ctx, journey_id)
    return {s.title: s.id for p in detail.phases for s in p.steps}


def test_only_a_done_checkpoint_beside_a_survey_with_no_feedback_asks(ctx: Context) -> None:
    new_practice(ctx)
    ids = steps_of(ctx)
    approved, intake, draft = ids["Plan approved"], ids["Intake form"], ids["Draft the plan"]
    assert feedback_offers(ctx, [approved]) == []  # still open
    for step in (intake, draft, approved):
        complete_step(ctx, step)
    (offer,) = feedback_offers(ctx, [draft, intake, approved])
    assert offer == FeedbackOffer(offer.journey_id, approved, "Plan approved", "Noor <b>Haddad</b>")
    assert feedback_offers(ctx, []) == []

    add_feedback(ctx, offer.journey_id, FeedbackEntry(score=9, step_id=approved))
    assert feedback_offers(ctx, [approved]) == []  # answered: nothing more to ask
