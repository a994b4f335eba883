"""Money: prices as amounts, invoices sent and paid, revenue per month and per offer, the
accountant's CSV. Every figure is checked against journeys counted by hand.

Today is Mon 23 Nov 2026. The offer "Clarity Sprint" sells at £1,200: a £300 deposit
invoiced in the first phase, a £900 balance in the second; its steps take 60 + 120 + 60
minutes of effort (4 hours), so a journey that runs its course makes £300 an hour.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from deliverydesk.model.rules.enums import ActivityKind, StepKind
from deliverydesk.model.rules.money import (
    Price,
    amount_from_text,
    parse_price,
    plan_parts,
    split_price,
)
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StepSpec
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.journeys import complete_step, reopen_step
from deliverydesk.services.journeys.lifecycle import cancel
from deliverydesk.services.money.money_csv import export_money, money_lines
from deliverydesk.services.money.payments import mark_paid, mark_unpaid
from deliverydesk.services.money.revenue import money_view
from deliverydesk.services.offers import offer_format
from deliverydesk.services.offers.offer_apply import apply_to_journeys
from deliverydesk.services.offers.offer_design import offer_design, offer_list, save_offer
from deliverydesk.services.offers.offers import create_offer
from deliverydesk.wording import RefusalCode
from deliverydesk.wording.money_words import money_text
from tests.unit.offer_support import enrol, new_practice

START = date(2026, 9, 7)  # a Monday in September
DEPOSIT = "Deposit invoice"


def priced_offer(price: int | None = 1_200_00, currency: str = "GBP") -> OfferSpec:
    return OfferSpec(
        "Clarity Sprint",
        price_minor=price,
        currency=currency,
        phases=(
            PhaseSpec(
                "Onboarding",
                5,
                (
                    StepSpec("Kick-off", StepKind.SESSION, effort_minutes=60),
                    StepSpec("Deposit invoice", StepKind.INVOICE, amount_minor=300_00),
                ),
            ),
            PhaseSpec(
                "Delivery",
                5,
                (
                    StepSpec("Plan", StepKind.DELIVERABLE, effort_minutes=120),
                    StepSpec("Wrap-up", StepKind.SESSION, effort_minutes=60),
                    StepSpec("Balance invoice", StepKind.INVOICE, amount_minor=900_00),
                ),
            ),
        ),
    )


def step_ids(ctx: Context, journey_id: int) -> dict[str, int]:
    detail = journey_detail(ctx, journey_id)
    return {s.title: s.id for p in detail.phases for s in p.steps}


def month(view_months: tuple[object, ...], first: date) -> object:
    return next(m for m in view_months if getattr(m, "month") == first)  # noqa: B009


# -- amounts and prices ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "price"),
    [
        ("£1,200", Price(1_200_00, "GBP")),
        ("1200 EUR", Price(1_200_00, "EUR")),
        ("EUR 1200", Price(1_200_00, "EUR")),
        ("€2.400,50", Price(2_400_50, "EUR")),
        ("$99.99", Price(99_99, "USD")),
        ("2400", Price(2_400_00, "")),
        ("¥150,000", Price(150_000, "JPY")),
    ],
)
def test_a_price_written_as_a_price_is_read_as_an_amount(written: str, price: Price) -> None:
    assert parse_price(written) == price


@pytest.mark.parametrize(
    "written", ["from £900", "£300/month", "on request", "£1,200 + VAT", "", "-5", "1.2.3"]
)
def test_text_that_is_more_than_a_price_stays_a_note(written: str) -> None:
    assert parse_price(written) is None


def test_amounts_are_whole_minor_units_and_refuse_what_is_not_an_amount() -> None:
    assert amount_from_text("1,200.50", "GBP") == 120_050
    assert amount_from_text(" ", "GBP") is None
    for wrong in ("twelve", "-3", "1.0055", "1e9"):
        with pytest.raises(ValueError):
            amount_from_text(wrong, "GBP")
    with pytest.raises(ValueError):
        amount_from_text("10.5", "JPY")  # yen have no minor unit


def test_money_is_written_as_a_person_reads_it() -> None:
    assert money_text(1_200_00, "GBP") == "£1,200"
    assert money_text(1_200_50, "EUR") == "€1,200.50"
    assert money_text(1_200_00, "CHF") == "1,200 CHF"
    assert money_text(1_200_00, "") == "1,200"


def test_a_payment_plan_is_a_deposit_instalments_and_a_balance_that_add_up() -> None:
    assert [p.value for p in plan_parts(4)] == ["deposit", "instalment", "instalment", "balance"]
    assert [p.value for p in plan_parts(1)] == ["full"]
    assert split_price(1_000_00, 250_00, 4) == (250_00, 250_00, 250_00, 250_00)
    split = split_price(1_000_01, 100_00, 3)
    assert split == (100_00, 450_00, 450_01) and sum(split) == 1_000_01


# -- the offer and its journeys carry the money ----------------------------------------------


def test_the_offer_file_carries_the_price_currency_and_invoice_amounts() -> None:
    spec = priced_offer()
    again = offer_format.loads(offer_format.dumps(spec))
    assert (again.price_minor, again.currency) == (1_200_00, "GBP")
    amounts = [s.amount_minor for p in again.phases for s in p.steps]
    assert amounts == [None, 300_00, None, None, 900_00]


def test_an_offer_file_with_a_wrong_amount_or_currency_is_refused_in_words() -> None:
    document = offer_format.to_document(priced_offer())
    document["offer"]["phases"][0]["steps"][1]["amount_minor"] = "300"
    with pytest.raises(InvalidInput) as refused:
        offer_format.from_document(document)
    assert refused.value.code is RefusalCode.OFFER_FILE_NOT_AN_AMOUNT
    document = offer_format.to_document(priced_offer())
    document["offer"]["currency"] = "XXX"
    with pytest.raises(InvalidInput):
        offer_format.from_document(document)


def test_an_offer_file_from_before_money_reads_without_amounts() -> None:
    document = offer_format.to_document(priced_offer())
    del document["offer"]["price_minor"], document["offer"]["currency"]
    for phase in document["offer"]["phases"]:
        for step in phase["steps"]:
            del step["amount_minor"]
    spec = offer_format.from_document(document)
    assert spec.price_minor is None and spec.currency == ""


# -- invoiced and paid -----------------------------------------------------------------------


@pytest.fixture
def sold(ctx: Context) -> tuple[Context, int, dict[str, int]]:
    new_practice(ctx)
    offer_id, _ = create_offer(ctx, priced_offer())
    journey_id = enrol(ctx, offer_id, start=START)
    return ctx, journey_id, step_ids(ctx, journey_id)


def test_no_invoice_sent_books_the_price_and_invoices_nothing(sold: tuple) -> None:
    ctx, _journey, _steps = sold
    view = money_view(ctx)
    assert view.currency == "GBP" and view.currencies == ("GBP",)
    september = month(view.months, date(2026, 9, 1))
    assert (september.booked_minor, september.invoiced_minor, september.paid_minor) == (
        1_200_00,
        0,
        0,
    )
    assert sum(m.invoiced_minor + m.paid_minor for m in view.months) == 0
    assert view.outstanding_minor == 0
    (offer,) = view.offers
    assert (offer.revenue_minor, offer.effort_minutes, offer.per_hour_minor) == (
        1_200_00,
        240,
        300_00,
    )


def test_an_invoice_ticked_is_invoiced_and_marked_paid_is_paid_in_its_months(
    sold: tuple,
) -> None:
    ctx, journey_id, steps = sold
    complete_step(ctx, steps["Deposit invoice"], date(2026, 9, 10))
    paid = mark_paid(ctx, steps["Deposit invoice"], date(2026, 10, 2))
    assert paid.value == date(2026, 10, 2)
    view = money_view(ctx)
    assert month(view.months, date(2026, 9, 1)).invoiced_minor == 300_00
    assert month(view.months, date(2026, 10, 1)).paid_minor == 300_00
    assert month(view.months, date(2026, 9, 1)).paid_minor == 0
    assert view.outstanding_minor == 0
    detail = journey_detail(ctx, journey_id)
    log = [a.kind for a in detail.activity]
    assert ActivityKind.INVOICE_PAID in log


def test_taking_back_paid_restores_the_figures_and_is_logged(sold: tuple) -> None:
    ctx, journey_id, steps = sold
    complete_step(ctx, steps["Deposit invoice"], date(2026, 9, 10))
    mark_paid(ctx, steps["Deposit invoice"], date(2026, 10, 2))
    was = mark_unpaid(ctx, steps["Deposit invoice"], expected=date(2026, 10, 2)).value
    assert was == date(2026, 10, 2)
    view = money_view(ctx)
    assert sum(m.paid_minor for m in view.months) == 0
    assert view.outstanding_minor == 300_00
    kinds = [a.kind for a in journey_detail(ctx, journey_id).activity]
    assert ActivityKind.INVOICE_UNPAID in kinds


@pytest.mark.parametrize(
    ("title", "tick", "paid_on", "code"),
    [
        ("Kick-off", date(2026, 9, 8), None, RefusalCode.STEP_NOT_AN_INVOICE),
        (DEPOSIT, None, None, RefusalCode.INVOICE_NOT_SENT),
        (DEPOSIT, date(2026, 9, 10), date(2026, 9, 9), RefusalCode.INVOICE_PAID_BEFORE_SENT),
        (DEPOSIT, date(2026, 9, 10), date(2026, 11, 24), RefusalCode.INVOICE_PAID_IN_FUTURE),
    ],
)
def test_paid_is_refused_in_words_where_it_cannot_be_and_changes_nothing(
    sold: tuple, title: str, tick: date | None, paid_on: date | None, code: RefusalCode
) -> None:
    ctx, _journey, steps = sold
    if tick is not None:
        complete_step(ctx, steps[title], tick)
    before = money_view(ctx)
    with pytest.raises(InvalidInput) as refused:
        mark_paid(ctx, steps[title], paid_on)
    assert refused.value.code is code
    assert money_view(ctx) == before


def test_an_undo_of_paid_leaves_a_mark_changed_since_alone(sold: tuple) -> None:
    ctx, _journey, steps = sold
    step = steps["Deposit invoice"]
    complete_step(ctx, step, date(2026, 9, 10))
    mark_paid(ctx, step, date(2026, 10, 2))
    with pytest.raises(InvalidInput) as refused:
        mark_unpaid(ctx, step, expected=date(2026, 10, 5))
    assert refused.value.code is RefusalCode.INVOICE_PAID_ON_OTHER_DAY
    with pytest.raises(InvalidInput):
        mark_paid(ctx, step, date(2026, 10, 9))  # already paid


def test_a_paid_invoice_is_not_opened_again_until_it_is_marked_not_paid(sold: tuple) -> None:
    ctx, _journey, steps = sold
    step = steps[DEPOSIT]
    complete_step(ctx, step, date(2026, 9, 10))
    mark_paid(ctx, step, date(2026, 9, 20))
    with pytest.raises(InvalidInput) as refused:
        reopen_step(ctx, step)
    assert refused.value.code is RefusalCode.INVOICE_PAID_STAYS_SENT
    assert money_view(ctx).outstanding_minor == 0  # still sent and paid
    mark_unpaid(ctx, step)
    assert reopen_step(ctx, step).value == date(2026, 9, 10)


def test_a_cancelled_journey_is_worth_what_was_invoiced_and_the_work_done(sold: tuple) -> None:
    ctx, journey_id, steps = sold
    complete_step(ctx, steps["Kick-off"], date(2026, 9, 8))
    complete_step(ctx, steps["Deposit invoice"], date(2026, 9, 10))
    mark_paid(ctx, steps["Deposit invoice"], date(2026, 9, 20))
    cancel(ctx, journey_id, "Moved abroad")
    view = money_view(ctx)
    september = month(view.months, date(2026, 9, 1))
    # No refund: the deposit stays booked, invoiced and paid; the balance never comes.
    assert (september.booked_minor, september.invoiced_minor, september.paid_minor) == (
        300_00,
        300_00,
        300_00,
    )
    (offer,) = view.offers
    assert (offer.revenue_minor, offer.effort_minutes, offer.per_hour_minor) == (300_00, 60, 300_00)
    lines = money_lines(ctx)
    assert [line[3] for line in lines] == ["Deposit invoice"]  # the balance never will be sent


def test_an_offer_without_a_price_is_worth_its_invoice_amounts(ctx: Context) -> None:
    new_practice(ctx)
    offer_id, _ = create_offer(ctx, OfferSpec("Free", phases=priced_offer().phases[:1]))
    enrol(ctx, offer_id, start=START)
    view = money_view(ctx)
    # Its invoice step carries an amount, so the journey is worth it, in no currency.
    assert view.currencies == ("",) and view.offers[0].revenue_minor == 300_00


def test_an_empty_practice_has_no_money_at_all(ctx: Context) -> None:
    new_practice(ctx)
    view = money_view(ctx)
    assert view.is_empty and view.offers == () and view.outstanding_minor == 0
    assert len(view.months) == 12 and view.months[-1].month == date(2026, 11, 1)


def test_invoice_steps_without_amounts_and_no_price_make_no_money_figures(ctx: Context) -> None:
    new_practice(ctx)
    bare = OfferSpec(
        "Free call",
        phases=(PhaseSpec("One", 5, (StepSpec("Invoice", StepKind.INVOICE),)),),
    )
    offer_id, _ = create_offer(ctx, bare)
    enrol(ctx, offer_id, start=START)
    assert money_view(ctx).is_empty


def test_each_currency_is_counted_on_its_own(ctx: Context) -> None:
    new_practice(ctx)
    pounds, _ = create_offer(ctx, priced_offer())
    euros, _ = create_offer(ctx, replace_name(priced_offer(5_000_00, "EUR"), "Audit"))
    enrol(ctx, pounds, "Ana", START)
    enrol(ctx, euros, "Ben", START)
    view = money_view(ctx)
    assert view.currencies == ("EUR", "GBP") and view.currency == "EUR"
    assert month(view.months, date(2026, 9, 1)).booked_minor == 5_000_00
    pounds_view = money_view(ctx, "GBP")
    assert month(pounds_view.months, date(2026, 9, 1)).booked_minor == 1_200_00


def replace_name(spec: OfferSpec, name: str) -> OfferSpec:
    return replace(spec, name=name)


# -- the accountant's CSV --------------------------------------------------------------------


def test_the_money_csv_lists_every_invoice_with_plain_amounts_and_dates(
    sold: tuple, tmp_path: Path
) -> None:
    ctx, _journey, steps = sold
    complete_step(ctx, steps["Deposit invoice"], date(2026, 9, 10))
    mark_paid(ctx, steps["Deposit invoice"], date(2026, 9, 20))
    path = tmp_path / "money.csv"
    assert export_money(ctx, path) == 2
    text = path.read_text("utf-8").splitlines()
    assert text[0] == "Client,Company,Offer,Invoice,Amount,Currency,Due,Invoiced,Paid,Status"
    assert text[1].startswith("Ana Souza,,Clarity Sprint,Deposit invoice,300.00,GBP,")
    assert text[1].endswith(",2026-09-10,2026-09-20,paid")
    assert text[2].split(",")[4:6] == ["900.00", "GBP"] and text[2].endswith(",,,planned")


def test_applying_a_newer_design_keeps_what_clients_were_sold_and_adds_new_invoices(
    sold: tuple,
) -> None:
    ctx, journey_id, _steps = sold
    offer_id = ctx_offer_id(ctx)
    spec = offer_design(ctx, offer_id).spec
    start, finish = spec.phases
    dearer = replace(
        spec,
        price_minor=1_500_00,
        phases=(
            replace(
                start,
                steps=tuple(
                    replace(s, amount_minor=400_00) if s.title == DEPOSIT else s
                    for s in start.steps
                ),
            ),
            replace(
                finish,
                steps=(
                    *finish.steps,
                    StepSpec("Extras invoice", StepKind.INVOICE, amount_minor=50_00),
                ),
            ),
        ),
    )
    save_offer(ctx, offer_id, dearer)
    apply_to_journeys(ctx, offer_id, [journey_id])
    detail = journey_detail(ctx, journey_id)
    amounts = {s.title: s.amount_minor for p in detail.phases for s in p.steps}
    assert amounts[DEPOSIT] == 300_00  # as sold
    assert amounts["Extras invoice"] == 50_00  # what the newer design adds
    assert month(money_view(ctx).months, date(2026, 9, 1)).booked_minor == 1_200_00


def ctx_offer_id(ctx: Context) -> int:
    return offer_list(ctx)[0].id
