"""The onboarding pack's welcome letter points the client to their own next step, with a
true date, and is signed once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from deliverydesk.model.rules.enums import Owner, StepKind
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StepSpec
from deliverydesk.reports.onboarding_pack import onboarding_pack_pdf
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.journeys import complete_step
from deliverydesk.services.paper import report_packs
from deliverydesk.services.practice.brand import brand_settings, update_brand
from tests.unit.reports_support import enrol, practice, text

LETTER = (
    "Hi {client_first_name}. First: {step}, by {due_date}. Then: {next_step}.\n\n{practice_name}"
)
OFFER = OfferSpec(
    name="Launch",
    duration_weeks=2,
    welcome_template=LETTER,
    phases=(
        PhaseSpec(
            "Start",
            5,
            (
                StepSpec("Deposit invoice", StepKind.INVOICE, Owner.CLIENT),
                StepSpec("Welcome pack and workbook", StepKind.RESOURCE, Owner.ME),
                StepSpec("Intake form", StepKind.FORM, Owner.CLIENT, offset_days=1),
                StepSpec("Book the kick-off", StepKind.TASK, Owner.CLIENT, offset_days=2),
            ),
        ),
        PhaseSpec("Finish", 5, (StepSpec("Wrap-up notes", StepKind.HOMEWORK, Owner.CLIENT),)),
    ),
)


def _steps(ctx: Context, journey_id: int) -> dict[str, int]:
    return {s.title: s.id for p in journey_detail(ctx, journey_id).phases for s in p.steps}


def test_a_new_client_is_pointed_to_their_own_first_step_never_an_invoice_or_ours(
    ctx: Context,
) -> None:
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza", OFFER, start=date(2026, 11, 24))
    letter = report_packs.onboarding_pack(ctx, client_id=enrolled.client_id).welcome_letter
    # The form step in the client's words (its client wording: a form's default phrase).
    first = "First: Fill in and send back the form, by 25 Nov 2026. Then: Book the kick-off."
    assert letter.startswith(f"Hi Ana. {first}")


def test_a_client_under_way_is_pointed_to_their_next_open_step_and_told_its_date_is_past(
    ctx: Context,
) -> None:
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza", OFFER, start=date(2026, 11, 2))
    steps = _steps(ctx, enrolled.journey_id)
    complete_step(ctx, steps["Intake form"], on=date(2026, 11, 3))
    letter = report_packs.onboarding_pack(ctx, client_id=enrolled.client_id).welcome_letter
    assert letter.startswith(
        "Hi Ana. First: Book the kick-off, by 4 Nov 2026 (a date now past). Then: Wrap-up notes."
    )


def test_a_client_with_nothing_left_to_do_reads_no_empty_placeholder(ctx: Context) -> None:
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza", OFFER, start=date(2026, 11, 2))
    steps = _steps(ctx, enrolled.journey_id)
    for title in ("Intake form", "Book the kick-off", "Wrap-up notes"):
        complete_step(ctx, steps[title], on=date(2026, 11, 10))
    letter = report_packs.onboarding_pack(ctx, client_id=enrolled.client_id).welcome_letter
    assert "{" not in letter
    assert "invoice" not in letter and "Welcome pack" not in letter
    assert letter.startswith("Hi Ana.")


def test_an_offer_template_says_the_week_not_a_calendar_date(ctx: Context) -> None:
    practice(ctx)
    offer_id = enrol(ctx, "Ana Souza", OFFER).offer_id
    letter = report_packs.onboarding_pack(ctx, offer_id=offer_id).welcome_letter
    assert letter.startswith(
        "Hi there. First: Fill in and send back the form, by the end of week 1. "
        "Then: Book the kick-off."
    )  # the step in the client's words, as a client's own letter says it


def test_the_letter_is_signed_once(ctx: Context) -> None:
    practice(ctx)
    update_brand(ctx, replace(brand_settings(ctx), signature="Jo Park, North Star Coaching"))
    enrolled = enrol(ctx, "Ana Souza", OFFER, start=date(2026, 11, 24))
    words = text(
        onboarding_pack_pdf(report_packs.onboarding_pack(ctx, client_id=enrolled.client_id))
    )
    letter = words[words.index("Hi Ana.") : words.index("Your journey", words.index("Hi Ana."))]
    assert letter.count("North Star Coaching") == 1, letter
    assert letter.count("Jo Park") == 1, letter
